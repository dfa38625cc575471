import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appealBody, buildAppealWorld, type AppealWorld } from '../src/modules/appeals/appeals.factories'
import { findDepartmentByCode, signInAs } from './factories'
import { createTestApp, type TestApp, type TestClient } from './harness'

/**
 * What hostile input does to the kernel's front door (kernel/http/input-guard.ts, the shared date and
 * URL fields, the error shape): each case here answered 500 or went through before. The generated
 * search over every operation is hostile-input.test.ts.
 */
let t: TestApp
let w: AppealWorld
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
  admin = await signInAs(t, 'admin')
})
afterAll(() => t.close())

const expectRefused = (res: { status: number; body: any }, code = 'VALIDATION_FAILED') => {
  expect(res.status, JSON.stringify(res.body)).toBe(400)
  expect(res.body.error.code).toBe(code)
  expect(typeof res.body.error.message).toBe('string')
}

describe('text PostgreSQL cannot keep is refused at the door, in the one error shape', () => {
  it.each([
    ['a NUL in the idempotency key', { idempotencyKey: `key-${'\u0000'}-0001` }, 'idempotencyKey'],
    ['a NUL in the title', { title: '施工许可\u0000迟迟不批' }, 'title'],
    [
      'a lone high surrogate in the text',
      { body: `我公司申请施工许可证${'\ud800'}，已经一个月还没有批下来。` },
      'body',
    ],
    ['a lone low surrogate in the address', { address: `甘井子区${'\udfff'}` }, 'address'],
  ])('%s', async (_, override, field) => {
    const res = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id, override))
    expectRefused(res)
    expect(Object.keys(res.body.error.fields)).toEqual([field])
    expect(res.body.error.fields[field]).toContain('无法保存')
  })

  it('in a key of the body, in a query value and in a query name, and in the path', async () => {
    const keyed = await w.enterpriseUser.post('/api/v1/appeals', {
      ...appealBody(w.enterprise.id),
      'x\u0000': 1,
    })
    expectRefused(keyed)
    expectRefused(await w.dispatcher.get('/api/v1/appeals/queue?q=%E7%A8%8E%00'))
    expect((await w.dispatcher.get('/api/v1/appeals/queue?q=%E7%A8%8E%00')).body.error.fields).toHaveProperty(
      'q',
    )
    expectRefused(await w.dispatcher.get('/api/v1/appeals/queue?q%00=1'))
    expectRefused(await t.anonymous().get('/api/v1/reference/divisions/2102%0004'))
  })

  it('in a form field and a file name', async () => {
    const form = new FormData()
    form.set(
      'file',
      new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'a\u0000.png'),
    )
    const res = await w.enterpriseUser.post('/api/v1/appeals/attachments', form)
    expectRefused(res)
    expect(res.body.error.fields).toHaveProperty('file')
  })

  it('in a spreadsheet’s cells: the file is unreadable (a UTF-16 file read as UTF-8 looks like this)', async () => {
    const registry = await findDepartmentByCode(t, 'DL-SCJGJ')
    const importer = await signInAs(t, 'handler', { departmentId: registry.id })
    const form = new FormData()
    const csv =
      '统一社会信用代码,企业名称,法定代表人,法定代表人手机号\n91210\u0000200MA0000000X,大连测试有限公司,张三,13900000001\n'
    form.set('file', new File([csv], 'registry.csv'))
    const res = await importer.post('/api/v1/facts/registry-imports', form)
    expectRefused(res)
    expect(res.body.error.fields).toHaveProperty('file')
  })

  it('under /api/open311 in GeoReport’s own error format, JSON or XML', async () => {
    const json = await t.anonymous().get('/api/open311/v2/requests.json?service_code=tax%00')
    expect(json.status).toBe(400)
    expect(json.body).toEqual([{ code: 400, description: expect.stringContaining('service_code') }])
    const xml = await t.anonymous().get('/api/open311/v2/requests/DL%00.xml')
    expect(xml.status).toBe(400)
    expect(xml.body).toMatch(/<errors>\s*<error>\s*<code>400<\/code>/)
  })
})

describe('malformed bodies answer 400 in the one error shape', () => {
  const png = 'Content-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n'
  const part = `--b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n${png}`
  it.each([
    ['no boundary', 'multipart/form-data', `${part}\r\n--b--\r\n`],
    ['an empty boundary', 'multipart/form-data; boundary=', '--\r\n\r\n--'],
    ['a truncated body', 'multipart/form-data; boundary=b', part],
    ['another boundary than declared', 'multipart/form-data; boundary=b', `${part}\r\n--c--\r\n`],
    ['an empty body', 'multipart/form-data; boundary=b', ''],
    ['JSON declared as multipart', 'multipart/form-data; boundary=b', '{"file":"x"}'],
  ])('multipart with %s', async (_, contentType, body) => {
    for (const path of [
      '/api/v1/appeals/attachments',
      '/api/v1/appeals/imports',
      '/api/v1/benefits/materials',
    ]) {
      const res = await w.dispatcher.post(path, body, { 'content-type': contentType })
      expectRefused(res, 'INVALID_MULTIPART')
    }
  })

  it('JSON nested deeper than any contract, and the key __proto__', async () => {
    const deep = `{"title":${'['.repeat(10_000)}${']'.repeat(10_000)}}`
    const res = await w.enterpriseUser.post('/api/v1/appeals', deep, { 'content-type': 'application/json' })
    expectRefused(res)
    expect(res.body.error.message).toBeTruthy()
    const proto = await w.enterpriseUser.post(
      '/api/v1/appeals',
      `{"__proto__":{"isAdmin":true},${JSON.stringify(appealBody(w.enterprise.id)).slice(1)}`,
      { 'content-type': 'application/json' },
    )
    expectRefused(proto)
    expect(Object.keys(proto.body.error.fields)).toEqual(['__proto__'])
  })
})

