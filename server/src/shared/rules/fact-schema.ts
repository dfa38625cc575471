/**
 * What a rule can talk about: the facts of an enterprise, each with a type, a unit and names in both
 * languages. Pure (server and web): the rule editor checks rules against the same schema the engine
 * evaluates them with.
 */
export const FACT_TYPES = [
  'number', // a count or measure without money semantics
  'integer', // whole numbers: employees, months
  'money', // yuan
  'ratio', // a share, stored as a fraction (0.05 = 5 %)
  'boolean',
  'date',
  'enum', // one of a fixed list (size class, credit tier)
  'tags', // a set of tags (recognitions an enterprise holds)
  'industry', // a GB/T 4754 industry code: lists match by prefix (C matches C3911)
  'division', // a GB/T 2260 division code: a city or district code matches the counties under it
] as const
export type FactType = (typeof FACT_TYPES)[number]

/** Where a fact's value comes from. Declared by the enterprise, or verified: taken from a department's data. */
export const FACT_SOURCES = [
  'profile', // the enterprise profile (name, size, industry, …): kept by the enterprise
  'declared', // declared by the enterprise for a period
  'tax', // 税务
  'social_security', // 人社 / 社保
  'market_regulation', // 市场监管
  'science', // 科技
  'statistics', // 统计
  'other_department',
] as const
export type FactSource = (typeof FACT_SOURCES)[number]
export const VERIFIED_SOURCES: readonly FactSource[] = FACT_SOURCES.filter(
  (s) => s !== 'profile' && s !== 'declared',
)

export type EnumValue = { code: string; zh: string; en: string }

export type FactDefinition = {
  key: string
  labelZh: string
  labelEn: string
  type: FactType
  /** shown after values: 元, 人, 个月 (ratios show as %) */
  unitZh?: string | null
  unitEn?: string | null
  /** enum and tags: the allowed values */
  values?: EnumValue[] | null
  /** a value refers to a period (fiscal year); values older than maxAgeYears count as missing */
  isPeriodic: boolean
  maxAgeYears?: number | null
  /** a derived fact: an expression over other facts (e.g. R&D expense ÷ revenue) */
  formula?: string | null
  /** true for the profile's own fields: their values come from the enterprise row */
  isProfileField?: boolean
  descriptionZh?: string | null
}

/** Value types inside rules. Money, ratios and integers are numbers with a unit for display. */
export type ValueType = 'number' | 'boolean' | 'date' | 'duration' | 'enum' | 'tags' | 'industry' | 'division'

export function valueTypeOf(type: FactType): ValueType {
  switch (type) {
    case 'number':
    case 'integer':
    case 'money':
    case 'ratio':
      return 'number'
    default:
      return type
  }
}

/** The facts a rule may use, found by key or by either language's name. */
export class FactSchema {
  private readonly byKey = new Map<string, FactDefinition>()
  private readonly byName = new Map<string, FactDefinition>()

  constructor(readonly definitions: readonly FactDefinition[]) {
    for (const d of definitions) {
      this.byKey.set(d.key, d)
      this.byName.set(d.key.toLowerCase(), d)
      this.byName.set(d.labelZh, d)
      this.byName.set(d.labelEn.toLowerCase(), d)
    }
  }

  get(key: string): FactDefinition | undefined {
    return this.byKey.get(key)
  }

  /** A fact by key, Chinese name or English name (case-insensitive). */
  find(name: string): FactDefinition | undefined {
    return this.byKey.get(name) ?? this.byName.get(name) ?? this.byName.get(name.toLowerCase())
  }

  /** Every Chinese name, for the lexer's longest match (a name may run into the next word without a space). */
  chineseNames(): string[] {
    return this.definitions.map((d) => d.labelZh)
  }

  /** "Did you mean": the fact whose names share the most characters with an unknown word. */
  suggest(word: string): { suggestion?: string } {
    const scored = this.definitions
      .map((d) => ({
        name: d.labelZh,
        score: overlap(word, d.labelZh) + overlap(word.toLowerCase(), d.key.toLowerCase()),
      }))
      .filter((s) => s.score >= 2)
      .sort((a, b) => b.score - a.score)
    return scored[0] ? { suggestion: scored[0].name } : {}
  }
}

function overlap(a: string, b: string): number {
  let n = 0
  for (const ch of new Set(a)) if (b.includes(ch)) n++
  return n
}
