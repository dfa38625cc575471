import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../../ui/format'
import type { EnterpriseTimelineEvent } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'

/** Every step of the appeal, oldest first, in words; reasons and comments under each step. */
export function AppealTimeline({ events }: { events: EnterpriseTimelineEvent[] }) {
  const { t } = useTranslation()
  const text = useAppealText()
  if (!events.length) return <p className="m-muted">{t('appeals.detail.noEvents')}</p>
  return (
    <ol className="m-timeline">
      {events.map((event) => {
        const line = text.event(event)
        // The department is named once: in the sentence when it says it, otherwise after the time.
        const department =
          event.departmentName && !line.includes(event.departmentName) ? event.departmentName : ''
        return (
          <li key={event.id} className="m-timeline-item">
            <span className="m-timeline-dot" aria-hidden="true" />
            <div className="m-timeline-body">
              <div className="m-timeline-title">{line}</div>
              <div className="m-muted">
                <time dateTime={event.at}>{formatDateTime(event.at, text.language)}</time>
                {department ? ` · ${department}` : ''}
              </div>
              {event.note ? <p className="m-timeline-note">{event.note}</p> : null}
            </div>
          </li>
        )
      })}
    </ol>
  )
}
