import { checkUscc, usccFailureMessages, type DivisionLookup, type UsccRule } from '@shared/uscc'
import type { Translate } from '../app/i18n'

/**
 * The client-side check of a unified social credit code with the server's own pure validator
 * (GB 32100-2015, GB 11714, GB/T 2260). Answers every broken rule as an i18n key and its parameters,
 * or nothing. Without a division lookup, positions 3–8 are checked only for a real province; the
 * register page passes the lookup the server's reference endpoint answered (docs/decisions/0019).
 */
export type UsccProblem = { key: `uscc.${UsccRule}`; params: { position: number | ''; found: string } }

export function usccProblems(input: string, isDivision?: DivisionLookup): UsccProblem[] {
  const result = checkUscc(input, isDivision)
  return result.ok ? [] : usccFailureMessages(result.failures)
}

/** The one message under the field, every broken rule named: the same joining as the server's. */
export function usccMessage(problems: UsccProblem[], t: Translate): string {
  return problems.map((p) => t(p.key, p.params)).join('；')
}
