import { INDUSTRY_SECTIONS, industryName } from '../industries'
import type { CompareOp, Node } from './ast'
import type { FactDefinition, FactSchema } from './fact-schema'

/**
 * A checked rule written back as a sentence: 「年度应纳税所得额不超过300万元，且从业人数不超过300人」.
 * What the officer wrote and what the enterprise reads are the same rule; the rendering is how both
 * can check that the machine understood it.
 */
export type Locale = 'zh-CN' | 'en'

type Words = {
  ops: Record<CompareOp, string>
  dateOps: Record<CompareOp, string>
  and: string
  or: string
  not: (s: string) => string
  in: string
  notIn: string
  has: string
  lacks: string
  between: (v: string, lo: string, hi: string) => string
  today: string
  ago: (d: string) => string
  later: (d: string) => string
  yes: string
  no: string
  listJoin: string
  tiered: (subject: string, tiers: string[], otherwise: string) => string
  tier: (op: string, bound: string, result: string) => string
  ifThen: (c: string, t: string, e: string) => string
  min: (args: string[]) => string
  max: (args: string[]) => string
  round: (a: string) => string
  yearsSince: (d: string) => string
  duration: (amount: number, unit: 'year' | 'month' | 'day') => string
}

const ZH: Words = {
  ops: { '<': '低于', '<=': '不超过', '>': '超过', '>=': '不低于', '=': '为', '!=': '不为' },
  dateOps: { '<': '早于', '<=': '不晚于', '>': '晚于', '>=': '不早于', '=': '为', '!=': '不为' },
  and: '，且',
  or: '，或',
  not: (s) => `并非${s}`,
  in: '属于',
  notIn: '不属于',
  has: '包含',
  lacks: '不包含',
  between: (v, lo, hi) => `${v}介于${lo}至${hi}之间`,
  today: '今天',
  ago: (d) => `${d}前`,
  later: (d) => `${d}后`,
  yes: '是',
  no: '否',
  listJoin: '、',
  tiered: (s, tiers, o) => `按${s}分档（${tiers.join('；')}；其他：${o}）`,
  tier: (op, b, r) => `${op}${b}：${r}`,
  ifThen: (c, t, e) => `如果${c}，则${t}，否则${e}`,
  min: (a) => `${a.join('与')}中的较小者`,
  max: (a) => `${a.join('与')}中的较大者`,
  round: (a) => `${a}（取整）`,
  yearsSince: (d) => `${d}至今已满年数`,
  duration: (n, u) => `${n}${u === 'year' ? '年' : u === 'month' ? '个月' : '天'}`,
}

const EN: Words = {
  ops: { '<': 'below', '<=': 'at most', '>': 'above', '>=': 'at least', '=': 'is', '!=': 'is not' },
  dateOps: {
    '<': 'before',
    '<=': 'on or before',
    '>': 'after',
    '>=': 'on or after',
    '=': 'is',
    '!=': 'is not',
  },
  and: ', and ',
  or: ', or ',
  not: (s) => `not (${s})`,
  in: 'is one of',
  notIn: 'is none of',
  has: 'includes',
  lacks: 'does not include',
  between: (v, lo, hi) => `${v} between ${lo} and ${hi}`,
  today: 'today',
  ago: (d) => `${d} ago`,
  later: (d) => `${d} from now`,
  yes: 'yes',
  no: 'no',
  listJoin: ', ',
  tiered: (s, tiers, o) => `by ${s} (${tiers.join('; ')}; otherwise: ${o})`,
  tier: (op, b, r) => `${op} ${b}: ${r}`,
  ifThen: (c, t, e) => `if ${c} then ${t}, else ${e}`,
  min: (a) => `the smaller of ${a.join(' and ')}`,
  max: (a) => `the larger of ${a.join(' and ')}`,
  round: (a) => `${a} (rounded)`,
  yearsSince: (d) => `whole years since ${d}`,
  duration: (n, u) => `${n} ${u}${n === 1 ? '' : 's'}`,
}

