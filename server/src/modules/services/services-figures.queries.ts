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
    // What the notices say, in one pass over the application's notices: how many supplement requests,
    // and whether the clock closed it — a supplement unanswered (视为撤回) or the committed materials
    // never brought (容缺 terminated): each closes with its one notice, made only by the sweep.
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('application_notices as n')
          .select([
            sql<number>`count(*) FILTER (WHERE n.kind = 'supplement')::int`.as('supplements'),
            sql<boolean>`coalesce(bool_or(n.kind = 'withdrawal'), false)`.as('deemed_withdrawn'),
            sql<boolean>`coalesce(bool_or(n.kind = 'termination'), false)`.as('terminated'),
          ])
          .whereRef('n.application_id', '=', 'a.id')
          .as('n'),
      (join) => join.onTrue(),
    )
    .select([
      'a.id',
      'a.title',
      'a.received_at',
      'a.department_id',
      'a.matter_id',
      'a.deemed_accepted',
      'a.completeness_due_at',
      'a.accepted_at',
      'n.supplements',
      'n.deemed_withdrawn',
      'n.terminated',
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
