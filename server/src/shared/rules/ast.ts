/**
 * The syntax tree of the rule language. Spans are character offsets into the source, so an error
 * can point at the words it is about. After type checking, every node carries its value type and
 * every bare word in a list is resolved to a canonical code.
 */
import type { ValueType } from './fact-schema'

export type Span = { start: number; end: number }

export type CompareOp = '<' | '<=' | '>' | '>=' | '=' | '!='
export type ArithOp = '+' | '-' | '*' | '/'
export type DurationUnit = 'year' | 'month' | 'day'
export type FunctionName = 'min' | 'max' | 'round' | 'yearsSince'

export type Node =
  /** isPercent: written as a percentage (20%), and read back as one */
  (
    | { kind: 'number'; value: number; isPercent?: boolean }
    | { kind: 'duration'; amount: number; unit: DurationUnit }
    | { kind: 'date'; value: string }
    | { kind: 'today' }
    | { kind: 'bool'; value: boolean }
    /** a quoted text or a bare word: an enum value, a tag, an industry or division code, by context */
    | { kind: 'symbol'; name: string; quoted: boolean }
    | { kind: 'fact'; key: string }
    | { kind: 'arith'; op: ArithOp; left: Node; right: Node }
    | { kind: 'neg'; operand: Node }
    | { kind: 'compare'; op: CompareOp; left: Node; right: Node }
    | { kind: 'between'; value: Node; low: Node; high: Node }
    | { kind: 'in'; value: Node; items: Node[]; negated: boolean }
    | { kind: 'has'; set: Node; item: Node; negated: boolean }
    | { kind: 'and'; items: Node[] }
    | { kind: 'or'; items: Node[] }
    | { kind: 'not'; operand: Node }
    | { kind: 'if'; cond: Node; then: Node; otherwise: Node }
    | { kind: 'tiered'; subject: Node; tiers: Tier[]; otherwise: Node | null }
    | { kind: 'call'; fn: FunctionName; args: Node[] }
  ) &
    Span & {
      /** set by the type checker */
      type?: ValueType
    }

export type Tier = { op: CompareOp; bound: Node; result: Node }

export type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>

/** A problem with a rule, for people: an i18n key under rules.*, its parameters, and where it is. */
export type RuleProblem = {
  key: string
  params?: Record<string, string | number>
  start: number
  end: number
}

export class RuleError extends Error {
  constructor(readonly problem: RuleProblem) {
    super(problem.key)
  }
}

/** The facts a node reads, in order of first use. */
export function factsOf(node: Node, into: string[] = []): string[] {
  walk(node, (n) => {
    if (n.kind === 'fact' && !into.includes(n.key)) into.push(n.key)
  })
  return into
}

export function walk(node: Node, visit: (n: Node) => void): void {
  visit(node)
  for (const child of childrenOf(node)) walk(child, visit)
}

export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case 'arith':
    case 'compare':
      return [node.left, node.right]
    case 'neg':
    case 'not':
      return [node.operand]
    case 'between':
      return [node.value, node.low, node.high]
    case 'in':
      return [node.value, ...node.items]
    case 'has':
      return [node.set, node.item]
    case 'and':
    case 'or':
      return node.items
    case 'if':
      return [node.cond, node.then, node.otherwise]
    case 'tiered':
      return [
        node.subject,
        ...node.tiers.flatMap((t) => [t.bound, t.result]),
        ...(node.otherwise ? [node.otherwise] : []),
      ]
    case 'call':
      return node.args
    default:
      return []
  }
}

/**
 * A canonical text of a checked node, the same for the same meaning however it was written
 * (以上 / >=, 300万 / 3000000): the engine evaluates each distinct sub-expression once per run.
 */
export function canonicalKey(node: Node): string {
  switch (node.kind) {
    case 'number':
      return `n:${node.value}`
    case 'duration':
      return `d:${node.amount}${node.unit[0]}`
    case 'date':
      return `D:${node.value}`
    case 'today':
      return 'today'
    case 'bool':
      return node.value ? 'T' : 'F'
    case 'symbol':
      return `s:${JSON.stringify(node.name)}`
    case 'fact':
      return `f:${node.key}`
    case 'arith':
      return `(${canonicalKey(node.left)}${node.op}${canonicalKey(node.right)})`
    case 'neg':
      return `(-${canonicalKey(node.operand)})`
    case 'compare':
      return `(${canonicalKey(node.left)}${node.op}${canonicalKey(node.right)})`
    case 'between':
      return `(${canonicalKey(node.value)} in[${canonicalKey(node.low)},${canonicalKey(node.high)}])`
    case 'in':
      return `(${canonicalKey(node.value)}${node.negated ? '!' : ''}in{${node.items.map(canonicalKey).sort().join(',')}})`
    case 'has':
      return `(${canonicalKey(node.set)}${node.negated ? '!' : ''}has ${canonicalKey(node.item)})`
    case 'and':
      return `and(${node.items.map(canonicalKey).sort().join(',')})`
    case 'or':
      return `or(${node.items.map(canonicalKey).sort().join(',')})`
    case 'not':
      return `not(${canonicalKey(node.operand)})`
    case 'if':
      return `if(${canonicalKey(node.cond)},${canonicalKey(node.then)},${canonicalKey(node.otherwise)})`
    case 'tiered':
      return `tiered(${canonicalKey(node.subject)};${node.tiers
        .map((t) => `${t.op}${canonicalKey(t.bound)}:${canonicalKey(t.result)}`)
        .join(';')};${node.otherwise ? canonicalKey(node.otherwise) : '-'})`
    case 'call':
      return `${node.fn}(${node.args.map(canonicalKey).join(',')})`
  }
}
