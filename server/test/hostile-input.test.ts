import crypto from 'node:crypto'
import fs from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { declaredErrorCodes } from '../src/kernel/errors'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInEnterprise,
  signInStaff,
} from './factories'
import { createTestApp, type TestApp, type TestClient, type TestResponse } from './harness'
import { Requests, type HostileRequest, type Operation } from './hostile-requests'
import { SchemaValues } from './hostile-values'

/**
 * Hostile input against every operation in the OpenAPI document, as every kind of caller: NUL bytes,
 * lone UTF-16 surrogates, huge strings, impossible dates, odd and deep JSON, wrong types,
 * prototype-pollution keys, unknown fields with markup in their names, malformed multipart bodies.
 * Each request is built from the operation's own schemas (valid values, then one part made hostile),
 * so it gets past validation into the services. The answer must never be a 5xx, and every 4xx must
 * be in the one error shape (GeoReport's under /api/open311) with field names cut and cleaned.
 *
 * Bounded and repeatable: a fixed seed per operation and role, RUNS cases each. HOSTILE_RUNS and
 * HOSTILE_SEED widen or move the search locally (e.g. HOSTILE_RUNS=200 before a release);
 * HOSTILE_REPORT=<file> writes every failing request there, one a line.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 5)
const SEED = Number(process.env.HOSTILE_SEED ?? 20_260_310)

type Caller = 'anonymous' | 'enterprise' | 'dispatcher' | 'admin'

// ----- the answer -----

/** A field name the error may show: letters, digits and _ . - only, and not long. */
const SAFE_FIELD_NAME = /^[\p{L}\p{M}\p{N}_.-]{1,64}…?$/u

function problemsOf(path: string, res: TestResponse): string | undefined {
  if (res.status >= 500) return `answered ${res.status}: ${JSON.stringify(res.body)?.slice(0, 300)}`
  if (res.status < 400) return undefined
  if (path.startsWith('/api/open311/')) {
    if (typeof res.body === 'string')
      return /^<\?xml[\s\S]*<errors>/.test(res.body)
        ? undefined
        : `not GeoReport XML: ${res.body.slice(0, 200)}`
    const ok =
      Array.isArray(res.body) &&
      res.body.length > 0 &&
      res.body.every((e: any) => typeof e?.code === 'number' && typeof e?.description === 'string')
    return ok ? undefined : `not GeoReport errors: ${JSON.stringify(res.body)?.slice(0, 200)}`
  }
  const error = res.body?.error
  if (
    !error ||
    typeof error.code !== 'string' ||
    typeof error.message !== 'string' ||
    !declaredErrorCodes().has(error.code)
  )
    return `not the one error shape: ${JSON.stringify(res.body)?.slice(0, 200)}`
  if (declaredErrorCodes().get(error.code) !== res.status) return `${error.code} with status ${res.status}`
  if (Object.keys(res.body).length !== 1) return `more than { error }: ${Object.keys(res.body).join(', ')}`
  if (error.fields !== undefined) {
    if (typeof error.fields !== 'object' || error.fields === null) return 'fields is not a map'
    for (const [name, message] of Object.entries(error.fields)) {
      if (!SAFE_FIELD_NAME.test(name)) return `a field name echoed raw: ${JSON.stringify(name).slice(0, 120)}`
      if (typeof message !== 'string') return `field ${name}: message is not text`
    }
  }
  return undefined
}

function describeRequest(method: string, req: HostileRequest): string {
  const body =
    req.body.kind === 'none'
      ? ''
      : req.body.kind === 'form'
        ? ` multipart ${JSON.stringify([...req.body.form.entries()].map(([k, v]) => [k, typeof v === 'string' ? v : `file ${v.name}`]))}`
        : ` ${req.body.contentType} ${JSON.stringify(req.body.text.slice(0, 300))}`
  return `${method.toUpperCase()} ${req.path.slice(0, 300)}${req.query ? `?${req.query.slice(0, 300)}` : ''}${body}`
}

function seedOf(text: string): number {
  return (SEED ^ crypto.createHash('sha256').update(text).digest().readInt32LE(0)) | 0
}

// ----- the world the requests land in -----

let t: TestApp
let operations: Operation[]
let requests: Requests
const callers: Partial<Record<Caller, { client: TestClient; signIn: () => Promise<TestClient> }>> = {}

