import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { ApplicationState } from './application-states'
import type { ReviewTask, TaskChange } from './review-progress'

/** The SQL of the staff side of applications: review tasks, the queue, the staff view, the decision. */

/** The version an application was filed under: how it is reviewed, decided and certified. */
export async function findVersionOf(db: Executor, versionId: string) {
  return db
    .selectFrom('service_matter_versions as v')
    .innerJoin('service_matters as m', 'm.id', 'v.matter_id')
    .select([
      'v.id',
      'v.name',
      'v.legal_basis',
      'v.implementing_body',
      'v.review_steps',
      'v.instant_conditions',
      'v.form_schema',
      'v.materials',
      'v.certificate_kind',
      'm.code as matter_code',
      'm.department_id',
    ])
    .where('v.id', '=', versionId)
    .executeTakeFirst()
}
export type VersionRow = NonNullable<Awaited<ReturnType<typeof findVersionOf>>>

export async function insertReviewTasks(
  tx: Tx,
  applicationId: string,
  tasks: {
    key: string
    name: string
    role: ReviewTask['role']
    stage: number
    status: ReviewTask['status']
  }[],
  at: Date,
) {
  if (!tasks.length) return
  await tx
    .insertInto('application_review_tasks')
    .values(
      tasks.map((t) => ({
        application_id: applicationId,
        step_key: t.key,
        step_name: t.name,
        stage: t.stage,
        role: t.role,
        status: t.status,
        created_at: at,
      })),
    )
    .execute()
}

export async function findReviewTasks(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_review_tasks as t')
    .leftJoin('users as a', 'a.id', 't.assignee_id')
    .leftJoin('users as d', 'd.id', 't.decided_by')
    .select([
      't.id',
      't.step_key',
      't.step_name',
      't.stage',
      't.role',
      't.status',
      't.assignee_id',
      'a.display_name as assignee_name',
      't.outcome',
      't.note',
      't.decided_by',
      'd.display_name as decided_by_name',
      't.decided_at',
    ])
    .where('t.application_id', '=', applicationId)
    .orderBy('t.stage')
    .orderBy('t.step_key')
    .execute()
}
export type ReviewTaskRow = Awaited<ReturnType<typeof findReviewTasks>>[number]

/** Applies the changes a decision makes on the tasks (review-progress.ts works them out). */
export async function updateReviewTasks(
  tx: Tx,
  changes: readonly TaskChange[],
  decision: { by: string; at: Date; note: string | null; taskId: string },
) {
  for (const c of changes) {
    const isDecided = c.decided === true
    await tx
      .updateTable('application_review_tasks')
      .set({
        status: c.status,
        ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
        ...(c.assigneeId !== undefined ? { assignee_id: c.assigneeId } : {}),
        ...(isDecided
          ? { decided_by: decision.by, decided_at: decision.at }
          : c.decided === false
            ? { decided_at: null }
            : {}),
        ...(c.id === decision.taskId ? { note: decision.note } : {}),
      })
      .where('id', '=', c.id)
      .execute()
  }
}

export async function setTaskAssignee(
  tx: Tx,
  taskId: string,
  status: 'open' | 'claimed',
  assigneeId: string | null,
) {
  await tx
    .updateTable('application_review_tasks')
    .set({ status, assignee_id: assigneeId })
    .where('id', '=', taskId)
    .execute()
}

/** Whether a user holds a role in a department (and may sign in): a delegate must. */
export async function findColleague(db: Executor, userId: string, role: string, departmentId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('u.id', '=', userId)
    .where('u.is_disabled', '=', false)
    .where('r.role', '=', role as never)
    .where('r.department_id', '=', departmentId)
    .executeTakeFirst()
}

/** The colleagues of a department holding a role (whom a task may be delegated to). */
export async function findColleagues(db: Executor, departmentId: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'r.role'])
    .where('u.is_disabled', '=', false)
    .where('r.department_id', '=', departmentId)
    .where('r.role', 'in', ['handler', 'department_head'] as never[])
    .orderBy('u.display_name')
    .limit(200)
    .execute()
}

