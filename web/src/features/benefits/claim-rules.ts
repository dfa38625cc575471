import type { BenefitMode, MatchOutcome } from '@shared/policies'
import { isActiveClaim } from '../../ui/claim-status'
import type { ClaimDetail, ClaimEvent, ClaimSummary } from './benefits.api'

/*
 * What the benefit screens decide without a UI: which action an item offers this enterprise, how a
 * claim's status reads, the supplement request to answer. The server decides every move
 * (allowedActions); these only choose what to show before asking it.
 */

export { isActiveClaim, statusTone, type StatusTone } from '../../ui/claim-status'

/**
 * What the item page offers: the claim that holds the item (its status and a link), else the way
 * to claim it that fits the mode — a one-tap consent only when eligible now (the server refuses
 * otherwise), an application also while undetermined (the materials may prove what is missing).
 * `previous` is the latest closed claim (withdrawn, rejected, excluded): shown beside a new start.
 */
export type ItemAction =
  | { kind: 'claimed'; claim: ClaimSummary }
  | { kind: 'consent'; previous?: ClaimSummary }
  | { kind: 'apply'; previous?: ClaimSummary }
  | { kind: 'notYet'; mode: BenefitMode; previous?: ClaimSummary }

export function itemActionFor(
  mode: BenefitMode,
  outcome: MatchOutcome,
  claimsOfItem: readonly ClaimSummary[],
): ItemAction {
  const sorted = [...claimsOfItem].sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  const active = sorted.find((c) => isActiveClaim(c.status))
  if (active) return { kind: 'claimed', claim: active }
  const previous = sorted[0]
  if (mode === 'no_application')
    return outcome === 'eligible' ? { kind: 'consent', previous } : { kind: 'notYet', mode, previous }
  return outcome === 'ineligible' ? { kind: 'notYet', mode, previous } : { kind: 'apply', previous }
}

/** The department's latest supplement request while it waits for the enterprise: its note and the materials to upload again. */
export function openSupplementRequest(
  claim: Pick<ClaimDetail, 'status' | 'timeline'>,
): { note: string | null; materialKeys: string[]; at: string } | undefined {
  if (claim.status !== 'supplement_requested') return undefined
  const event = [...claim.timeline].reverse().find((e) => e.type === 'request_supplement')
  if (!event) return undefined
  const keys = event.data.materialKeys
  return {
    note: event.note,
    materialKeys: Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : [],
    at: event.at,
  }
}

/** Working minutes as whole hours and minutes ("kept while a supplement is requested"). */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  const safe = Math.max(0, Math.round(total))
  return { hours: Math.floor(safe / 60), minutes: safe % 60 }
}

/** A number the events carry in `data`, or undefined. */
export function eventNumber(event: Pick<ClaimEvent, 'data'>, key: string): number | undefined {
  const value = event.data[key]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function eventString(event: Pick<ClaimEvent, 'data'>, key: string): string | undefined {
  const value = event.data[key]
  return typeof value === 'string' ? value : undefined
}

/** Only non-empty lists go to the server (a material key with no files is an error there). */
export function materialsBody(
  uploaded: Readonly<Record<string, readonly string[]>>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(uploaded)
      .filter(([, ids]) => ids.length > 0)
      .map(([key, ids]) => [key, [...ids]]),
  )
}
