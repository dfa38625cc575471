import type { Updateable } from 'kysely'
import { requireSignedIn, type Actor, type SystemActor, type UserActor } from '../../kernel/auth/actor'
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import {
  applyCaseAction,
  runCaseAction,
  type CaseKind,
  type CaseOutcome,
} from '../../kernel/cases/action-runner'
import { notifyApplicant, notifyEach } from '../../kernel/cases/outbox'
import type { Tx } from '../../kernel/db/database'
import type { AppealsTable } from './appeals.tables'
import type { ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { NotificationRequest } from '../../kernel/notify/notifier'
import { staffToNotify } from '../users'
import { assertCanSee, holdingOf, requireViewer, rolesOn, type Holding, type Viewer } from './appeal-access'
import type { ClockEnv } from './appeal-clock-store.service'
import type { AppealSettings } from './appeal-settings'
import { loadAppealSettings } from './appeal-settings.service'
import { APPEAL_TABLE, type AppealAction, type AppealRole, type AppealState } from './appeal-states'
import { lockAppeal, updateAppeal, type AppealRow } from './appeal-row.queries'
import { eventInsert } from './appeal-timeline.queries'

/**
 * An appeal on the case kit (kernel/cases): how an appeal is stored, what an action on it knows (the
 * departments holding it, the settings, the calendar and its clocks), and how the caller's roles on it
 * are found. The kit's runner does the rest the same way for every case: lock, check who may see it and
 * who may act, ask the transition table, do the action's work, then write the new state, the timeline
 * event and the audit row — all in one transaction, so a crash leaves nothing half-done.
 */
/** `appeal` is the appeal's name for the kit's `row` (the same object). */
export type ActionContext = {
  deps: AppDeps
  tx: Tx
  actor: UserActor | SystemActor
  viewer: Viewer | undefined
  row: AppealRow
  appeal: AppealRow
  holding: Holding
  settings: AppealSettings
  calendar: WorkingCalendar
  env: ClockEnv
  now: Date
}

/**
 * `to` overrides the table's target when the action decides it (return, reply); the event's
 * `noteAudience` says who reads the note (staff only unless the writer chose the enterprise), its
 * `audience` whether the step is on the enterprise's timeline at all (its view lists which types and
 * fields).
 */
export type ActionOutcome = CaseOutcome<AppealState, Updateable<AppealsTable>>

const APPEAL_KIND: CaseKind<
  AppealRow,
  AppealState,
  AppealAction,
  AppealRole,
  ErrorCode,
  never,
  Updateable<AppealsTable>,
  AppealRow
> = {
  entityType: 'appeal',
  table: APPEAL_TABLE,
  idOf: (appeal) => appeal.id,
  stateOf: (appeal) => appeal.status,
  save: (tx, appeal, changes, to) => updateAppeal(tx, appeal.id, { ...changes, status: to }),
  eventInsert: (tx, appeal, event) => eventInsert(tx, { appealId: appeal.id, ...event }),
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
    row: appeal,
    appeal,
    holding,
    settings,
    calendar,
    env: { tx, calendar, settings, now },
    now,
  }
}

/** Runs a person's action on an appeal they may see. */
export async function runAction(
  deps: AppDeps,
  actor: Actor,
  appealId: string,
  action: AppealAction,
  work: (ctx: ActionContext) => Promise<ActionOutcome>,
): Promise<AppealRow> {
  const user = requireSignedIn(actor)
  return runCaseAction(
    deps.db,
    APPEAL_KIND,
    action,
    async (tx) => {
      const viewer = await requireViewer(tx, user)
      const appeal = await lockAppeal(tx, appealId)
      if (!appeal) return undefined
      const ctx = await contextFor(deps, tx, user, appeal, viewer)
      assertCanSee(viewer, appeal, ctx.holding)
      return { ctx, roles: rolesOn(viewer, ctx.holding) }
    },
    work,
  )
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
  return applyCaseAction(APPEAL_KIND, ctx, action, 'system', work)
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
  const staff = await staffToNotify(ctx.tx, departmentIds, roles)
  await notifyEach(ctx.deps.notifier, ctx.tx, staff, { ...message, params })
}

/** Tells the enterprise about its own appeal: solicited, so it never counts against the contact cap. */
export async function notifyEnterprise(
  ctx: Pick<ActionContext, 'deps' | 'tx' | 'appeal'>,
  template: string,
  params: Record<string, string | number>,
  sms = false,
) {
  await notifyApplicant(ctx.deps.notifier, ctx.tx, ctx.appeal.enterprise_id, {
    template,
    params: { number: ctx.appeal.number, title: ctx.appeal.title, appealId: ctx.appeal.id, ...params },
    channels: sms ? ['inbox', 'sms'] : ['inbox'],
  })
}
