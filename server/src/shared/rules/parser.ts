import { RuleError, type CompareOp, type FunctionName, type Node, type Span, type Tier } from './ast'
import type { FactSchema } from './fact-schema'
import { tokenize, type Keyword, type Punct, type Token } from './lexer'

/** Deep nesting is refused, so no rule can exhaust the evaluator's stack. */
export const MAX_DEPTH = 40

const FUNCTIONS: Partial<Record<Keyword, FunctionName>> = {
  min: 'min',
  max: 'max',
  round: 'round',
  yearsSince: 'yearsSince',
}

/**
 * Parses one condition (or a formula) into a tree. Precedence, loosest first: 或/or, 且/and, 非/not,
 * comparisons (>=, 不超过, 介于…至…, 属于 […], 包含 …), + -, * /, unary minus.
 */
export function parseRule(source: string, schema: FactSchema): Node {
  const tokens = tokenize(source, schema.chineseNames())
  if (tokens.length === 1) throw new RuleError({ key: 'rules.empty', start: 0, end: source.length })
  const parser = new Parser(tokens, schema)
  const node = parser.expression()
  parser.expectEnd()
  return node
}

class Parser {
  private i = 0
  private depth = 0

  constructor(
    private readonly tokens: Token[],
    private readonly schema: FactSchema,
  ) {}

  private get peek(): Token {
    return this.tokens[this.i]!
  }

  private next(): Token {
    return this.tokens[this.i++]!
  }

  private isKeyword(k: Keyword): boolean {
    return this.peek.t === 'keyword' && this.peek.value === k
  }

  private isPunct(p: Punct): boolean {
    return this.peek.t === 'punct' && this.peek.value === p
  }

  private fail(key: string, token: Token = this.peek, params?: Record<string, string | number>): never {
    if (token.t === 'eof')
      throw new RuleError({ key: 'rules.unexpectedEnd', start: token.start, end: token.end })
    const misnamed = this.misnamedFact(token)
    if (misnamed) throw misnamed
    throw new RuleError({ key, params: { text: token.text, ...params }, start: token.start, end: token.end })
  }

  /**
   * A fact name written slightly wrong often ends in a word of the language (细分市场年数: 年数 is
   * "years since"), so the parser trips over that word. When the token runs straight on from a word
   * that is no fact, the officer meant one name: say that name is unknown and which fact is close.
   */
  private misnamedFact(token: Token): RuleError | undefined {
    const at = this.tokens.indexOf(token)
    const before = this.tokens[at - 1]
    if (!before || before.t !== 'ident' || before.end !== token.start) return undefined
    if (this.schema.find(before.value) || !/^[\u3400-\u9fff]/.test(token.text)) return undefined
    const name = before.text + token.text
    return new RuleError({
      key: 'rules.unknownFact',
      params: { name, ...this.schema.suggest(name) },
      start: before.start,
      end: token.end,
    })
  }

  private expectPunct(p: Punct, key = 'rules.expected'): Token {
    if (!this.isPunct(p)) this.fail(key, this.peek, { expected: p })
    return this.next()
  }

  expectEnd(): void {
    if (this.peek.t !== 'eof') this.fail('rules.unexpectedToken')
  }

  private nested<T>(span: Span, parse: () => T): T {
    if (++this.depth > MAX_DEPTH)
      throw new RuleError({
        key: 'rules.tooDeep',
        params: { max: MAX_DEPTH },
        start: span.start,
        end: span.end,
      })
    try {
      return parse()
    } finally {
      this.depth--
    }
  }

  expression(): Node {
    return this.nested(this.peek, () => this.or())
  }

  private or(): Node {
    const first = this.and()
    const items = [first]
    while (this.isKeyword('or')) {
      this.next()
      items.push(this.and())
    }
    return items.length === 1 ? first : { kind: 'or', items, start: first.start, end: items.at(-1)!.end }
  }

  private and(): Node {
    const first = this.not()
    const items = [first]
    while (this.isKeyword('and')) {
      this.next()
      items.push(this.not())
    }
    return items.length === 1 ? first : { kind: 'and', items, start: first.start, end: items.at(-1)!.end }
  }

  private not(): Node {
    if (this.isKeyword('not')) {
      const token = this.next()
      const operand = this.nested(token, () => this.not())
      return { kind: 'not', operand, start: token.start, end: operand.end }
    }
    return this.comparison()
  }

  private comparison(): Node {
    const left = this.additive()
    const token = this.peek
    if (token.t === 'compare') {
      this.next()
      const right = this.additive()
      return { kind: 'compare', op: token.value, left, right, start: left.start, end: right.end }
    }
    if (this.isKeyword('between')) {
      this.next()
      const low = this.additive()
      if (!this.isKeyword('to') && !this.isKeyword('and')) this.fail('rules.expectedTo')
      this.next()
      const high = this.additive()
      let end = high.end
      if (this.isKeyword('betweenEnd')) end = this.next().end
      return { kind: 'between', value: left, low, high, start: left.start, end }
    }
    if (this.isKeyword('in') || this.isKeyword('notIn')) {
      const negated = token.t === 'keyword' && token.value === 'notIn'
      this.next()
      const { items, end } = this.list()
      return { kind: 'in', value: left, items, negated, start: left.start, end }
    }
    if (this.isKeyword('has') || this.isKeyword('lacks')) {
      const negated = token.t === 'keyword' && token.value === 'lacks'
      this.next()
      const item = this.primary()
      return { kind: 'has', set: left, item, negated, start: left.start, end: item.end }
    }
    return left
  }

