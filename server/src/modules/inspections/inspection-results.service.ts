import {
  hasRole,
  requireRole,
  requireStaff,
  type Actor,
  type SystemActor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { zonedInstant } from '../../kernel/calendar/zoned-time'
import { dueAfterWorkingDays } from '../../kernel/cases/deadline'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { notifyApplicant } from '../../kernel/cases/outbox'
import { findMembershipRole } from '../enterprises'
import { newCheckCode } from './inspection-check-code'
import { runPlanChecks } from './inspection-plan-checks'
import { moveInspection, rolesOnInspection, type InspectionContext } from './inspection-results.action'
import { presentEnterpriseResult, presentEntry, presentStaffResult } from './inspection-results.present'
import * as q from './inspection-results.queries'
import type { InspectionRow, LeniencyEntryRow } from './inspection-results.queries'
import type {
  AddLeniencyEntryInput,
  LeniencyLookupInput,
  RecordResultInput,
  ResultFiguresAnswer,
} from './inspection-results.schema'
import type { InspectionProblemsTable, LeniencyCondition } from './inspection-results.tables'
import type { Insertable } from 'kysely'
import { decideLeniency, lookbackStart, type LeniencyFailure } from './leniency-decision'
import { findEarlierOffence, type EarlierProblem } from './leniency-earlier-offence'
import './inspection-results.messages'

/**
 * The result step of an inspection (issue 14 item 4, decision 0062): the no-penalty lists and their
 * look-up, the result form with its leniency decisions, the corrections' deadlines and the re-checks
 * that follow them (不罚≠不管), the enterprise's view and the figures.
 */

/** How long a re-check's window stays open after it is planned, in the city's working days. */
export const RECHECK_WINDOW_WORKING_DAYS = 10
/** The longest look-back an entry may set (the earlier problems a look-up reads). */
const MAX_LOOKBACK_MONTHS = 120

const isBureau = (user: UserActor) => hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader')

// ---- the lists ----

/** An administrator adds a local entry, or the next version of one. Refuses: FORBIDDEN, LENIENCY_ENTRY_NATIONAL. */
export async function addLeniencyEntry(deps: AppDeps, actor: Actor, input: AddLeniencyEntryInput) {
  const user = requireRole(actor, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const newest = await q.findNewestVersion(tx, input.code)
    if (newest?.scope === 'national') throw new AppError('LENIENCY_ENTRY_NATIONAL')
    const row = await q.insertEntry(tx, {
      code: input.code,
      version: (newest?.version ?? 0) + 1,
      list: input.list,
      scope: input.scope,
      title: input.title,
      provision: input.provision,
      conditions: JSON.stringify(input.conditions),
      lookback_months: input.lookbackMonths,
      source: input.source,
      issuer: input.issuer,
      effective_on: input.effectiveOn,
      created_by: user.userId,
    })
    await writeAudit(tx, user, {
      action: 'leniency_entry.add',
      entityType: 'leniency_entry',
      entityId: row.id,
      after: { code: row.code, version: row.version, scope: row.scope, effectiveOn: row.effective_on },
    })
    return presentEntry(row)
  })
}

/**
 * The entries in force on a day matching the words, each with the conditions to confirm; with an
 * inspection the caller may see, each also says whether its enterprise has an earlier offence of the
 * kind. Refuses: FORBIDDEN (not staff), NOT_FOUND (an inspection the caller does not hold).
 */
export async function lookupLeniency(deps: AppDeps, actor: Actor, input: LeniencyLookupInput) {
  const user = requireStaff(actor)
  const on = input.on ?? cityToday(deps)
  const words = (input.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)
  const entries = (await q.findEntriesInForce(deps.db, on, input.list)).filter((e) =>
    words.every((w) => `${e.code} ${e.title} ${e.provision}`.toLowerCase().includes(w)),
  )
  let earlier: EarlierProblem[] = []
  if (input.inspectionId) {
    const row = await visibleInspection(deps.db, user, input.inspectionId)
    earlier = await readEarlierProblems(deps.db, row, new Date())
  }
  const now = new Date()
  return {
    on,
    entries: entries.map((e) => {
      const hit = findEarlierOffence(
        earlier,
        { entryCode: e.code, provision: e.provision, lookbackMonths: e.lookback_months },
        now,
      )
      return {
        ...presentEntry(e),
        earlierOffence: hit
          ? {
              problemId: hit.id,
              inspectionNumber: hit.inspection_number,
              recordedAt: hit.recorded_at.toISOString(),
              provision: hit.provision,
            }
          : null,
      }
    }),
  }
}

