import type { StaffRole } from '../../kernel/auth/actor'
import { buildDepartment, buildStaff, signInStaff } from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'

/** Test builders of self-inspection: the bureau and two departments with their heads and handlers. */
export type SelfInspectionWorld = {
  dispatcher: TestClient
  leader: TestClient
  departments: { a: { id: string }; b: { id: string } }
  headA: TestClient
  headAId: string
  handlerA: TestClient
  headB: TestClient
  handlerB: TestClient
  inspector: TestClient
}

export async function buildSelfInspectionWorld(t: TestApp): Promise<SelfInspectionWorld> {
  const bureau = await buildDepartment(t)
  const a = await buildDepartment(t)
  const b = await buildDepartment(t)
  const staff = async (roles: StaffRole[], departmentId: string) => {
    const built = await buildStaff(t, { roles, departmentId })
    return { id: built.id, client: await signInStaff(t, built) }
  }
  const headA = await staff(['department_head'], a.id)
  return {
    dispatcher: (await staff(['dispatcher'], bureau.id)).client,
    leader: (await staff(['bureau_leader'], bureau.id)).client,
    departments: { a: { id: a.id }, b: { id: b.id } },
    headA: headA.client,
    headAId: headA.id,
    handlerA: (await staff(['handler'], a.id)).client,
    headB: (await staff(['department_head'], b.id)).client,
    handlerB: (await staff(['handler'], b.id)).client,
    inspector: (await staff(['inspector'], bureau.id)).client,
  }
}

/** A task issued by the task force to the world's two departments, with two checklist items. */
export async function issueTask(w: SelfInspectionWorld, deadline = '2099-06-30') {
  const res = await w.dispatcher.post('/api/v1/self-inspections/tasks', {
    title: '涉企收费自查',
    scope: '2025 年以来本部门及所属单位涉企收费项目',
    basis: '《关于开展涉企违规收费专项整治的通知》',
    deadline,
    items: [
      { text: '是否存在目录外收费', guidance: '对照收费目录清单逐项核对' },
      { text: '是否存在强制中介服务', guidance: '核查审批环节是否指定中介' },
    ],
    departmentIds: [w.departments.a.id, w.departments.b.id],
  })
  if (res.status !== 201) throw new Error(`issue failed: ${JSON.stringify(res.body)}`)
  return res.body as {
    id: string
    items: { id: string }[]
    board: { answerId: string; departmentId: string; status: string }[]
  }
}
