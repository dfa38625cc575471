import type { StaffRole } from '../../kernel/auth/actor'
import { buildDepartment, buildStaff, signInStaff } from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'

/** Test builders of the action plan: the bureau and two owner units with their heads and handlers. */
export type ActionPlanWorld = {
  dispatcher: TestClient
  leader: TestClient
  departments: { a: { id: string }; b: { id: string } }
  headA: TestClient
  headAId: string
  handlerA: TestClient
  handlerAId: string
  headB: TestClient
  inspector: TestClient
}

export async function buildActionPlanWorld(t: TestApp): Promise<ActionPlanWorld> {
  const bureau = await buildDepartment(t)
  const a = await buildDepartment(t)
  const b = await buildDepartment(t)
  const staff = async (roles: StaffRole[], departmentId: string) => {
    const built = await buildStaff(t, { roles, departmentId })
    return { id: built.id, client: await signInStaff(t, built) }
  }
  const headA = await staff(['department_head'], a.id)
  const handlerA = await staff(['handler'], a.id)
  return {
    dispatcher: (await staff(['dispatcher'], bureau.id)).client,
    leader: (await staff(['bureau_leader'], bureau.id)).client,
    departments: { a: { id: a.id }, b: { id: b.id } },
    headA: headA.client,
    headAId: headA.id,
    handlerA: handlerA.client,
    handlerAId: handlerA.id,
    headB: (await staff(['department_head'], b.id)).client,
    inspector: (await staff(['inspector'], bureau.id)).client,
  }
}

let areas = 0

/** A new area of the plan, added by the task force. */
export async function createArea(w: ActionPlanWorld): Promise<{ id: string; name: string }> {
  const res = await w.dispatcher.post('/api/v1/action-plans/areas', {
    name: `政务服务测试领域${++areas}-${crypto.randomUUID().slice(0, 6)}`,
    summary: '一网通办',
  })
  if (res.status !== 201) throw new Error(`area failed: ${JSON.stringify(res.body)}`)
  return res.body
}

/** A task of a new area owned by department A. */
export async function createTask(
  w: ActionPlanWorld,
  deadline = '2026-12-31',
  title = '高频事项一件事一次办',
) {
  const area = await createArea(w)
  const res = await w.dispatcher.post('/api/v1/action-plans/tasks', {
    areaId: area.id,
    title,
    description: '梳理高频事项，整合办事环节',
    expectedOutput: '“一件事”清单及办事指南',
    ownerDepartmentId: w.departments.a.id,
    deadline,
  })
  if (res.status !== 201) throw new Error(`task failed: ${JSON.stringify(res.body)}`)
  return res.body as { id: string; version: number; areaId: string; status: string }
}
