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

/**
 * Test builders of the inspection registry: body A (its head, three inspectors certified by an admin,
 * a handler), body B (its head, a handler), the bureau (task force, leadership), and two enterprises
 * with a person each; A's published items and one draft.
 */
export type InspectionWorld = {
  admin: TestClient
  dispatcher: TestClient
  leader: TestClient
  bodyA: string
  bodyB: string
  headA: TestClient
  headAId: string
  handlerA: { id: string; client: TestClient }
  inspectors: { id: string; client: TestClient }[]
  headB: TestClient
  handlerB: TestClient
  enterprise: { id: string; client: TestClient }
  otherEnterprise: { id: string; client: TestClient }
  items: { published: string[]; draft: string }
}

const nextNo = () => `T${crypto.randomBytes(6).toString('hex')}`.toUpperCase()

export async function buildInspectionWorld(t: TestApp): Promise<InspectionWorld> {
  const bureau = await buildDepartment(t)
  const a = await buildDepartment(t)
  const b = await buildDepartment(t)
  const staff = async (roles: StaffRole[], departmentId: string) => {
    const built = await buildStaff(t, { roles, departmentId })
    return { id: built.id, client: await signInStaff(t, built) }
  }
  const admin = (await staff(['admin'], bureau.id)).client
  const headA = await staff(['department_head'], a.id)
  const inspectors = [
    await staff(['inspector'], a.id),
    await staff(['inspector'], a.id),
    await staff(['inspector'], a.id),
  ]
  for (const inspector of inspectors) {
    const res = await admin.post('/api/v1/inspectors', {
      userId: inspector.id,
      departmentId: a.id,
      certificateNo: nextNo(),
      certifiedUntil: '2099-12-31',
    })
    if (res.status !== 201) throw new Error(`certify failed: ${JSON.stringify(res.body)}`)
  }
  const member = async () => {
    const enterprise = await buildEnterprise(t)
    const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    return { id: enterprise.id, client: await signInEnterprise(t, user.phone) }
  }
  const published: string[] = []
  for (const name of ['食品经营许可检查', '特种设备使用检查']) {
    const item = await headA.client.post('/api/v1/inspection-items', {
      departmentId: a.id,
      code: nextNo(),
      name,
      basis: '《中华人民共和国食品安全法》第一百一十条',
    })
    await headA.client.post(`/api/v1/inspection-items/${item.body.id}/publish`, { version: 1 })
    published.push(item.body.id)
  }
  const draft = await headA.client.post('/api/v1/inspection-items', {
    departmentId: a.id,
    code: nextNo(),
    name: '未发布事项',
    basis: '《中华人民共和国产品质量法》第十五条',
  })
  return {
    admin,
    dispatcher: (await staff(['dispatcher'], bureau.id)).client,
    leader: (await staff(['bureau_leader'], bureau.id)).client,
    bodyA: a.id,
    bodyB: b.id,
    headA: headA.client,
    headAId: headA.id,
    handlerA: await staff(['handler'], a.id),
    inspectors,
    headB: (await staff(['department_head'], b.id)).client,
    handlerB: (await staff(['handler'], b.id)).client,
    enterprise: await member(),
    otherEnterprise: await member(),
    items: { published, draft: draft.body.id },
  }
}

/** A plan by the world's first inspector with the first two inspectors, for the world's enterprise. */
export function planBody(w: InspectionWorld, plannedOn: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'routine',
    enterpriseId: w.enterprise.id,
    departmentId: w.bodyA,
    itemIds: [w.items.published[0]],
    inspectorIds: [w.inspectors[0]!.id, w.inspectors[1]!.id],
    plannedOn,
    windowEndsOn: plannedOn,
    purpose: '年度日常监督检查',
    ...overrides,
  }
}
