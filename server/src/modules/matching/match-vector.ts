import { canonicalKey, childrenOf, type CompareOp, type Node } from '../../shared/rules/ast'
import { addDuration, wholeYearsBetween } from '../../shared/rules/dates'
import { codeMatches, Evaluator, UNKNOWN, type Value } from '../../shared/rules/evaluate'
import type { FactSchema } from '../../shared/rules/fact-schema'
import type { Bitmap } from './match-bitmap'
import type { CodeColumn, ColumnSet, NumericColumn, TagsColumn } from './match-population'

/**
 * Evaluates checked rules over a whole population at once, column by column — the same three-valued
 * semantics as the one-enterprise Evaluator (shared/rules/evaluate.ts; a test runs both on random
 * populations and compares). A yes/no result is two bitmaps: true, and unknown; false is every other
 * enterprise present. Sub-expressions that several rules share are computed once per run.
 */
export type Tri = { t: Bitmap; u: Bitmap }

type VValue =
  | { kind: 'const'; value: Value | typeof UNKNOWN }
  | { kind: 'num'; data: Float64Array }
  | { kind: 'tri'; tri: Tri }
  | { kind: 'code'; column: CodeColumn; type: 'enum' | 'industry' | 'division' }
  | { kind: 'tags'; column: TagsColumn }

export type VectorContext = {
  schema: FactSchema
  derived: ReadonlyMap<string, Node>
  today: number
}

export class VectorEvaluator {
  private readonly cache = new Map<string, VValue>()
  private readonly missing = new WeakMap<Float64Array, Uint32Array>()
  private readonly n: number
  private readonly words: number
  /** results kept for the run: sub-expressions used more than once */
  private readonly keep: Set<string>

  constructor(
    private readonly population: ColumnSet,
    private readonly ctx: VectorContext,
    shared: Iterable<string> = [],
  ) {
    this.n = population.size
    this.words = population.words
    this.keep = new Set(shared)
  }

  /** A yes/no rule as bitmaps over the population. */
  evaluateCondition(node: Node): Tri {
    return this.asTri(this.value(node))
  }

  /** A numeric rule (an amount) per enterprise, NaN where it cannot be determined. */
  evaluateNumber(node: Node): Float64Array {
    const v = this.value(node)
    return this.asNumbers(v)
  }

  private value(node: Node): VValue {
    const key = this.keep.size || node.kind === 'fact' ? canonicalKey(node) : ''
    if (key) {
      const hit = this.cache.get(key)
      if (hit) return hit
    }
    const computed = this.compute(node)
    if (key && (this.keep.has(key) || node.kind === 'fact')) this.cache.set(key, computed)
    return computed
  }

  private compute(node: Node): VValue {
    if (!hasFacts(node)) return { kind: 'const', value: this.constant(node) }
    switch (node.kind) {
      case 'fact':
        return this.fact(node.key)
      case 'compare':
        return { kind: 'tri', tri: this.compare(node.op, this.value(node.left), this.value(node.right)) }
      case 'between': {
        const v = this.value(node.value)
        const ge = this.compare('>=', v, this.value(node.low))
        const le = this.compare('<=', v, this.value(node.high))
        return { kind: 'tri', tri: this.and([ge, le]) }
      }
      case 'in': {
        const v = this.value(node.value)
        const items = node.items.map((i) => this.value(i))
        const tri = this.or(items.map((item) => this.compare('=', v, item)))
        return { kind: 'tri', tri: node.negated ? this.not(tri) : tri }
      }
      case 'has': {
        const set = this.value(node.set)
        if (set.kind !== 'tags') throw new Error('has needs a tags column')
        const tri = this.hasTag(set.column, (node.item as { name: string }).name)
        return { kind: 'tri', tri: node.negated ? this.not(tri) : tri }
      }
      case 'and':
        return { kind: 'tri', tri: this.and(node.items.map((i) => this.asTri(this.value(i)))) }
      case 'or':
        return { kind: 'tri', tri: this.or(node.items.map((i) => this.asTri(this.value(i)))) }
      case 'not':
        return { kind: 'tri', tri: this.not(this.asTri(this.value(node.operand))) }
      case 'arith':
        return this.arith(node.op, node.left, node.right)
      case 'neg': {
        const a = this.asNumbers(this.value(node.operand))
        const out = new Float64Array(this.n)
        for (let i = 0; i < this.n; i++) out[i] = -a[i]!
        return { kind: 'num', data: out }
      }
      case 'if':
        return this.conditional(node)
      case 'tiered':
        return this.tiered(node)
      case 'call':
        return this.call(node)
      default:
        throw new Error(`unexpected ${node.kind}`)
    }
  }

