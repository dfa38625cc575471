import crypto from 'node:crypto'
import type { StaffRole } from '../../kernel/auth/actor'
import { buildDepartment, buildEnterprise, buildStaff, signInStaff } from '../../../test/factories'
import type { TestApp, TestClient } from '../../../test/harness'
import type { CapExemption, InspectionKind, InspectionState } from '../inspections'
import * as fq from './inspection-caps-factories.queries'

/**
 * Test builders of inspection caps: two inspecting bodies with their staff, the bureau, and rows of
 * the inspections core written directly (planning through HTTP belongs to the registry's branch).
 */
export type CapWorld = {
  bodyA: string
  bodyB: string
  plannerA: { id: string; client: TestClient }
  plannerB: { id: string; client: TestClient }
  dispatcher: TestClient
  leader: TestClient
  admin: TestClient
  handlerB: TestClient
}

export async function buildCapWorld(t: TestApp): Promise<CapWorld> {
  const bureau = await buildDepartment(t)
  const a = await buildDepartment(t)
  const b = await buildDepartment(t)
  const staff = async (roles: StaffRole[], departmentId: string) => {
    const built = await buildStaff(t, { roles, departmentId })
    return { id: built.id, client: await signInStaff(t, built) }
  }
  return {
    bodyA: a.id,
    bodyB: b.id,
    plannerA: await staff(['inspector'], a.id),
    plannerB: await staff(['department_head'], b.id),
    dispatcher: (await staff(['dispatcher'], bureau.id)).client,
    leader: (await staff(['bureau_leader'], bureau.id)).client,
    admin: (await staff(['admin'], bureau.id)).client,
    handlerB: (await staff(['handler'], b.id)).client,
  }
}

/** An enterprise with a credit tier as the market-regulation data gives it (none: unknown). */
export async function buildTieredEnterprise(t: TestApp, tier: 'A' | 'B' | 'C' | 'D' | null) {
  const enterprise = await buildEnterprise(t)
  if (tier) await fq.insertCreditTier(t.deps.db, enterprise.id, tier)
  return enterprise
}

export async function buildInspectionItem(t: TestApp, departmentId: string) {
  return fq.insertPublishedItem(t.deps.db, {
    code: `JCSX-${crypto.randomBytes(4).toString('hex')}`,
    departmentId,
    at: new Date('2026-01-05T00:00:00Z'),
  })
}

/** An inspection row as planning would have written it (status and exemption as the test needs). */
export async function insertInspection(
  t: TestApp,
  p: {
    enterpriseId: string
    departmentId: string
    plannedBy: string
    plannedOn: string
    windowEndsOn?: string
    kind?: InspectionKind
    status?: InspectionState
    capExemption?: CapExemption | null
    itemIds?: string[]
  },
) {
  const kind = p.kind ?? 'routine'
  return fq.insertInspectionRow(
    t.deps.db,
    {
      number: `JC-T-${crypto.randomBytes(5).toString('hex')}`,
      check_code: crypto.randomBytes(16).toString('base64url'),
      kind,
      visit_purpose: kind === 'service_visit' ? 'research' : null,
      enterprise_id: p.enterpriseId,
      department_id: p.departmentId,
      planned_on: p.plannedOn,
      window_ends_on: p.windowEndsOn ?? p.plannedOn,
      purpose: '日常监督检查',
      status: p.status ?? 'approved',
      cap_exemption: p.capExemption ?? null,
      cap_exemption_note: p.capExemption ? '测试豁免说明' : null,
      planned_by: p.plannedBy,
    },
    p.itemIds ?? [],
  )
}
