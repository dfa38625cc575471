import type { AppDeps } from '../../kernel/http/app-env'
import { indicatorOf } from './benchmark-catalogue'

/**
 * The formulas of computed indicators. A formula returns, per city month of the period, a numerator
 * and a denominator (a count of cases, or a sum of days over a count): a month's value is their
 * ratio, a year's the ratio of their sums — so a year is never the mean of monthly means. Percent
 * indicators are scaled by 100 when presented (benchmark-gaps.ts).
 */
export type ComputedPart = { month: string; numerator: number; denominator: number }
export type IndicatorFormula = (
  deps: AppDeps,
  period: { from: Date; to: Date; timeZone: string },
) => Promise<ComputedPart[]>

const formulas = new Map<string, IndicatorFormula>()

/**
 * Makes a catalogued indicator computed. Called once by the module that owns the data, from a file
 * its entry imports (the commitments ledger will register `arrearsDays` this way). Throws at start-up
 * for a key the catalogue does not know, so a typo cannot pass silently.
 */
export function registerComputedIndicator(key: string, formula: IndicatorFormula): void {
  if (!indicatorOf(key)) throw new Error(`benchmarks: no catalogued indicator ${key}`)
  formulas.set(key, formula)
}

export function formulaOf(key: string): IndicatorFormula | undefined {
  return formulas.get(key)
}
