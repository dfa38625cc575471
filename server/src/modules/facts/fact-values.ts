import { isKnownIndustryCode } from '../../shared/industries'
import { isRealDate } from '../../shared/rules/dates'
import type { RawValue } from '../../shared/rules/evaluate'
import type { FactDefinition } from '../../shared/rules/fact-schema'

/**
 * Fact values: checked against their definition, parsed from what people type into a spreadsheet,
 * stored in typed columns, and resolved to the one value a rule reads. Pure, with table tests.
 */
export type ValueCheck =
  { ok: true; value: RawValue } | { ok: false; reason: string; params?: Record<string, string | number> }

export type DivisionCheck = (code: string) => boolean

/** A value as sent in JSON: the right type, within range, a known code. */
export function checkFactValue(def: FactDefinition, value: unknown, isDivision: DivisionCheck): ValueCheck {
  switch (def.type) {
    case 'number':
    case 'money':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e15
        ? { ok: true, value }
        : { ok: false, reason: 'facts.value.number' }
    case 'integer':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) < 1e9
        ? { ok: true, value: value as number }
        : { ok: false, reason: 'facts.value.integer' }
    case 'ratio':
      return typeof value === 'number' && value >= 0 && value <= 1
        ? { ok: true, value }
        : { ok: false, reason: 'facts.value.ratio' }
    case 'boolean':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, reason: 'facts.value.boolean' }
    case 'date':
      return typeof value === 'string' && isRealDate(value)
        ? { ok: true, value }
        : { ok: false, reason: 'facts.value.date' }
    case 'enum': {
      const codes = (def.values ?? []).map((v) => v.code)
      return typeof value === 'string' && codes.includes(value)
        ? { ok: true, value }
        : {
            ok: false,
            reason: 'facts.value.enum',
            params: { allowed: (def.values ?? []).map((v) => v.zh).join('、') },
          }
    }
    case 'tags': {
      const codes = (def.values ?? []).map((v) => v.code)
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && codes.includes(v)))
        return { ok: false, reason: 'facts.value.tags' }
      return { ok: true, value: [...new Set(value as string[])].sort() }
    }
    case 'industry':
      return typeof value === 'string' && isKnownIndustryCode(value)
        ? { ok: true, value }
        : { ok: false, reason: 'facts.value.industry' }
    case 'division':
      return typeof value === 'string' && isDivision(value)
        ? { ok: true, value }
        : { ok: false, reason: 'facts.value.division' }
  }
}

const MULTIPLIER: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 }

/** A number as people write it in a spreadsheet: 3,000,000 / 300万 / 300万元 / 1.5亿. */
export function parseNumberCell(text: string): number | undefined {
  const cleaned = text.replace(/[,，\s]/g, '').replace(/(元|人|个月|月|年)$/, '')
  const m = /^(-?\d+(?:\.\d+)?)([千万亿]*)$/.exec(cleaned)
  if (!m) return undefined
  let n = Number(m[1])
  for (const ch of m[2]!) n *= MULTIPLIER[ch]!
  return n
}

/** One spreadsheet cell as a value of the definition's type; then checked like a JSON value. */
export function parseFactCell(def: FactDefinition, cell: string, isDivision: DivisionCheck): ValueCheck {
  const text = cell.trim()
  let value: unknown = text
  switch (def.type) {
    case 'number':
    case 'money':
    case 'integer':
      value = parseNumberCell(text)
      break
    case 'ratio': {
      const percent = /^(-?\d+(?:\.\d+)?)\s*[%％]$/.exec(text)
      value = percent ? Number(percent[1]) / 100 : parseNumberCell(text)
      break
    }
    case 'boolean': {
      const yes = ['是', 'true', 'yes', 'y', '1', '有']
      const no = ['否', 'false', 'no', 'n', '0', '无']
      const lower = text.toLowerCase()
      value = yes.includes(lower) ? true : no.includes(lower) ? false : undefined
      break
    }
    case 'date':
      value = text
        .replace(/\//g, '-')
        .replace(/^(\d{4})-(\d)-/, '$1-0$2-')
        .replace(/-(\d)$/, '-0$1')
      break
    case 'enum':
      value =
        (def.values ?? []).find(
          (v) => v.code === text || v.zh === text || v.en.toLowerCase() === text.toLowerCase(),
        )?.code ?? text
      break
    case 'tags':
      value = text
        .split(/[、,，;；\s]+/)
        .filter(Boolean)
        .map((t) => (def.values ?? []).find((v) => v.code === t || v.zh === t)?.code ?? t)
      break
    case 'industry':
      value = text.toUpperCase()
      break
  }
  return checkFactValue(def, value, isDivision)
}

/** The typed columns a value is stored in: numbers and booleans in value_num, codes and dates in value_text, tags in value_tags. */
export function toColumns(def: FactDefinition, value: RawValue) {
  if (def.type === 'tags') return { value_num: null, value_text: null, value_tags: value as string[] }
  if (def.type === 'boolean') return { value_num: value ? 1 : 0, value_text: null, value_tags: null }
  if (typeof value === 'number') return { value_num: value, value_text: null, value_tags: null }
  return { value_num: null, value_text: String(value), value_tags: null }
}

export function fromColumns(
  def: FactDefinition,
  row: { value_num: number | null; value_text: string | null; value_tags: string[] | null },
): RawValue | undefined {
  if (def.type === 'tags') return row.value_tags ?? undefined
  if (def.type === 'boolean') return row.value_num === null ? undefined : row.value_num === 1
  if (row.value_num !== null) return row.value_num
  return row.value_text ?? undefined
}

export type FactCandidate = {
  id: number
  period: string
  value: RawValue | null
  source: string
  isVerified: boolean
  recordedAt: Date
}

/**
 * The value a rule reads, from every value given for one fact: the latest period wins; within a
 * period a department's verified value wins over the enterprise's own; then the latest recorded.
 * A withdrawn value (null) is no candidate.
 */
export function resolveCurrent(candidates: readonly FactCandidate[]): FactCandidate | undefined {
  let best: FactCandidate | undefined
  for (const c of candidates) {
    if (c.value === null) continue
    if (
      !best ||
      c.period > best.period ||
      (c.period === best.period && c.isVerified && !best.isVerified) ||
      (c.period === best.period && c.isVerified === best.isVerified && c.recordedAt > best.recordedAt)
    )
      best = c
  }
  return best
}

/** A periodic value older than the definition allows counts as missing (it must be renewed). */
export function isStale(def: FactDefinition, period: string | null, today: string): boolean {
  if (!def.isPeriodic || !def.maxAgeYears || !period) return false
  return Number(period) < Number(today.slice(0, 4)) - def.maxAgeYears
}
