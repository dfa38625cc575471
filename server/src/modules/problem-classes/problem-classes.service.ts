import {
  departmentsWhere,
  hasRole,
  requireStaff,
  requireSignedIn,
  type Actor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { addDays, localDate, zonedInstant } from '../../kernel/calendar/zoned-time'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound, validationFailed } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { maySeeAppeal, wordsOf } from '../appeals'
import { staffToNotify } from '../users'
import { clusterTexts, type ClusterInput } from './problem-clustering'
import type {
  AcceptProposalInput,
  AddOutputInput,
  AddTaskInput,
  CloseClassInput,
  MakeMonthlyInput,
  ProblemClass,
  ProblemClassSummary,
} from './problem-classes.schema'
import type { ProblemClassStatus } from './problem-classes.tables'
import './problem-classes.messages'
import * as q from './problem-classes.queries'

/**
 * Problem classes (堵点难点) and the monthly problem (每月一题). The bureau — the task force and its
 * leadership — runs the clustering, decides proposals, names classes, makes one the month's problem,
 * gives tasks and closes it; a department's staff see the monthly problems their unit owns or holds
 * a task of, and do their tasks. Nobody else sees a class; an enterprise sees only that its own
 * appeal is in one.
 */

export const CLUSTER_QUEUE = 'problem-classes.cluster'
/** Cases of a proposal an answer carries; the count says how many there are. */
const CASES_SHOWN = 200

const isBureau = (user: UserActor) => hasRole(user, 'dispatcher') || hasRole(user, 'bureau_leader')

function requireBureau(actor: Actor): UserActor {
  const user = requireStaff(actor)
  if (!isBureau(user)) throw new AppError('FORBIDDEN')
  return user
}

