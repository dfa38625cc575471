import crypto from 'node:crypto'
import type { StaffRole } from '../../kernel/auth/actor'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'
import type { InspectionState } from './inspection-states'
import * as rows from './inspection-results-factories.queries'

/**
 * Test builders of the result step: a body with two certified inspectors on its inspections, a third
 * who is not on them, its head, a handler, the bureau and the administrator, and an enterprise with a
 * member. Inspections are inserted as rows already checked in: planning, approval and the scan are
 * the registry's (issue 14 item 1), not what these tests are about.
 */
export type ResultWorld = {
  bodyId: string
  enterpriseId: string
  otherEnterpriseId: string
  inspectorIds: [string, string]
  inspector: TestClient
  inspector2: TestClient
  outsider: TestClient
  head: TestClient
  handler: TestClient
  dispatcher: TestClient
  admin: TestClient
  member: TestClient
  otherMember: TestClient
  itemId: string
}

export async function buildResultWorld(t: TestApp): Promise<ResultWorld> {
  const body = await buildDepartment(t)
  const bureau = await buildDepartment(t)
  const staff = async (roles: StaffRole[], departmentId = body.id) => {
    const built = await buildStaff(t, { roles, departmentId })
    return { id: built.id, client: await signInStaff(t, built) }
  }
  const certify = (userId: string) => rows.insertInspector(t.deps.db, userId, body.id)
  const a = await staff(['inspector'])
  const b = await staff(['inspector'])
  const c = await staff(['inspector'])
  for (const s of [a, b, c]) await certify(s.id)
  const enterprise = await buildEnterprise(t)
  const other = await buildEnterprise(t)
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  const otherMember = await buildEnterpriseUser(t, { enterpriseIds: [other.id] })
  const item = await rows.insertPublishedItem(t.deps.db, body.id)
  return {
    bodyId: body.id,
    enterpriseId: enterprise.id,
    otherEnterpriseId: other.id,
    inspectorIds: [a.id, b.id],
    inspector: a.client,
    inspector2: b.client,
    outsider: c.client,
    head: (await staff(['department_head'])).client,
    handler: (await staff(['handler'])).client,
    dispatcher: (await staff(['dispatcher'], bureau.id)).client,
    admin: (await staff(['admin'], bureau.id)).client,
    member: await signInEnterprise(t, member.phone),
    otherMember: await signInEnterprise(t, otherMember.phone),
    itemId: item.id,
  }
}

let serial = 0

/** An inspection of the world's enterprise by its body, in the given state (checked in by default). */
export async function insertInspection(
  t: TestApp,
  w: ResultWorld,
  options: { status?: InspectionState; plannedOn?: string; enterpriseId?: string } = {},
) {
  const plannedOn = options.plannedOn ?? '2026-03-09'
  const status = options.status ?? 'checked_in'
  const row = await rows.insertInspectionRow(t.deps.db, {
    number: `JC-T-${crypto.randomBytes(4).toString('hex')}-${++serial}`,
    enterpriseId: options.enterpriseId ?? w.enterpriseId,
    departmentId: w.bodyId,
    plannedOn,
    status,
    plannedBy: w.inspectorIds[0],
    itemId: w.itemId,
    inspectorIds: w.inspectorIds,
  })
  return row
}

/** What the registry's approve and scan would do to a planned re-check: it is checked in. */
export async function checkInDirectly(t: TestApp, inspectionId: string) {
  return rows.checkIn(t.deps.db, inspectionId)
}
