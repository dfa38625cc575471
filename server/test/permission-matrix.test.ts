import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../src/kernel/auth/actor'
import { makeUscc } from '../src/seed/demo-enterprises'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  randomPhone,
  signInAs,
  signInEnterprise,
} from './factories'
import { createTestApp, type TestApp, type TestClient } from './harness'

/**
 * Every role against every endpoint. The matrix below is written by hand from the product rules;
 * the test fails when an endpoint exists that is not in it (add it, with who may call it) and when
 * an entry names an endpoint that no longer exists.
 *
 * "allowed" means the service let the caller through (any answer but UNAUTHENTICATED or FORBIDDEN:
 * a 404 for something out of scope or a 409 for a stale version still proves the door opened);
 * everyone else must get UNAUTHENTICATED (anonymous) or FORBIDDEN.
 */
type Caller = Role | 'anonymous'
type Ctx = { enterpriseId: string; targetUserId: string; departmentId: string }
type Entry = {
  allow: 'everyone' | 'signed-in' | 'staff' | Role[]
  body?: (ctx: Ctx) => unknown
  params?: (ctx: Ctx) => Record<string, string>
  query?: string
  /** Ends or changes the caller's own session: run with a fresh client. */
  fresh?: boolean
}

const STAFF: Role[] = ROLES.filter((r) => r !== 'enterprise')
const randomUuid = () => crypto.randomUUID()
const unique = () => crypto.randomBytes(4).toString('hex')

const MATRIX: Record<string, Entry> = {
  'POST /api/v1/auth/staff/sign-in': {
    allow: 'everyone',
    body: () => ({ username: `nobody${unique()}`, password: 'Wrong-passw0rd' }),
  },
  'POST /api/v1/auth/staff/second-factor': {
    allow: 'everyone',
    body: () => ({ challenge: 'x'.repeat(24), code: '123456' }),
  },
  'POST /api/v1/auth/enterprise/code': { allow: 'everyone', body: () => ({ phone: randomPhone() }) },
  'POST /api/v1/auth/enterprise/sign-in': {
    allow: 'everyone',
    body: () => ({ phone: randomPhone(), code: '000000' }),
  },
  'GET /api/v1/auth/me': { allow: 'signed-in' },
  'POST /api/v1/auth/sign-out': { allow: 'signed-in', fresh: true },
  'POST /api/v1/auth/sign-out-everywhere': { allow: 'signed-in', fresh: true },
  'POST /api/v1/auth/password': {
    allow: 'staff',
    body: () => ({ currentPassword: 'wrong', newPassword: 'Another-Passw0rd' }),
  },
  'POST /api/v1/auth/totp/setup': { allow: 'staff', fresh: true },
  'POST /api/v1/auth/totp/enable': { allow: 'staff', body: () => ({ code: '000000' }) },
  'POST /api/v1/auth/totp/disable': { allow: 'staff', body: () => ({ code: '000000' }) },

  'POST /api/v1/enterprises': {
    allow: ['enterprise'],
    body: () => ({
      uscc: makeUscc(Math.random, '210204', '1'),
      name: `大连矩阵${unique()}有限公司`,
      legalRepresentative: '李四',
      divisionCode: '210204',
      industryCode: 'F51',
      sizeClass: 'micro',
      foundedOn: '2020-01-01',
      employees: 3,
    }),
  },
  'GET /api/v1/enterprises/mine': { allow: ['enterprise'] },
  'GET /api/v1/enterprises': { allow: 'staff' },
  'GET /api/v1/enterprises/{id}': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'PATCH /api/v1/enterprises/{id}': {
    allow: ['enterprise', 'admin'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ version: 999 }),
  },
  'GET /api/v1/enterprises/{id}/versions': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'GET /api/v1/enterprises/{id}/members': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprises/{id}/members': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ phone: randomPhone() }),
  },
  'DELETE /api/v1/enterprises/{id}/members/{userId}': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId, userId: randomUuid() }),
  },

  'GET /api/v1/departments': { allow: 'staff' },
  'POST /api/v1/departments': {
    allow: ['admin'],
    body: (c) => ({
      code: `M-${unique().toUpperCase()}`,
      name: '矩阵测试处',
      kind: 'division',
      parentId: c.departmentId,
    }),
  },
  'PATCH /api/v1/departments/{id}': {
    allow: ['admin'],
    params: (c) => ({ id: c.departmentId }),
    body: () => ({ version: 999 }),
  },

  'GET /api/v1/users': { allow: ['admin', 'department_head'] },
  'POST /api/v1/users': {
    allow: ['admin'],
    body: (c) => ({
      username: `m${unique()}`,
      displayName: '矩阵',
      departmentId: c.departmentId,
      roles: [{ role: 'handler' }],
    }),
  },
  'GET /api/v1/users/{id}': { allow: ['admin', 'department_head'], params: (c) => ({ id: c.targetUserId }) },
  'PATCH /api/v1/users/{id}': {
    allow: ['admin'],
    params: (c) => ({ id: c.targetUserId }),
    body: () => ({ version: 999 }),
  },
  'POST /api/v1/users/{id}/password-reset': { allow: ['admin'], params: (c) => ({ id: c.targetUserId }) },
  'POST /api/v1/users/{id}/unlock': { allow: ['admin'], params: (c) => ({ id: c.targetUserId }) },
  'POST /api/v1/users/{id}/revoke-sessions': { allow: ['admin'], params: (c) => ({ id: c.targetUserId }) },

  'GET /api/v1/calendar/days': { allow: 'everyone', query: 'from=2026-01-01&to=2026-01-31' },
  'GET /api/v1/calendar/due': { allow: 'everyone', query: 'start=2026-11-27T10:00:00%2B08:00&workingDays=1' },
  'GET /api/v1/calendar/settings': { allow: 'everyone' },
  'PUT /api/v1/calendar/settings': {
    allow: ['admin'],
    body: () => ({ version: 999, workingSlots: [{ start: '09:00', end: '17:00' }] }),
  },
  'GET /api/v1/calendar/overrides': { allow: ['admin'] },
  'PUT /api/v1/calendar/overrides/{date}': {
    allow: ['admin'],
    params: () => ({ date: '2035-01-01' }),
    body: () => ({ isWorkingDay: true, name: '测试' }),
  },
  'DELETE /api/v1/calendar/overrides/{date}': { allow: ['admin'], params: () => ({ date: '2035-01-02' }) },
  'GET /api/v1/calendar/notices': { allow: ['admin'] },
  'PUT /api/v1/calendar/notices/{year}': {
    allow: ['admin'],
    params: () => ({ year: '2040' }),
    body: () => ({ title: '测试通知', holidays: [], makeUpDays: [] }),
  },
  'DELETE /api/v1/calendar/notices/{year}': { allow: ['admin'], params: () => ({ year: '2041' }) },

  'GET /api/v1/audit': { allow: ['admin', 'discipline_inspector'] },
  'POST /api/v1/audit/verify': { allow: ['admin', 'discipline_inspector'] },

  'GET /api/v1/inbox': { allow: 'signed-in' },
  'POST /api/v1/inbox/{id}/read': { allow: 'signed-in', params: () => ({ id: randomUuid() }) },
  'GET /api/v1/dev/inbox': { allow: 'everyone' },

  'GET /api/v1/reference/divisions': { allow: 'everyone' },
  'GET /api/v1/reference/industries': { allow: 'everyone' },
  'GET /api/v1/reference/enterprise-tags': { allow: 'everyone' },
  'GET /api/v1/reference/city': { allow: 'everyone' },
}

