import type { LeniencyCondition, LeniencyConditionKey, LeniencyList } from './inspection-results.tables'

/**
 * Whether a no-penalty entry (首违不罚 / 轻微不罚) applies to one problem, from the entry's conditions
 * and the facts: pure, so every rule is a row of a table test (leniency-decision.test.ts).
 *
 * - Every condition of the entry must be confirmed by the inspector, one by one: leniency is never
 *   assumed from an entry merely matching.
 * - "First offence" is also a fact the platform knows: an earlier problem of the same kind of this
 *   enterprise within the entry's look-back (two years for SAMR) defeats it whatever is confirmed.
 * - The entry must be in force on the day of the result (effective on or before it).
 */
export type LeniencyEntryFacts = {
  list: LeniencyList
  conditions: readonly LeniencyCondition[]
  /** 'YYYY-MM-DD' */
  effectiveOn: string
}

export type ProblemFacts = {
  /** the condition keys the inspector confirmed */
  confirmed: readonly string[]
  /** an earlier offence of this kind within the entry's look-back */
  hasEarlierOffence: boolean
  /** 'YYYY-MM-DD', the city's date of the result */
  decidedOn: string
}

export type LeniencyFailure =
  | { why: 'not_in_force' }
  | { why: 'earlier_offence' }
  | { why: 'not_confirmed'; condition: LeniencyConditionKey }
  | { why: 'unknown_condition'; condition: string }

export type LeniencyVerdict = { applies: true } | { applies: false; failures: LeniencyFailure[] }

export function decideLeniency(entry: LeniencyEntryFacts, facts: ProblemFacts): LeniencyVerdict {
  const failures: LeniencyFailure[] = []
  if (entry.effectiveOn > facts.decidedOn) failures.push({ why: 'not_in_force' })
  const keys = new Set<string>(entry.conditions.map((c) => c.key))
  const needsFirstOffence = keys.has('first_offence')
  if (needsFirstOffence && facts.hasEarlierOffence) failures.push({ why: 'earlier_offence' })
  for (const condition of entry.conditions)
    if (!facts.confirmed.includes(condition.key))
      failures.push({ why: 'not_confirmed', condition: condition.key })
  // A confirmation the entry does not ask for is a mistake in the form, not a harmless extra.
  for (const key of facts.confirmed)
    if (!keys.has(key)) failures.push({ why: 'unknown_condition', condition: key })
  return failures.length ? { applies: false, failures } : { applies: true }
}

/** "First offence": the earliest instant an earlier offence still counts (the look-back in months). */
export function lookbackStart(decidedAt: Date, lookbackMonths: number): Date {
  const start = new Date(decidedAt)
  start.setUTCMonth(start.getUTCMonth() - lookbackMonths)
  return start
}
