import { INDUSTRY_SECTIONS, isKnownIndustryCode } from '../industries'
import { RuleError, type Node, type NodeOf, type RuleProblem } from './ast'
import { isRealDate } from './dates'
import { valueTypeOf, type FactDefinition, type FactSchema, type ValueType } from './fact-schema'
import { parseRule } from './parser'

/**
 * Type checks a parsed rule against the fact schema and resolves every bare word to a code: 小型 in
 * 「企业规模 属于 [小型, 微型]」 becomes the size class `small`, 批发业 becomes the industry F51. Every
 * problem is reported (not only the first), each with the words it is about.
 */
export type CheckResult = { node: Node; type: ValueType | null; problems: RuleProblem[] }

/** Resolves a district's name or code to its GB/T 2260 code (the host knows the city's divisions). */
export type DivisionResolver = (nameOrCode: string) => string | undefined

export type CheckOptions = {
  /** what the whole expression must be: boolean for a condition, number for an amount */
  expect?: ValueType
  resolveDivision?: DivisionResolver
}

const problem = (key: string, node: { start: number; end: number }, params?: RuleProblem['params']) => ({
  key,
  start: node.start,
  end: node.end,
  ...(params ? { params } : {}),
})

class Checker {
  readonly problems: RuleProblem[] = []

  constructor(
    private readonly schema: FactSchema,
    private readonly source: string,
    private readonly options: CheckOptions,
  ) {}

  private text(node: Node): string {
    return this.source.slice(node.start, node.end)
  }

  private report(key: string, node: Node, params?: RuleProblem['params']): null {
    this.problems.push(problem(key, node, params))
    return null
  }

  /** Checks a node in place (a fresh tree from the parser), setting its type; null after a problem. */
  check(node: Node): ValueType | null {
    const type = this.typeOf(node)
    if (type) node.type = type
    return type
  }

  private typeOf(node: Node): ValueType | null {
    switch (node.kind) {
      case 'number':
        return 'number'
      case 'duration':
        return 'duration'
      case 'date':
        return isRealDate(node.value) ? 'date' : this.report('rules.impossibleDate', node)
      case 'today':
        return 'date'
      case 'bool':
        return 'boolean'
      case 'symbol':
        return this.report('rules.unknownFact', node, { name: node.name, ...this.schema.suggest(node.name) })
      case 'fact': {
        const def = this.schema.get(node.key)!
        return valueTypeOf(def.type)
      }
      case 'arith':
        return this.arith(node)
      case 'neg':
        return this.expect(node.operand, 'number') ? 'number' : null
      case 'compare':
        return this.compare(node)
      case 'between': {
        const t = this.check(node.value)
        if (!t) return null
        if (t !== 'number' && t !== 'date') return this.report('rules.betweenType', node.value, { type: t })
        const ok = this.expect(node.low, t) && this.expect(node.high, t)
        return ok ? 'boolean' : null
      }
      case 'in':
        return this.membership(node)
      case 'has':
        return this.has(node)
      case 'and':
      case 'or': {
        const ok = node.items.map((i) => this.expect(i, 'boolean')).every(Boolean)
        return ok ? 'boolean' : null
      }
      case 'not':
        return this.expect(node.operand, 'boolean') ? 'boolean' : null
      case 'if': {
        const condOk = this.expect(node.cond, 'boolean')
        const t = this.check(node.then)
        if (!t) return null
        return this.expect(node.otherwise, t) && condOk ? t : null
      }
      case 'tiered':
        return this.tiered(node)
      case 'call':
        return this.call(node)
    }
  }

  private expect(node: Node, type: ValueType): boolean {
    const t = this.check(node)
    if (t === null) return false
    if (t !== type) {
      this.report('rules.wrongType', node, { text: this.text(node), expectedType: type, actualType: t })
      return false
    }
    return true
  }

  private arith(node: NodeOf<'arith'>): ValueType | null {
    const l = this.check(node.left)
    const r = this.check(node.right)
    if (!l || !r) return null
    if (l === 'number' && r === 'number') return 'number'
    if (l === 'date' && r === 'duration' && (node.op === '+' || node.op === '-')) return 'date'
    if (l === 'duration' && r === 'date' && node.op === '+') return 'date'
    if (l === 'date' && r === 'date' && node.op === '-') return 'number'
    return this.report('rules.arithMismatch', node, {
      left: this.text(node.left),
      leftType: l,
      right: this.text(node.right),
      rightType: r,
      op: node.op,
    })
  }

