import { formatDateTime } from '../../../ui/format'
import type { ClaimEvent } from '../benefits.api'
import { useBenefitText } from '../use-benefit-text'

/** Every step of the claim, oldest first, in words; the note under each step (reasons, comments). */
export function ClaimTimeline({ events }: { events: ClaimEvent[] }) {
  const text = useBenefitText()
  if (!events.length) return <p className="m-muted">{text.t('benefits.detail.noEvents')}</p>
  return (
    <ol className="m-timeline">
      {events.map((event) => (
        <li key={event.id} className="m-timeline-item">
          <span className="m-timeline-dot" aria-hidden="true" />
          <div className="m-timeline-body">
            <div className="m-timeline-title">{text.event(event)}</div>
            <div className="m-muted">
              <time dateTime={event.at}>{formatDateTime(event.at, text.language)}</time>
              {event.actorRole ? ` · ${text.role(event.actorRole)}` : ''}
            </div>
            {event.note ? <p className="m-timeline-note">{event.note}</p> : null}
          </div>
        </li>
      ))}
    </ol>
  )
}