/** The states in which an application is with its department (the queue's partial index lists them). */
export const IN_FLIGHT: ApplicationState[] = ['submitted', 'supplement_requested', 'accepted', 'special_step']

/**
 * The nearest of the department's own clocks (migration 0037's index is on this very expression):
 * the completeness check, the decision, a special step; none running sorts last.
 */
const dueAt = sql<Date>`coalesce(least(a.completeness_due_at, a.decision_due_at, a.special_step_due_at), 'infinity'::timestamptz)`

/**
 * One page of the department's applications in flight, nearest due first, after a keyset cursor.
 * Index-driven: the partial index (department_id, due, id) gives the rows in order.
 */
export async function findQueuePage(
  db: Executor,
  filter: {
    departmentIds: string[] | null
    status: ApplicationState | null
    matterId: string | null
    after: { due: string; id: string } | null
    limit: number
  },
) {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .leftJoin('service_matter_versions as v', 'v.id', 'a.matter_version_id')
    .select([
      'a.id',
      'a.title',
      'a.status',
      'a.matter_id',
      'v.name as matter_name',
      'a.department_id',
      'e.name as enterprise_name',
      'a.received_at',
      'a.completeness_due_at',
      'a.decision_due_at',
      'a.special_step_due_at',
      'a.supplement_due_at',
      'a.instant',
    ])
    // the cursor carries the key as PostgreSQL writes it ('infinity' included) and reads it back
    .select(sql<string>`(${dueAt})::text`.as('due_key'))
    .where('a.status', 'in', IN_FLIGHT)
  if (filter.departmentIds) query = query.where('a.department_id', 'in', filter.departmentIds)
  if (filter.status) query = query.where('a.status', '=', filter.status)
  if (filter.matterId) query = query.where('a.matter_id', '=', filter.matterId)
  if (filter.after) {
    const { due, id } = filter.after
    query = query.where(sql<boolean>`(${dueAt}, a.id) > (${due}::timestamptz, ${id}::uuid)`)
  }
  return query.orderBy(dueAt).orderBy('a.id').limit(filter.limit).execute()
}
export type QueueRow = Awaited<ReturnType<typeof findQueuePage>>[number]

/** One application with its matter and enterprise, for the staff view (the service checks who asks). */
export async function findStaffApplication(db: Executor, id: string) {
  return db
    .selectFrom('applications as a')
    .innerJoin('enterprises as e', 'e.id', 'a.enterprise_id')
    .leftJoin('service_matter_versions as v', 'v.id', 'a.matter_version_id')
    .leftJoin('certificates as c', 'c.id', 'a.certificate_id')
    .selectAll('a')
    .select([
      'e.name as enterprise_name',
      'e.uscc as enterprise_uscc',
      'v.name as matter_name',
      'v.legal_basis as matter_legal_basis',
      'v.promised_limit_days as matter_promised_limit_days',
      'c.number as certificate_number',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
}
export type StaffApplicationRow = NonNullable<Awaited<ReturnType<typeof findStaffApplication>>>

/** Every step of the application's timeline (the staff read all; the applicant's view filters). */
export async function findApplicationEvents(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_events as ev')
    .leftJoin('users as u', 'u.id', 'ev.actor_user_id')
    .select([
      'ev.id',
      'ev.at',
      'ev.type',
      'ev.actor_role',
      'u.display_name as actor_name',
      'ev.note',
      'ev.note_audience',
      'ev.data',
      'ev.audience',
    ])
    .where('ev.application_id', '=', applicationId)
    .orderBy('ev.id')
    .execute()
}

export async function findEnterpriseName(db: Executor, enterpriseId: string): Promise<string | null> {
  const row = await db
    .selectFrom('enterprises')
    .select('name')
    .where('id', '=', enterpriseId)
    .executeTakeFirst()
  return row?.name ?? null
}
