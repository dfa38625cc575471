import type { CompareOp, Node } from './ast'
import { addDuration, dayNumber, wholeYearsBetween } from './dates'
import type { FactDefinition, FactSchema, FactSource } from './fact-schema'

/**
 * Evaluates a checked rule for one enterprise, in three-valued logic: a missing fact makes what
 * depends on it unknown, and unknown is never false. 且 is false as soon as one side is false, 或 is
 * true as soon as one side is true (Kleene), so "cannot determine" appears only when the missing fact
 * could change the answer. The same semantics, column-wise over a whole population, are in the
 * server's matching engine; a test checks the two agree.
 */
export const UNKNOWN: unique symbol = Symbol('unknown')
export type Unknown = typeof UNKNOWN

/** A fact value as stored: a number, a 'YYYY-MM-DD' date, a code, a boolean or a list of tags. */
export type RawValue = number | string | boolean | string[]

export type FactValue = {
  value: RawValue
  source: FactSource | 'derived'
  /** '2025' for a fiscal year; null for facts without a period */
  period: string | null
  isVerified: boolean
}

export type Value = number | string | boolean | string[] | { amount: number; unit: 'year' | 'month' | 'day' }

export type EvaluationContext = {
  schema: FactSchema
  /** the enterprise's current value of a stored fact, or undefined when it has none */
  lookup: (key: string) => FactValue | undefined
  /** derived facts' checked formulas */
  derived: ReadonlyMap<string, Node>
  /** day number of the evaluation date */
  today: number
}

/** What one evaluation read: every fact, with its value or null when missing. */
export type FactReads = Map<string, FactValue | null>

export class Evaluator {
  private readonly derivedCache = new Map<string, Value | Unknown>()
  readonly reads: FactReads = new Map()
  /** derived facts computed on the way, with their values */
  readonly derivedValues = new Map<string, Value | Unknown>()

  constructor(private readonly ctx: EvaluationContext) {}

  evaluate(node: Node): Value | Unknown {
    switch (node.kind) {
      case 'number':
        return node.value
      case 'duration':
        return { amount: node.amount, unit: node.unit }
      case 'date':
        return dayNumber(node.value)
      case 'today':
        return this.ctx.today
      case 'bool':
        return node.value
      case 'symbol':
        return node.name
      case 'fact':
        return this.fact(node.key)
      case 'arith': {
        const l = this.evaluate(node.left)
        const r = this.evaluate(node.right)
        if (l === UNKNOWN || r === UNKNOWN) return UNKNOWN
        return arithmetic(node.op, l, r)
      }
      case 'neg': {
        const v = this.evaluate(node.operand)
        return v === UNKNOWN ? UNKNOWN : -(v as number)
      }
      case 'compare': {
        const l = this.evaluate(node.left)
        const r = this.evaluate(node.right)
        if (l === UNKNOWN || r === UNKNOWN) return UNKNOWN
        return compareValues(node.op, l, r, this.codedTypeOf(node.left, node.right))
      }
      case 'between': {
        // low ≤ value 且 value ≤ high, in Kleene logic: one side known false decides it
        const v = this.evaluate(node.value)
        const lo = this.evaluate(node.low)
        const hi = this.evaluate(node.high)
        const ge = v === UNKNOWN || lo === UNKNOWN ? UNKNOWN : (v as number) >= (lo as number)
        const le = v === UNKNOWN || hi === UNKNOWN ? UNKNOWN : (v as number) <= (hi as number)
        if (ge === false || le === false) return false
        return ge === UNKNOWN || le === UNKNOWN ? UNKNOWN : true
      }
      case 'in': {
        // one equal item is enough; none equal but one unknown leaves it unknown
        const v = this.evaluate(node.value)
        if (v === UNKNOWN) return UNKNOWN
        const coded = this.codedTypeOf(node.value)
        let found: boolean | Unknown = false
        for (const item of node.items) {
          const candidate = this.evaluate(item)
          if (candidate === UNKNOWN) found = found === true ? true : UNKNOWN
          else if (compareValues('=', v, candidate, coded)) found = true
        }
        if (found === UNKNOWN) return UNKNOWN
        return node.negated ? !found : found
      }
      case 'has': {
        const set = this.evaluate(node.set)
        if (set === UNKNOWN) return UNKNOWN
        const has = (set as string[]).includes((node.item as { name: string }).name)
        return node.negated ? !has : has
      }
      case 'and': {
        let unknown = false
        for (const item of node.items) {
          const v = this.evaluate(item)
          if (v === false) return false
          if (v === UNKNOWN) unknown = true
        }
        return unknown ? UNKNOWN : true
      }
      case 'or': {
        let unknown = false
        for (const item of node.items) {
          const v = this.evaluate(item)
          if (v === true) return true
          if (v === UNKNOWN) unknown = true
        }
        return unknown ? UNKNOWN : false
      }
      case 'not': {
        const v = this.evaluate(node.operand)
        return v === UNKNOWN ? UNKNOWN : !v
      }
      case 'if': {
        const c = this.evaluate(node.cond)
        if (c === UNKNOWN) return UNKNOWN
        return this.evaluate(c ? node.then : node.otherwise)
      }
      case 'tiered': {
        const subject = this.evaluate(node.subject)
        if (subject === UNKNOWN) return UNKNOWN
        for (const tier of node.tiers) {
          const bound = this.evaluate(tier.bound)
          if (bound === UNKNOWN) return UNKNOWN
          if (compareValues(tier.op, subject, bound, null)) return this.evaluate(tier.result)
        }
        return this.evaluate(node.otherwise!)
      }
      case 'call': {
        const args = node.args.map((a) => this.evaluate(a))
        if (args.includes(UNKNOWN)) return UNKNOWN
        const nums = args as number[]
        switch (node.fn) {
          case 'min':
            return Math.min(...nums)
          case 'max':
            return Math.max(...nums)
          case 'round':
            return Math.round(nums[0]!)
          case 'yearsSince':
            return wholeYearsBetween(nums[0]!, this.ctx.today)
        }
      }
    }
  }

