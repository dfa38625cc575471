import type { Translate } from '../../app/i18n'
import { levelName } from '../../ui/ratings'
import type { AppealStatus, Clock, TimelineEvent } from './appeals.api'

export { levelName, RATING_LEVELS } from '../../ui/ratings'

export type { Translate }

/*
 * What the appeal screens say about an appeal, shared by the mobile app and the console. Pure (no UI
 * library), so both shells use it and the unit tests check every key it produces exists in both
 * catalogs.
 */

export const APPEAL_STATUSES: readonly AppealStatus[] = [
  'submitted',
  'accepted',
  'dispatched',
  'handling',
  'paused',
  'returned',
  'arbitration',
  'awaiting_approval',
  'replied',
  'closed',
  'rejected',
  'merged',
  'withdrawn',
]

/** One tone per status; each shell maps it to its own tag colour. */
export type StatusTone = 'waiting' | 'active' | 'paused' | 'problem' | 'answered' | 'done' | 'ended'

export function statusTone(status: AppealStatus): StatusTone {
  switch (status) {
    case 'submitted':
    case 'accepted':
    case 'dispatched':
      return 'waiting'
    case 'handling':
    case 'awaiting_approval':
      return 'active'
    case 'paused':
      return 'paused'
    case 'returned':
    case 'arbitration':
      return 'problem'
    case 'replied':
      return 'answered'
    case 'closed':
      return 'done'
    default:
      return 'ended'
  }
}

export const isClosedStatus = (status: AppealStatus) =>
  status === 'closed' || status === 'rejected' || status === 'merged' || status === 'withdrawn'

/** "Not solved" or a rating at or below this level reopens the appeal (server: ratingOutcome). */
export const REOPEN_AT_OR_BELOW = 2

export function ratingReopens(solved: boolean | undefined, level: number | null | undefined): boolean {
  if (solved === false) return true
  return level !== null && level !== undefined && level <= REOPEN_AT_OR_BELOW
}

// Timeline

export const EVENT_TYPES = [
  'filed',
  'accept',
  'reject',
  'merge',
  'merged_in',
  'dispatch',
  'arbitrate',
  'sign_for',
  'co_sign_for',
  'submit_part',
  'return',
  'pause',
  'resume',
  'request_extension',
  'extension_approved',
  'extension_rejected',
  'record_contact',
  'reply',
  'approve_reply',
  'reject_reply',
  'confirm',
  'reopen',
  'close_without_rating',
  'withdraw',
  'return_visit',
  'clock_warn50',
  'clock_warn80',
  'clock_breach',
  'clock_escalate2',
  'clock_escalate3',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

const isEventType = (type: string): type is EventType => (EVENT_TYPES as readonly string[]).includes(type)
const text = (value: unknown) => (typeof value === 'string' ? value : '')
const num = (value: unknown) => (typeof value === 'number' ? value : undefined)

const CLOCK_KINDS = ['sign_for', 'first_contact', 'resolution', 'co_part'] as const
const CONTACT_METHODS = ['phone', 'visit', 'message'] as const
const PAUSE_REASONS = ['awaiting_enterprise', 'awaiting_third_party'] as const
const CHANNELS = ['web', 'mobile', 'hotline', 'rating', 'cannot_do', 'visit', 'federation'] as const
const ON_BEHALF_CHANNELS = ['hotline', 'visit', 'federation'] as const
const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value)