/** The departments in which the user handles or heads (their scope in monthly problems). */
function unitsOf(user: UserActor): string[] {
  return [...new Set([...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')])]
}

/** null: every class (the bureau); otherwise the user's units; FORBIDDEN for anyone else. */
function readScope(actor: Actor): string[] | null {
  const user = requireStaff(actor)
  if (isBureau(user)) return null
  const units = unitsOf(user)
  if (units.length === 0) throw new AppError('FORBIDDEN')
  return units
}

/** The instants a city month ('YYYY-MM') starts and ends. */
export function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const first = `${month}-01`
  const next = addDays(first, 32).slice(0, 7)
  return { from: zonedInstant(first, 0, timeZone), to: zonedInstant(`${next}-01`, 0, timeZone) }
}

const presentRun = definePresenter({
  id: 'id',
  month: 'month',
  status: 'status',
  requestedAt: 'requested_at',
  finishedAt: 'finished_at',
  itemCount: 'item_count',
  proposalCount: 'proposal_count',
})

const presentCase = definePresenter({
  id: 'id',
  source: 'source',
  appealId: 'appeal_id',
  appealNumber: 'appeal_number',
  ratingId: 'rating_id',
  subjectType: 'subject_type',
  subjectId: 'subject_id',
  departmentId: 'department_id',
  departmentName: 'department_name',
  title: 'title',
})

const presentSummary: (row: q.ClassRow) => Omit<ProblemClassSummary, 'caseCount'> = definePresenter({
  id: 'id',
  name: 'name',
  description: 'description',
  topWords: 'top_words',
  status: 'status',
  monthlyMonth: 'monthly_month',
  ownerDepartmentId: 'owner_department_id',
  ownerDepartmentName: 'owner_department_name',
  createdAt: 'created_at',
  closedAt: 'closed_at',
  closingSummary: 'closing_summary',
  version: 'version',
})
const summaryOf = (row: q.ClassRow): ProblemClassSummary => ({
  ...presentSummary(row),
  caseCount: Number(row.item_count ?? 0),
})

const presentTask = definePresenter({
  id: 'id',
  title: 'title',
  ownerDepartmentId: 'owner_department_id',
  ownerDepartmentName: 'owner_department_name',
  dueOn: 'due_on',
  doneAt: 'done_at',
  doneByName: 'done_by_name',
  evidence: 'evidence',
})

const presentOutput = definePresenter({
  id: 'id',
  policyId: 'policy_id',
  policyTitle: 'policy_title',
  reference: 'reference',
  note: 'note',
  createdAt: 'created_at',
})

// ---------- clustering runs ----------

/** The bureau asks for a month to be clustered; a run already waiting or working is answered instead. */
export async function startClusteringRun(deps: AppDeps, actor: Actor, input: { month: string }) {
  const user = requireBureau(actor)
  return deps.db.transaction().execute(async (tx) => {
    const unfinished = await q.findUnfinishedRun(tx, input.month)
    if (unfinished) return presentRun(unfinished)
    const run = await queueRun(deps, tx, input.month, user)
    return presentRun(run)
  })
}

async function queueRun(deps: AppDeps, tx: Tx, month: string, actor: UserActor | null) {
  const run = await q.insertRun(tx, { month, requestedBy: actor?.userId ?? null })
  await deps.jobs.send(tx, CLUSTER_QUEUE, { runId: run.id })
  await writeAudit(tx, actor ?? { kind: 'system', label: 'problem-classes' }, {
    action: 'problem_clustering_run.queue',
    entityType: 'problem_clustering_run',
    entityId: run.id,
    after: { month },
  })
  return run
}

/** The monthly timer: last month (in the city's calendar) is clustered once, unless someone already did. */
export async function queueLastMonthRun(deps: AppDeps, now = new Date()) {
  const thisMonth = localDate(now, deps.config.timeZone).slice(0, 7)
  const month = addDays(`${thisMonth}-01`, -1).slice(0, 7)
  await deps.db.transaction().execute(async (tx) => {
    if (await q.findLatestRun(tx, month)) return
    await queueRun(deps, tx, month, null)
  })
}

/**
 * The job: reads the month's appeals and bad ratings, groups them, and replaces the month's open
 * proposals with the new ones (decided ones stay as they were).
 */
export async function runClustering(deps: AppDeps, runId: string): Promise<void> {
  const run = await deps.db.transaction().execute((tx) => q.claimRun(tx, runId))
  if (!run) return
  try {
    const range = monthRange(run.month, deps.config.timeZone)
    const { inputs, items } = await readMonth(deps.db, range)
    const clusters = clusterTexts(inputs)
    const proposals = clusters.map((cluster, i) => {
      const members = cluster.keys.map((key) => items.get(key)!)
      const departmentIds = [
        ...new Set(members.map((m) => m.departmentId).filter((d): d is string => !!d)),
      ].sort()
      return { rank: i + 1, topWords: cluster.topWords, departmentIds, items: members }
    })
    await deps.db.transaction().execute(async (tx) => {
      await q.insertProposals(tx, run.id, run.month, proposals)
      await q.dismissOpenProposalsOfMonth(tx, run.month, run.id)
      await q.finishRun(tx, run.id, {
        status: 'done',
        itemCount: inputs.length,
        proposalCount: proposals.length,
      })
    })
  } catch (error) {
    deps.logger.error({ err: error, runId }, 'problem clustering failed')
    await deps.db.transaction().execute((tx) =>
      q.finishRun(tx, run.id, {
        status: 'failed',
        itemCount: 0,
        proposalCount: 0,
        failure: String(error).slice(0, 500),
      }),
    )
  }
}

/** The texts to group and the case each stands for, keyed 'a:<appeal>' and 'r:<rating>'. */
async function readMonth(db: Executor, range: { from: Date; to: Date }) {
  const inputs: ClusterInput[] = []
  const items = new Map<string, q.ItemValues>()
  for (const a of await q.findAppealsToCluster(db, range)) {
    const key = `a:${a.id}`
    inputs.push({ key, words: a.words })
    items.set(key, {
      source: 'appeal',
      appealId: a.id,
      ratingId: null,
      subjectType: 'appeal',
      subjectId: a.id,
      enterpriseId: a.enterprise_id,
      departmentId: a.department_id,
      title: a.title,
    })
  }
  for (const r of await q.findBadRatingsToCluster(db, range)) {
    const comment = r.comment ?? ''
    const key = `r:${r.id}`
    inputs.push({ key, words: wordsOf(`${r.appeal_title ?? ''} ${comment}`) })
    items.set(key, {
      source: 'rating',
      appealId: r.appeal_id,
      ratingId: r.id,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      enterpriseId: r.enterprise_id,
      departmentId: r.department_id,
      title: comment.slice(0, 200),
    })
  }
  return { inputs, items }
}

// ---------- proposals ----------

/** Refuses: FORBIDDEN (not the bureau). */
export async function listProposals(
  deps: AppDeps,
  actor: Actor,
  input: {
    month: string
    status?: 'open' | 'accepted' | 'dismissed' | undefined
    limit: number
    offset: number
  },
) {
  requireBureau(actor)
  const run = await q.findLatestRun(deps.db, input.month)
  const page = await q.findProposals(deps.db, input, input)
  return {
    run: run ? presentRun(run) : null,
    items: await presentProposals(deps.db, page.items),
    total: page.total,
  }
}

async function presentProposals(db: Executor, rows: Awaited<ReturnType<typeof q.findProposals>>['items']) {
  const cases = await q.findProposalItems(
    db,
    rows.map((r) => r.id),
    CASES_SHOWN,
  )
  const names = await q.findDepartmentNames(db, [...new Set(rows.flatMap((r) => r.department_ids))])
  return rows.map((r) => ({
    id: r.id,
    month: r.month,
    rank: r.rank,
    topWords: r.top_words,
    size: r.size,
    departments: r.department_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    status: r.status,
    classId: r.class_id,
    cases: cases.filter((c) => c.proposal_id === r.id).map(presentCase),
  }))
}

/** Refuses: FORBIDDEN, NOT_FOUND. */
export async function getProposal(deps: AppDeps, actor: Actor, id: string) {
  requireBureau(actor)
  const row = await q.findProposal(deps.db, id)
  if (!row) throw notFound()
  return (await presentProposals(deps.db, [row]))[0]!
}

/**
 * The bureau makes a proposal a problem class: named, with other proposals of the month merged in
 * and cases that do not belong left out.
 * Refuses: FORBIDDEN, NOT_FOUND (also a merged proposal of another month), PROBLEM_PROPOSAL_DECIDED,
 * PROBLEM_CLASS_EMPTY.
 */
export async function acceptProposal(deps: AppDeps, actor: Actor, id: string, input: AcceptProposalInput) {
  const user = requireBureau(actor)
  const ids = [...new Set([id, ...input.mergeProposalIds])]
  const classId = await deps.db.transaction().execute(async (tx) => {
    const proposals = await q.lockProposals(tx, ids)
    const main = proposals.find((p) => p.id === id)
    if (!main || proposals.length !== ids.length || proposals.some((p) => p.month !== main.month))
      throw notFound()
    if (proposals.some((p) => p.status !== 'open')) throw new AppError('PROBLEM_PROPOSAL_DECIDED')
    const topWords = [
      ...new Set(proposals.sort((a, b) => b.size - a.size).flatMap((p) => p.top_words)),
    ].slice(0, 8)
    const created = await q.insertClass(tx, {
      name: input.name,
      description: input.description ?? null,
      topWords,
      createdBy: user.userId,
    })
    await q.copyProposalItems(tx, created.id, ids, input.excludeItemIds)
    const row = await q.findClass(tx, created.id)
    if (!row || Number(row.item_count) === 0) throw new AppError('PROBLEM_CLASS_EMPTY')
    await q.decideProposals(tx, ids, { status: 'accepted', classId: created.id, by: user.userId })
    await writeAudit(tx, user, {
      action: 'problem_class.create',
      entityType: 'problem_class',
      entityId: created.id,
      after: {
        name: input.name,
        proposals: ids,
        excluded: input.excludeItemIds.length,
        cases: Number(row.item_count),
      },
    })
    return created.id
  })
  return getProblemClass(deps, actor, classId)
}

/** Refuses: FORBIDDEN, NOT_FOUND, PROBLEM_PROPOSAL_DECIDED. */
export async function dismissProposal(deps: AppDeps, actor: Actor, id: string) {
  const user = requireBureau(actor)
  await deps.db.transaction().execute(async (tx) => {
    const [row] = await q.lockProposals(tx, [id])
    if (!row) throw notFound()
    if (row.status !== 'open') throw new AppError('PROBLEM_PROPOSAL_DECIDED')
    await q.decideProposals(tx, [id], { status: 'dismissed', classId: null, by: user.userId })
    await writeAudit(tx, user, {
      action: 'problem_proposal.dismiss',
      entityType: 'problem_proposal',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'dismissed' },
    })
  })
  return getProposal(deps, actor, id)
}

// ---------- classes ----------

/** Refuses: FORBIDDEN (not the bureau, not a department's handler or head). */
export async function listProblemClasses(
  deps: AppDeps,
  actor: Actor,
  input: { status?: ProblemClassStatus | undefined; limit: number; offset: number },
) {
  const scope = readScope(actor)
  const page = await q.findClasses(deps.db, { status: input.status, departmentIds: scope }, input)
  return { items: page.items.map(summaryOf), total: page.total }
}

/** Refuses: FORBIDDEN, NOT_FOUND (also a class outside the caller's units). */
export async function getProblemClass(deps: AppDeps, actor: Actor, id: string): Promise<ProblemClass> {
  const scope = readScope(actor)
  const row = await q.findClass(deps.db, id)
  if (!row) throw notFound()
  const tasks = await q.findTasks(deps.db, id)
  if (scope && !mayUnitsSee(scope, row, tasks)) throw notFound()
  const [cases, outputs, enterprises] = await Promise.all([
    q.findClassItems(deps.db, id),
    q.findOutputs(deps.db, id),
    q.findEnterprisesOfClass(deps.db, id),
  ])
  return {
    ...summaryOf(row),
    cases: cases.map(presentCase),
    tasks: tasks.map(presentTask),
    outputs: outputs.map(presentOutput),
    enterpriseCount: enterprises.length,
  }
}

function mayUnitsSee(
  units: string[],
  row: { status: ProblemClassStatus; owner_department_id: string | null },
  tasks: { owner_department_id: string }[],
) {
  if (row.status === 'open') return false
  return (
    (!!row.owner_department_id && units.includes(row.owner_department_id)) ||
    tasks.some((t) => units.includes(t.owner_department_id))
  )
}

/** Locks a class the bureau changes, on the version it read. Refuses: NOT_FOUND, PROBLEM_CLASS_CLOSED, VERSION_CONFLICT. */
async function lockOpenClass(tx: Tx, id: string, version?: number) {
  const row = await q.lockClass(tx, id)
  if (!row) throw notFound()
  if (row.status === 'closed') throw new AppError('PROBLEM_CLASS_CLOSED')
  if (version !== undefined && row.version !== version) throw new AppError('VERSION_CONFLICT')
  return row
}

async function requireDepartment(db: Executor, id: string, field: string) {
  if (!(await q.departmentExists(db, id))) throw validationFailed({ [field]: 'Unknown department' })
}

/**
 * Split: the bureau takes cases that do not belong out of a class.
 * Refuses: FORBIDDEN, NOT_FOUND, PROBLEM_CLASS_CLOSED, VERSION_CONFLICT, PROBLEM_CLASS_EMPTY.
 */
export async function removeClassCases(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; itemIds: string[] },
) {
  const user = requireBureau(actor)
  await deps.db.transaction().execute(async (tx) => {
    await lockOpenClass(tx, id, input.version)
    const removed = await q.deleteClassItems(tx, id, input.itemIds)
    const row = await q.findClass(tx, id)
    if (Number(row?.item_count ?? 0) === 0) throw new AppError('PROBLEM_CLASS_EMPTY')
    await q.bumpClass(tx, id, {})
    await writeAudit(tx, user, {
      action: 'problem_class.remove_cases',
      entityType: 'problem_class',
      entityId: id,
      after: { removed, items: input.itemIds },
    })
  })
  return getProblemClass(deps, actor, id)
}

