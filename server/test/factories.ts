import crypto from 'node:crypto'
import { sql, type Insertable } from 'kysely'
import type { Role, StaffRole } from '../src/kernel/auth/actor'
import { hashPassword } from '../src/kernel/auth/password'
import type { DepartmentsTable } from '../src/modules/departments/departments.tables'
import type { EnterprisesTable } from '../src/modules/enterprises/enterprises.tables'
import { DELIVER_QUEUE } from '../src/kernel/notify/notifier'
import { makeUscc } from '../src/seed/demo-enterprises'
import type { TestApp, TestClient } from './harness'

/** Factories insert real rows with sensible defaults; overrides name what a test cares about. */
export const TEST_PASSWORD = 'Test-Passw0rd!'
let passwordHash: Promise<string> | undefined
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD))

const unique = () => crypto.randomBytes(4).toString('hex')
const rand = () => crypto.randomInt(0, 2 ** 31) / 2 ** 31

export async function findDepartmentByCode(t: TestApp, code: string) {
  return t.deps.db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirstOrThrow()
}

export async function buildDepartment(t: TestApp, overrides: Partial<Insertable<DepartmentsTable>> = {}) {
  const parent = overrides.parent_id ? undefined : await findDepartmentByCode(t, 'DL')
  return t.deps.db
    .insertInto('departments')
    .values({
      code: `T-${unique().toUpperCase()}`,
      name: `测试部门${unique()}`,
      kind: 'department',
      parent_id: parent?.id ?? null,
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export type BuiltStaff = { id: string; username: string; password: string; departmentId: string }

export async function buildStaff(
  t: TestApp,
  options: {
    roles?: StaffRole[]
    departmentId?: string
    username?: string
    mustChangePassword?: boolean
    isDisabled?: boolean
    isDemo?: boolean
  } = {},
): Promise<BuiltStaff> {
  const departmentId = options.departmentId ?? (await buildDepartment(t)).id
  const username = options.username ?? `u${unique()}`
  const user = await t.deps.db
    .insertInto('users')
    .values({
      kind: 'staff',
      username,
      display_name: '测试人员',
      department_id: departmentId,
      password_hash: await hashed(),
      must_change_password: options.mustChangePassword ?? false,
      is_disabled: options.isDisabled ?? false,
      is_demo: options.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const roles = options.roles ?? ['handler']
  if (roles.length) {
    await t.deps.db
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: user.id, role, department_id: departmentId })))
      .execute()
  }
  return { id: user.id, username, password: TEST_PASSWORD, departmentId }
}

export async function buildEnterprise(t: TestApp, overrides: Partial<Insertable<EnterprisesTable>> = {}) {
  const divisionCode = overrides.division_code ?? '210204'
  return t.deps.db
    .insertInto('enterprises')
    .values({
      uscc: makeUscc(rand, divisionCode, '1'),
      name: `大连测试${unique()}有限公司`,
      legal_representative: '张三',
      division_code: divisionCode,
      industry_code: 'I65',
      size_class: 'small',
      founded_on: '2015-03-01',
      employees: 50,
      annual_revenue: 8_000_000,
      tags: [],
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function randomPhone(): string {
  return `13${String(crypto.randomInt(0, 1e9)).padStart(9, '0')}`
}

export async function buildEnterpriseUser(
  t: TestApp,
  options: { phone?: string; enterpriseIds?: string[]; role?: 'manager' | 'agent' } = {},
) {
  const phone = options.phone ?? randomPhone()
  const user = await t.deps.db
    .insertInto('users')
    .values({ kind: 'enterprise', phone, display_name: phone })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const enterpriseId of options.enterpriseIds ?? []) {
    await t.deps.db
      .insertInto('enterprise_members')
      .values({ enterprise_id: enterpriseId, user_id: user.id, role: options.role ?? 'manager' })
      .execute()
  }
  return { id: user.id, phone }
}

/**
 * Accepts what a new user is asked to accept after signing in (the privacy notice and terms, or the
 * staff notice), as the consent screen does. Sign-in helpers call it; a test of the consent screen
 * itself signs in with `{ accept: false }`.
 */
export async function acceptPendingConsents(client: TestClient): Promise<void> {
  const status = await client.get('/api/v1/consents/mine')
  if (status.status !== 200) throw new Error(`consent status failed: ${JSON.stringify(status.body)}`)
  const pending = status.body.pending as { kind: string; version: number }[]
  if (!pending.length) return
  const res = await client.post('/api/v1/consents', {
    documents: pending.map((d) => ({ kind: d.kind, version: d.version })),
  })
  if (res.status !== 200) throw new Error(`accepting failed: ${JSON.stringify(res.body)}`)
}

export async function signInStaff(
  t: TestApp,
  staff: { username: string; password: string },
  ip?: string,
  options: { accept?: boolean } = {},
): Promise<TestClient> {
  const client = t.anonymous(ip)
  const res = await client.post('/api/v1/auth/staff/sign-in', {
    username: staff.username,
    password: staff.password,
  })
  if (res.status !== 200 || res.body.status !== 'signed_in')
    throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`)
  if (options.accept ?? true) await acceptPendingConsents(client)
  return client
}

/** Delivery jobs (the outbox's wake-ups) ever written: a test compares the count before and after. */
export async function countDeliveryJobs(t: TestApp): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${DELIVER_QUEUE}`.execute(t.deps.db)
  return rows[0]!.n
}

/** Reads the newest SMS sent to a phone the way a developer would: from the dev inbox. */
export async function readSmsCode(t: TestApp, phone: string): Promise<string> {
  await t.deps.jobs.runQueued(DELIVER_QUEUE)
  // Under a pinned test clock pg-boss schedules the job at the fake time; the outbox sweep still finds it.
  // A clock pinned in the past is behind a real PostgreSQL's own now() (which stamped the message):
  // deliver as of the later of the two (the embedded database reads the pinned clock itself).
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(t.deps.db)
  await t.deps.notifier.deliverDue(new Date(Math.max(Date.now(), new Date(rows[0]!.now).getTime())))
  const res = await t.anonymous().get('/api/v1/dev/inbox')
  // A notice can mention 验证码 without carrying one (a claim's "认领" notice to the managers): the code is six digits.
  const sms = (res.body.items as { to: string; text: string }[]).find(
    (m) => m.to === phone && m.text.includes('验证码') && /\d{6}/.test(m.text),
  )
  const code = sms?.text.match(/\d{6}/)?.[0]
  if (!code) throw new Error(`no code was sent to ${phone}`)
  return code
}

export async function signInEnterprise(
  t: TestApp,
  phone: string,
  ip?: string,
  options: { accept?: boolean } = {},
): Promise<TestClient> {
  const client = t.anonymous(
    ip ?? `10.${crypto.randomInt(0, 255)}.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 255)}`,
  )
  const sent = await client.post('/api/v1/auth/enterprise/code', { phone })
  if (sent.status !== 202) throw new Error(`code request failed: ${JSON.stringify(sent.body)}`)
  const code = await readSmsCode(t, phone)
  const res = await client.post('/api/v1/auth/enterprise/sign-in', { phone, code })
  if (res.status !== 200) throw new Error(`enterprise sign-in failed: ${JSON.stringify(res.body)}`)
  if (options.accept ?? true) await acceptPendingConsents(client)
  return client
}

/** A signed-in client of the role; staff roles get a department of their own unless given one. */
export async function signInAs(
  t: TestApp,
  role: Role,
  options: { departmentId?: string } = {},
): Promise<TestClient> {
  if (role === 'enterprise') {
    const enterprise = await buildEnterprise(t)
    const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    return signInEnterprise(t, user.phone)
  }
  const staff = await buildStaff(t, { roles: [role], ...options })
  return signInStaff(t, staff)
}
