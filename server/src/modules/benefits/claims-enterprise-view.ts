import type { ApplicantAllowList } from '../../kernel/timeline/audience'

/**
 * The steps of a claim its enterprise reads, with the data keys of each: built from this list, never
 * by copying the staff timeline. The handler's recommendation and anything not listed stay internal.
 */
export const ENTERPRISE_CLAIM_TIMELINE: ApplicantAllowList = {
  consent: { data: ['outcome', 'amount'] },
  apply: { data: ['outcome', 'dueAt'] },
  request_supplement: { data: ['materialKeys', 'remainingMinutes'] },
  resubmit: { data: ['materials', 'round', 'dueAt'] },
  approve: { data: ['amount'] },
  reject: {},
  withdraw: {},
  pay: { data: ['amount', 'paidOn', 'bankName', 'accountNumberMasked'] },
  exclude: {},
  rate: { data: ['level'] },
}
