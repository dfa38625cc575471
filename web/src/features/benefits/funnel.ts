import type { EvaluationItem, EvaluationPolicy } from './benefits.api'

/*
 * The policy funnel as docs/METRICS.md defines it: each step with its raw number and its share of
 * the step it is counted against (both numbers shown; nothing to divide by → no share).
 */

export const FUNNEL_STEPS = ['matched', 'pushed', 'viewed', 'claimed', 'approved', 'paid'] as const
export type FunnelStep = (typeof FUNNEL_STEPS)[number]

type Funnel = Pick<
  EvaluationItem,
  'matched' | 'pushed' | 'viewed' | 'consented' | 'applied' | 'approved' | 'paid'
>

/** What each step is a share of: the server's rates (viewed/pushed, claimed/matched, paid/claimed) and the two between. */
export const SHARE_BASE: Record<Exclude<FunnelStep, 'matched'>, FunnelStep> = {
  pushed: 'matched',
  viewed: 'pushed',
  claimed: 'matched',
  approved: 'claimed',
  paid: 'claimed',
}

export function stepValue(funnel: Funnel, step: FunnelStep): number {
  return step === 'claimed' ? funnel.consented + funnel.applied : funnel[step]
}

export type StepShare = { value: number; base: number; share: number | null }

/** A step's number with its share of its base step; `share` is null when the base is zero. */
export function stepShare(funnel: Funnel, step: Exclude<FunnelStep, 'matched'>): StepShare {
  const value = stepValue(funnel, step)
  const base = stepValue(funnel, SHARE_BASE[step])
  return { value, base, share: base > 0 ? value / base : null }
}

export type Figures = Pick<
  EvaluationItem,
  | 'matched'
  | 'pushed'
  | 'viewed'
  | 'consented'
  | 'applied'
  | 'approved'
  | 'paid'
  | 'amountPaid'
  | 'medianWorkingDaysToCash'
  | 'ratings'
>

const LEVELS = ['1', '2', '3', '4', '5'] as const

/**
 * Every policy's figures added up (amounts in fen). A median cannot be added: it is the only
 * policy's, else none.
 */
export function sumPolicies(policies: readonly EvaluationPolicy[]): Figures {
  const sum: Figures = {
    matched: 0,
    pushed: 0,
    viewed: 0,
    consented: 0,
    applied: 0,
    approved: 0,
    paid: 0,
    amountPaid: 0,
    medianWorkingDaysToCash: policies.length === 1 ? policies[0]!.medianWorkingDaysToCash : null,
    ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
  }
  let fen = 0
  for (const p of policies) {
    sum.matched += p.matched
    sum.pushed += p.pushed
    sum.viewed += p.viewed
    sum.consented += p.consented
    sum.applied += p.applied
    sum.approved += p.approved
    sum.paid += p.paid
    fen += Math.round(p.amountPaid * 100)
    for (const level of LEVELS) sum.ratings[level] += p.ratings[level]
  }
  sum.amountPaid = fen / 100
  return sum
}