  /** A fact-free sub-expression, evaluated once with the one-enterprise evaluator. */
  private constant(node: Node): Value | typeof UNKNOWN {
    return new Evaluator({ ...this.ctx, lookup: () => undefined }).evaluate(node)
  }

  private fact(key: string): VValue {
    const formula = this.ctx.derived.get(key)
    if (formula) return this.value(formula)
    const column = this.population.columns.get(key)
    if (!column) throw new Error(`no column for ${key}`)
    if (column.kind === 'code') {
      const type = this.ctx.schema.get(key)!.type as 'enum' | 'industry' | 'division'
      return { kind: 'code', column, type }
    }
    if (column.kind === 'tags') return { kind: 'tags', column }
    if (this.ctx.schema.get(key)!.type === 'boolean') return { kind: 'tri', tri: this.boolColumn(column) }
    return { kind: 'num', data: column.data }
  }

  private boolColumn(column: NumericColumn): Tri {
    const t = new Uint32Array(this.words)
    const u = new Uint32Array(this.words)
    const data = column.data
    const present = this.population.present
    for (let w = 0; w < this.words; w++) {
      const live = present[w]!
      if (live === 0) continue
      let tw = 0
      let uw = 0
      const base = w << 5
      const end = Math.min(32, this.n - base)
      for (let b = 0; b < end; b++) {
        const v = data[base + b]!
        uw |= +(v !== v) << b
        tw |= +(v === 1) << b
      }
      t[w] = tw & live
      u[w] = uw & live
    }
    return { t, u }
  }

  private allOf(value: boolean | typeof UNKNOWN): Tri {
    const t = new Uint32Array(this.words)
    const u = new Uint32Array(this.words)
    const present = this.population.present.subarray(0, this.words)
    if (value === true) t.set(present)
    else if (value === UNKNOWN) u.set(present)
    return { t, u }
  }

  private asTri(v: VValue): Tri {
    if (v.kind === 'tri') return v.tri
    if (v.kind === 'const') return this.allOf(v.value === UNKNOWN ? UNKNOWN : v.value === true)
    throw new Error(`not a condition: ${v.kind}`)
  }

  private asNumbers(v: VValue): Float64Array {
    if (v.kind === 'num') return v.data
    if (v.kind === 'const') {
      const value = v.value === UNKNOWN ? NaN : (v.value as number)
      return new Float64Array(this.n).fill(value)
    }
    throw new Error(`not a number: ${v.kind}`)
  }

  private and(items: Tri[]): Tri {
    return andTri(items, this.population.present, this.words)
  }

  private or(items: Tri[]): Tri {
    return orTri(items, this.population.present, this.words)
  }

  private not(a: Tri): Tri {
    const present = this.population.present
    const t = new Uint32Array(this.words)
    for (let w = 0; w < this.words; w++) t[w] = present[w]! & ~a.t[w]! & ~a.u[w]!
    return { t, u: a.u }
  }

