import { requireRole, type Actor } from '../../kernel/auth/actor'
import { cityToday } from '../../kernel/calendar/city-today'
import { localDate } from '../../kernel/calendar/zoned-time'
import { dueAfterWorkingDays } from '../../kernel/cases/deadline'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { factReader } from '../facts'
import { acceptanceChanges, acceptedFromOf, termsOf } from './application-acceptance'
import { runApplicationAction, type ApplicationContext } from './application-action'
import {
  endSpecialStep as endStep,
  extendClock,
  extensionDays,
  startSpecialStep as startStep,
  supplementDueAt,
} from './application-deadlines'
import { tellApplicant } from './application-intake-notices'
import { presentApplication } from './application-present'
import type {
  Application,
  ExtensionInput,
  NotAcceptInput,
  SpecialStepEndInput,
  SpecialStepStartInput,
  SupplementRequestInput,
  ToleranceAcceptanceInput,
} from './services.schema'
import * as q from './services.queries'

/**
 * The completeness check (受理审查, 行政许可法第32条) and the decision clock's changes, by a handler
 * or the head of the matter's department (the state table says which role may make each move;
 * anyone else finds nothing). Every decision writes its dated notice (decision 0047).
 */

const SPECIAL_STEP_NAMES: Record<string, string> = {
  expert_review: '专家评审',
  hearing: '听证',
  public_notice: '公示',
  on_site_inspection: '现场核查',
}

async function answer(deps: AppDeps, id: string): Promise<Application> {
  const row = await q.findApplicationById(deps.db, id)
  if (!row) throw notFound()
  return presentApplication(row)
}

function staff(actor: Actor) {
  return requireRole(actor, 'handler', 'department_head')
}

/** After the 5 working days the application is accepted by law: no other answer may be given. */
function refuseWhenCheckOverdue(ctx: ApplicationContext) {
  if (ctx.row.completeness_due_at && ctx.now > ctx.row.completeness_due_at)
    throw new AppError('APPLICATION_CHECK_OVERDUE')
}

/** 受理. Late (after the 5 days), it is the deemed acceptance the sweep would have made, from receipt. */
export async function acceptApplication(deps: AppDeps, actor: Actor, id: string): Promise<Application> {
  const user = staff(actor)
  await runApplicationAction(deps, user, id, 'accept', async (ctx) => {
    const calendar = await deps.calendar.calendar(ctx.tx)
    const terms = await termsOf(ctx.tx, ctx.row)
    const deemed = ctx.row.completeness_due_at !== null && ctx.now > ctx.row.completeness_due_at
    const changes = await acceptanceChanges(ctx, calendar, terms, { deemed })
    return { changes, event: { audience: 'enterprise', data: { deemed } } }
  })
  return answer(deps, id)
}

/** 不予受理: the reason and the body to apply to. Refuses: APPLICATION_CHECK_OVERDUE. */
export async function notAcceptApplication(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: NotAcceptInput,
): Promise<Application> {
  const user = staff(actor)
  await runApplicationAction(deps, user, id, 'not_accept', async (ctx) => {
    refuseWhenCheckOverdue(ctx)
    const calendar = await deps.calendar.calendar(ctx.tx)
    await tellApplicant(ctx, calendar, 'not_accepted', '不予受理决定书', () => [
      `经审查，您的申请不属于本机关职权范围或依法不需要取得行政许可，本机关决定不予受理。`,
      `理由：${input.reason}`,
      `请向${input.referTo}提出申请。`,
      `如不服本决定，可以依法申请行政复议或者提起行政诉讼。`,
    ])
    return {
      changes: {
        not_accepted_reason: input.reason,
        not_accepted_refer_to: input.referTo,
        closed_at: ctx.now,
      },
      event: { audience: 'enterprise', note: input.reason, noteAudience: 'enterprise' },
      audit: { referTo: input.referTo },
    }
  })
  return answer(deps, id)
}

/**
 * 一次性告知: every missing item at once, and the applicant's deadline (the version's calendar days).
 * Refuses: APPLICATION_SUPPLEMENT_ALREADY_REQUESTED (a second request), APPLICATION_CHECK_OVERDUE.
 */