/** One human-readable line for a timeline event, in the UI language. */
export function describeEvent(event: Pick<TimelineEvent, 'type' | 'data' | 'departmentName'>, t: Translate) {
  const { data } = event
  const department = event.departmentName ?? ''
  if (!isEventType(event.type)) return t('appeals.events.unknown', { type: event.type })
  const type: EventType = event.type
  switch (type) {
    case 'filed':
      if (!oneOf(CHANNELS, data.channel)) return t('appeals.events.filedPlain')
      // A hotline call, a company visit or a federation batch is written down by the task force.
      return t(
        (ON_BEHALF_CHANNELS as readonly string[]).includes(data.channel)
          ? 'appeals.events.filedOnBehalf'
          : 'appeals.events.filed',
        { channel: t(`appeals.channels.${data.channel}`) },
      )
    case 'merge':
      return t('appeals.events.merge', { original: text(data.original) })
    case 'merged_in':
      return t('appeals.events.merged_in', { number: text(data.number) })
    case 'dispatch':
    case 'arbitrate': {
      const lead = text(data.lead) || department
      const co = Array.isArray(data.co) ? data.co.filter((name) => typeof name === 'string') : []
      if (type === 'arbitrate') return t('appeals.events.arbitrate', { lead })
      if (data.fallback === true) return t('appeals.events.dispatchFallback', { lead })
      if (co.length)
        return t('appeals.events.dispatchWithCo', { lead, co: co.join(t('appeals.listSeparator')) })
      return t('appeals.events.dispatch', { lead })
    }
    case 'record_contact':
      if (oneOf(CONTACT_METHODS, data.method))
        return t('appeals.events.contactBy', {
          department: department || t('appeals.events.theDepartment'),
          method: t(`appeals.contactMethodsShort.${data.method}`),
        })
      return department ? t(`appeals.events.${type}`, { department }) : t(`appeals.events.${type}Plain`)
    case 'sign_for':
    case 'return':
    case 'reply':
    case 'co_sign_for':
    case 'submit_part':
      return department ? t(`appeals.events.${type}`, { department }) : t(`appeals.events.${type}Plain`)
    case 'pause':
      return oneOf(PAUSE_REASONS, data.reason)
        ? t('appeals.events.pause', { reason: t(`appeals.pauseReasons.${data.reason}`) })
        : t('appeals.events.pausePlain')
    case 'request_extension':
    case 'extension_approved':
      return t(`appeals.events.${type}`, { days: num(data.workingDays) ?? '?' })
    case 'confirm':
      return t('appeals.events.confirm', { level: levelName(num(data.level), t) || '—' })
    case 'reopen':
      return data.solved === false
        ? t('appeals.events.reopenUnsolved')
        : t('appeals.events.reopen', { level: levelName(num(data.level), t) || '—' })
    case 'return_visit': {
      if (data.status === 'unreachable') return t('appeals.events.returnVisitUnreachable')
      const solved =
        data.solved === true ? t('appeals.solvedYes') : data.solved === false ? t('appeals.solvedNo') : '—'
      return t('appeals.events.return_visit', { solved, level: levelName(num(data.level), t) || '—' })
    }
    case 'clock_warn50':
    case 'clock_warn80':
    case 'clock_breach':
    case 'clock_escalate2':
    case 'clock_escalate3':
      return t(`appeals.events.${type}`, {
        clock: oneOf(CLOCK_KINDS, data.clock) ? t(`appeals.clockKinds.${data.clock}`) : '',
      })
    default:
      return t(`appeals.events.${type}`)
  }
}

/** Every catalog key describeEvent can use (checked by the unit test). */
export const EVENT_KEYS = [
  ...EVENT_TYPES.map((type) => `appeals.events.${type}`),
  'appeals.events.dispatchFallback',
  'appeals.events.dispatchWithCo',
  'appeals.events.filedPlain',
  'appeals.events.filedOnBehalf',
  'appeals.events.sign_forPlain',
  'appeals.events.returnPlain',
  'appeals.events.replyPlain',
  'appeals.events.record_contactPlain',
  'appeals.events.co_sign_forPlain',
  'appeals.events.submit_partPlain',
  'appeals.events.contactBy',
  'appeals.events.theDepartment',
  'appeals.events.pausePlain',
  'appeals.events.reopenUnsolved',
  'appeals.events.returnVisitUnreachable',
  'appeals.events.unknown',
]

/** Events that only concern the clocks: shown quieter on the staff timeline. */
export const isClockEvent = (type: string) => type.startsWith('clock_')

// Clocks

export type ClockState = 'met' | 'missed' | 'stopped' | 'paused' | 'overdue' | 'running'

/** What a clock's state needs: both views carry it (the enterprise's clocks have no budgets). */
type ClockTimes = Pick<Clock, 'isMet' | 'stoppedAt' | 'pausedSince' | 'dueAt'>

export function clockState(clock: ClockTimes, now: Date = new Date()): ClockState {
  if (clock.isMet === true) return 'met'
  if (clock.isMet === false) return 'missed'
  if (clock.stoppedAt) return 'stopped'
  if (clock.pausedSince) return 'paused'
  if (clock.dueAt && new Date(clock.dueAt) < now) return 'overdue'
  return 'running'
}

/** Share of the working-time budget used, in % (over 100 once late). */
export function clockPercent(clock: Pick<Clock, 'usedMinutes' | 'budgetMinutes'>): number {
  if (clock.budgetMinutes <= 0) return 0
  return Math.round((clock.usedMinutes / clock.budgetMinutes) * 100)
}

/**
 * Working time as hours and minutes in words ("8 小时 54 分", "8 h 54 min"), rounded to the minute:
 * "8.9 working hours" makes a case officer do arithmetic to know how long is left.
 */
export function workingTime(minutes: number, t: Translate): string {
  const total = Math.max(0, Math.round(minutes))
  const hours = Math.floor(total / 60)
  const rest = total % 60
  if (hours && rest) return t('appeals.duration.hoursMinutes', { hours, minutes: rest })
  if (hours) return t('appeals.duration.hours', { hours })
  return t('appeals.duration.minutes', { minutes: rest })
}

/** The deadline that matters to the enterprise: the resolution clock of the latest cycle. */
export function currentResolutionClock<C extends ClockTimes & { kind: string; cycle: number }>(
  clocks: readonly C[],
): C | undefined {
  return clocks
    .filter((clock) => clock.kind === 'resolution')
    .reduce<C | undefined>(
      (latest, clock) => (!latest || clock.cycle >= latest.cycle ? clock : latest),
      undefined,
    )
}