  private compare(op: CompareOp, l: VValue, r: VValue): Tri {
    if (l.kind === 'const' && r.kind === 'const') {
      if (l.value === UNKNOWN || r.value === UNKNOWN) return this.allOf(UNKNOWN)
      return this.allOf(compareConst(op, l.value, r.value))
    }
    if (l.kind === 'code' || r.kind === 'code') {
      const column = (l.kind === 'code' ? l : r) as Extract<VValue, { kind: 'code' }>
      const other = l.kind === 'code' ? r : l
      if (other.kind !== 'const') throw new Error('a code column compares with a constant')
      return this.codeEquals(column, String(other.value), op === '!=')
    }
    if (l.kind === 'tri' || r.kind === 'tri') {
      // yes/no compared with yes/no: equal when both agree
      const a = this.asTri(l)
      const b = this.asTri(r)
      const eq = this.or([this.and([a, b]), this.and([this.not(a), this.not(b)])])
      return op === '!=' ? this.not(eq) : eq
    }
    const a = l.kind === 'num' ? l.data : null
    const b = r.kind === 'num' ? r.data : null
    if (a && !b) return this.compareColumnConst(op, a, (r as { value: number }).value)
    if (b && !a) return this.compareColumnConst(flip(op), b, (l as { value: number }).value)
    return this.compareColumns(op, a!, b!)
  }

  private compareColumnConst(op: CompareOp, data: Float64Array, c: number | typeof UNKNOWN): Tri {
    if (c === UNKNOWN) return this.allOf(UNKNOWN)
    const u = this.missingOf(data)
    const t = new Uint32Array(this.words)
    COMPARE_LOOPS[op](data, c, this.population.present, t, u, this.n, this.words)
    return { t, u }
  }

  /**
   * Where a column has no value (NaN), among the enterprises present: the "unknown" of every
   * comparison on it, computed once per column and shared (nothing writes into a result's bitmaps).
   */
  private missingOf(data: Float64Array): Uint32Array {
    let u = this.missing.get(data)
    if (!u) {
      u = new Uint32Array(this.words)
      MISSING_LOOP(data, this.population.present, u, this.n, this.words)
      this.missing.set(data, u)
    }
    return u
  }

  private compareColumns(op: CompareOp, a: Float64Array, b: Float64Array): Tri {
    const present = this.population.present
    const t = new Uint32Array(this.words)
    const u = new Uint32Array(this.words)
    for (let i = 0; i < this.n; i++) {
      const x = a[i]!
      const y = b[i]!
      const w = i >>> 5
      const bit = 1 << (i & 31)
      if (x !== x || y !== y) u[w]! |= bit
      else if (compareConst(op, x, y)) t[w]! |= bit
    }
    for (let w = 0; w < this.words; w++) {
      t[w]! &= present[w]!
      u[w]! &= present[w]!
    }
    return { t, u }
  }

  /** Equality of a code column with a code (by prefix for industry and division codes). */
  private codeEquals(v: Extract<VValue, { kind: 'code' }>, code: string, negated: boolean): Tri {
    const { column, type } = v
    // table[i + 1] answers for dictionary entry i; table[0] is a missing value (index -1)
    const table = new Uint8Array(column.dictionary.length + 1)
    column.dictionary.forEach((entry, i) => {
      const matches = type === 'enum' ? entry === code : codeMatches(type, entry, code)
      table[i + 1] = matches !== negated ? 1 : 0
    })
    const present = this.population.present
    const t = new Uint32Array(this.words)
    const u = new Uint32Array(this.words)
    const data = column.data
    for (let w = 0; w < this.words; w++) {
      const live = present[w]!
      if (live === 0) continue
      let tw = 0
      let uw = 0
      const base = w << 5
      const end = Math.min(32, this.n - base)
      for (let bit = 0; bit < end; bit++) {
        const at = data[base + bit]!
        uw |= (at >>> 31) << bit
        tw |= table[at + 1]! << bit
      }
      t[w] = tw & live
      u[w] = uw & live
    }
    return { t, u }
  }

  private hasTag(column: TagsColumn, tag: string): Tri {
    const p = column.positions.get(tag)
    const present = this.population.present
    const t = new Uint32Array(this.words)
    const u = new Uint32Array(this.words)
    for (let w = 0; w < this.words; w++) u[w] = present[w]! & ~column.known[w]!
    if (p === undefined) return { t, u }
    const offset = p >>> 5
    const mask = 1 << (p & 31)
    for (let i = 0; i < this.n; i++) {
      if (column.data[i * column.words + offset]! & mask) t[i >>> 5]! |= 1 << (i & 31)
    }
    for (let w = 0; w < this.words; w++) t[w]! &= present[w]! & column.known[w]!
    return { t, u }
  }