/**
 * The bureau makes a class the month's problem (每月一题) with an owner unit, whose head hears of it.
 * Refuses: FORBIDDEN, NOT_FOUND, PROBLEM_CLASS_CLOSED, VERSION_CONFLICT, VALIDATION_FAILED (unknown unit).
 */
export async function makeMonthlyProblem(deps: AppDeps, actor: Actor, id: string, input: MakeMonthlyInput) {
  const user = requireBureau(actor)
  await deps.db.transaction().execute(async (tx) => {
    const row = await lockOpenClass(tx, id, input.version)
    await requireDepartment(tx, input.ownerDepartmentId, 'ownerDepartmentId')
    const name = input.name ?? row.name
    await q.bumpClass(tx, id, {
      status: 'monthly',
      monthlyMonth: input.month,
      ownerDepartmentId: input.ownerDepartmentId,
      ...(input.name && { name: input.name }),
      ...(row.status === 'open' && { madeMonthlyAt: new Date() }),
    })
    for (const userId of await staffToNotify(tx, [input.ownerDepartmentId], ['department_head'])) {
      await deps.notifier.enqueue(tx, {
        recipient: { userId },
        template: 'problem-classes.task',
        params: { name, task: name, dueOn: input.month },
      })
    }
    await writeAudit(tx, user, {
      action: 'problem_class.make_monthly',
      entityType: 'problem_class',
      entityId: id,
      before: { status: row.status, month: row.monthly_month, owner: row.owner_department_id },
      after: { status: 'monthly', month: input.month, owner: input.ownerDepartmentId },
    })
  })
  return getProblemClass(deps, actor, id)
}