function readEarlierProblems(tx: Executor, row: InspectionRow, at: Date) {
  return q.findEarlierProblems(tx, row.enterprise_id, {
    since: lookbackStart(at, MAX_LOOKBACK_MONTHS),
    until: at,
    exceptInspectionId: row.id,
  })
}

/** The inspection if the caller holds a role on it or is the bureau; otherwise "not found". */
async function visibleInspection(tx: Executor, user: UserActor, id: string): Promise<InspectionRow> {
  const row = await q.findInspection(tx, id)
  if (!row) throw notFound()
  if (isBureau(user)) return row
  if (!(await rolesOnInspection(tx, user, row)).length) throw notFound()
  return row
}

// ---- reading a result ----

/** The staff's view of an inspection's result (none yet: null) and what the caller may do. Refuses: FORBIDDEN, NOT_FOUND. */
export async function getStaffResult(deps: AppDeps, actor: Actor, id: string) {
  const user = requireStaff(actor)
  const row = await q.findInspection(deps.db, id)
  if (!row) throw notFound()
  const roles = await rolesOnInspection(deps.db, user, row)
  if (!roles.length && !isBureau(user)) throw notFound()
  const result = await q.findResult(deps.db, id)
  const problems = result ? await q.findProblems(deps.db, id) : []
  const actions: ('record_result' | 'plan_recheck')[] = []
  if (roles.includes('inspector') && row.status === 'checked_in') actions.push('record_result')
  if (
    (roles.includes('inspector') || roles.includes('body_head')) &&
    row.status === 'result_recorded' &&
    result?.recheck_due_at &&
    !result.recheck_inspection_id
  )
    actions.push('plan_recheck')
  return presentStaffResult(row, result ?? null, problems, actions)
}

/** The enterprise's view (an allow-list) of a result of one of its inspections. Refuses: FORBIDDEN, NOT_FOUND. */
export async function getEnterpriseResult(deps: AppDeps, actor: Actor, id: string) {
  const user = requireRole(actor, 'enterprise')
  const row = await q.findInspection(deps.db, id)
  if (!row || !(await findMembershipRole(deps.db, row.enterprise_id, user.userId))) throw notFound()
  const result = await q.findResult(deps.db, id)
  if (!result) throw notFound()
  const problems = await q.findProblems(deps.db, id)
  const recheckPlannedOn = result.recheck_inspection_id
    ? await q.findRecheckPlannedOn(deps.db, result.recheck_inspection_id)
    : null
  return presentEnterpriseResult(row, result, problems, recheckPlannedOn)
}

/** The inspections the caller is on that wait for a result or a re-check. Refuses: FORBIDDEN (not an inspector). */
export async function listWorklist(deps: AppDeps, actor: Actor) {
  const user = requireRole(actor, 'inspector')
  const rows = await q.findWorklist(deps.db, user.userId)
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      status: r.status,
      enterpriseName: r.enterprise_name,
      plannedOn: r.planned_on,
      checkedInAt: r.checked_in_at ? r.checked_in_at.toISOString() : null,
    })),
  }
}

// ---- recording a result ----

/**
 * An inspector on the inspection records its result (move record_result, from checked_in): each
 * problem's leniency decision is checked against its entry's conditions and the enterprise's earlier
 * offences, gets its correction deadline in working days, and the latest deadline is when the
 * re-check is due. No problem: the inspection closes at once. A re-check's result settles the
 * corrections it checked; corrected, the inspections it re-checked close too.
 *
 * Refuses: FORBIDDEN, NOT_FOUND, INSPECTION_NOT_CHECKED_IN, VERSION_CONFLICT, LENIENCY_ENTRY_UNKNOWN,
 * LENIENCY_CONDITIONS_NOT_MET. Nothing is written when it refuses.
 */
