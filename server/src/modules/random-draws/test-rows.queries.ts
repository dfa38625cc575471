import { buildStaff } from '../../../test/factories'
import type { TestApp } from '../../../test/harness'

/**
 * Rows the tests insert directly, for tests only (random-draws.factories.ts re-exports them): the
 * inspectors registry and its conflicts belong to another module that is built in parallel, and a
 * credit tier only ever arrives through the market-regulation department's fact import.
 */

let certificate = 0

export async function buildInspector(t: TestApp, departmentId: string, certifiedUntil = '2099-12-31') {
  const staff = await buildStaff(t, { roles: ['inspector'], departmentId })
  certificate += 1
  await t.deps.db
    .insertInto('inspectors')
    .values({
      user_id: staff.id,
      department_id: departmentId,
      certificate_no: `辽执-${Date.now().toString(36)}-${certificate}-${staff.id.slice(0, 6)}`,
      certified_until: certifiedUntil,
    })
    .execute()
  return staff.id
}

/** A published inspection item of the body (the registry is the inspections module's). */
export async function buildPublishedItem(t: TestApp, departmentId: string, code: string) {
  const row = await t.deps.db
    .insertInto('inspection_items')
    .values({
      code,
      name: '食品经营许可事项检查',
      department_id: departmentId,
      basis: '《食品安全法》第一百一十条',
      status: 'published',
      published_at: new Date('2025-01-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function declareConflict(t: TestApp, inspectorId: string, enterpriseId: string) {
  await t.deps.db
    .insertInto('inspector_conflicts')
    .values({ inspector_user_id: inspectorId, enterprise_id: enterpriseId, reason: '近亲属任该企业高管' })
    .execute()
}

/** The tier as a fact from the market-regulation department (what the facts module's import writes). */
export async function setCreditTier(t: TestApp, enterpriseId: string, tier: string) {
  const fact = await t.deps.db
    .insertInto('enterprise_facts')
    .values({
      enterprise_id: enterpriseId,
      fact_key: 'creditTier',
      value: JSON.stringify(tier),
      source: 'market_regulation',
      is_verified: true,
      import_id: null,
      recorded_by: null,
      superseded_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await t.deps.db
    .insertInto('enterprise_fact_values')
    .values({
      enterprise_id: enterpriseId,
      fact_key: 'creditTier',
      value_num: null,
      value_text: tier,
      value_tags: null,
      period: '',
      source: 'market_regulation',
      is_verified: true,
      fact_id: fact.id,
      // the table's trigger stamps the next change number
      change_seq: 0,
    })
    .execute()
}
