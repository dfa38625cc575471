import type { OperationNodeSource } from 'kysely'
import { primaryRole, type SystemActor, type UserActor } from '../auth/actor'
import { writeAuditWith } from '../audit/audit'
import type { Db, Tx } from '../db/database'
import { AppError, notFound, type ErrorCode } from '../errors'
import type { CaseEventInput } from './timeline'
import type { CaseTable } from './transitions'

/**
 * One action on one case, always the same way and in one transaction: load the case with a lock
 * (and check the caller may see it), check the caller's roles on the case, ask the transition table,
 * do the action's work (its own rules, clocks, rows and outbox notifications, all in the same
 * transaction), then write the new state, the timeline event and the audit row. A crash leaves
 * nothing half-done; a refusal writes nothing.
 *
 * Refusals, in this order: what `open` throws (FORBIDDEN, NOT_FOUND), FORBIDDEN (roles), the move's
 * named refusal (state), whatever the work throws.
 */

/** What the kit knows of a kind of case: its table, how to read a row, and the module's queries that write it. */
export type CaseKind<
  Row,
  S extends string,
  A extends string,
  R extends string,
  C extends string,
  V extends string,
  Changes,
  Saved,
> = {
  /** The audit trail's name for the case ('appeal' writes 'appeal.<action>' on entity 'appeal'). */
  entityType: string
  table: CaseTable<S, A, R, C, V>
  idOf(row: Row): string
  stateOf(row: Row): S
  variantOf?(row: Row): V
  /** Writes the changes and the new state (and bumps the row's version). */
  save(tx: Tx, row: Row, changes: Changes | undefined, to: S): Promise<Saved>
  /** The timeline event's INSERT, not sent: the runner sends it with the audit row, in one statement. */
  eventInsert(tx: Tx, row: Row, event: CaseEventRecord): OperationNodeSource
}

/** A step on the case's timeline as the runner hands it to the module's queries. */
export type CaseEventRecord = Required<Omit<CaseEventInput, 'departmentId'>> & {
  type: string
  actorUserId: string | null
  actorRole: string | null
  departmentId: string | null
}

/** The columns every `<case>_events` row shares, from a recorded event; a module adds its case's id. */
export function caseEventColumns(event: CaseEventRecord, at: Date = new Date()) {
  return {
    at,
    type: event.type,
    actor_user_id: event.actorUserId,
    actor_role: event.actorRole,
    note: event.note,
    note_audience: event.noteAudience,
    data: JSON.stringify(event.data),
    audience: event.audience,
  }
}

export type CaseOutcome<S extends string, Changes> = {
  /** Overrides the table's target when the action decides between targets (a return, a reply). */
  to?: S
  changes?: Changes
  event?: CaseEventInput
  audit?: Record<string, unknown>
}

/** What the runner needs of the module's context: the transaction, who acts, the locked case. */
export type CaseContextBase<Row> = { tx: Tx; actor: UserActor | SystemActor; row: Row }

/**
 * Checks and works inside the caller's transaction on a case the caller has locked: roles ('system'
 * skips the role check: sweeps and timers act for nobody), state, work, commit.
 */
export async function applyCaseAction<
  Row,
  S extends string,
  A extends string,
  R extends string,
  C extends ErrorCode,
  V extends string,
  Changes,
  Saved,
  Ctx extends CaseContextBase<Row>,
>(
  kind: CaseKind<Row, S, A, R, C, V, Changes, Saved>,
  ctx: Ctx,
  action: A,
  roles: readonly R[] | 'system',
  work: (ctx: Ctx) => Promise<CaseOutcome<S, Changes>>,
): Promise<Saved> {
  const variant = kind.variantOf?.(ctx.row)
  if (roles !== 'system' && !kind.table.mayTake(action, roles, variant)) throw new AppError('FORBIDDEN')
  const m = kind.table.move(kind.stateOf(ctx.row), action, variant)
  if (!m.ok) throw new AppError(m.code)
  const outcome = await work(ctx)
  return commitCaseMove(kind, ctx, action, outcome.to ?? m.to, outcome)
}

/**
 * Opens a transaction, lets the module load and lock the case (`open`: undefined means not found,
 * and the module throws NOT_FOUND itself when the caller may not see it), then applies the action.
 */
export async function runCaseAction<
  Row,
  S extends string,
  A extends string,
  R extends string,
  C extends ErrorCode,
  V extends string,
  Changes,
  Saved,
  Ctx extends CaseContextBase<Row>,
>(
  db: Db,
  kind: CaseKind<Row, S, A, R, C, V, Changes, Saved>,
  action: A,
  open: (tx: Tx) => Promise<{ ctx: Ctx; roles: readonly R[] } | undefined>,
  work: (ctx: Ctx) => Promise<CaseOutcome<S, Changes>>,
): Promise<Saved> {
  return db.transaction().execute(async (tx) => {
    const opened = await open(tx)
    if (!opened) throw notFound()
    return applyCaseAction(kind, opened.ctx, action, opened.roles, work)
  })
}

/**
 * Writes a move whose checks are done: the new state, then the timeline event and the audit row in one
 * statement (the audit chain links the row after commit). The event's type is the move's name.
 */
export async function commitCaseMove<
  Row,
  S extends string,
  A extends string,
  R extends string,
  C extends string,
  V extends string,
  Changes,
  Saved,
>(
  kind: CaseKind<Row, S, A, R, C, V, Changes, Saved>,
  ctx: CaseContextBase<Row>,
  action: A,
  to: S,
  outcome: CaseOutcome<S, Changes>,
): Promise<Saved> {
  const { tx, actor, row } = ctx
  const saved = await kind.save(tx, row, outcome.changes, to)
  const event = kind.eventInsert(tx, row, {
    type: action,
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorRole: primaryRole(actor),
    departmentId: outcome.event?.departmentId ?? null,
    note: outcome.event?.note ?? null,
    noteAudience: outcome.event?.noteAudience ?? 'internal',
    data: outcome.event?.data ?? {},
    audience: outcome.event?.audience ?? 'internal',
  })
  const audit = {
    action: `${kind.entityType}.${action}`,
    entityType: kind.entityType,
    entityId: kind.idOf(row),
    before: { status: kind.stateOf(row) },
    after: { status: to, ...outcome.audit },
  }
  await writeAuditWith(tx, actor, audit, event)
  return saved
}
