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

/**
 * Test builders of the ledger: the bureau, two units (A owns the payables, in its handlers' role),
 * an enterprise with a user, and an outsider enterprise's user.
 */
export type CommitmentWorld = {
  dispatcher: TestClient
  leader: TestClient
  units: { a: string; b: string }
  handlerA: TestClient
  headA: TestClient
  handlerB: TestClient
  inspector: TestClient
  enterpriseId: string
  enterprise: TestClient
  outsider: TestClient
}

export async function buildCommitmentWorld(t: TestApp): Promise<CommitmentWorld> {
  const bureau = await buildDepartment(t)
  const a = await buildDepartment(t)
  const b = await buildDepartment(t)
  const staff = async (roles: StaffRole[], departmentId: string) =>
    signInStaff(t, await buildStaff(t, { roles, departmentId }))
  const enterpriseId = (await buildEnterprise(t)).id
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  const other = await buildEnterpriseUser(t, { enterpriseIds: [(await buildEnterprise(t)).id] })
  return {
    dispatcher: await staff(['dispatcher'], bureau.id),
    leader: await staff(['bureau_leader'], bureau.id),
    units: { a: a.id, b: b.id },
    handlerA: await staff(['handler'], a.id),
    headA: await staff(['department_head'], a.id),
    handlerB: await staff(['handler'], b.id),
    inspector: await staff(['inspector'], bureau.id),
    enterpriseId,
    enterprise: await signInEnterprise(t, member.phone),
    outsider: await signInEnterprise(t, other.phone),
  }
}

/** A payable of unit A's handlers to the world's enterprise, registered by the task force. */
export async function registerPayable(
  w: CommitmentWorld,
  overrides: Record<string, unknown> = {},
): Promise<{ status: number; body: Record<string, unknown> & { id: string; version: number } }> {
  return w.dispatcher.post('/api/v1/commitments', {
    kind: 'payable',
    enterpriseId: w.enterpriseId,
    departmentId: w.units.a,
    ownerRole: 'handler',
    title: '金州区道路维修工程款',
    obligation: '2025 年度道路维修工程第三期进度款',
    amountFen: 10_000_000,
    acceptedOn: '2026-01-05',
    ...overrides,
  })
}
