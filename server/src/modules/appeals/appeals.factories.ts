import crypto from 'node:crypto'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'

/** A small city for appeal tests: one enterprise user, the task force, and two departments with a handler and a head each. */
export type AppealWorld = {
  enterprise: { id: string; name: string }
  enterpriseUser: TestClient
  dispatcher: TestClient
  departments: { a: { id: string; name: string }; b: { id: string; name: string } }
  handlerA: TestClient
  headA: TestClient
  handlerB: TestClient
}

export async function buildAppealWorld(t: TestApp): Promise<AppealWorld> {
  const enterprise = await buildEnterprise(t)
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  const a = await buildDepartment(t, { name: `住建局${crypto.randomBytes(2).toString('hex')}` })
  const b = await buildDepartment(t, { name: `税务局${crypto.randomBytes(2).toString('hex')}` })
  const taskForce = await buildDepartment(t)
  return {
    enterprise: { id: enterprise.id, name: enterprise.name },
    enterpriseUser: await signInEnterprise(t, member.phone),
    dispatcher: await signInStaff(
      t,
      await buildStaff(t, { roles: ['dispatcher'], departmentId: taskForce.id }),
    ),
    departments: { a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name } },
    handlerA: await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: a.id })),
    headA: await signInStaff(t, await buildStaff(t, { roles: ['department_head'], departmentId: a.id })),
    handlerB: await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: b.id })),
  }
}

export function appealBody(enterpriseId: string, overrides: Record<string, unknown> = {}) {
  return {
    enterpriseId,
    categoryCode: 'construction',
    title: '施工许可证迟迟不批',
    body: '我公司在甘井子区申请施工许可证，窗口反复要求补充材料，已经一个月还没有批下来，影响项目开工。',
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  }
}

/** Files an appeal and dispatches it to department A; returns its id. */
export async function fileAndDispatch(
  w: AppealWorld,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id, overrides))
  if (filed.status !== 201) throw new Error(`file failed: ${JSON.stringify(filed.body)}`)
  const dispatched = await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, {
    leadDepartmentId: w.departments.a.id,
  })
  if (dispatched.status !== 200) throw new Error(`dispatch failed: ${JSON.stringify(dispatched.body)}`)
  return filed.body.id
}
