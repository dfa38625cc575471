import { RuleError, type CompareOp, type DurationUnit } from './ast'

/**
 * Words of the rule language. A policy officer writes the way the policy reads —
 * 「应纳税所得额不超过300万元 且 从业人数不超过300人」 — or in English (taxableIncome <= 3000000 and …).
 * Chinese runs together without spaces, so the lexer takes the longest keyword or fact name that
 * starts at each position.
 */
export type Keyword =
  | 'and'
  | 'or'
  | 'not'
  | 'in'
  | 'notIn'
  | 'has'
  | 'lacks'
  | 'between'
  | 'to'
  | 'betweenEnd'
  | 'tiered'
  | 'else'
  | 'if'
  | 'then'
  | 'today'
  | 'true'
  | 'false'
  | 'min'
  | 'max'
  | 'round'
  | 'yearsSince'

export type Punct = '+' | '-' | '*' | '/' | '(' | ')' | '[' | ']' | ',' | ';' | ':' | '->'

export type Token = { start: number; end: number; text: string } & (
  | { t: 'number'; value: number; isPercent?: boolean }
  | { t: 'duration'; amount: number; unit: DurationUnit }
  | { t: 'date'; value: string }
  | { t: 'string'; value: string }
  | { t: 'ident'; value: string }
  | { t: 'keyword'; value: Keyword }
  | { t: 'compare'; value: CompareOp }
  | { t: 'punct'; value: Punct }
  | { t: 'eof' }
)

const CHINESE_WORDS: Record<string, Keyword | CompareOp> = {
  且: 'and',
  并且: 'and',
  而且: 'and',
  同时: 'and',
  或: 'or',
  或者: 'or',
  非: 'not',
  不是: 'not',
  属于: 'in',
  不属于: 'notIn',
  包含: 'has',
  含有: 'has',
  不包含: 'lacks',
  不含: 'lacks',
  介于: 'between',
  至: 'to',
  到: 'to',
  之间: 'betweenEnd',
  分档: 'tiered',
  其他: 'else',
  其余: 'else',
  否则: 'else',
  如果: 'if',
  若: 'if',
  则: 'then',
  今天: 'today',
  当前日期: 'today',
  是: 'true',
  真: 'true',
  否: 'false',
  假: 'false',
  最小: 'min',
  较小值: 'min',
  最大: 'max',
  较大值: 'max',
  取整: 'round',
  已满年数: 'yearsSince',
  年数: 'yearsSince',
  不低于: '>=',
  不少于: '>=',
  不小于: '>=',
  达到: '>=',
  至少: '>=',
  不超过: '<=',
  不高于: '<=',
  不多于: '<=',
  不大于: '<=',
  最多: '<=',
  超过: '>',
  高于: '>',
  多于: '>',
  大于: '>',
  低于: '<',
  少于: '<',
  小于: '<',
  不足: '<',
  未达到: '<',
  等于: '=',
  不等于: '!=',
  不晚于: '<=',
  不早于: '>=',
  早于: '<',
  晚于: '>',
}

const ENGLISH_WORDS: Record<string, Keyword> = {
  and: 'and',
  or: 'or',
  not: 'not',
  in: 'in',
  has: 'has',
  lacks: 'lacks',
  between: 'between',
  to: 'to',
  tiered: 'tiered',
  else: 'else',
  otherwise: 'else',
  if: 'if',
  then: 'then',
  today: 'today',
  true: 'true',
  false: 'false',
  yes: 'true',
  no: 'false',
  min: 'min',
  max: 'max',
  round: 'round',
  years_since: 'yearsSince',
  yearssince: 'yearsSince',
}

const COMPARE_SYMBOLS: [string, CompareOp][] = [
  ['>=', '>='],
  ['<=', '<='],
  ['!=', '!='],
  ['==', '='],
  ['≥', '>='],
  ['≤', '<='],
  ['≠', '!='],
  ['=', '='],
  ['>', '>'],
  ['<', '<'],
]

