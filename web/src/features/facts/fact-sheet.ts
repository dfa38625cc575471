import { draftOf, isDeclarable, type FactDraft } from '../../ui/fact-input'
import type { FactDefinition, FactHistoryItem, RawFactValue } from './facts.api'

/**
 * The enterprise's own value of a fact for a fiscal year (or for a fact without years): the live
 * declared value from the history. A department's verified value may be the one rules read; the
 * form still starts from what the enterprise itself said. Pure.
 */
export function ownDeclaredValue(
  history: readonly FactHistoryItem[],
  key: string,
  period: string | null,
): RawFactValue | null {
  const live = history.find(
    (h) => h.key === key && h.source === 'declared' && h.isCurrent && (h.period ?? null) === period,
  )
  return live?.value ?? null
}

/** The form's starting drafts: every declarable fact at the enterprise's own value for `period`. */
export function baselineDrafts(
  definitions: readonly FactDefinition[],
  history: readonly FactHistoryItem[],
  period: string,
): Record<string, FactDraft> {
  const drafts: Record<string, FactDraft> = {}
  for (const def of definitions.filter(isDeclarable))
    drafts[def.key] = draftOf(def, ownDeclaredValue(history, def.key, def.isPeriodic ? period : null))
  return drafts
}

/** `?keys=a,b` as a list of known keys, in the order given. */
export function requestedKeys(param: string | null, definitions: readonly FactDefinition[]): string[] {
  if (!param) return []
  const known = new Set(definitions.map((d) => d.key))
  return [...new Set(param.split(',').map((k) => k.trim()))].filter((k) => known.has(k))
}
