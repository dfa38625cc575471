import { registerProblemClassSource } from '../cockpit'
import { findCockpitProblemClasses } from './problem-classes-cockpit.queries'

/**
 * The cockpit's problem classes (its hook, cockpit/cockpit-hooks.ts): the ten largest classes still
 * worked or closed in the period, each with the appeals in it, under the reader's scope.
 */
registerProblemClassSource(async (deps, query) => {
  const rows = await findCockpitProblemClasses(deps.db, {
    from: query.from,
    departmentIds: query.scope === 'all' ? null : query.scope,
    limit: 10,
  })
  return rows.map((r) => ({ id: r.id, title: r.name, appeals: r.appeals, status: r.status }))
})
