import { Card, List, NoticeBar, Steps } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { errorMessage } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { rectificationsApi } from '../rectifications.api'
import { STATE_LABELS } from './MyRectificationsPage'

/**
 * `/rectifications/:id`: one rectification on the phone — its progress step by step, the
 * feedback the bureau gave, and, once verified, the entry to rate the fix.
 */
export function MyRectificationPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('rectifications.mine.progress')} back="/rectifications">
      <RequireEnterpriseUser>{() => <MyRectification />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyRectification() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const { id = '' } = useParams()
  const loaded = useLoad(() => rectificationsApi.mineOne(id), [id, i18n.language])
  if (loaded.error)
    return <NoticeBar color="alert" content={errorMessage(loaded.error, t('errors.loadFailed'))} />
  const r = loaded.data
  if (!r) return null
  return (
    <>
      <List>
        <List.Item extra={t(STATE_LABELS[r.status])}>
          {tx(`rectifications.subjects.${r.subjectType}`)} {r.subjectNumber ?? ''} {r.subjectTitle ?? ''}
        </List.Item>
        <List.Item extra={tx(`rectifications.levels.${r.ratingLevel}`)}>
          {t('rectifications.fields.rating')}
        </List.Item>
        <List.Item extra={r.departmentName}>{t('rectifications.fields.department')}</List.Item>
        <List.Item extra={t('rectifications.mine.dueBy', { date: formatDateTime(r.dueAt, i18n.language) })}>
          {t('rectifications.fields.dueAt')}
        </List.Item>
      </List>
      {r.feedbackNote ? (
        <Card title={t('rectifications.fields.feedback')} style={{ margin: 12 }}>
          <p style={{ margin: 0, overflowWrap: 'anywhere' }}>{r.feedbackNote}</p>
          <p style={{ margin: '8px 0 0', color: '#555' }}>
            {t('rectifications.mine.feedbackAt', { date: formatDateTime(r.feedbackAt, i18n.language) })}
          </p>
        </Card>
      ) : null}
      {r.canRateFix && r.enterpriseId ? (
        <Card title={t('rectifications.mine.rateFix')} style={{ margin: 12 }}>
          <p style={{ margin: 0 }}>{t('rectifications.mine.rateFixHint')}</p>
          {/* the ratings feature's sheet: the fix is a case of its own (subject 'rectification', stage 'final') */}
          <Link to={`/ratings/${r.enterpriseId}/rate/rectification/${r.id}/final`}>
            {t('rectifications.mine.rateFix')}
          </Link>
        </Card>
      ) : null}
      {r.finalLevel ? (
        <NoticeBar
          color="info"
          content={t('rectifications.mine.rated', { level: tx(`rectifications.levels.${r.finalLevel}`) })}
        />
      ) : null}
      <Card title={t('rectifications.mine.progress')} style={{ margin: 12 }}>
        <Steps direction="vertical">
          {r.timeline.map((e) => (
            <Steps.Step
              key={e.id}
              status="finish"
              title={tx(`rectifications.mine.steps.${e.type}`)}
              description={
                <>
                  {formatDateTime(e.at, i18n.language)}
                  {e.note ? <div style={{ overflowWrap: 'anywhere' }}>{e.note}</div> : null}
                </>
              }
            />
          ))}
        </Steps>
      </Card>
    </>
  )
}
