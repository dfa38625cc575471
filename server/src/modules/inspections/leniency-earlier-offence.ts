import { lookbackStart } from './leniency-decision'

/**
 * "An earlier offence of this kind": an earlier problem of the same enterprise, within the entry's
 * look-back, that was decided under the same list entry or cites the same provision (compared without
 * spaces and punctuation, so 《广告法》第十四条 and 广告法 第十四条 match). Pure; the service reads
 * the earlier problems once and asks this per entry.
 */
export type EarlierProblem = {
  id: string
  provision: string
  recorded_at: Date
  inspection_number: string
  entry_code: string | null
}

export function normalizeProvision(text: string): string {
  return text.replace(/[\s《》〈〉「」“”"'、，,。.；;：:（）()]/g, '')
}

export function findEarlierOffence(
  earlier: readonly EarlierProblem[],
  kind: { entryCode: string | null; provision: string | null; lookbackMonths: number },
  at: Date,
): EarlierProblem | null {
  const since = lookbackStart(at, kind.lookbackMonths).getTime()
  const provision = kind.provision ? normalizeProvision(kind.provision) : null
  for (const p of earlier) {
    if (p.recorded_at.getTime() < since || p.recorded_at.getTime() > at.getTime()) continue
    if (kind.entryCode && p.entry_code === kind.entryCode) return p
    if (provision && normalizeProvision(p.provision) === provision) return p
  }
  return null
}