  /** industry and division values match by prefix; everything else by equality. */
  private codedTypeOf(...nodes: Node[]): 'industry' | 'division' | null {
    for (const n of nodes) if (n.type === 'industry' || n.type === 'division') return n.type
    return null
  }

  private fact(key: string): Value | Unknown {
    const def = this.ctx.schema.get(key)!
    const formula = this.ctx.derived.get(key)
    if (formula) {
      if (!this.derivedCache.has(key)) {
        const value = this.evaluate(formula)
        this.derivedCache.set(key, value)
        this.derivedValues.set(key, value)
      }
      return this.derivedCache.get(key)!
    }
    const stored = this.ctx.lookup(key)
    if (!this.reads.has(key)) this.reads.set(key, stored ?? null)
    if (!stored) return UNKNOWN
    return normalize(def, stored.value)
  }
}

/** Stored values as evaluation values: dates as day numbers. */
export function normalize(def: FactDefinition, value: RawValue): Value {
  if (def.type === 'date') return dayNumber(value as string)
  return value
}

function arithmetic(op: string, l: Value, r: Value): Value | Unknown {
  if (typeof l === 'object' && !Array.isArray(l)) return addDuration(r as number, l.amount, l.unit)
  if (typeof r === 'object' && !Array.isArray(r))
    return addDuration(l as number, op === '-' ? -r.amount : r.amount, r.unit)
  const a = l as number
  const b = r as number
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    default:
      // A share of nothing is not a number: 0 revenue makes an R&D ratio undetermined, not infinite.
      return b === 0 ? UNKNOWN : a / b
  }
}

/** Whether an enterprise's code falls under a listed code. */
export function codeMatches(kind: 'industry' | 'division', value: string, listed: string): boolean {
  if (kind === 'industry') return value.startsWith(listed)
  if (value === listed) return true
  if (listed.endsWith('0000')) return value.startsWith(listed.slice(0, 2))
  if (listed.endsWith('00')) return value.startsWith(listed.slice(0, 4))
  return false
}

export function compareValues(
  op: CompareOp,
  l: Value,
  r: Value,
  coded: 'industry' | 'division' | null,
): boolean {
  if (coded && typeof l === 'string' && typeof r === 'string') {
    const matches = codeMatches(coded, l, r)
    return op === '!=' ? !matches : matches
  }
  switch (op) {
    case '=':
      return l === r
    case '!=':
      return l !== r
    case '<':
      return (l as number) < (r as number)
    case '<=':
      return (l as number) <= (r as number)
    case '>':
      return (l as number) > (r as number)
    case '>=':
      return (l as number) >= (r as number)
  }
}