beforeAll(async () => {
  t = await createTestApp()
  const doc = (await t.anonymous().get('/api/openapi.json')).body
  operations = []
  for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const content = op.requestBody?.content ?? {}
      operations.push({
        method,
        path,
        parameters: op.parameters ?? [],
        json: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      })
    }
  }

  // A small city: an enterprise with an appeal dispatched to a department, a draft policy, a fact key.
  const department = await buildDepartment(t)
  const enterprise = await buildEnterprise(t)
  const dispatcher = await buildStaff(t, { roles: ['dispatcher'], departmentId: department.id })
  const admin = await buildStaff(t, { roles: ['admin'], departmentId: department.id })
  const other = await buildStaff(t, { roles: ['handler'], departmentId: department.id })
  let n = 0
  const freshIp = () => `10.77.${Math.floor(++n / 250)}.${(n % 250) + 1}`
  callers.anonymous = { client: t.anonymous(freshIp()), signIn: async () => t.anonymous(freshIp()) }
  // A new member each time: a phone gets one sign-in code a minute.
  const signInMember = async () =>
    signInEnterprise(t, (await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })).phone, freshIp())
  callers.enterprise = { client: undefined as never, signIn: signInMember }
  callers.dispatcher = { client: undefined as never, signIn: () => signInStaff(t, dispatcher, freshIp()) }
  callers.admin = { client: undefined as never, signIn: () => signInStaff(t, admin, freshIp()) }
  for (const caller of Object.values(callers)) caller.client = await caller.signIn()

  const filed = await callers.enterprise.client.post('/api/v1/appeals', {
    enterpriseId: enterprise.id,
    categoryCode: 'tax',
    title: '退税没有到账',
    body: '增值税留抵退税申请三个月仍未到账。',
    idempotencyKey: crypto.randomUUID(),
  })
  await callers.dispatcher.client.post(`/api/v1/appeals/${filed.body.id}/dispatch`, {
    leadDepartmentId: department.id,
  })
  const writer = await signInStaff(t, other, freshIp())
  const policy = await writer.post('/api/v1/policies', {
    title: '对抗测试用草稿政策',
    issuer: '大连市营商环境建设局',
    level: 'city',
    ownerDepartmentId: department.id,
  })
  if (filed.status !== 201 || policy.status !== 201)
    throw new Error(`the world was not built: ${JSON.stringify([filed.body, policy.body])}`)
  const ids = [enterprise.id, filed.body.id, department.id, other.id, policy.body.id]
  const known = {
    enterpriseId: [enterprise.id],
    departmentId: [department.id],
    leadDepartmentId: [department.id],
    ownerDepartmentId: [department.id],
    categoryCode: ['tax', 'construction'],
    uscc: [enterprise.uscc],
    enterpriseUscc: [enterprise.uscc],
    // Few keys, many bodies: a key comes back with another request (IDEMPOTENCY_KEY_REUSED).
    idempotencyKey: ['fixed-key-0001', 'fixed-key-0002'],
  }
  requests = new Requests(new SchemaValues(doc.components?.schemas ?? {}, known), {
    id: ids,
    userId: [other.id],
    code: ['tax', '210204'],
    key: ['employees'],
    date: ['2026-03-02'],
    year: ['2026'],
    file: ['tax.json', 'tax.xml', `${filed.body.number}.json`, 'requests.xml'],
  })
}, 180_000)
afterAll(() => t?.close())

async function send(client: TestClient, method: string, req: HostileRequest): Promise<TestResponse> {
  const url = req.query ? `${req.path}?${req.query}` : req.path
  const body = req.body
  if (body.kind === 'none') return client.request(method.toUpperCase(), url)
  if (body.kind === 'form') return client.request(method.toUpperCase(), url, body.form)
  return client.request(method.toUpperCase(), url, body.text, { 'content-type': body.contentType })
}

describe('hostile input against every operation', () => {
  it(
    'never answers 5xx, and every refusal is in the one error shape',
    async () => {
      const failures: string[] = []
      for (const op of operations) {
        for (const name of ['anonymous', 'enterprise', 'dispatcher', 'admin'] as Caller[]) {
          const caller = callers[name]!
          let problem: string | undefined
          try {
            await fc.assert(
              fc.asyncProperty(requests.forOperation(op), async (req) => {
                const res = await send(caller.client, op.method, req)
                const found = problemsOf(req.path, res)
                if (found) problem = `${describeRequest(op.method, req)} → ${found}`
                return !found
              }),
              { seed: seedOf(`${op.method} ${op.path} ${name}`), numRuns: RUNS, endOnFailure: true },
            )
          } catch (error) {
            failures.push(`[${name}] ${problem ?? (error as Error).message.slice(0, 500)}`)
          }
          // Some operations end the caller's session (signing out, everywhere too): start again.
          const mayHaveEnded = !caller.client.hasSession || op.path.startsWith('/api/v1/auth/')
          if (
            name !== 'anonymous' &&
            mayHaveEnded &&
            (await caller.client.get('/api/v1/auth/me')).status !== 200
          )
            caller.client = await caller.signIn()
        }
      }
      if (process.env.HOSTILE_REPORT) fs.writeFileSync(process.env.HOSTILE_REPORT, failures.join('\n'))
      expect(failures).toEqual([])
    },
    Math.max(600_000, RUNS * 60_000),
  )
})