export async function recordResult(deps: AppDeps, actor: Actor, id: string, input: RecordResultInput) {
  const user = requireRole(actor, 'inspector')
  const now = new Date()
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockInspection(tx, id)
    if (!row) throw notFound()
    const roles = await rolesOnInspection(tx, user, row)
    if (!roles.length && !isBureau(user)) throw notFound()
    const ctx: InspectionContext = { tx, actor: user, row, now }
    await moveInspection(ctx, 'record_result', roles, async () => {
      if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
      const problems = await decideProblems(deps, tx, row, input, now)
      const dueAt = problems.reduce<Date | null>(
        (latest, p) => (!latest || p.correction_due_at > latest ? p.correction_due_at : latest),
        null,
      )
      await q.insertResult(tx, {
        inspection_id: row.id,
        outcome: input.outcome,
        summary: input.summary,
        internal_note: input.internalNote,
        recorded_by: user.userId,
        recorded_at: now,
        recheck_due_at: dueAt,
      })
      await q.insertProblems(tx, problems)
      // the enterprise is told the result is there (its 检查记录 shows it, with every correction due)
      await notifyApplicant(deps.notifier, tx, row.enterprise_id, {
        template: problems.length ? 'inspections.resultProblems' : 'inspections.resultNoProblem',
        params: { number: row.number, count: problems.length },
      })
      return {
        event: {
          audience: 'enterprise',
          data: { outcome: input.outcome, problems: problems.length },
        },
        audit: {
          outcome: input.outcome,
          decisions: problems.map((p) => p.decision),
          entries: problems.map((p) => p.leniency_entry_id),
        },
      }
    })
    if (row.kind === 'recheck' && row.parent_inspection_id)
      await settleRechecked(tx, user, row.parent_inspection_id, input.outcome === 'no_problem', now)
    if (input.outcome === 'no_problem') await closeInspection(tx, user, row.id, roles, now)
  })
  return getStaffResult(deps, actor, id)
}

type ProblemInsert = Insertable<InspectionProblemsTable> & { correction_due_at: Date }

/** Checks each problem's decision and builds its row; a refusal names the problem's field. */
async function decideProblems(
  deps: AppDeps,
  tx: Tx,
  row: InspectionRow,
  input: RecordResultInput,
  now: Date,
): Promise<ProblemInsert[]> {
  if (!input.problems.length) return []
  const decidedOn = cityToday(deps, now)
  const calendar = await deps.calendar.calendar(tx)
  const earlier = await readEarlierProblems(tx, row, now)
  const unknown: Record<string, string> = {}
  const unmet: Record<string, string> = {}
  const rows: ProblemInsert[] = []
  for (const [i, p] of input.problems.entries()) {
    let entry: LeniencyEntryRow | undefined
    if (p.leniencyEntryId) {
      entry = await q.findEntry(tx, p.leniencyEntryId)
      if (!entry || entry.effective_on > decidedOn) {
        unknown[`problems.${i}.leniencyEntryId`] = translate('inspectionResults.entryUnknown')
        continue
      }
    }
    const hit = findEarlierOffence(
      earlier,
      {
        entryCode: entry?.code ?? null,
        provision: p.provision,
        lookbackMonths: entry?.lookback_months ?? 24,
      },
      now,
    )
    if (p.decision === 'leniency' && entry) {
      const verdict = decideLeniency(
        {
          list: entry.list,
          conditions: entry.conditions as LeniencyCondition[],
          effectiveOn: entry.effective_on,
        },
        { confirmed: p.confirmedConditions, hasEarlierOffence: hit !== null, decidedOn },
      )
      if (!verdict.applies)
        unmet[`problems.${i}.confirmedConditions`] = verdict.failures
          .map((f) => explainFailure(f, entry, hit?.inspection_number ?? ''))
          .join('；')
    }
    rows.push({
      inspection_id: row.id,
      position: i + 1,
      enterprise_id: row.enterprise_id,
      department_id: row.department_id,
      recorded_at: now,
      description: p.description,
      provision: p.provision,
      earlier_problem_id: hit?.id ?? null,
      decision: p.decision,
      leniency_entry_id: entry?.id ?? null,
      confirmed_conditions: p.decision === 'leniency' ? [...p.confirmedConditions] : [],
      reason: p.reason ?? null,
      penalty: p.penalty ?? null,
      correction: p.correction,
      correction_due_at: dueAfterWorkingDays(calendar, now, p.correctionWorkingDays),
    })
  }
  if (Object.keys(unknown).length) throw new AppError('LENIENCY_ENTRY_UNKNOWN', { fields: unknown })
  if (Object.keys(unmet).length) throw new AppError('LENIENCY_CONDITIONS_NOT_MET', { fields: unmet })
  return rows
}