/**
 * The bureau gives a unit a task of the monthly problem; the unit's staff hear of it.
 * Refuses: FORBIDDEN, NOT_FOUND, PROBLEM_CLASS_CLOSED, PROBLEM_CLASS_NOT_MONTHLY, VALIDATION_FAILED.
 */
export async function addClassTask(deps: AppDeps, actor: Actor, id: string, input: AddTaskInput) {
  const user = requireBureau(actor)
  await deps.db.transaction().execute(async (tx) => {
    const row = await lockOpenClass(tx, id)
    if (row.status !== 'monthly') throw new AppError('PROBLEM_CLASS_NOT_MONTHLY')
    await requireDepartment(tx, input.ownerDepartmentId, 'ownerDepartmentId')
    const task = await q.insertTask(tx, { classId: id, ...input, createdBy: user.userId })
    for (const userId of await staffToNotify(tx, [input.ownerDepartmentId], ['department_head', 'handler'])) {
      await deps.notifier.enqueue(tx, {
        recipient: { userId },
        template: 'problem-classes.task',
        params: { name: row.name, task: input.title, dueOn: input.dueOn },
      })
    }
    await writeAudit(tx, user, {
      action: 'problem_class.add_task',
      entityType: 'problem_class',
      entityId: id,
      after: { task: task.id, ...input },
    })
  })
  return getProblemClass(deps, actor, id)
}