  private compare(node: NodeOf<'compare'>): ValueType | null {
    // A bare word beside a fact of a coded type is that type's value: 企业规模 = 小型.
    const coded = (n: Node) => n.kind === 'fact' && isCoded(this.schema.get(n.key)!)
    const word = (n: Node) => n.kind === 'symbol' || n.kind === 'number'
    if (coded(node.left) && word(node.right))
      return this.compareWithCode(node, node.left as NodeOf<'fact'>, node.right)
    if (coded(node.right) && word(node.left))
      return this.compareWithCode(node, node.right as NodeOf<'fact'>, node.left)
    if (node.right.kind === 'symbol' && node.left.kind === 'fact')
      return this.compareWithCode(node, node.left, node.right)
    if (node.left.kind === 'symbol' && node.right.kind === 'fact')
      return this.compareWithCode(node, node.right, node.left)
    const l = this.check(node.left)
    const r = this.check(node.right)
    if (!l || !r) return null
    if (l !== r || l === 'duration' || l === 'tags')
      return this.report('rules.compareMismatch', node, {
        left: this.text(node.left),
        leftType: l,
        right: this.text(node.right),
        rightType: r,
      })
    if (l !== 'number' && l !== 'date' && node.op !== '=' && node.op !== '!=')
      return this.report('rules.orderedCompare', node, { type: l })
    return 'boolean'
  }

  private compareWithCode(node: NodeOf<'compare'>, fact: NodeOf<'fact'>, symbol: Node): ValueType | null {
    const t = this.check(fact)
    if (!t) return null
    if (t !== 'enum' && t !== 'industry' && t !== 'division' && t !== 'boolean') {
      const name = symbol.kind === 'symbol' ? symbol.name : this.text(symbol)
      return this.report('rules.unknownFact', symbol, { name, ...this.schema.suggest(name) })
    }
    if (node.op !== '=' && node.op !== '!=') return this.report('rules.orderedCompare', node, { type: t })
    return this.resolveItem(fact, symbol) ? 'boolean' : null
  }

  private membership(node: NodeOf<'in'>): ValueType | null {
    const t = this.check(node.value)
    if (!t) return null
    if (t === 'number' || t === 'date') {
      return node.items.map((i) => this.expect(i, t)).every(Boolean) ? 'boolean' : null
    }
    if (t !== 'enum' && t !== 'industry' && t !== 'division')
      return this.report('rules.membershipType', node.value, { text: this.text(node.value), type: t })
    if (node.value.kind !== 'fact') return this.report('rules.membershipNeedsFact', node.value)
    const fact = node.value
    return node.items.map((i) => this.resolveItem(fact, i)).every(Boolean) ? 'boolean' : null
  }

  private has(node: NodeOf<'has'>): ValueType | null {
    const t = this.check(node.set)
    if (!t) return null
    if (t !== 'tags' || node.set.kind !== 'fact')
      return this.report('rules.hasNeedsTags', node.set, { text: this.text(node.set) })
    return this.resolveItem(node.set, node.item) ? 'boolean' : null
  }

  /** Turns a list item or compared word into the canonical code of the fact's type, in place. */
  private resolveItem(fact: NodeOf<'fact'>, item: Node): boolean {
    const def = this.schema.get(fact.key)!
    const type = valueTypeOf(def.type)
    const word = item.kind === 'symbol' ? item.name : item.kind === 'number' ? this.text(item) : null
    if (type === 'boolean' && item.kind === 'bool') return true
    if (word === null) {
      this.report('rules.notAValueOf', item, { text: this.text(item), fact: def.labelZh })
      return false
    }
    const code = resolveCode(def, word, this.options.resolveDivision)
    if (code === undefined) {
      this.report('rules.notAValueOf', item, { text: word, fact: def.labelZh, ...valueHint(def) })
      return false
    }
    Object.assign(item, { kind: 'symbol', name: code, quoted: true, type })
    return true
  }

