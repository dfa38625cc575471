import crypto from 'node:crypto'
import { buildEnterprise, buildEnterpriseUser, buildStaff, signInAs, signInEnterprise } from '../factories'
import type { TestApp } from '../harness'
import type { MatrixContext } from './rows'

/**
 * What every row may point at, built once: an enterprise, a staff user to act on, and in the
 * market-regulation department (where the staff callers work) an appeal it leads, an appeal it
 * co-handles and a draft policy it owns.
 */
export async function buildMatrixContext(t: TestApp): Promise<MatrixContext> {
  const enterprise = await buildEnterprise(t)
  const department = await t.deps.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', 'DL-SCJGJ')
    .executeTakeFirstOrThrow()
  const target = await buildStaff(t, { departmentId: department.id })
  // An appeal of the enterprise, held by the department the staff roles belong to.
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  const filer = await signInEnterprise(t, member.phone)
  const filed = await filer.post('/api/v1/appeals', {
    enterpriseId: enterprise.id,
    categoryCode: 'tax',
    title: '退税没有到账',
    body: '增值税留抵退税申请三个月仍未到账。',
    idempotencyKey: crypto.randomUUID(),
  })
  const dispatcher = await signInAs(t, 'dispatcher')
  await dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, { leadDepartmentId: department.id })
  // Another department leads this one; the staff roles' department co-handles it.
  const coFiled = await filer.post('/api/v1/appeals', {
    enterpriseId: enterprise.id,
    categoryCode: 'tax',
    title: '退税与社保同时卡住',
    body: '增值税留抵退税和社保补贴都没有到账。',
    idempotencyKey: crypto.randomUUID(),
  })
  const otherLead = await t.deps.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', 'DL-SWJ')
    .executeTakeFirstOrThrow()
  await dispatcher.post(`/api/v1/appeals/${coFiled.body.id}/dispatch`, {
    leadDepartmentId: otherLead.id,
    coDepartmentIds: [department.id],
  })
  const writer = await signInAs(t, 'handler', { departmentId: department.id })
  const draft = await writer.post('/api/v1/policies', {
    title: '矩阵用草稿政策',
    issuer: '大连市市场监督管理局',
    level: 'city',
    ownerDepartmentId: department.id,
  })
  return {
    policyId: draft.body.id,
    enterpriseId: enterprise.id,
    targetUserId: target.id,
    departmentId: department.id,
    appealId: filed.body.id,
    coAppealId: coFiled.body.id,
    enterpriseUscc: enterprise.uscc,
  }
}