const PUNCT: [string, Punct][] = [
  ['->', '->'],
  ['→', '->'],
  ['+', '+'],
  ['-', '-'],
  ['*', '*'],
  ['×', '*'],
  ['/', '/'],
  ['÷', '/'],
  ['(', '('],
  ['（', '('],
  [')', ')'],
  ['）', ')'],
  ['[', '['],
  ['【', '['],
  [']', ']'],
  ['】', ']'],
  [',', ','],
  ['，', ','],
  ['、', ','],
  [';', ';'],
  ['；', ';'],
  [':', ':'],
  ['：', ':'],
]

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '‘': '’', "'": "'" }

/** Multipliers written after a number: 300万, 1.5亿. */
const MULTIPLIERS: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 }
/** Units that only say what was counted: 300人, 5000万元. */
const COUNT_UNITS = ['万元', '元', '人', '户', '家', '个', '次', '项', '名', '分']
const DURATION_SUFFIXES: [string, DurationUnit][] = [
  ['个月', 'month'],
  ['月', 'month'],
  ['年', 'year'],
  ['天', 'day'],
  ['日', 'day'],
]
const ENGLISH_DURATIONS: Record<string, DurationUnit> = {
  year: 'year',
  years: 'year',
  month: 'month',
  months: 'month',
  day: 'day',
  days: 'day',
}

const isCjk = (ch: string) => /[\u3400-\u9fff\uf900-\ufaff]/.test(ch)
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9'
const isAsciiStart = (ch: string) => /[A-Za-z_]/.test(ch)

export const MAX_RULE_LENGTH = 4000

