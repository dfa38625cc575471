import crypto from 'node:crypto'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInEnterprise,
  signInStaff,
  TEST_PASSWORD,
} from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'
import { notifyRatingRecorded } from '../ratings/ratings-registry'
import type { RatingSubjectType } from '../ratings/ratings.tables'
import { findRectificationByRating, insertRatingRow } from './rectifications-factories.queries'

/**
 * Test builders of rectifications: a world of a handling unit, another unit, the bureau's task force
 * and a rating enterprise, and ratings written the way the ratings service writes them — the row,
 * then the registry's listeners in the same transaction (so a bad one opens its rectification).
 */

export type RatingWorld = {
  unitId: string
  otherUnitId: string
  enterpriseId: string
  raterId: string
  raterPhone: string
  handler: TestClient
  head: TestClient
  otherHandler: TestClient
  dispatcher: TestClient
  leader: TestClient
  rater: TestClient
}

export async function buildRatingWorld(t: TestApp): Promise<RatingWorld> {
  const unitId = (await buildDepartment(t, { name: '测试整改单位' })).id
  const otherUnitId = (await buildDepartment(t)).id
  const bureauId = (await buildDepartment(t, { name: '测试营商局' })).id
  const enterpriseId = (await buildEnterprise(t)).id
  const rater = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  const staff = async (role: Parameters<typeof buildStaff>[1] & object) => {
    const s = await buildStaff(t, role)
    return signInStaff(t, { username: s.username, password: TEST_PASSWORD })
  }
  return {
    unitId,
    otherUnitId,
    enterpriseId,
    raterId: rater.id,
    raterPhone: rater.phone,
    handler: await staff({ roles: ['handler'], departmentId: unitId }),
    head: await staff({ roles: ['department_head'], departmentId: unitId }),
    otherHandler: await staff({ roles: ['handler'], departmentId: otherUnitId }),
    dispatcher: await staff({ roles: ['dispatcher'], departmentId: bureauId }),
    leader: await staff({ roles: ['bureau_leader'], departmentId: bureauId }),
    rater: await signInEnterprise(t, rater.phone),
  }
}

/** Writes one rating and runs the listeners in its transaction; answers the rating's id. */
export async function recordRating(
  t: TestApp,
  input: {
    departmentId: string
    enterpriseId: string
    ratedBy: string | null
    level: number
    subjectType?: RatingSubjectType
    subjectId?: string
    stage?: string
    kind?: 'given' | 'default'
    ratedAt?: Date
    comment?: string
  },
): Promise<string> {
  const ratedAt = input.ratedAt ?? new Date()
  return t.deps.db.transaction().execute(async (tx) => {
    const row = await insertRatingRow(tx, {
      subject_type: input.subjectType ?? 'appeal',
      subject_id: input.subjectId ?? crypto.randomUUID(),
      stage: input.stage ?? 'final',
      department_id: input.departmentId,
      enterprise_id: input.enterpriseId,
      kind: input.kind ?? 'given',
      level: input.level,
      comment: input.comment ?? '办事太慢',
      rated_by: input.ratedBy,
      rated_at: ratedAt,
    })
    await notifyRatingRecorded(tx, {
      id: row.id,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      stage: row.stage,
      departmentId: row.department_id,
      enterpriseId: row.enterprise_id,
      kind: row.kind,
      level: row.level,
      comment: row.comment,
      ratedBy: row.rated_by,
      ratedAt: row.rated_at,
    })
    return row.id
  })
}

/** The rectification a rating opened, or undefined. */
export async function rectificationOf(t: TestApp, ratingId: string) {
  return findRectificationByRating(t.deps.db, ratingId)
}