  private arith(op: string, left: Node, right: Node): VValue {
    const l = this.value(left)
    const r = this.value(right)
    const out = new Float64Array(this.n)
    // date ± duration
    const duration = (v: VValue) =>
      v.kind === 'const' && typeof v.value === 'object' && !Array.isArray(v.value) ? v.value : null
    const dr = duration(r)
    const dl = duration(l)
    if (dr || dl) {
      const dates = this.asNumbers(dr ? l : r)
      const d = (dr ?? dl)!
      const amount = dr && op === '-' ? -d.amount : d.amount
      const memo = new Map<number, number>() // dates repeat: compute each day once
      for (let i = 0; i < this.n; i++) {
        const day = dates[i]!
        if (day !== day) {
          out[i] = NaN
          continue
        }
        let moved = memo.get(day)
        if (moved === undefined) memo.set(day, (moved = addDuration(day, amount, d.unit)))
        out[i] = moved
      }
      return { kind: 'num', data: out }
    }
    const a = this.asNumbers(l)
    const b = this.asNumbers(r)
    switch (op) {
      case '+':
        for (let i = 0; i < this.n; i++) out[i] = a[i]! + b[i]!
        break
      case '-':
        for (let i = 0; i < this.n; i++) out[i] = a[i]! - b[i]!
        break
      case '*':
        for (let i = 0; i < this.n; i++) out[i] = a[i]! * b[i]!
        break
      default:
        // a share of nothing is undetermined (NaN), as in the one-enterprise evaluator
        for (let i = 0; i < this.n; i++) out[i] = b[i] === 0 ? NaN : a[i]! / b[i]!
    }
    return { kind: 'num', data: out }
  }

  private conditional(node: Extract<Node, { kind: 'if' }>): VValue {
    const cond = this.asTri(this.value(node.cond))
    if (node.type === 'boolean') {
      const a = this.asTri(this.value(node.then))
      const b = this.asTri(this.value(node.otherwise))
      // (cond and a) or (not cond and b), with unknown where cond is unknown
      const chosen = this.or([this.and([cond, a]), this.and([this.not(cond), b])])
      const t = new Uint32Array(this.words)
      const u = new Uint32Array(this.words)
      for (let w = 0; w < this.words; w++) {
        t[w] = chosen.t[w]! & ~cond.u[w]!
        u[w] = chosen.u[w]! | cond.u[w]!
      }
      return { kind: 'tri', tri: { t, u } }
    }
    const a = this.asNumbers(this.value(node.then))
    const b = this.asNumbers(this.value(node.otherwise))
    const out = new Float64Array(this.n)
    for (let i = 0; i < this.n; i++) {
      const w = i >>> 5
      const bit = 1 << (i & 31)
      out[i] = cond.u[w]! & bit ? NaN : cond.t[w]! & bit ? a[i]! : b[i]!
    }
    return { kind: 'num', data: out }
  }

  private tiered(node: Extract<Node, { kind: 'tiered' }>): VValue {
    const subject = this.asNumbers(this.value(node.subject))
    const bounds = node.tiers.map((t) => this.asNumbers(this.value(t.bound)))
    const results = node.tiers.map((t) => this.asNumbers(this.value(t.result)))
    const otherwise = this.asNumbers(this.value(node.otherwise!))
    const out = new Float64Array(this.n)
    for (let i = 0; i < this.n; i++) {
      const s = subject[i]!
      if (s !== s) {
        out[i] = NaN
        continue
      }
      let value = otherwise[i]!
      for (let k = 0; k < bounds.length; k++) {
        const bound = bounds[k]![i]!
        if (bound !== bound) {
          value = NaN
          break
        }
        if (compareConst(node.tiers[k]!.op, s, bound)) {
          value = results[k]![i]!
          break
        }
      }
      out[i] = value
    }
    return { kind: 'num', data: out }
  }