/** Splits a rule into tokens. `factNames` are the Chinese fact names, matched longest-first. */
export function tokenize(source: string, factNames: readonly string[]): Token[] {
  if (source.length > MAX_RULE_LENGTH)
    throw new RuleError({
      key: 'rules.tooLong',
      params: { max: MAX_RULE_LENGTH },
      start: 0,
      end: source.length,
    })
  const words = new Map<string, { kind: 'word'; value: Keyword | CompareOp } | { kind: 'fact' }>()
  for (const [w, v] of Object.entries(CHINESE_WORDS)) words.set(w, { kind: 'word', value: v })
  // A fact name wins over a keyword of the same spelling (a fact is what the officer named).
  for (const name of factNames) words.set(name, { kind: 'fact' })
  const lengths = [...new Set([...words.keys()].map((w) => w.length))].sort((a, b) => b - a)
  const longestWordAt = (i: number): string | undefined => {
    for (const len of lengths) {
      const candidate = source.slice(i, i + len)
      if (candidate.length === len && words.has(candidate)) return candidate
    }
    return undefined
  }

  const tokens: Token[] = []
  let i = 0
  const push = (token: Token) => tokens.push(token)
  while (i < source.length) {
    const ch = source[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    const start = i
    // dates before numbers: 2025-12-31
    const date = /^\d{4}-\d{2}-\d{2}/.exec(source.slice(i))
    if (date) {
      i += date[0].length
      push({ t: 'date', value: date[0], start, end: i, text: date[0] })
      continue
    }
    if (isDigit(ch) || (ch === '.' && isDigit(source[i + 1]))) {
      const match = /^(\d[\d_]*(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?/i.exec(source.slice(i))!
      let value = Number(match[0].replace(/_/g, ''))
      i += match[0].length
      while (source[i] && MULTIPLIERS[source[i]!]) value *= MULTIPLIERS[source[i++]!]!
      if (source[i] === '%' || source[i] === '％') {
        i++
        push({
          t: 'number',
          value: value / 100,
          isPercent: true,
          start,
          end: i,
          text: source.slice(start, i),
        })
        continue
      }
      const duration = DURATION_SUFFIXES.find(([s]) => source.startsWith(s, i))
      if (duration) {
        i += duration[0].length
        push({ t: 'duration', amount: value, unit: duration[1], start, end: i, text: source.slice(start, i) })
        continue
      }
      const english = /^\s*([A-Za-z]+)/.exec(source.slice(i))
      const englishUnit = english ? ENGLISH_DURATIONS[english[1]!.toLowerCase()] : undefined
      if (english && englishUnit) {
        i += english[0].length
        push({ t: 'duration', amount: value, unit: englishUnit, start, end: i, text: source.slice(start, i) })
        continue
      }
      const unit = COUNT_UNITS.find((u) => source.startsWith(u, i))
      if (unit) i += unit.length
      push({ t: 'number', value, start, end: i, text: source.slice(start, i) })
      continue
    }
    if (QUOTES[ch]) {
      const close = source.indexOf(QUOTES[ch]!, i + 1)
      if (close < 0) throw new RuleError({ key: 'rules.unclosedQuote', start, end: source.length })
      i = close + 1
      push({
        t: 'string',
        value: source.slice(start + 1, close),
        start,
        end: i,
        text: source.slice(start, i),
      })
      continue
    }
    const compare = COMPARE_SYMBOLS.find(([s]) => source.startsWith(s, i))
    if (compare) {
      i += compare[0].length
      push({ t: 'compare', value: compare[1], start, end: i, text: compare[0] })
      continue
    }
    const punct = PUNCT.find(([s]) => source.startsWith(s, i))
    if (punct) {
      i += punct[0].length
      push({ t: 'punct', value: punct[1], start, end: i, text: punct[0] })
      continue
    }
    if (isAsciiStart(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(source.slice(i))!
      i += match[0].length
      // A code with a Chinese suffix is one word: D级, A类.
      let j = i
      while (j < source.length && isCjk(source[j]!) && !isWordBoundary(longestWordAt(j))) j++
      if (j > i) {
        i = j
        push({ t: 'ident', value: source.slice(start, j), start, end: j, text: source.slice(start, j) })
        continue
      }
      const keyword = ENGLISH_WORDS[match[0].toLowerCase()]
      if (keyword === 'not' && /^\s+in\b/i.test(source.slice(i))) {
        i = i + /^\s+in/i.exec(source.slice(i))![0].length
        push({ t: 'keyword', value: 'notIn', start, end: i, text: source.slice(start, i) })
      } else if (keyword) push({ t: 'keyword', value: keyword, start, end: i, text: match[0] })
      else push({ t: 'ident', value: match[0], start, end: i, text: match[0] })
      continue
    }
    if (isCjk(ch)) {
      const word = longestWordAt(i)
      if (word) {
        i += word.length
        const entry = words.get(word)!
        if (entry.kind === 'fact') push({ t: 'ident', value: word, start, end: i, text: word })
        else if (isCompareOp(entry.value))
          push({ t: 'compare', value: entry.value, start, end: i, text: word })
        else push({ t: 'keyword', value: entry.value, start, end: i, text: word })
        continue
      }
      // A bare word (an enum value, a tag, an industry name): up to a delimiter or a keyword.
      let j = i + 1
      while (j < source.length && (isCjk(source[j]!) || /[A-Za-z0-9_·“”"]/.test(source[j]!))) {
        if (isWordBoundary(longestWordAt(j))) break
        j++
      }
      i = j
      push({ t: 'ident', value: source.slice(start, j), start, end: j, text: source.slice(start, j) })
      continue
    }
    throw new RuleError({ key: 'rules.unexpectedCharacter', params: { char: ch }, start, end: start + 1 })
  }
  tokens.push({ t: 'eof', start: source.length, end: source.length, text: '' })
  return tokens
}

/** Where a bare word ends: before a keyword of two or more characters, or before 且 / 或. */
function isWordBoundary(word: string | undefined): boolean {
  return !!word && (word.length >= 2 || word === '且' || word === '或')
}

function isCompareOp(value: string): value is CompareOp {
  return ['<', '<=', '>', '>=', '=', '!='].includes(value)
}