function explainFailure(f: LeniencyFailure, entry: LeniencyEntryRow, earlierNumber: string): string {
  const conditions = entry.conditions as LeniencyCondition[]
  const text = (key: string) => conditions.find((c) => c.key === key)?.text ?? key
  switch (f.why) {
    case 'not_in_force':
      return translate('inspectionResults.notInForce')
    case 'earlier_offence':
      return translate('inspectionResults.earlierOffence', { number: earlierNumber })
    case 'not_confirmed':
      return translate('inspectionResults.conditionNotConfirmed', { condition: text(f.condition) })
    case 'unknown_condition':
      return translate('inspectionResults.unknownCondition', { condition: f.condition })
  }
}

/** Closes a result-recorded inspection (no correction due, or its correction re-checked). */
async function closeInspection(
  tx: Tx,
  actor: UserActor | SystemActor,
  id: string,
  roles: Parameters<typeof moveInspection>[2],
  now: Date,
) {
  const row = await q.lockInspection(tx, id)
  if (!row) throw notFound()
  await moveInspection({ tx, actor, row, now }, 'close', roles, async () => ({
    event: { audience: 'enterprise' },
  }))
}

/**
 * A re-check's result settles the corrections of the inspection it re-checked: corrected, that
 * inspection closes, and so does each earlier one in the chain still waiting on it; not corrected,
 * they stay open and the re-check's own problems carry the correction on (with their own re-check).
 */
async function settleRechecked(tx: Tx, actor: UserActor, parentId: string, corrected: boolean, now: Date) {
  let id: string | null = parentId
  while (id) {
    const parent = await q.lockInspection(tx, id)
    if (!parent) return
    await q.setCorrectionStatus(tx, parent.id, corrected ? 'corrected' : 'not_corrected')
    if (!corrected || parent.status !== 'result_recorded') return
    await closeInspection(tx, actor, parent.id, 'system', now)
    id = parent.kind === 'recheck' ? parent.parent_inspection_id : null
  }
}

// ---- re-checks ----

/**
 * Plans the re-check of an inspection's corrections by hand, before the sweep would (an inspector on
 * it or its body's head). Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, INSPECTION_RECHECK_NOT_NEEDED.
 */
export async function planRecheckByHand(deps: AppDeps, actor: Actor, id: string, version: number) {
  const user = requireStaff(actor)
  const now = new Date()
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockInspection(tx, id)
    if (!row) throw notFound()
    const roles = await rolesOnInspection(tx, user, row)
    if (!roles.length && !isBureau(user)) throw notFound()
    if (!roles.includes('inspector') && !roles.includes('body_head')) throw new AppError('FORBIDDEN')
    if (row.version !== version) throw new AppError('VERSION_CONFLICT')
    const result = await q.lockResult(tx, id)
    if (row.status !== 'result_recorded' || !result?.recheck_due_at || result.recheck_inspection_id)
      throw new AppError('INSPECTION_RECHECK_NOT_NEEDED')
    await planRecheck(deps, tx, user, row, result.recorded_by, now)
  })
  return getStaffResult(deps, actor, id)
}

/**
 * The sweep: every result whose correction deadline has passed gets its re-check planned, owned by
 * the same body with the same inspectors, in one transaction per batch (locked rows are skipped and
 * taken next time; a result once planned no longer matches).
 */
export async function planDueRechecks(deps: AppDeps, now = new Date(), batch = 100) {
  const system = { kind: 'system', label: 'inspection-recheck-sweep' } as const
  return deps.db.transaction().execute(async (tx) => {
    const due = await q.lockResultsDueForRecheck(tx, now, batch)
    let planned = 0
    for (const { inspection_id } of due) {
      const row = await q.lockInspection(tx, inspection_id)
      const result = await q.findResult(tx, inspection_id)
      // Closed meanwhile (the query leaves those out; this is the check under the lock).
      if (!row || !result || row.status !== 'result_recorded') continue
      await planRecheck(deps, tx, system, row, result.recorded_by, now)
      planned++
    }
    return { planned }
  })
}