function allowed(entry: Entry, caller: Caller): boolean {
  if (entry.allow === 'everyone') return true
  if (caller === 'anonymous') return false
  if (entry.allow === 'signed-in') return true
  if (entry.allow === 'staff') return caller !== 'enterprise'
  return entry.allow.includes(caller)
}

let t: TestApp
let ctx: Ctx
const clients = new Map<Caller, TestClient>()
const enterprisePhones: string[] = []

async function clientFor(caller: Caller, fresh: boolean): Promise<TestClient> {
  if (caller === 'anonymous')
    return t.anonymous(`10.9.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 255)}`)
  if (!fresh && clients.has(caller)) return clients.get(caller)!
  let client: TestClient
  if (caller === 'enterprise') {
    const user = await buildEnterpriseUser(t, { enterpriseIds: [ctx.enterpriseId] })
    enterprisePhones.push(user.phone)
    client = await signInEnterprise(t, user.phone)
  } else {
    client = await signInAs(t, caller, { departmentId: ctx.departmentId })
  }
  if (!fresh) clients.set(caller, client)
  return client
}

beforeAll(async () => {
  t = await createTestApp()
  const enterprise = await buildEnterprise(t)
  const department = await t.deps.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', 'DL-SCJGJ')
    .executeTakeFirstOrThrow()
  const target = await buildStaff(t, { departmentId: department.id })
  ctx = { enterpriseId: enterprise.id, targetUserId: target.id, departmentId: department.id }
})
afterAll(() => t.close())

describe('the permission matrix', () => {
  it('covers every endpoint of the API, and only those', async () => {
    const doc = await t.anonymous().get('/api/openapi.json')
    const endpoints = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`),
    )
    expect(
      endpoints.filter((e) => !(e in MATRIX)),
      'endpoints missing from the permission matrix',
    ).toEqual([])
    expect(
      Object.keys(MATRIX).filter((e) => !endpoints.includes(e)),
      'matrix entries with no endpoint',
    ).toEqual([])
  })

  const callers: Caller[] = ['anonymous', ...ROLES]
  it.each(Object.entries(MATRIX))('%s', async (endpoint, entry) => {
    const [method, template] = endpoint.split(' ') as [string, string]
    const failures: string[] = []
    for (const caller of callers) {
      const client = await clientFor(caller, !!entry.fresh)
      let path = template
      for (const [k, v] of Object.entries(entry.params?.(ctx) ?? {})) path = path.replace(`{${k}}`, v)
      if (entry.query) path += `?${entry.query}`
      const res = await client.request(method, path, entry.body?.(ctx))
      const code = res.body?.error?.code as string | undefined
      const refused = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN'
      if (allowed(entry, caller) && refused)
        failures.push(`${caller} should be let through, got ${res.status} ${code}`)
      if (!allowed(entry, caller)) {
        const expected = caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'
        if (code !== expected)
          failures.push(`${caller} should get ${expected}, got ${res.status} ${code ?? ''}`)
      }
      if (res.status >= 500) failures.push(`${caller}: server error ${JSON.stringify(res.body)}`)
    }
    expect(failures).toEqual([])
  })
})
