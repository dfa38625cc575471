import { List, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime, formatIsoDate } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { inspectionResultsApi, type EnterpriseResult } from '../inspection-results.api'

/**
 * `/inspections/:id/result` (检查结果): what the inspectors found, as the enterprise may read it — the
 * conclusion, each problem with the decision (and, where leniency applied, the list entry and the
 * conditions confirmed; where not, why), what to correct by when and whether it is done, and the
 * re-check. The server answers an allow-list: no internal note, no earlier-offence link.
 */
export function EnterpriseResultPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('inspectionResults.mine.title')} back="/inspections">
      <RequireEnterpriseUser>{() => <EnterpriseResult />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function EnterpriseResult() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const loaded = useLoad(() => inspectionResultsApi.enterpriseResult(id), [id, i18n.language])
  if (loaded.error) return <Banner tone="error" text={errorMessage(loaded.error, t('errors.loadFailed'))} />
  const result = loaded.data
  if (!result) return <PageLoading />
  return (
    <>
      <section className="m-section">
        <h2 className="m-section-title">{t(`inspectionResults.outcomes.${result.outcome}`)}</h2>
        <p className="m-muted">
          {result.number} · {t('inspectionResults.fields.recordedAt')}{' '}
          {formatDateTime(result.recordedAt, i18n.language)}
        </p>
        <p>{result.summary}</p>
        {result.recheckPlannedOn ? (
          <p className="m-muted">
            {t('inspectionResults.mine.recheckOn', { at: formatIsoDate(result.recheckPlannedOn) })}
          </p>
        ) : null}
      </section>
      {result.problems.length ? (
        <List header={t('inspectionResults.mine.problems')}>
          {result.problems.map((p) => (
            <Problem key={p.position} problem={p} />
          ))}
        </List>
      ) : null}
    </>
  )
}

function Problem({ problem: p }: { problem: EnterpriseResult['problems'][number] }) {
  const { t, i18n } = useTranslation()
  return (
    <List.Item
      description={
        <>
          <p>
            {t('inspectionResults.fields.provision')}：{p.provision}
          </p>
          <p>
            {t('inspectionResults.fields.decision')}：{t(`inspectionResults.decisions.${p.decision}`)}
          </p>
          {p.leniency ? (
            <p>
              {t('inspectionResults.mine.leniencyBecause', {
                title: p.leniency.title,
                conditions: p.leniency.conditions.join('；'),
              })}
            </p>
          ) : null}
          {p.reason ? (
            <p>
              {t('inspectionResults.fields.reason')}：{p.reason}
            </p>
          ) : null}
          {p.penalty ? (
            <p>
              {t('inspectionResults.fields.penalty')}：{p.penalty}
            </p>
          ) : null}
          <p>
            {t('inspectionResults.fields.correction')}：{p.correction}
          </p>
          <p>
            {t('inspectionResults.mine.correctBy', { at: formatDateTime(p.correctionDueAt, i18n.language) })}
          </p>
        </>
      }
      extra={
        <Tag color={p.correctionStatus === 'corrected' ? 'success' : 'primary'} fill="outline">
          {t(`inspectionResults.corrections.${p.correctionStatus}`)}
        </Tag>
      }
    >
      {t('inspectionResults.problemN', { n: p.position })} {p.description}
    </List.Item>
  )
}