/** Writes the re-check: a planned inspection of kind 'recheck' under the original, through the plan checks. */
async function planRecheck(
  deps: AppDeps,
  tx: Tx,
  actor: UserActor | SystemActor,
  row: InspectionRow,
  plannedBy: string,
  now: Date,
) {
  const calendar = await deps.calendar.calendar(tx)
  const plannedOn = cityToday(deps, now)
  const windowEndsOn = cityToday(deps, dueAfterWorkingDays(calendar, now, RECHECK_WINDOW_WORKING_DAYS))
  const itemIds = await q.findItemIds(tx, row.id)
  await runPlanChecks(tx, {
    enterpriseId: row.enterprise_id,
    departmentId: row.department_id,
    kind: 'recheck',
    itemIds,
    plannedOn,
    capExemption: 'recheck',
    plannedBy,
  })
  const recheckId = await q.insertRecheck(
    tx,
    {
      number: `${row.number}-FC`,
      // the door's format (base32, upper case): a scanned code is upper-cased before it is looked up
      check_code: newCheckCode(),
      kind: 'recheck',
      enterprise_id: row.enterprise_id,
      department_id: row.department_id,
      planned_on: plannedOn,
      window_ends_on: windowEndsOn,
      purpose: translate('inspectionResults.recheckPurpose', { number: row.number }, 'zh-CN'),
      cap_exemption: 'recheck',
      cap_exemption_note: translate('inspectionResults.recheckExemption', {}, 'zh-CN'),
      parent_inspection_id: row.id,
      planned_by: plannedBy,
      created_at: now,
    },
    row.id,
  )
  await q.setRecheckPlanned(tx, row.id, recheckId, now)
  const event = {
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorRole: actor.kind === 'user' ? 'inspector' : 'system',
    departmentId: row.department_id,
    note: null,
    noteAudience: 'internal' as const,
    audience: 'enterprise' as const,
  }
  await q.insertInspectionEvent(
    tx,
    recheckId,
    { ...event, type: 'plan', data: { parentInspectionId: row.id } },
    now,
  )
  await q.insertInspectionEvent(
    tx,
    row.id,
    { ...event, type: 'recheck_planned', data: { recheckId, plannedOn } },
    now,
  )
  await writeAudit(tx, actor, {
    action: 'inspection.plan_recheck',
    entityType: 'inspection',
    entityId: recheckId,
    after: { status: 'planned', kind: 'recheck', parentInspectionId: row.id, plannedOn, windowEndsOn },
  })
}

// ---- figures ----

/**
 * Leniency and re-check figures (docs/METRICS.md, "Inspection results"): problems recorded in
 * [from, to) by list entry and body, and the re-checks of the results recorded then. Refuses: FORBIDDEN.
 */
export async function resultFigures(
  deps: AppDeps,
  actor: Actor,
  range: { from: string; to: string },
  now = new Date(),
): Promise<ResultFiguresAnswer> {
  requireRole(actor, 'dispatcher', 'bureau_leader', 'admin')
  return computeResultFigures(deps, range, now)
}

export async function computeResultFigures(
  deps: AppDeps,
  range: { from: string; to: string },
  now = new Date(),
): Promise<ResultFiguresAnswer> {
  const timeZone = deps.config.timeZone
  const from = zonedInstant(range.from, 0, timeZone)
  const to = zonedInstant(range.to, 0, timeZone)
  const { byBody, byEntry } = await q.findLeniencyFigures(deps.readDb, { from, to })
  const r = await q.findRecheckFigures(deps.readDb, { from, to, today: cityToday(deps, now), timeZone })
  const problems = byBody.reduce((n, b) => n + b.problems, 0)
  const leniency = byBody.reduce((n, b) => n + b.leniency, 0)
  return {
    from: range.from,
    to: range.to,
    problems,
    leniency,
    leniencyShare: problems ? leniency / problems : null,
    byEntry: byEntry.map((e) => ({
      code: e.code,
      title: e.title,
      list: e.list,
      leniency: e.leniency,
      share: problems ? e.leniency / problems : 0,
    })),
    byBody: byBody.map((b) => ({
      departmentId: b.department_id,
      departmentName: b.department_name,
      problems: b.problems,
      leniency: b.leniency,
      share: b.problems ? b.leniency / b.problems : null,
    })),
    rechecks: {
      planned: r.planned,
      done: r.done,
      onTime: r.on_time,
      overdue: r.overdue,
      onTimeRate: r.done ? r.on_time / r.done : null,
    },
  }
}
