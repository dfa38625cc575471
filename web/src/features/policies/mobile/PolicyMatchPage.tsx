import { Button, ErrorBlock } from 'antd-mobile'
import { useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatIsoDate } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { formatAmount } from '../policy-labels'
import { policiesApi, type MatchView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { ExplanationView } from './ExplanationView'
import { ModeTag, OutcomeTag } from './PolicyTags'
import '../../../ui/mobile/policy-pages.css'
import { Slot } from '../../../app/slots'

/** `/enterprises/:id/policies/:itemId`: one item explained for this enterprise (opening it counts as viewed). */
export function PolicyMatchPage() {
  const { t } = usePolicyText()
  const { id = '', itemId = '' } = useParams()
  return (
    <MobilePage title={t('policies.match.title')} back={paths.enterprisePolicies(id)}>
      <RequireEnterpriseUser>{() => <PolicyMatch enterpriseId={id} itemId={itemId} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function PolicyMatch({ enterpriseId, itemId }: { enterpriseId: string; itemId: string }) {
  const { t, language } = usePolicyText()
  const navigate = useNavigate()
  // Opening the item is what the server counts as viewed (the list's "new" mark goes with it).
  const match = useLoad(() => policiesApi.match(enterpriseId, itemId), [enterpriseId, itemId, language])

  if (match.error)
    return (
      <>
        <ErrorBlock
          status="empty"
          title={errorMessage(match.error, t('errors.loadFailed'))}
          description={t('policies.match.notFoundHint')}
        />
        <div className="m-button-stack m-after-block">
          <Button block size="large" onClick={() => void navigate(paths.enterprisePolicies(enterpriseId))}>
            {t('policies.match.backToList')}
          </Button>
        </div>
      </>
    )
  if (!match.data) return <PageLoading />
  const { item, explanation } = match.data

  return (
    <>
      <ItemHeader match={match.data} />
      <ExplanationView
        explanation={explanation}
        onCompleteFacts={(keys) => void navigate(paths.enterpriseFacts(enterpriseId, keys))}
      />
      <section className="m-section" aria-labelledby="how-title">
        <h2 id="how-title" className="m-section-title">
          {t('policies.match.howTitle')}
        </h2>
        <p style={{ marginTop: 0 }}>{t(`policies.match.how.${item.mode}`)}</p>
        <dl className="m-kv">
          <dt>{t('policies.fields.department')}</dt>
          <dd>{item.departmentName ?? '—'}</dd>
          <dt>{t('policies.fields.promisedWorkingDays')}</dt>
          <dd>{t('policies.fields.workingDaysValue', { count: item.promisedWorkingDays })}</dd>
          {item.effectiveTo ? (
            <>
              <dt>{t('policies.fields.effectiveTo')}</dt>
              <dd>{formatIsoDate(item.effectiveTo)}</dd>
            </>
          ) : null}
        </dl>
        {item.requiredMaterials.length ? (
          <>
            <h3 className="m-subtitle">{t('policies.fields.materials')}</h3>
            <ul className="m-bullets">
              {item.requiredMaterials.map((m) => (
                <li key={m.key}>
                  {language === 'en' ? m.nameEn : m.nameZh}
                  {m.isRequired ? '' : <span className="m-muted"> · {t('policies.fields.optional')}</span>}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <Slot name="policyItem.actions" enterpriseId={enterpriseId} match={match.data} />
      </section>
    </>
  )
}

function ItemHeader({ match }: { match: MatchView }) {
  const { t, tx, language } = usePolicyText()
  const { item, explanation } = match
  const counts = {
    pass: explanation.conditions.filter((c) => c.result === 'pass').length,
    total: explanation.conditions.length,
  }
  return (
    <section className={`m-section m-match-head is-${explanation.outcome}`} aria-labelledby="item-title">
      <div className="m-tag-list">
        <OutcomeTag outcome={explanation.outcome} />
        <ModeTag mode={item.mode} />
      </div>
      <h2 id="item-title" className="m-match-title">
        {item.title}
      </h2>
      <p className="m-muted" style={{ margin: 0 }}>
        {item.policyTitle}
      </p>
      <p className="m-muted" style={{ margin: '2px 0 0' }}>
        {[item.documentNumber, item.issuer].filter(Boolean).join(' · ')}
      </p>
      {item.summary ? <p className="m-match-summary">{item.summary}</p> : null}
      <p className="m-match-verdict">
        {tx(`policies.match.verdict.${explanation.outcome}`, {
          pass: counts.pass,
          total: counts.total,
          missing: explanation.missingFacts.length,
        })}
      </p>
      {explanation.amount !== null || explanation.amountText ? (
        <div className="m-amount-box">
          <span className="m-muted">
            {explanation.outcome === 'eligible'
              ? t('policies.match.amountYours')
              : t('policies.match.amountIf')}
          </span>
          <strong>
            {explanation.amount !== null
              ? formatAmount(explanation.amount, language)
              : explanation.amountText}
          </strong>
        </div>
      ) : item.benefitKind === 'service' ? (
        <div className="m-amount-box">
          <span className="m-muted">{t('policies.match.serviceBenefit')}</span>
        </div>
      ) : null}
    </section>
  )
}
