import type { Updateable } from 'kysely'
import {
  primaryRole,
  requireSignedIn,
  type Actor,
  type SystemActor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import type { Tx } from '../../kernel/db/database'
import type { AppealsTable } from './appeals.tables'
import type { Audience } from '../../kernel/timeline/audience'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { NotificationRequest } from '../../kernel/notify/notifier'
import { staffToNotify } from '../users'
import {
  assertCanSee,
  assertMayAct,
  holdingOf,
  requireViewer,
  type Holding,
  type Viewer,
} from './appeal-access'
import type { ClockEnv } from './appeal-clocks.service'
import type { AppealSettings } from './appeal-settings'
import { loadAppealSettings } from './appeal-settings.service'
import { move, type AppealAction, type AppealState } from './appeal-states'
import * as q from './appeals.queries'
import type { AppealRow } from './appeals.queries'

/**
 * One action on one appeal, always the same way: lock the row, check who may see it and who may act,
 * ask the transition table, do the action's work, then write the new state, the timeline event and the
 * audit row — all in one transaction, so a crash leaves nothing half-done.
 */
export type ActionContext = {
  deps: AppDeps
  tx: Tx
  actor: UserActor | SystemActor
  viewer: Viewer | undefined
  appeal: AppealRow
  holding: Holding
  settings: AppealSettings
  calendar: WorkingCalendar
  env: ClockEnv
  now: Date
}

export type ActionOutcome = {
  /** Overrides the table's target when the action decides it (return, reply). */
  to?: AppealState
  changes?: Updateable<AppealsTable>
  event?: {
    note?: string | null
    /** Who reads the note: staff only unless the writer chose the enterprise. */
    noteAudience?: Audience | undefined
    data?: Record<string, unknown>
    /** Whether the step is on the enterprise's timeline at all (its view lists which types and fields). */
    audience?: Audience
    departmentId?: string | null
  }
  audit?: Record<string, unknown>
}

export async function contextFor(
  deps: AppDeps,
  tx: Tx,
  actor: UserActor | SystemActor,
  appeal: AppealRow,
  viewer?: Viewer,
): Promise<ActionContext> {
  const { settings } = await loadAppealSettings(tx)
  const calendar = await deps.calendar.calendar(tx)
  const now = new Date()
  const holding = await holdingOf(tx, appeal.id)
  return {
    deps,
    tx,
    actor,
    viewer,
    appeal,
    holding,
    settings,
    calendar,
    env: { tx, calendar, settings, now },
    now,
  }
}

export async function runAction(
  deps: AppDeps,
  actor: Actor,
  appealId: string,
  action: AppealAction,
  work: (ctx: ActionContext) => Promise<ActionOutcome>,
): Promise<AppealRow> {
  const user = requireSignedIn(actor)
  return deps.db.transaction().execute(async (tx) => {
    const viewer = await requireViewer(tx, user)
    const appeal = await q.lockAppeal(tx, appealId)
    if (!appeal) throw notFound()
    const ctx = await contextFor(deps, tx, user, appeal, viewer)
    assertCanSee(viewer, appeal, ctx.holding)
    assertMayAct(viewer, action, ctx.holding)
    return commitAction(ctx, action, await workIfAllowed(ctx, action, work))
  })
}

async function workIfAllowed(
  ctx: ActionContext,
  action: AppealAction,
  work: (ctx: ActionContext) => Promise<ActionOutcome>,
) {
  const m = move(ctx.appeal.status, action)
  if (!m.ok) throw new AppError(m.code)
  return work(ctx)
}

/** Moves the appeal (table target unless the work chose another), records the event and the audit row. */
export async function commitAction(
  ctx: ActionContext,
  action: AppealAction,
  outcome: ActionOutcome,
): Promise<AppealRow> {
  const m = move(ctx.appeal.status, action)
  if (!m.ok) throw new AppError(m.code)
  const to = outcome.to ?? m.to
  const updated = await q.updateAppeal(ctx.tx, ctx.appeal.id, { ...outcome.changes, status: to })
  const actorUserId = ctx.actor.kind === 'user' ? ctx.actor.userId : null
  await q.insertEvent(ctx.tx, {
    appealId: ctx.appeal.id,
    type: action,
    actorUserId,
    actorRole: primaryRole(ctx.actor),
    departmentId: outcome.event?.departmentId ?? null,
    note: outcome.event?.note ?? null,
    noteAudience: outcome.event?.noteAudience ?? 'internal',
    data: outcome.event?.data ?? {},
    audience: outcome.event?.audience ?? 'internal',
  })
  await writeAudit(ctx.tx, ctx.actor, {
    action: `appeal.${action}`,
    entityType: 'appeal',
    entityId: ctx.appeal.id,
    before: { status: ctx.appeal.status },
    after: { status: to, ...outcome.audit },
  })
  return updated
}

/** Runs a system action (sweeps, auto-close) on an appeal the caller already locked. */
export async function runSystemAction(
  deps: AppDeps,
  tx: Tx,
  actor: SystemActor,
  appeal: AppealRow,
  action: AppealAction,
  work: (ctx: ActionContext) => Promise<ActionOutcome>,
): Promise<AppealRow> {
  const ctx = await contextFor(deps, tx, actor, appeal)
  return commitAction(ctx, action, await workIfAllowed(ctx, action, work))
}

/** Tells the staff of departments with the roles, each in their own inbox. */
export async function notifyStaff(
  ctx: Pick<ActionContext, 'deps' | 'tx'> & { appeal?: Pick<AppealRow, 'id'> },
  departmentIds: string[] | null,
  roles: ('dispatcher' | 'handler' | 'department_head' | 'bureau_leader')[],
  message: Omit<NotificationRequest, 'recipient'>,
): Promise<void> {
  // The appeal's id lets the console's inbox open the case the message is about.
  const params = { ...(ctx.appeal ? { appealId: ctx.appeal.id } : {}), ...message.params }
  for (const userId of await staffToNotify(ctx.tx, departmentIds, roles)) {
    await ctx.deps.notifier.enqueue(ctx.tx, { ...message, params, recipient: { userId } })
  }
}

/** Tells the enterprise about its own appeal: solicited, so it never counts against the contact cap. */
export async function notifyEnterprise(
  ctx: Pick<ActionContext, 'deps' | 'tx' | 'appeal'>,
  template: string,
  params: Record<string, string | number>,
  sms = false,
) {
  await ctx.deps.notifier.enqueue(ctx.tx, {
    recipient: { enterpriseId: ctx.appeal.enterprise_id },
    template,
    params: { number: ctx.appeal.number, title: ctx.appeal.title, appealId: ctx.appeal.id, ...params },
    channels: sms ? ['inbox', 'sms'] : ['inbox'],
    isSolicited: true,
  })
}
