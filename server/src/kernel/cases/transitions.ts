/**
 * The transition table of a kind of case, as data: states with fixed categories, and per move the
 * states it starts from, the state it leads to, the roles allowed to make it and the named refusal a
 * refused move answers with. Nothing else decides a move: a service asks the table, never sets a state.
 *
 * A kind of case may come in variants that move differently (a benefit's mode: no application, fast,
 * standard); a move then lists its from-states and roles per variant. A variant a move does not list
 * cannot make it. Roles are the roles a person holds *on this case* (the module works them out: the
 * lead department's handler, the enterprise that filed it…); a move no person may make (a sweep's)
 * lists none and is taken by the system only.
 */

export const STATE_CATEGORIES = ['open', 'paused', 'closed'] as const
export type StateCategory = (typeof STATE_CATEGORIES)[number]

/** A list, or a list per variant when the variants differ. */
export type PerVariant<T, V extends string> = readonly T[] | { readonly [K in V]?: readonly T[] }

export type CaseMove<S extends string, R extends string, C extends string, V extends string = never> = {
  from: PerVariant<S, V>
  /** 'same' keeps the state: the move only records something. */
  to: S | 'same'
  roles: PerVariant<R, V>
  /** The error code the move is refused with: the client knows exactly what was refused. */
  refusal: C
}

export type MoveResult<S extends string, C extends string> = { ok: true; to: S } | { ok: false; code: C }

export type CaseTable<
  S extends string,
  A extends string,
  R extends string,
  C extends string,
  V extends string = never,
> = {
  readonly states: Readonly<Record<S, StateCategory>>
  readonly moves: Readonly<Record<A, CaseMove<S, R, C, V>>>
  /** Every move, in the order the table declares them (lists of allowed actions keep this order). */
  readonly actions: readonly A[]
  /** The target of a move from a state, or its named refusal. */
  move(state: S, action: A, variant?: V): MoveResult<S, C>
  /** Whether someone holding these roles on the case may make the move (the state is checked by `move`). */
  mayTake(action: A, roles: readonly R[], variant?: V): boolean
  /** The states a move starts from. */
  fromStates(action: A, variant?: V): readonly S[]
  categoryOf(state: S): StateCategory
  /** The states in the categories, in the table's order. */
  statesIn(...categories: StateCategory[]): S[]
}

function isList<T>(value: PerVariant<T, string>): value is readonly T[] {
  return Array.isArray(value)
}

function pick<T, V extends string>(value: PerVariant<T, V>, variant: V | undefined): readonly T[] {
  if (isList(value)) return value
  if (variant === undefined) return []
  return (value as { readonly [K in V]?: readonly T[] })[variant] ?? []
}

/**
 * Builds a table and checks it once, at load: every state named by a move is a state of the table,
 * and no move leads out of a closed state into anything (a closed case stays closed unless the module
 * lists such a move explicitly with `allowFromClosed`).
 */
export function defineCaseTable<
  S extends string,
  A extends string,
  R extends string,
  C extends string,
  V extends string = never,
>(spec: {
  states: Record<S, StateCategory>
  moves: Record<A, CaseMove<S, R, C, V>>
  /** Moves that may start from a closed state (a rating on a closed claim records, never reopens). */
  allowFromClosed?: readonly A[]
}): CaseTable<S, A, R, C, V> {
  const { states, moves } = spec
  const actions = Object.keys(moves) as A[]
  const known = (s: string) => Object.hasOwn(states, s)
  for (const action of actions) {
    const m = moves[action]
    const froms = isList(m.from) ? m.from : Object.values<readonly S[] | undefined>(m.from).flat()
    for (const s of froms as readonly string[])
      if (!known(s)) throw new Error(`case table: move ${action} starts from unknown state ${s}`)
    if (m.to !== 'same' && !known(m.to))
      throw new Error(`case table: move ${action} leads to unknown state ${m.to}`)
    const fromClosed = (froms as readonly S[]).filter((s) => states[s] === 'closed')
    if (fromClosed.length && !(spec.allowFromClosed ?? []).includes(action))
      throw new Error(`case table: move ${action} starts from closed state ${fromClosed.join(', ')}`)
    if (fromClosed.length && m.to !== 'same')
      throw new Error(`case table: move ${action} would reopen a closed case`)
  }
  const stateList = Object.keys(states) as S[]
  return {
    states,
    moves,
    actions,
    move(state, action, variant) {
      const m = moves[action]
      if (!pick(m.from, variant).includes(state)) return { ok: false, code: m.refusal }
      return { ok: true, to: m.to === 'same' ? state : m.to }
    },
    mayTake(action, roles, variant) {
      const allowed = pick(moves[action].roles, variant)
      return roles.some((r) => allowed.includes(r))
    },
    fromStates: (action, variant) => pick(moves[action].from, variant),
    categoryOf: (state) => states[state],
    statesIn: (...categories) => stateList.filter((s) => categories.includes(states[s])),
  }
}
