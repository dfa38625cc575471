import type { Insertable } from 'kysely'
import type { TestApp } from '../../../test/harness'
import type { AppealsTable } from '../appeals/appeals.tables'
import type { RatingsTable } from '../ratings/ratings.tables'
import type { SupervisionCasesTable } from '../supervision/supervision.tables'
import * as fq from './cockpit-factories.queries'

/** Test builders of the cockpit: rows with known numbers (tests only). */
export function buildAppeal(
  t: TestApp,
  owner: { enterpriseId: string; userId: string },
  facts: Partial<Insertable<AppealsTable>>,
) {
  return fq.insertAppealRow(t.deps.db, {
    enterprise_id: owner.enterpriseId,
    submitted_by: owner.userId,
    ...facts,
  })
}

export function buildRating(t: TestApp, row: Insertable<RatingsTable>) {
  return fq.insertRatingRow(t.deps.db, row)
}

export function buildSupervisionCase(t: TestApp, row: Insertable<SupervisionCasesTable>) {
  return fq.insertSupervisionRow(t.deps.db, row)
}
