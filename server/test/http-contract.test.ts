import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from './harness'
import { signInAs } from './factories'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '4096' })
})
afterAll(() => t.close())

describe('the one error shape', () => {
  it('lists every invalid field, and unknown fields too', async () => {
    const admin = await signInAs(t, 'admin')
    const res = await admin.post('/api/v1/departments', {
      code: '!',
      name: '',
      kind: 'nope',
      parentId: 'x',
      extra: 1,
      more: true,
    })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(res.body.error.fields).sort()).toEqual([
      'code',
      'extra',
      'kind',
      'more',
      'name',
      'parentId',
    ])
  })

  it('answers unknown routes with 404 in the same shape', async () => {
    const res = await t.anonymous().get('/api/v1/no-such-thing')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } })
  })

  it('refuses a body that is not JSON', async () => {
    const res = await t
      .anonymous()
      .post('/api/v1/auth/staff/sign-in', '{"username": "admin",', { 'content-type': 'application/json' })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('INVALID_JSON')
  })

  it('refuses a body that is not declared as JSON', async () => {
    const res = await t.anonymous().post('/api/v1/auth/staff/sign-in', 'username=admin', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    expect(res.status).toBe(415)
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('refuses a body over the size limit before reading it', async () => {
    const res = await t
      .anonymous()
      .post('/api/v1/auth/staff/sign-in', { username: 'admin', password: 'x'.repeat(10_000) })
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE')
    expect(res.body.error.message).toContain('4096')
  })

  it('speaks the caller’s language', async () => {
    const client = t.anonymous()
    client.locale = 'en-US,en;q=0.9'
    const res = await client.get('/api/v1/calendar/days?from=2026-02-30&to=2026-03-01')
    expect(res.status).toBe(400)
    expect(res.body.error.message).toBe('Some fields are invalid; see the marked fields')
    expect(res.body.error.fields.from).toBe('No such day')
  })

  it('asks anonymous callers to sign in', async () => {
    const res = await t.anonymous().get('/api/v1/departments')
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('UNAUTHENTICATED')
  })
})

describe('operations endpoints', () => {
  it('/healthz checks the database', async () => {
    const res = await t.anonymous().get('/healthz')
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('ok')
  })

  it('/metrics speaks Prometheus', async () => {
    await t.anonymous().get('/healthz')
    const res = await t.anonymous().get('/metrics')
    expect(res.status).toBe(200)
    expect(res.body).toContain('yingshang_http_requests_total')
  })

  it('/api/openapi.json is OpenAPI 3.1 generated from the schemas', async () => {
    const res = await t.anonymous().get('/api/openapi.json')
    expect(res.body.openapi).toBe('3.1.0')
    const signIn = res.body.paths['/api/v1/auth/staff/sign-in'].post
    expect(signIn.requestBody.content['application/json'].schema.properties).toHaveProperty('username')
    expect(res.body.components.schemas.Error).toBeDefined()
  })

  it('/api/docs is a readable page that loads its assets locally', async () => {
    const page = await t.anonymous().get('/api/docs')
    expect(page.status).toBe(200)
    expect(page.body).toContain('/api/docs/assets/swagger-ui-bundle.js')
    const asset = await t.anonymous().get('/api/docs/assets/swagger-ui-bundle.js')
    expect(asset.status).toBe(200)
  })
})
