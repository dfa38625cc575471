import type { StaffRole } from '../../kernel/auth/actor'
import { buildDepartment, buildEnterprise, buildStaff, signInStaff } from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'
import { commitTo } from './draw-algorithm'
import { buildInspector, buildPublishedItem, setCreditTier } from './test-rows.queries'

export { buildInspector, declareConflict, setCreditTier } from './test-rows.queries'

/**
 * Test builders of random draws: the bureau, an inspecting body with its head and certified inspectors
 * (inserted directly: the registry is another module's), a discipline inspector, a bystander, and
 * enterprises of one district with credit tiers as the market-regulation data would give them.
 */
export type Staff = { id: string; client: TestClient }
export type DrawWorld = {
  body: { id: string }
  head: Staff
  dispatcher: Staff
  discipline: Staff
  admin: Staff
  outsider: Staff
  inspectorIds: string[]
  /** a published item of the body */
  itemId: string
  enterprises: { id: string; uscc: string; tier: string | null }[]
  divisionCode: string
}

export async function buildDrawWorld(
  t: TestApp,
  options: { divisionCode: string; tiers: (string | null)[]; inspectors?: number },
): Promise<DrawWorld> {
  const bureau = await buildDepartment(t)
  const body = await buildDepartment(t)
  const other = await buildDepartment(t)
  const staff = async (roles: StaffRole[], departmentId: string): Promise<Staff> => {
    const built = await buildStaff(t, { roles, departmentId })
    return { id: built.id, client: await signInStaff(t, built) }
  }
  const inspectorIds: string[] = []
  for (let i = 0; i < (options.inspectors ?? 4); i++) inspectorIds.push(await buildInspector(t, body.id))
  const enterprises: DrawWorld['enterprises'] = []
  for (const tier of options.tiers) {
    const e = await buildEnterprise(t, { division_code: options.divisionCode })
    if (tier) await setCreditTier(t, e.id, tier)
    enterprises.push({ id: e.id, uscc: e.uscc, tier })
  }
  return {
    body: { id: body.id },
    head: await staff(['department_head'], body.id),
    dispatcher: await staff(['dispatcher'], bureau.id),
    discipline: await staff(['discipline_inspector'], bureau.id),
    admin: await staff(['admin'], bureau.id),
    outsider: await staff(['handler'], other.id),
    inspectorIds,
    itemId: await buildPublishedItem(t, body.id, `JCSX-DRAW-${body.id.slice(0, 8)}`),
    enterprises,
    divisionCode: options.divisionCode,
  }
}

/** A draw opened by the task force with the body's head, the task force and discipline as its parties. */
export function openBody(w: DrawWorld, overrides: Record<string, unknown> = {}) {
  return {
    departmentId: w.body.id,
    title: '2026 年度食品经营双随机抽查',
    scope: '食品经营许可事项、从业人员健康证明',
    divisionCode: w.divisionCode,
    parties: [
      { userId: w.head.id, capacity: 'body' },
      { userId: w.dispatcher.id, capacity: 'bureau' },
      { userId: w.discipline.id, capacity: 'supervisor' },
    ],
    ...overrides,
  }
}

/**
 * A draw taken to `drawn` through HTTP with the world's three parties (secrets derived from their
 * ids); answers the drawn draw as its staff view shows it (its planned inspections included).
 */
export async function drawToTheEnd(w: DrawWorld, overrides: Record<string, unknown> = {}) {
  const API = '/api/v1/random-draws'
  const parties = [w.head, w.dispatcher, w.discipline]
  const secretOf = (s: Staff) => `secret-${s.id.replaceAll('-', '')}`
  const opened = await w.dispatcher.client.post(API, openBody(w, { itemIds: [w.itemId], ...overrides }))
  if (opened.status !== 201) throw new Error(`open: ${JSON.stringify(opened.body)}`)
  const id = opened.body.id as string
  for (const p of parties) await p.client.post(`${API}/${id}/commit`, { commitment: commitTo(secretOf(p)) })
  await w.head.client.post(`${API}/${id}/freeze`, { version: 1 })
  for (const p of parties) await p.client.post(`${API}/${id}/reveal`, { secret: secretOf(p) })
  const drawn = await w.dispatcher.client.post(`${API}/${id}/draw`, { version: 2 })
  if (drawn.status !== 200) throw new Error(`draw: ${JSON.stringify(drawn.body)}`)
  return drawn.body as { id: string; inspections: { inspectionId: string; status: string }[] }
}