/**
 * The task's unit (its handler or head) or the bureau records it done with evidence.
 * Refuses: FORBIDDEN, NOT_FOUND (also another unit's task), PROBLEM_CLASS_CLOSED, PROBLEM_TASK_DONE.
 */
export async function completeClassTask(
  deps: AppDeps,
  actor: Actor,
  id: string,
  taskId: string,
  input: { evidence: string },
) {
  const user = requireStaff(actor)
  const units = unitsOf(user)
  if (!isBureau(user) && units.length === 0) throw new AppError('FORBIDDEN')
  await deps.db.transaction().execute(async (tx) => {
    await lockOpenClass(tx, id)
    const task = await q.lockTask(tx, id, taskId)
    if (!task || (!isBureau(user) && !units.includes(task.owner_department_id))) throw notFound()
    if (task.done_at) throw new AppError('PROBLEM_TASK_DONE')
    await q.markTaskDone(tx, taskId, { by: user.userId, evidence: input.evidence })
    await writeAudit(tx, user, {
      action: 'problem_class.complete_task',
      entityType: 'problem_class',
      entityId: id,
      after: { task: taskId, evidence: input.evidence },
    })
  })
  return getProblemClass(deps, actor, id)
}

/**
 * The bureau records what the class produced: a policy on the platform, or a rule change by reference.
 * Refuses: FORBIDDEN, NOT_FOUND, PROBLEM_CLASS_CLOSED, VALIDATION_FAILED (unknown policy).
 */
