import { Collapse, Steps } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../ui/format'
import type { ApplicantTimeline, ApplicationNoticeList } from '../services.api'

/** The steps the applicant reads, oldest first, each dated (and the department that took it). */
export function ApplicationTimeline({ items }: { items: ApplicantTimeline['items'] }) {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, options?: Record<string, unknown>) => string
  if (items.length === 0) return null
  return (
    <section className="m-section" aria-labelledby="application-timeline">
      <h2 id="application-timeline" className="m-section-title">
        {t('services.application.timeline')}
      </h2>
      <Steps direction="vertical" current={items.length - 1}>
        {items.map((e) => (
          <Steps.Step
            key={e.id}
            status="finish"
            title={tx(`services.staff.events.${e.type}`, { defaultValue: e.type })}
            description={
              <>
                <span>{formatDateTime(e.at, i18n.language)}</span>
                {e.departmentName ? <span>{` · ${e.departmentName}`}</span> : null}
                {e.note ? <span className="apply-step-note">{e.note}</span> : null}
              </>
            }
          />
        ))}
      </Steps>
    </section>
  )
}

/** Every notice the applicant was given (受理通知书, 补正告知书, 决定书 …), dated; each opens to its text. */
export function ApplicationNotices({
  items,
  open,
}: {
  items: ApplicationNoticeList['items']
  /** the notice opened first (the decision, once there is one) */
  open?: string
}) {
  const { t, i18n } = useTranslation()
  if (items.length === 0) return null
  return (
    <section className="m-section" aria-labelledby="application-notices">
      <h2 id="application-notices" className="m-section-title">
        {t('services.application.notices')}
      </h2>
      <Collapse defaultActiveKey={open ? [open] : []}>
        {items.map((n) => (
          <Collapse.Panel
            key={n.id}
            title={
              <span className="apply-notice-title">
                <span>{n.title}</span>
                <span className="m-muted">{formatDateTime(n.issuedAt, i18n.language)}</span>
              </span>
            }
          >
            <div className="apply-notice-body">{n.body}</div>
          </Collapse.Panel>
        ))}
      </Collapse>
    </section>
  )
}
