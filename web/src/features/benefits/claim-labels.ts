import type { Translate } from '../../app/i18n'
import { levelName } from '../../ui/ratings'
import { formatAmount } from '../../ui/amount'
import type { ClaimEvent, ClaimStatus } from './benefits.api'
import { eventNumber, eventString } from './claim-rules'

export type { Translate }

/** Every claim status (benefits.schema.ts CLAIM_STATUSES): each has a name in both catalogs. */
export const CLAIM_STATUS_LIST: readonly ClaimStatus[] = [
  'consented',
  'submitted',
  'supplement_requested',
  'recommended',
  'approved',
  'rejected',
  'withdrawn',
  'paid',
  'excluded',
]

/** The moves of claim-states.ts and the two starts: the types a timeline event can have. */
export const CLAIM_EVENT_TYPES = [
  'consent',
  'apply',
  'request_supplement',
  'resubmit',
  'recommend',
  'approve',
  'reject',
  'withdraw',
  'pay',
  'exclude',
  'rate',
] as const
type EventType = (typeof CLAIM_EVENT_TYPES)[number]
const isEventType = (type: string): type is EventType =>
  (CLAIM_EVENT_TYPES as readonly string[]).includes(type)

/** One line for a timeline event, in the UI language, with the amount, date or level it carries. */
export function describeClaimEvent(event: Pick<ClaimEvent, 'type' | 'data'>, t: Translate, language: string) {
  if (!isEventType(event.type)) return t('benefits.events.unknown', { type: event.type })
  const amount = eventNumber(event, 'amount')
  const money = amount === undefined ? '' : formatAmount(amount, language)
  switch (event.type) {
    case 'consent':
      return money ? t('benefits.events.consentAmount', { amount: money }) : t('benefits.events.consent')
    case 'resubmit':
      return t('benefits.events.resubmit', { round: eventNumber(event, 'round') ?? 1 })
    case 'recommend':
      return t(
        event.data.approve === false ? 'benefits.events.recommendReject' : 'benefits.events.recommend',
        {
          amount: money || '—',
        },
      )
    case 'approve':
    case 'reject': {
      const line =
        event.type === 'reject'
          ? t('benefits.events.reject')
          : money
            ? t('benefits.events.approveAmount', { amount: money })
            : t('benefits.events.approve')
      // A decision after the promised working days says so: the clock is the city's promise.
      return event.data.isLate === true ? `${line}${t('benefits.events.lateSuffix')}` : line
    }
    case 'pay': {
      const paid = { amount: money || '—', paidOn: eventString(event, 'paidOn') ?? '—' }
      const bank = eventString(event, 'bankName')
      const number = eventString(event, 'accountNumberMasked')
      // Payouts since settlement accounts say where the money went (masked).
      return bank && number
        ? t('benefits.events.payTo', { ...paid, bank, number })
        : t('benefits.events.pay', paid)
    }
    case 'rate':
      return t('benefits.events.rate', { level: levelName(eventNumber(event, 'level'), t) })
    default:
      return t(`benefits.events.${event.type}`)
  }
}
