import { formatDate, formatNumber } from '@shared/rules/render'
import type { FactDefinition, RawFactValue } from '../app/shared-api/facts'

/**
 * What people type into a fact's input and the value the server takes: money in 元 or 万元, ratios
 * in %, whole numbers, yes/no, dates, choices and tags. Pure, with table tests.
 */

export type MoneyUnit = 'yuan' | 'wan'
/** One input's state: numbers stay text while typed (a half-typed "3." is no number yet). */
export type FactDraft =
  | { kind: 'number'; text: string; unit?: MoneyUnit }
  | { kind: 'boolean'; value: boolean | undefined }
  | { kind: 'text'; value: string }
  | { kind: 'tags'; value: string[] }

export type ParsedDraft =
  { ok: true; value: RawFactValue | null } | { ok: false; problem: 'number' | 'integer' | 'ratio' }

const NUMERIC = new Set(['number', 'integer', 'money', 'ratio'])
export const isNumericFact = (def: Pick<FactDefinition, 'type'>) => NUMERIC.has(def.type)

/** What an enterprise may declare itself: not a profile field, not computed, and the enterprise is a source. */
export function isDeclarable(def: FactDefinition): boolean {
  return def.isActive && !def.isProfileField && !def.formula && def.sources.includes('declared')
}

/** What the public calculator asks for: every fact a person can state, profile fields too. */
export function isCalculatorInput(def: FactDefinition): boolean {
  return def.isActive && !def.formula
}

/** Removes float noise: 0.29 × 100 is 28.999999999999996. */
export function roundTo(value: number, digits = 6): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** '3,000,000', '３００', ' 12.5 ' → a number; '' → null; anything else → undefined. */
export function parseNumberText(text: string): number | null | undefined {
  const cleaned = text
    .replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '')
  if (cleaned === '') return null
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined
  return Number(cleaned)
}

/** 300 万元 → 3,000,000 元. */
export function toYuan(amount: number, unit: MoneyUnit): number {
  return unit === 'wan' ? roundTo(amount * 10_000, 2) : amount
}

/** 5 (%) → 0.05. */
export function percentToRatio(percent: number): number {
  return roundTo(percent / 100, 8)
}

/** 0.05 → '5'. */
export function ratioToPercentText(ratio: number): string {
  return String(roundTo(ratio * 100, 6))
}

/**
 * The unit an amount reads best in: 万元 from ten thousand up, so 3000000 shows as 300 万元; small
 * amounts in 元. An empty input starts in 万元, as enterprises' own figures are usually given.
 */
export function moneyUnitFor(yuan: number | null | undefined): MoneyUnit {
  if (yuan === null || yuan === undefined) return 'wan'
  return Math.abs(yuan) >= 10_000 ? 'wan' : 'yuan'
}

/** The input's starting state for a stored value (or for nothing). */
export function draftOf(def: FactDefinition, value: RawFactValue | null | undefined): FactDraft {
  if (isNumericFact(def)) {
    const n = typeof value === 'number' ? value : null
    if (def.type === 'ratio') return { kind: 'number', text: n === null ? '' : ratioToPercentText(n) }
    if (def.type === 'money') {
      const unit = moneyUnitFor(n)
      return {
        kind: 'number',
        unit,
        text: n === null ? '' : String(unit === 'wan' ? roundTo(n / 10_000) : n),
      }
    }
    return { kind: 'number', text: n === null ? '' : String(n) }
  }
  if (def.type === 'boolean')
    return { kind: 'boolean', value: typeof value === 'boolean' ? value : undefined }
  if (def.type === 'tags') return { kind: 'tags', value: Array.isArray(value) ? [...value] : [] }
  return { kind: 'text', value: typeof value === 'string' ? value : '' }
}