  private tiered(node: NodeOf<'tiered'>): ValueType | null {
    const subject = this.check(node.subject)
    if (!subject) return null
    if (subject !== 'number' && subject !== 'date')
      return this.report('rules.tierSubjectType', node.subject, {
        text: this.text(node.subject),
        type: subject,
      })
    if (!node.otherwise) return this.report('rules.tieredNeedsElse', node)
    let result: ValueType | null = null
    let ok = true
    for (const tier of node.tiers) {
      ok = this.expect(tier.bound, subject) && ok
      if (result === null) result = this.check(tier.result)
      else ok = this.expect(tier.result, result) && ok
    }
    if (result === null) return null
    ok = this.expect(node.otherwise, result) && ok
    return ok ? result : null
  }

  private call(node: NodeOf<'call'>): ValueType | null {
    const arity = { min: [2, 8], max: [2, 8], round: [1, 1], yearsSince: [1, 1] }[node.fn] as [number, number]
    if (node.args.length < arity[0] || node.args.length > arity[1])
      return this.report('rules.arity', node, { fn: node.fn, min: arity[0], max: arity[1] })
    if (node.fn === 'yearsSince') return this.expect(node.args[0]!, 'date') ? 'number' : null
    return node.args.map((a) => this.expect(a, 'number')).every(Boolean) ? 'number' : null
  }
}

/** Types whose values are codes: a bare word or number beside them is a code, not a fact. */
function isCoded(def: FactDefinition): boolean {
  const t = valueTypeOf(def.type)
  return t === 'enum' || t === 'industry' || t === 'division'
}

function valueHint(def: FactDefinition): { examples?: string } {
  if (def.values?.length)
    return {
      examples: def.values
        .slice(0, 6)
        .map((v) => v.zh)
        .join('、'),
    }
  return {}
}

const INDUSTRY_BY_NAME = new Map<string, string>()
for (const section of INDUSTRY_SECTIONS) {
  INDUSTRY_BY_NAME.set(section.nameZh, section.code)
  INDUSTRY_BY_NAME.set(section.nameEn.toLowerCase(), section.code)
  for (const [code, name] of section.divisions) INDUSTRY_BY_NAME.set(name, `${section.code}${code}`)
}

/** The canonical code a word names for a fact: an enum value, a tag, an industry or division code. */
export function resolveCode(
  def: FactDefinition,
  word: string,
  resolveDivision?: DivisionResolver,
): string | undefined {
  const w = word.trim()
  switch (valueTypeOf(def.type)) {
    case 'enum':
    case 'tags': {
      const values = def.values ?? []
      const lower = w.toLowerCase()
      const plain = w.replace(/企业$/, '')
      return values.find(
        (v) =>
          v.code.toLowerCase() === lower ||
          v.zh === w ||
          v.zh === plain ||
          v.zh.replace(/企业$/, '') === plain ||
          v.en.toLowerCase() === lower,
      )?.code
    }
    case 'industry': {
      const byName = INDUSTRY_BY_NAME.get(w) ?? INDUSTRY_BY_NAME.get(w.toLowerCase())
      if (byName) return byName
      const upper = w.toUpperCase()
      if (/^[A-T]$/.test(upper) && INDUSTRY_SECTIONS.some((s) => s.code === upper)) return upper
      return isKnownIndustryCode(upper) ? upper : undefined
    }
    case 'division':
      return resolveDivision ? resolveDivision(w) : /^\d{6}$/.test(w) ? w : undefined
    default:
      return undefined
  }
}

export type CompiledRule = { source: string; node: Node; type: ValueType }

/**
 * Parses and checks one rule. Answers the checked tree, or every problem found (a syntax error stops
 * at the first; type errors are all collected).
 */
export function compileRule(
  source: string,
  schema: FactSchema,
  options: CheckOptions = {},
): { ok: true; rule: CompiledRule } | { ok: false; problems: RuleProblem[] } {
  let node: Node
  try {
    node = parseRule(source, schema)
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, problems: [error.problem] }
    throw error
  }
  const checker = new Checker(schema, source, options)
  const type = checker.check(node)
  if (checker.problems.length === 0 && type && options.expect && type !== options.expect) {
    checker.problems.push(
      problem('rules.wholeRuleType', node, { expectedType: options.expect, actualType: type }),
    )
  }
  if (checker.problems.length || !type) return { ok: false, problems: checker.problems }
  return { ok: true, rule: { source, node, type } }
}