export async function addClassOutput(deps: AppDeps, actor: Actor, id: string, input: AddOutputInput) {
  const user = requireBureau(actor)
  await deps.db.transaction().execute(async (tx) => {
    await lockOpenClass(tx, id)
    if (input.policyId && !(await q.policyExists(tx, input.policyId)))
      throw validationFailed({ policyId: 'Unknown policy' })
    const output = await q.insertOutput(tx, {
      classId: id,
      policyId: input.policyId ?? null,
      reference: input.reference ?? null,
      note: input.note ?? null,
      createdBy: user.userId,
    })
    await writeAudit(tx, user, {
      action: 'problem_class.add_output',
      entityType: 'problem_class',
      entityId: id,
      after: { output: output.id, ...input },
    })
  })
  return getProblemClass(deps, actor, id)
}

/**
 * The bureau closes a solved class: every enterprise whose appeal or rating is in it is told what
 * changed. Refuses: FORBIDDEN, NOT_FOUND, PROBLEM_CLASS_CLOSED, VERSION_CONFLICT, PROBLEM_CLASS_TASKS_OPEN.
 */
export async function closeProblemClass(deps: AppDeps, actor: Actor, id: string, input: CloseClassInput) {
  const user = requireBureau(actor)
  await deps.db.transaction().execute(async (tx) => {
    const row = await lockOpenClass(tx, id, input.version)
    if ((await q.countOpenTasks(tx, id)) > 0) throw new AppError('PROBLEM_CLASS_TASKS_OPEN')
    await q.bumpClass(tx, id, {
      status: 'closed',
      closedAt: new Date(),
      closedBy: user.userId,
      closingSummary: input.summary,
    })
    const enterprises = await q.findEnterprisesOfClass(tx, id)
    for (const enterpriseId of enterprises) {
      await deps.notifier.enqueue(tx, {
        recipient: { enterpriseId },
        template: 'problem-classes.solved',
        params: { name: row.name, summary: input.summary },
        // the answer to what the enterprise itself reported: not counted against its contact cap
        isSolicited: true,
      })
    }
    await writeAudit(tx, user, {
      action: 'problem_class.close',
      entityType: 'problem_class',
      entityId: id,
      before: { status: row.status },
      after: { status: 'closed', summary: input.summary, enterprisesTold: enterprises.length },
    })
  })
  return getProblemClass(deps, actor, id)
}

/** The classes an appeal is in, for whoever may read the appeal. Refuses: UNAUTHENTICATED, NOT_FOUND. */
export async function listClassesOfAppeal(deps: AppDeps, actor: Actor, appealId: string) {
  const user = requireSignedIn(actor)
  if (!(await maySeeAppeal(deps.db, user, appealId))) throw notFound()
  const rows = await q.findClassesOfAppeal(deps.db, appealId)
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      monthlyMonth: r.monthly_month,
      closedAt: r.closed_at ? r.closed_at.toISOString() : null,
      closingSummary: r.closing_summary,
    })),
  }
}

/**
 * The figures of problem classes over [from, to) for the cockpit (docs/METRICS.md "Problem classes").
 * No permission check: the caller's service checked its own.
 */
export async function problemClassFigures(db: Executor, range: { from: Date; to: Date; timeZone?: string }) {
  const row = await q.findProblemClassFigures(db, { ...range, timeZone: range.timeZone ?? 'Asia/Shanghai' })
  return {
    classesCreated: row.classes_created,
    monthlyStarted: row.monthly_started,
    classesClosed: row.classes_closed,
    appealsInClosed: row.appeals_in_closed,
    enterprisesTold: row.enterprises_told,
    tasksDue: row.tasks_due,
    tasksDoneOnTime: row.tasks_done_on_time,
    medianDaysToClose: row.median_days_to_close === null ? null : Number(row.median_days_to_close),
  }
}