/** The value to send for a draft; null when the input was emptied. */
export function parseDraft(def: FactDefinition, draft: FactDraft): ParsedDraft {
  switch (draft.kind) {
    case 'number': {
      const n = parseNumberText(draft.text)
      if (n === null) return { ok: true, value: null }
      if (n === undefined) return { ok: false, problem: 'number' }
      if (def.type === 'integer')
        return Number.isInteger(n) && n >= 0 ? { ok: true, value: n } : { ok: false, problem: 'integer' }
      if (def.type === 'ratio')
        return n >= 0 && n <= 100 ? { ok: true, value: percentToRatio(n) } : { ok: false, problem: 'ratio' }
      if (def.type === 'money') return { ok: true, value: toYuan(n, draft.unit ?? 'yuan') }
      return { ok: true, value: n }
    }
    case 'boolean':
      return { ok: true, value: draft.value ?? null }
    case 'tags':
      return { ok: true, value: draft.value.length ? [...draft.value].sort() : null }
    case 'text':
      return { ok: true, value: draft.value.trim() === '' ? null : draft.value.trim() }
  }
}

/** Two values the same for saving purposes (tags in any order). */
export function sameValue(a: RawFactValue | null | undefined, b: RawFactValue | null | undefined): boolean {
  const norm = (v: RawFactValue | null | undefined) =>
    v === undefined || v === null ? null : Array.isArray(v) ? [...v].sort() : v
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}

/** A stored value as people read it: 300万元, 5%, 是, 2020年3月1日, 小型、微型. */
export function displayFactValue(
  def: FactDefinition | undefined,
  value: RawFactValue | null | undefined,
  language: string,
): string {
  if (value === null || value === undefined) return '—'
  const locale = language === 'en' ? 'en' : 'zh-CN'
  const zh = locale === 'zh-CN'
  if (!def) return Array.isArray(value) ? value.join(zh ? '、' : ', ') : String(value)
  switch (def.type) {
    case 'boolean':
      return value ? (zh ? '是' : 'yes') : zh ? '否' : 'no'
    case 'date':
      return formatDate(String(value), locale)
    case 'enum':
    case 'tags': {
      const codes = Array.isArray(value) ? value : [String(value)]
      if (!codes.length) return zh ? '无' : 'none'
      return codes
        .map((code) => {
          const v = def.values?.find((x) => x.code === code)
          return v ? (zh ? v.zh : v.en) : code
        })
        .join(zh ? '、' : ', ')
    }
    case 'industry':
    case 'division':
      return String(value)
    default:
      return typeof value === 'number' ? formatNumber(value, def, locale) : String(value)
  }
}

/** The fact's name in the UI language. */
export const factLabel = (def: Pick<FactDefinition, 'labelZh' | 'labelEn'>, language: string) =>
  language === 'en' ? def.labelEn : def.labelZh

/** The unit shown after a number input (ratios in %, money by the chosen unit). */
export function unitLabel(def: FactDefinition, language: string): string | undefined {
  if (def.type === 'ratio') return '%'
  if (def.type === 'money') return undefined
  return (language === 'en' ? def.unitEn : def.unitZh) ?? undefined
}

/**
 * A declaration's refusals by fact: the server names `facts.<index>.<key|period|value>` of what was
 * sent; each lands under the input of the fact at that index.
 */
export function declarationErrorsByKey(
  fields: Record<string, string>,
  sentKeys: readonly string[],
): { byKey: Record<string, string>; other: string[] } {
  const byKey: Record<string, string> = {}
  const other: string[] = []
  for (const [path, message] of Object.entries(fields)) {
    const match = /^facts\.(\d+)(?:\.\w+)?$/.exec(path)
    const key = match ? sentKeys[Number(match[1])] : undefined
    if (key) byKey[key] = byKey[key] ? `${byKey[key]} ${message}` : message
    else other.push(message)
  }
  return { byKey, other }
}

/** The calculator's refusals: `facts.<key>` → message. */
export function calculatorErrorsByKey(fields: Record<string, string>): Record<string, string> {
  const byKey: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields)) {
    const match = /^facts\.(\w+)$/.exec(path)
    if (match) byKey[match[1]!] = message
  }
  return byKey
}

/** The fiscal years a declaration may name: this year and the ten before it, newest first. */
export function fiscalYears(today: string): string[] {
  const year = Number(today.slice(0, 4))
  return Array.from({ length: 11 }, (_, i) => String(year - i))
}

/** The fiscal year most data refers to: last year (annual figures are settled after the year ends). */
export function defaultFiscalYear(today: string): string {
  return String(Number(today.slice(0, 4)) - 1)
}