  private list(): { items: Node[]; end: number } {
    this.expectPunct('[', 'rules.expectedList')
    const items: Node[] = []
    while (!this.isPunct(']')) {
      items.push(this.additive())
      if (this.isPunct(',')) this.next()
      else if (!this.isPunct(']')) this.fail('rules.expected', this.peek, { expected: ']' })
    }
    const close = this.next()
    if (items.length === 0) this.fail('rules.emptyList', close)
    return { items, end: close.end }
  }

  private additive(): Node {
    let left = this.term()
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.next().text === '+' ? '+' : '-'
      const right = this.term()
      left = { kind: 'arith', op, left, right, start: left.start, end: right.end }
    }
    return left
  }

  private term(): Node {
    let left = this.unary()
    while (this.isPunct('*') || this.isPunct('/')) {
      const t = this.next()
      const op = t.t === 'punct' && t.value === '*' ? '*' : '/'
      const right = this.unary()
      left = { kind: 'arith', op, left, right, start: left.start, end: right.end }
    }
    return left
  }

  private unary(): Node {
    if (this.isPunct('-')) {
      const token = this.next()
      const operand = this.nested(token, () => this.unary())
      return { kind: 'neg', operand, start: token.start, end: operand.end }
    }
    return this.primary()
  }

  private primary(): Node {
    const token = this.next()
    const span = { start: token.start, end: token.end }
    switch (token.t) {
      case 'number':
        return {
          kind: 'number',
          value: token.value,
          ...(token.isPercent ? { isPercent: true } : {}),
          ...span,
        }
      case 'duration':
        return { kind: 'duration', amount: token.amount, unit: token.unit, ...span }
      case 'date':
        return { kind: 'date', value: token.value, ...span }
      case 'string':
        return { kind: 'symbol', name: token.value, quoted: true, ...span }
      case 'ident': {
        const fact = this.schema.find(token.value)
        return fact
          ? { kind: 'fact', key: fact.key, ...span }
          : { kind: 'symbol', name: token.value, quoted: false, ...span }
      }
      case 'punct':
        if (token.value === '(') {
          const inner = this.nested(token, () => this.or())
          const close = this.expectPunct(')')
          return { ...inner, start: token.start, end: close.end }
        }
        if (token.value === '[') this.fail('rules.listOutsideIn', token)
        return this.fail('rules.unexpectedToken', token)
      case 'keyword':
        return this.keywordPrimary(token)
      default:
        return this.fail('rules.unexpectedToken', token)
    }
  }

  private keywordPrimary(token: Extract<Token, { t: 'keyword' }>): Node {
    const span = { start: token.start, end: token.end }
    switch (token.value) {
      case 'today':
        return { kind: 'today', ...span }
      case 'true':
      case 'false':
        return { kind: 'bool', value: token.value === 'true', ...span }
      case 'if': {
        const cond = this.expression()
        if (!this.isKeyword('then')) this.fail('rules.expectedThen')
        this.next()
        const then = this.expression()
        if (!this.isKeyword('else')) this.fail('rules.expectedElse')
        this.next()
        const otherwise = this.expression()
        return { kind: 'if', cond, then, otherwise, start: token.start, end: otherwise.end }
      }
      case 'tiered':
        return this.tiered(token)
      default: {
        const fn = FUNCTIONS[token.value]
        if (!fn) return this.fail('rules.unexpectedToken', token)
        this.expectPunct('(')
        const args: Node[] = []
        while (!this.isPunct(')')) {
          args.push(this.expression())
          if (this.isPunct(',')) this.next()
          else if (!this.isPunct(')')) this.fail('rules.expected', this.peek, { expected: ')' })
        }
        const close = this.next()
        return { kind: 'call', fn, args, start: token.start, end: close.end }
      }
    }
  }

  /** 分档(营业收入: 不超过 5000万 → 5%, 不超过 2亿 → 4%, 其他 → 3%) — the first tier that holds decides. */
  private tiered(token: Token): Node {
    this.expectPunct('(')
    const subject = this.additive()
    if (!this.isPunct(':') && !this.isPunct(';') && !this.isPunct(','))
      this.fail('rules.expected', this.peek, { expected: ':' })
    this.next()
    const tiers: Tier[] = []
    let otherwise: Node | null = null
    while (!this.isPunct(')')) {
      if (otherwise) this.fail('rules.tierAfterElse')
      if (this.isKeyword('else')) {
        this.next()
        if (this.isPunct('->') || this.isPunct(':')) this.next()
        otherwise = this.expression()
      } else {
        const opToken = this.next()
        if (opToken.t !== 'compare') this.fail('rules.expectedTierBound', opToken)
        const op: CompareOp = opToken.value
        const bound = this.additive()
        if (!this.isPunct('->') && !this.isPunct(':'))
          this.fail('rules.expected', this.peek, { expected: '→' })
        this.next()
        tiers.push({ op, bound, result: this.expression() })
      }
      if (this.isPunct(',') || this.isPunct(';')) this.next()
      else if (!this.isPunct(')')) this.fail('rules.expected', this.peek, { expected: ')' })
    }
    const close = this.next()
    if (tiers.length === 0) this.fail('rules.noTiers', close)
    return { kind: 'tiered', subject, tiers, otherwise, start: token.start, end: close.end }
  }
}
