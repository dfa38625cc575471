import { buildDepartment, buildStaff, signInStaff } from '../../../test/factories'
import type { StaffRole } from '../../kernel/auth/actor'
import type { TestApp, TestClient } from '../../../test/harness'

/** The people of the ladder: the bureau, discipline inspection, and two units with a head and a handler each. */
export type LadderWorld = {
  units: { a: string; b: string }
  dispatcher: TestClient
  leader: TestClient
  discipline: TestClient
  headA: TestClient
  handlerA: TestClient
  headB: TestClient
  handlerB: TestClient
}

export async function buildLadderWorld(t: TestApp): Promise<LadderWorld> {
  const bureau = (await buildDepartment(t)).id
  const a = (await buildDepartment(t)).id
  const b = (await buildDepartment(t)).id
  const staff = async (role: StaffRole, departmentId: string) =>
    signInStaff(t, await buildStaff(t, { roles: [role], departmentId }))
  return {
    units: { a, b },
    dispatcher: await staff('dispatcher', bureau),
    leader: await staff('bureau_leader', bureau),
    discipline: await staff('discipline_inspector', bureau),
    headA: await staff('department_head', a),
    handlerA: await staff('handler', a),
    headB: await staff('department_head', b),
    handlerB: await staff('handler', b),
  }
}

/** The bureau opens a case against a unit by hand and answers it. */
export async function openByHand(
  client: TestClient,
  departmentId: string,
  extra: { level?: 'section' | 'bureau' | 'city'; responseDays?: number } = {},
) {
  const opened = await client.post('/api/v1/supervision-cases', {
    departmentId,
    reason: '企业多次反映窗口推诿，督促整改',
    ...extra,
  })
  if (opened.status !== 201) throw new Error(`open by hand: ${opened.status} ${JSON.stringify(opened.body)}`)
  return opened.body as { id: string; version: number; responseDueAt: string; level: string }
}