export async function requestSupplement(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: SupplementRequestInput,
): Promise<Application> {
  const user = staff(actor)
  await runApplicationAction(deps, user, id, 'request_supplement', async (ctx) => {
    if (ctx.row.supplement_requested_at) throw new AppError('APPLICATION_SUPPLEMENT_ALREADY_REQUESTED')
    refuseWhenCheckOverdue(ctx)
    const calendar = await deps.calendar.calendar(ctx.tx)
    const terms = await termsOf(ctx.tx, ctx.row)
    const due = supplementDueAt(calendar, ctx.now, terms.supplement_limit_days)
    // stored as the next day's 00:00; the applicant reads the last day itself
    const lastDay = localDate(new Date(due.getTime() - 1), calendar.timeZone)
    await tellApplicant(
      ctx,
      calendar,
      'supplement',
      '补正材料告知书',
      () => [
        `经审查，您的申请材料不齐全或者不符合法定形式，请于${lastDay}（含当日）前一次性补正以下全部内容：`,
        ...input.items.map((it, i) => `${i + 1}. ${it.item}：${it.problem}`),
        `补正材料提交后，本机关将在5个工作日内完成受理审查；逾期未补正的，视为撤回申请。`,
      ],
      { items: input.items, dueAt: due.toISOString() },
    )
    return {
      changes: {
        supplement_requested_at: ctx.now,
        supplement_items: JSON.stringify(input.items),
        supplement_due_at: due,
        completeness_due_at: null,
      },
      event: { audience: 'enterprise', data: { items: input.items.length } },
    }
  })
  return answer(deps, id)
}

/** Whether the enterprise is on the list of seriously dishonest entities (a department's data, facts module). */
async function isSeriouslyDishonest(deps: AppDeps, ctx: ApplicationContext): Promise<boolean> {
  const reader = factReader(deps)
  const schema = await reader.schema(ctx.tx)
  if (!schema.definitions.some((d) => d.key === 'isSeriouslyDishonest')) return false
  const sheet = await reader.sheet(ctx.tx, schema, ctx.row.enterprise_id, cityToday(deps, ctx.now))
  return sheet?.lookup('isSeriouslyDishonest')?.value === true
}

/**
 * 容缺受理: only materials the version names, all covered by the applicant's signed commitment, due
 * within the promised limit; never for a seriously dishonest enterprise.
 * Refuses: APPLICATION_TOLERANCE_NOT_ALLOWED, APPLICATION_TOLERANCE_NOT_SIGNED,
 * APPLICATION_TOLERANCE_TOO_LATE, APPLICATION_TOLERANCE_DISHONEST, APPLICATION_CHECK_OVERDUE.
 */
export async function acceptWithTolerance(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ToleranceAcceptanceInput,
): Promise<Application> {
  const user = staff(actor)
  await runApplicationAction(deps, user, id, 'accept_with_tolerance', async (ctx) => {
    refuseWhenCheckOverdue(ctx)
    const terms = await termsOf(ctx.tx, ctx.row)
    const outside = input.items.filter((i) => !terms.tolerance_materials.includes(i))
    if (outside.length > 0)
      throw new AppError('APPLICATION_TOLERANCE_NOT_ALLOWED', { fields: { items: outside.join('、') } })
    if (!ctx.row.tolerance_signed_at || input.items.some((i) => !ctx.row.tolerance_items.includes(i)))
      throw new AppError('APPLICATION_TOLERANCE_NOT_SIGNED')
    if (input.dueWorkingDays > terms.promised_limit_days)
      throw new AppError('APPLICATION_TOLERANCE_TOO_LATE', {
        fields: { dueWorkingDays: `≤ ${terms.promised_limit_days}` },
      })
    if (await isSeriouslyDishonest(deps, ctx)) throw new AppError('APPLICATION_TOLERANCE_DISHONEST')
    const calendar = await deps.calendar.calendar(ctx.tx)
    // counted like the decision, from the last material: it can never end after the promised decision
    const dueAt = dueAfterWorkingDays(calendar, acceptedFromOf(ctx.row), input.dueWorkingDays)
    const accepted = await acceptanceChanges(ctx, calendar, terms, {
      deemed: false,
      extraLines: (when) => [
        `暂缺材料：${input.items.join('、')}`,
        `请于${when(dueAt)}前补交；逾期未补交的，本机关将终止办理。`,
      ],
    })
    return {
      changes: { ...accepted, tolerance_items: JSON.stringify(input.items), tolerance_due_at: dueAt },
      event: { audience: 'enterprise', data: { items: input.items } },
    }
  })
  return answer(deps, id)
}

/**
 * 延期 (第42条): the department head, once, with the reason told to the applicant: +10 working days
 * (+15 for joint handling) on both ends. Refuses: APPLICATION_ALREADY_EXTENDED.
 */
