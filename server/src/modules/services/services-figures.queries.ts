import { sql } from 'kysely'
import type { Executor } from '../../kernel/db/database'

/**
 * The SQL of the services figures: the stored columns of the applications a period counts, nothing
 * read from the wall clock. `departments`: the scope ('all', or the department ids a head sees).
 */
type Scope = string[] | 'all'

/** Applications received in [from, to): the completeness side (deemed acceptance, supplements). */
export async function findReceivedApplications(db: Executor, from: Date, to: Date, departments: Scope) {
  if (departments !== 'all' && departments.length === 0) return []
  let query = db
    .selectFrom('applications as a')
    .select([
      'a.id',
      'a.title',
      'a.received_at',
      'a.department_id',
      'a.matter_id',
      'a.deemed_accepted',
      'a.completeness_due_at',
      'a.accepted_at',
      sql<number>`(SELECT count(*)::int FROM application_notices n
                   WHERE n.application_id = a.id AND n.kind = 'supplement')`.as('supplements'),
      // closed by the clock: the supplement went unanswered (视为撤回), the commitment's materials
      // never came (容缺 terminated) — each closes with its one notice, made only by the sweep
      sql<boolean>`EXISTS (SELECT 1 FROM application_notices n
                   WHERE n.application_id = a.id AND n.kind = 'withdrawal')`.as('deemed_withdrawn'),
      sql<boolean>`EXISTS (SELECT 1 FROM application_notices n
                   WHERE n.application_id = a.id AND n.kind = 'termination')`.as('terminated'),
    ])
    .where('a.received_at', '>=', from)
    .where('a.received_at', '<', to)
  if (departments !== 'all') query = query.where('a.department_id', 'in', departments)
  return query.execute()
}

/** Applications decided (approved or refused) in [from, to): the decision side, with their version's limits. */
export async function findDecidedApplications(db: Executor, from: Date, to: Date, departments: Scope) {
  if (departments !== 'all' && departments.length === 0) return []
  let query = db
    .selectFrom('applications as a')
    .leftJoin('service_matter_versions as v', 'v.id', 'a.matter_version_id')
    .select([
      'a.id',
      'a.status',
      'a.department_id',
      'a.matter_id',
      'a.instant',
      'a.visits_made',
      'a.received_at',
      'a.accepted_from',
      'a.decided_at',
      'a.decision_due_at',
      'a.statutory_due_at',
      'a.suspended_minutes',
      'v.promised_limit_days',
      'v.statutory_limit_days',
      'v.materials',
    ])
    .where('a.status', 'in', ['approved', 'refused'])
    .where('a.decided_at', '>=', from)
    .where('a.decided_at', '<', to)
  if (departments !== 'all') query = query.where('a.department_id', 'in', departments)
  return query.execute()
}

/** The names rows are labelled with: departments, and matters by their current published version. */
export async function findNames(db: Executor, departmentIds: string[], matterIds: string[]) {
  const [departments, matters] = await Promise.all([
    departmentIds.length
      ? db.selectFrom('departments').select(['id', 'name']).where('id', 'in', departmentIds).execute()
      : [],
    matterIds.length
      ? db
          .selectFrom('service_matters as m')
          .leftJoin('service_matter_versions as v', 'v.id', 'm.current_version_id')
          .select(['m.id', 'm.code', 'v.name'])
          .where('m.id', 'in', matterIds)
          .execute()
      : [],
  ])
  return {
    departments: new Map(departments.map((d) => [d.id, d.name])),
    matters: new Map(matters.map((m) => [m.id, m.name ?? m.code])),
  }
}