  private call(node: Extract<Node, { kind: 'call' }>): VValue {
    const args = node.args.map((a) => this.asNumbers(this.value(a)))
    const out = new Float64Array(this.n)
    const today = this.ctx.today
    if (node.fn === 'yearsSince') {
      const days = args[0]!
      const memo = new Map<number, number>() // founding dates repeat: each day once
      for (let i = 0; i < this.n; i++) {
        const day = days[i]!
        if (day !== day) {
          out[i] = NaN
          continue
        }
        let years = memo.get(day)
        if (years === undefined) memo.set(day, (years = wholeYearsBetween(day, today)))
        out[i] = years
      }
      return { kind: 'num', data: out }
    }
    for (let i = 0; i < this.n; i++) {
      let nan = false
      for (const a of args) if (a[i] !== a[i]) nan = true
      if (nan) {
        out[i] = NaN
        continue
      }
      switch (node.fn) {
        case 'min':
          out[i] = Math.min(...args.map((a) => a[i]!))
          break
        case 'max':
          out[i] = Math.max(...args.map((a) => a[i]!))
          break
        case 'round':
          out[i] = Math.round(args[0]![i]!)
      }
    }
    return { kind: 'num', data: out }
  }
}

type CompareLoop = (
  data: Float64Array,
  c: number,
  present: Uint32Array,
  t: Uint32Array,
  missing: Uint32Array,
  n: number,
  words: number,
) => void

/**
 * One hot loop per operator, each with its comparison written out: a comparison passed in as a
 * function would be a call per row that the JIT cannot inline (measured: 4× slower). The loop has no
 * branch on the data (a comparison of random values mispredicts half the time): every row's result
 * is or-ed in. A whole word's 32 rows are written out one after another (no loop counter, no variable
 * shifts); only the last, partial word loops. A missing value (NaN) is masked out of "true" with the
 * column's missing bitmap, computed once (NaN compares false anyway, except with !=).
 */
function compareLoop(test: string): CompareLoop {
  return wordLoop(
    ['data', 'c', 'present', 't', 'missing', 'n', 'words'],
    `tw |= (+(${test})) << BIT;`,
    't[w] = tw & ~missing[w] & live',
  ) as CompareLoop
}

/** Where a column is NaN, among the enterprises present. */
const MISSING_LOOP = wordLoop(
  ['data', 'present', 't', 'n', 'words'],
  'tw |= (+(v !== v)) << BIT;',
  't[w] = tw & live',
) as (data: Float64Array, present: Uint32Array, out: Uint32Array, n: number, words: number) => void

/** A generated loop over the words of a bitmap: `row` runs for each of a word's rows (v, BIT), `store` once per word. */
function wordLoop(params: string[], row: string, store: string): (...args: never[]) => void {
  const unrolled = Array.from(
    { length: 32 },
    (_, bit) => `v = data[base + ${bit}]; ${row.replaceAll('BIT', String(bit))}`,
  ).join('\n')
  return new Function(
    ...params,
    `for (let w = 0; w < words; w++) {
      const live = present[w]
      if (live === 0) continue
      let tw = 0
      let v = 0
      const base = w << 5
      if (base + 32 <= n) {
        ${unrolled}
      } else {
        for (let bit = 0; bit < n - base; bit++) {
          v = data[base + bit]
          ${row.replaceAll('BIT', 'bit')}
        }
      }
      ${store}
    }`,
  ) as (...args: never[]) => void
}

const COMPARE_LOOPS: Record<CompareOp, CompareLoop> = {
  '<': compareLoop('v < c'),
  '<=': compareLoop('v <= c'),
  '>': compareLoop('v > c'),
  '>=': compareLoop('v >= c'),
  '=': compareLoop('v === c'),
  '!=': compareLoop('v !== c'),
}