/** 3000000 → 300万, 150000000 → 1.5亿; English keeps digits with separators. */
export function formatNumber(value: number, def: FactDefinition | undefined, locale: Locale): string {
  if (def?.type === 'ratio') return `${trim(value * 100)}%`
  const unit = locale === 'zh-CN' ? (def?.unitZh ?? '') : def?.unitEn ? ` ${def.unitEn}` : ''
  if (locale === 'zh-CN') {
    const abs = Math.abs(value)
    if (abs >= 1e8 && value % 1e6 === 0) return `${trim(value / 1e8)}亿${unit}`
    if (abs >= 1e4 && value % 100 === 0) return `${trim(value / 1e4)}万${unit}`
    return `${trim(value)}${unit}`
  }
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 4 })}${unit}`
}

const trim = (n: number) => String(Math.round(n * 10_000) / 10_000)

export function formatDate(value: string, locale: Locale): string {
  if (locale === 'en') return value
  const [y, m, d] = value.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export class RuleRenderer {
  private readonly words: Words

  constructor(
    private readonly schema: FactSchema,
    private readonly locale: Locale,
    /** names of division codes, when the host knows them */
    private readonly divisionName?: (code: string) => string | undefined,
  ) {
    this.words = locale === 'zh-CN' ? ZH : EN
  }

  render(node: Node): string {
    return this.node(node, undefined, false)
  }

  private label(def: FactDefinition): string {
    return this.locale === 'zh-CN' ? def.labelZh : def.labelEn
  }

  /** `hint` is the fact a literal is compared with: it gives the literal its unit and its value names. */
  private node(node: Node, hint: FactDefinition | undefined, nested: boolean): string {
    const w = this.words
    switch (node.kind) {
      case 'number':
        return node.isPercent ? `${trim(node.value * 100)}%` : formatNumber(node.value, hint, this.locale)
      case 'duration':
        return w.duration(node.amount, node.unit)
      case 'date':
        return formatDate(node.value, this.locale)
      case 'today':
        return w.today
      case 'bool':
        return node.value ? w.yes : w.no
      case 'symbol':
        return this.symbol(node.name, hint)
      case 'fact':
        return this.label(this.schema.get(node.key)!)
      case 'arith': {
        if (node.left.kind === 'today' && node.right.kind === 'duration') {
          const d = this.node(node.right, undefined, true)
          return node.op === '-' ? w.ago(d) : w.later(d)
        }
        // a sum keeps its fact's unit; a factor or divisor is a plain number (× 20%, ÷ 12)
        const scales = node.op === '*' || node.op === '/'
        const factHint = scales ? undefined : (this.factOf(node.left) ?? this.factOf(node.right) ?? hint)
        const text = `${this.node(node.left, factHint, true)} ${node.op === '*' ? '×' : node.op === '/' ? '÷' : node.op} ${this.node(node.right, factHint, true)}`
        return nested ? `（${text}）` : text
      }
      case 'neg':
        return `-${this.node(node.operand, hint, true)}`
      case 'compare': {
        const factHint = this.factOf(node.left) ?? this.factOf(node.right)
        const ops = node.left.type === 'date' ? w.dateOps : w.ops
        const sep = this.locale === 'zh-CN' ? '' : ' '
        return `${this.node(node.left, factHint, true)}${sep}${ops[node.op]}${sep}${this.node(node.right, factHint, true)}`
      }
      case 'between': {
        const factHint = this.factOf(node.value)
        return w.between(
          this.node(node.value, factHint, true),
          this.node(node.low, factHint, true),
          this.node(node.high, factHint, true),
        )
      }
      case 'in': {
        const factHint = this.factOf(node.value)
        const sep = this.locale === 'zh-CN' ? '' : ' '
        const items = node.items.map((i) => this.node(i, factHint, true)).join(w.listJoin)
        return `${this.node(node.value, factHint, true)}${sep}${node.negated ? w.notIn : w.in}${sep}${items}`
      }
      case 'has': {
        const factHint = this.factOf(node.set)
        const sep = this.locale === 'zh-CN' ? '' : ' '
        return `${this.node(node.set, factHint, true)}${sep}${node.negated ? w.lacks : w.has}${sep}${this.node(node.item, factHint, true)}`
      }
      case 'and':
      case 'or': {
        const text = node.items
          .map((i) => this.node(i, undefined, true))
          .join(node.kind === 'and' ? w.and : w.or)
        return nested ? `（${text}）` : text
      }
      case 'not':
        return w.not(this.node(node.operand, undefined, true))
      case 'if':
        return w.ifThen(
          this.node(node.cond, undefined, true),
          this.node(node.then, hint, true),
          this.node(node.otherwise, hint, true),
        )
      case 'tiered': {
        const subjectHint = this.factOf(node.subject)
        const ops = node.subject.type === 'date' ? w.dateOps : w.ops
        const tiers = node.tiers.map((t) =>
          w.tier(ops[t.op], this.node(t.bound, subjectHint, true), this.node(t.result, hint, true)),
        )
        return w.tiered(
          this.node(node.subject, subjectHint, true),
          tiers,
          this.node(node.otherwise!, hint, true),
        )
      }
      case 'call': {
        const args = node.args.map((a) => this.node(a, hint ?? this.factOf(a), true))
        switch (node.fn) {
          case 'min':
            return w.min(args)
          case 'max':
            return w.max(args)
          case 'round':
            return w.round(args[0]!)
          case 'yearsSince':
            return w.yearsSince(args[0]!)
        }
      }
    }
  }

  private factOf(node: Node): FactDefinition | undefined {
    return node.kind === 'fact' ? this.schema.get(node.key) : undefined
  }

  private symbol(code: string, hint: FactDefinition | undefined): string {
    if (!hint) return code
    const zh = this.locale === 'zh-CN'
    if (hint.values) {
      const v = hint.values.find((x) => x.code === code)
      if (v) return zh ? v.zh : v.en
    }
    if (hint.type === 'industry') {
      const section = INDUSTRY_SECTIONS.find((s) => s.code === code)
      if (section) return zh ? `${section.nameZh}（${code}）` : `${section.nameEn} (${code})`
      const name = industryName(code)
      return name ? (zh ? `${name}（${code}）` : `${code}`) : code
    }
    if (hint.type === 'division') return this.divisionName?.(code) ?? code
    return code
  }
}