describe('field names the caller made up are cut and cleaned, never echoed raw', () => {
  it('in the body', async () => {
    const res = await w.enterpriseUser.post('/api/v1/appeals', {
      ...appealBody(w.enterprise.id),
      '<script>alert(1)</script>': 1,
      ['x'.repeat(10_000)]: 1,
      '\u001b[2J\r\nSet-Cookie: a=1': 1,
    })
    expectRefused(res)
    const names = Object.keys(res.body.error.fields)
    expect(names.sort()).toEqual(
      ['__2J__Set-Cookie__a_1', '_script_alert_1___script_', `${'x'.repeat(64)}…`].sort(),
    )
    expect(JSON.stringify(res.body)).not.toContain('<script>')
  })

  it('in the query, and a __proto__ there is listed, not swallowed', async () => {
    const names = async (query: string) => {
      const res = await t.anonymous().get(`/api/open311/v2/requests.json?${query}`)
      expect(res.status).toBe(400)
      return res.body.map((e: { description: string }) => e.description.split(':')[0])
    }
    expect(await names('%3Cb%3E=1')).toEqual(['_b_'])
    expect(await names('__proto__=1')).toEqual(['__proto__'])
  })
})

describe('impossible dates are refused everywhere, and range limits cannot be skipped by them', () => {
  const impossible = ['0000-00-00', '9999-99-99', '2026-02-30', '2025-02-29', '2026-13-01']
  const outOfRange = ['9999-12-31', '0001-01-01']

  it.each([...impossible, ...outOfRange])('%s in every date query', async (date) => {
    for (const path of [
      `/api/v1/appeals/figures?from=${date}&to=2026-03-01`,
      `/api/v1/appeals/figures?from=2026-01-01&to=${date}`,
      `/api/v1/appeals/withdrawals?from=${date}&to=2026-03-01`,
      `/api/v1/calendar/days?from=${date}&to=2026-03-01`,
      `/api/v1/calendar/days?from=2026-03-01&to=${date}`,
      `/api/v1/calendar/due?start=${date}T00:00:00Z&workingDays=3`,
      `/api/v1/audit?from=${date}T00:00:00Z`,
    ]) {
      const res = await admin.get(path)
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    const open311 = await t.anonymous().get(`/api/open311/v2/requests.json?start_date=${date}T00:00:00Z`)
    expect(open311.status).toBe(400)
    expect(open311.body[0].description).toContain('start_date')
  })

  it.each(['0000-01', '9999-12', '2026-13'])('the month %s of a ranking', async (month) => {
    expectRefused(await admin.get(`/api/v1/appeals/ranking?month=${month}`))
  })

  it('in a body: a policy’s dates, a calendar override', async () => {
    const policy = await w.handlerA.post('/api/v1/policies', {
      title: '日期测试政策',
      issuer: '大连市营商环境建设局',
      level: 'city',
      ownerDepartmentId: w.departments.a.id,
      issuedOn: '2026-02-30',
      effectiveFrom: '0000-00-00',
      effectiveTo: '9999-12-31',
    })
    expectRefused(policy)
    expect(Object.keys(policy.body.error.fields).sort()).toEqual(['effectiveFrom', 'effectiveTo', 'issuedOn'])
    expect(policy.body.error.fields.issuedOn).toBe('没有这一天')
    expect(policy.body.error.fields.effectiveTo).toContain('1900')
    expectRefused(
      await admin.put('/api/v1/calendar/overrides/9999-12-31', { isWorkingDay: true, name: '测试' }),
    )
  })

  it('the 366-day limit of the figures holds: no date makes the span unknown', async () => {
    const res = await admin.get('/api/v1/appeals/figures?from=2025-01-01&to=2026-03-01')
    expectRefused(res)
    expect(res.body.error.fields.to).toContain('366')
    expect((await admin.get('/api/v1/appeals/figures?from=2026-01-01&to=2026-03-01')).status).toBe(200)
  })
})

describe('URL fields accept only http(s)', () => {
  it.each([
    ['javascript:alert(1)', 400],
    ['data:text/html,<script>alert(1)</script>', 400],
    ['file:///etc/passwd', 400],
    ['ftp://example.com/a.pdf', 400],
    ['https://www.gov.cn/zhengce/content/2023-08/02/content_6896154.htm', 201],
    ['http://example.com/a.html', 201],
  ])('a policy’s source %s → %i', async (sourceUrl, status) => {
    const res = await w.handlerA.post('/api/v1/policies', {
      title: `来源测试政策${crypto.randomBytes(2).toString('hex')}`,
      issuer: '大连市营商环境建设局',
      level: 'city',
      ownerDepartmentId: w.departments.a.id,
      sourceUrl,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    if (status === 400) expect(Object.keys(res.body.error.fields)).toEqual(['sourceUrl'])
  })
})