function flip(op: CompareOp): CompareOp {
  return ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=', '!=': '!=' } as const)[op]
}

function compareConst(op: CompareOp, a: unknown, b: unknown): boolean {
  switch (op) {
    case '=':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return (a as number) < (b as number)
    case '<=':
      return (a as number) <= (b as number)
    case '>':
      return (a as number) > (b as number)
    case '>=':
      return (a as number) >= (b as number)
  }
}

const factFree = new WeakMap<Node, boolean>()
function hasFacts(node: Node): boolean {
  const known = factFree.get(node)
  if (known !== undefined) return known
  const result = node.kind === 'fact' || childrenOf(node).some(hasFacts)
  factFree.set(node, result)
  return result
}

/** Sub-expressions that occur more than once across the rules of a run: worth keeping. */
export function sharedSubexpressions(nodes: Node[]): Set<string> {
  const counts = new Map<string, number>()
  const visit = (node: Node) => {
    if (!hasFacts(node) || node.kind === 'fact') return
    const key = canonicalKey(node)
    counts.set(key, (counts.get(key) ?? 0) + 1)
    if ((counts.get(key) ?? 0) > 1) return // its children were counted the first time
    for (const child of childrenOf(node)) visit(child)
  }
  for (const n of nodes) visit(n)
  return new Set([...counts].filter(([, c]) => c > 1).map(([k]) => k))
}

export type ItemBits = { eligible: Uint32Array; undetermined: Uint32Array }

/**
 * Three-valued AND over bitmaps: true where all are true, false where one is false (present, neither
 * true nor unknown), unknown elsewhere. One tight pass per operand (two arrays in, two out) is what
 * the JIT runs fastest; a pass per word over all operands was twice as slow.
 */
function andTri(items: readonly Tri[], present: Uint32Array, words: number): Tri {
  const t = present.slice(0, words)
  const anyFalse = new Uint32Array(words)
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!.t
    const iu = items[k]!.u
    for (let w = 0; w < words; w++) {
      const x = it[w]!
      t[w] = t[w]! & x
      anyFalse[w] = anyFalse[w]! | (~x & ~iu[w]!)
    }
  }
  const u = anyFalse // reused: unknown = present, not all true, none false
  for (let w = 0; w < words; w++) u[w] = present[w]! & ~t[w]! & ~anyFalse[w]!
  return { t, u }
}

/** Three-valued OR: true where one is true, false where all are false, unknown elsewhere. */
function orTri(items: readonly Tri[], present: Uint32Array, words: number): Tri {
  const t = new Uint32Array(words)
  const allFalse = present.slice(0, words)
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!.t
    const iu = items[k]!.u
    for (let w = 0; w < words; w++) {
      const x = it[w]!
      t[w] = t[w]! | x
      allFalse[w] = allFalse[w]! & ~x & ~iu[w]!
    }
  }
  const u = allFalse
  for (let w = 0; w < words; w++) u[w] = present[w]! & ~t[w]! & ~allFalse[w]!
  return { t, u }
}

/** An item's outcome over the population from its conditions: all true → eligible; one false → ineligible; else undetermined. */
export function combineConditions(tris: Tri[], present: Uint32Array, words: number): ItemBits {
  const { t, u } = andTri(tris, present, words)
  return { eligible: t, undetermined: u }
}

/**
 * Evaluates items over a column set (the population or a worker's slice of it), writing each item's
 * eligible and undetermined words into `out` — item i at words [2i·W + atWord) and [(2i+1)·W + atWord).
 */
export function evaluateItemsInto(
  set: ColumnSet,
  evaluator: VectorEvaluator,
  items: Node[][],
  out: Uint32Array,
  totalWords: number,
  atWord: number,
): void {
  items.forEach((nodes, i) => {
    const bits = combineConditions(
      nodes.map((n) => evaluator.evaluateCondition(n)),
      set.present,
      set.words,
    )
    out.set(bits.eligible, 2 * i * totalWords + atWord)
    out.set(bits.undetermined, (2 * i + 1) * totalWords + atWord)
  })
}