export async function extendApplication(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ExtensionInput,
): Promise<Application> {
  const user = requireRole(actor, 'department_head')
  await runApplicationAction(deps, user, id, 'extend', async (ctx) => {
    if (ctx.row.extension_days > 0) throw new AppError('APPLICATION_ALREADY_EXTENDED')
    const calendar = await deps.calendar.calendar(ctx.tx)
    const days = extensionDays(ctx.row.joint_handling)
    const extended = extendClock(
      calendar,
      {
        decisionDueAt: ctx.row.decision_due_at!,
        statutoryDueAt: ctx.row.statutory_due_at!,
        remainingMinutes: ctx.row.status === 'special_step' ? ctx.row.clock_remaining_minutes : null,
      },
      days,
    )
    await tellApplicant(ctx, calendar, 'extension', '延长办理期限告知书', (when) => [
      `经本机关负责人批准，您的申请办理期限延长${days}个工作日。`,
      `理由：${input.reason}`,
      `延长后的办结期限：${when(extended.decisionDueAt)}；法定期限：${when(extended.statutoryDueAt)}`,
    ])
    return {
      changes: {
        extension_days: days,
        extension_reason: input.reason,
        extension_approved_by: user.userId,
        decision_due_at: extended.decisionDueAt,
        statutory_due_at: extended.statutoryDueAt,
        clock_remaining_minutes: extended.remainingMinutes,
      },
      event: { audience: 'enterprise', note: input.reason, noteAudience: 'enterprise', data: { days } },
    }
  })
  return answer(deps, id)
}

/** A special step of the version's guide starts: the clock stops (第45条). Refuses: APPLICATION_SPECIAL_STEP_UNKNOWN. */
export async function startSpecialStep(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: SpecialStepStartInput,
): Promise<Application> {
  const user = staff(actor)
  await runApplicationAction(deps, user, id, 'start_special_step', async (ctx) => {
    const terms = await termsOf(ctx.tx, ctx.row)
    const step = terms.special_steps.find((s) => s.kind === input.kind)
    if (!step) throw new AppError('APPLICATION_SPECIAL_STEP_UNKNOWN', { fields: { kind: input.kind } })
    const calendar = await deps.calendar.calendar(ctx.tx)
    const started = startStep(calendar, ctx.now, ctx.row.decision_due_at!, step.limitDays)
    const name = SPECIAL_STEP_NAMES[step.kind] ?? step.kind
    await tellApplicant(ctx, calendar, 'special_step', '特殊环节告知书', (when) => [
      `您的申请进入${name}环节，预计于${when(started.stepDueAt)}前完成。`,
      step.countsInStatutoryLimit
        ? `该环节所需时间计入法定办理期限。`
        : `依照《中华人民共和国行政许可法》第四十五条，该环节所需时间不计算在办理期限内。`,
    ])
    return {
      changes: {
        special_step_kind: step.kind,
        special_step_since: ctx.now,
        special_step_due_at: started.stepDueAt,
        clock_remaining_minutes: started.remainingMinutes,
      },
      event: {
        audience: 'enterprise',
        note: input.note ?? null,
        data: { kind: step.kind, dueAt: started.stepDueAt.toISOString() },
      },
    }
  })
  return answer(deps, id)
}

/** The special step ends: the decision clock resumes with what was banked. */
export async function endSpecialStep(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: SpecialStepEndInput,
): Promise<Application> {
  const user = staff(actor)
  await runApplicationAction(deps, user, id, 'end_special_step', async (ctx) => {
    const terms = await termsOf(ctx.tx, ctx.row)
    const row = ctx.row
    const step = terms.special_steps.find((s) => s.kind === row.special_step_kind)
    const calendar = await deps.calendar.calendar(ctx.tx)
    const ended = endStep(calendar, ctx.now, {
      since: row.special_step_since!,
      remainingMinutes: row.clock_remaining_minutes ?? 0,
      decisionDueAt: row.decision_due_at!,
      statutoryDueAt: row.statutory_due_at!,
      countsInStatutoryLimit: step?.countsInStatutoryLimit ?? false,
    })
    return {
      changes: {
        decision_due_at: ended.decisionDueAt,
        statutory_due_at: ended.statutoryDueAt,
        suspended_minutes: row.suspended_minutes + ended.suspendedMinutes,
        special_step_kind: null,
        special_step_since: null,
        special_step_due_at: null,
        clock_remaining_minutes: null,
      },
      event: {
        audience: 'enterprise',
        note: input.note ?? null,
        data: { kind: row.special_step_kind, suspendedMinutes: ended.suspendedMinutes },
      },
    }
  })
  return answer(deps, id)
}
