import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appealBody, buildAppealWorld, type AppealWorld } from './appeals.factories'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { childrenOf, fieldsOf, parseXml, type XmlNode } from '../../../test/xml'

let t: TestApp
let w: AppealWorld
/** Numbers of appeals filed below: public with a photo, public without, anonymous, private. */
const filed = { photo: '', plain: '', anonymous: '', private: '' }
/** The attachment ids of the private appeal's photo and of the public one's second photo and PDF. */
const files = { privatePhoto: '', secondPhoto: '', pdf: '' }

const chunk = (type: string, data: number[]) => [
  ...[0, 0, 0, data.length],
  ...[...type].map((ch) => ch.charCodeAt(0)),
  ...data,
  ...[0, 0, 0, 0],
]
/** A PNG's structure (signature, header, data, end), then one with a text chunk naming where it was taken. */
const PNG = Uint8Array.from([
  ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  ...chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]),
  ...chunk('IDAT', [1, 2, 3]),
  ...chunk('IEND', []),
])
const PNG_WITH_TEXT = Uint8Array.from([
  ...PNG.subarray(0, 33),
  ...chunk(
    'tEXt',
    [...'Location\0甘井子区'].map((ch) => ch.charCodeAt(0) & 0xff),
  ),
  ...PNG.subarray(33),
])
const PDF = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')
const V2 = '/api/open311/v2'

async function upload(bytes: Uint8Array, name: string): Promise<string> {
  const form = new FormData()
  form.set('file', new File([bytes], name))
  const res = await w.enterpriseUser.post('/api/v1/appeals/attachments', form)
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.id
}

async function file(overrides: Record<string, unknown>): Promise<string> {
  const res = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id, overrides))
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.number
}

beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
  // A PDF first, then two photos: media_url is the first *image*.
  files.pdf = await upload(PDF, '说明.pdf')
  const first = await upload(PNG_WITH_TEXT, '现场.png')
  files.secondPhoto = await upload(PNG, '细节.png')
  filed.photo = await file({
    isPublic: true,
    title: '路灯 & 井盖 "坏了"',
    attachmentIds: [files.pdf, first, files.secondPhoto],
    address: '甘井子区黄浦路 500 号',
    latitude: 38.914,
    longitude: 121.614,
  })
  filed.plain = await file({ isPublic: true, title: '没有照片的公开诉求' })
  filed.anonymous = await file({
    isPublic: true,
    hideIdentity: true,
    attachmentIds: [await upload(PNG, 'a.png')],
  })
  files.privatePhoto = await upload(PNG, 'private.png')
  filed.private = await file({ attachmentIds: [files.privatePhoto] })
})
afterAll(() => t.close())

const get = (path: string, headers?: Record<string, string>) => t.anonymous().get(path, headers)

/** An XML answer: its content type checked, parsed strictly, the root returned. */
async function getXml(path: string, status = 200, headers?: Record<string, string>): Promise<XmlNode> {
  const res = await get(path, headers)
  expect(res.status, String(res.body)).toBe(status)
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8')
  const { declaration, root } = parseXml(res.body)
  expect(declaration.encoding).toBe('UTF-8')
  return root
}

async function getJson(path: string, status = 200, headers?: Record<string, string>) {
  const res = await get(path, headers)
  expect(res.status, JSON.stringify(res.body)).toBe(status)
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  return res.body
}

/** A JSON record as the XML writes it: null as an empty element, numbers and booleans as text. */
const asXmlFields = (record: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null ? '' : String(v)]))

describe('Open311 discovery', () => {
  it('names the provider, says no key is needed, and lists the v2 endpoint with both formats', async () => {
    const json = await getJson('/api/open311/discovery.json')
    expect(json).toMatchObject({
      changeset: expect.any(String),
      contact: expect.stringContaining('大连市营商环境建设局'),
      key_service: expect.stringContaining('无需'),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `http://localhost${V2}`,
          type: 'test',
          formats: ['text/xml', 'application/json'],
        },
      ],
    })
    const xml = await getXml('/api/open311/discovery.xml')
    expect(xml.name).toBe('discovery')
    expect(fieldsOf(xml).changeset).toBe(json.changeset)
    const endpoint = childrenOf(childrenOf(xml, 'endpoints')[0]!, 'endpoint')[0]!
    expect(fieldsOf(endpoint)).toMatchObject({ url: `http://localhost${V2}`, type: 'test' })
    expect(childrenOf(childrenOf(endpoint, 'formats')[0]!, 'format').map((f) => f.text)).toEqual([
      'text/xml',
      'application/json',
    ])
  })

  it('changes its changeset when an administrator changes the catalogue', async () => {
    const before = (await getJson('/api/open311/discovery.json')).changeset
    const admin = await signInAs(t, 'admin')
    const saved = await admin.put('/api/v1/appeals/categories/open311_test', {
      name: '测试类别',
      nameEn: 'Test category',
      defaultDepartmentId: null,
      defaultTier: 'normal',
      isActive: false,
      sortOrder: 999,
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    const after = (await getJson('/api/open311/discovery.json')).changeset
    expect(after > before).toBe(true)
  })

  it('builds absolute URLs from the forwarded address behind a trusted proxy', async () => {
    const json = await getJson('/api/open311/discovery.json', 200, {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'ys.dalian.gov.cn',
    })
    expect(json.endpoints[0].url).toBe(`https://ys.dalian.gov.cn${V2}`)
  })
})

describe('GeoReport v2 services', () => {
  it('lists the catalogue as <services><service> and as JSON, the same', async () => {
    const json = await getJson(`${V2}/services.json`)
    expect(json.find((s: { service_code: string }) => s.service_code === 'tax')).toMatchObject({
      service_name: '税费办理与退税',
      metadata: false,
      type: 'realtime',
    })
    const xml = await getXml(`${V2}/services.xml`)
    expect(xml.name).toBe('services')
    expect(childrenOf(xml, 'service').map(fieldsOf)).toEqual(json.map(asXmlFields))
  })

  it('speaks English when asked', async () => {
    const json = await getJson(`${V2}/services.json`, 200, { 'accept-language': 'en' })
    expect(json.find((s: { service_code: string }) => s.service_code === 'tax').service_name).not.toMatch(
      /[\u4e00-\u9fff]/,
    )
  })

  it('answers a service definition (no attributes) in both formats, and 404 for an unknown code', async () => {
    expect(await getJson(`${V2}/services/tax.json`)).toEqual({ service_code: 'tax', attributes: [] })
    const xml = await getXml(`${V2}/services/tax.xml`)
    expect(xml.name).toBe('service_definition')
    expect(fieldsOf(xml)).toEqual({ service_code: 'tax', attributes: '' })
    expect(await getJson(`${V2}/services/nonsense.json`, 404)).toEqual([
      { code: 404, description: '未找到，或无权查看' },
    ])
    const errors = await getXml(`${V2}/services/nonsense.xml`, 404)
    expect(errors.name).toBe('errors')
    expect(childrenOf(errors, 'error').map(fieldsOf)).toEqual([
      { code: '404', description: '未找到，或无权查看' },
    ])
  })
})

describe('GeoReport v2 service requests', () => {
  it('lists only public, non-anonymous appeals, in JSON and as <service_requests><request>, the same', async () => {
    const json = await getJson(`${V2}/requests.json`)
    const ids = json.map((r: { service_request_id: string }) => r.service_request_id)
    expect(ids).toEqual(expect.arrayContaining([filed.photo, filed.plain]))
    expect(ids).not.toContain(filed.anonymous)
    expect(ids).not.toContain(filed.private)
    expect(JSON.stringify(json)).not.toContain(w.enterprise.name)

    const xml = await getXml(`${V2}/requests.xml`)
    expect(xml.name).toBe('service_requests')
    expect(childrenOf(xml, 'request').map(fieldsOf)).toEqual(json.map(asXmlFields))
  })

  it('gives media_url as an absolute URL to the first image of a public appeal, else null', async () => {
    const [withPhoto] = await getJson(`${V2}/requests/${filed.photo}.json`)
    expect(withPhoto).toMatchObject({
      status: 'open',
      status_notes: '已提交，待受理',
      service_code: 'construction',
      address: '甘井子区黄浦路 500 号',
      lat: 38.914,
      long: 121.614,
      agency_responsible: null,
      media_url: expect.stringMatching(new RegExp(`^http://localhost${V2}/media/[0-9a-f-]{36}\\.png$`)),
    })
    const [plain] = await getJson(`${V2}/requests/${filed.plain}.json`)
    expect(plain.media_url).toBeNull()

    const image = await t.app.request(new URL(withPhoto.media_url).pathname)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')
    expect(image.headers.get('x-content-type-options')).toBe('nosniff')
    // The photo without its text chunk: what the camera wrote is not published.
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG)
  })

  it('serves no other file: not a private appeal’s photo, not a second photo or a PDF, not a made-up id', async () => {
    for (const id of [
      files.privatePhoto,
      files.secondPhoto,
      files.pdf,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await get(`${V2}/media/${id}.png`)
      expect(res.status).toBe(404)
      expect(res.body).toEqual([{ code: 404, description: '未找到，或无权查看' }])
    }
    expect((await get(`${V2}/media/not-an-id`)).status).toBe(404)
  })

  it('answers one request in XML, and 404 in the GeoReport format for a private or unknown one', async () => {
    const xml = await getXml(`${V2}/requests/${filed.photo}.xml`)
    const [request] = childrenOf(xml, 'request')
    // The title's & and quotes arrive intact through the XML.
    expect(fieldsOf(request!).description).toContain('路灯 & 井盖 "坏了"')
    for (const number of [filed.private, filed.anonymous, 'DL-2026-999999']) {
      expect(await getJson(`${V2}/requests/${number}.json`, 404)).toEqual([
        { code: 404, description: '未找到，或无权查看' },
      ])
      const errors = await getXml(`${V2}/requests/${number}.xml`, 404)
      expect(childrenOf(errors, 'error')).toHaveLength(1)
    }
    expect((await get(`${V2}/requests/${filed.photo}.csv`)).status).toBe(404)
  })

  it('takes comma-delimited ids, which override every other argument', async () => {
    const json = await getJson(
      `${V2}/requests.json?service_request_id=${filed.photo},${filed.private}&status=closed&service_code=tax`,
    )
    expect(json.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([filed.photo])
  })

  it('filters by status and service code, comma-delimited, and treats an empty argument as none', async () => {
    const ids = async (query: string) =>
      (await getJson(`${V2}/requests.json?${query}`)).map(
        (r: { service_request_id: string }) => r.service_request_id,
      )
    expect(await ids('status=closed')).not.toContain(filed.photo)
    expect(await ids('status=open,closed')).toContain(filed.photo)
    expect(await ids('service_code=tax,construction')).toContain(filed.photo)
    expect(await ids('service_code=tax')).not.toContain(filed.photo)
    expect(await ids('status=&service_code=&start_date=&jurisdiction_id=dalian&api_key=x')).toContain(
      filed.photo,
    )
  })

  it('searches a window of at most 90 days, from start_date, to end_date, or the last 90 days', async () => {
    const ids = async (query: string) =>
      (await getJson(`${V2}/requests.json?${query}`)).map(
        (r: { service_request_id: string }) => r.service_request_id,
      )
    const now = Date.now()
    const iso = (days: number) => encodeURIComponent(new Date(now + days * 86_400_000).toISOString())
    expect(await ids(`start_date=${iso(-1)}`)).toContain(filed.photo)
    expect(await ids(`start_date=${iso(-80)}&end_date=${iso(-70)}`)).not.toContain(filed.photo)
    expect(await ids(`end_date=${iso(1)}`)).toContain(filed.photo)
    expect(await ids(`end_date=${iso(-1)}`)).not.toContain(filed.photo)
  })

  it('lists every bad argument as its own GeoReport error, in JSON and XML', async () => {
    const query = 'start_date=yesterday&end_date=2026-01-01&status=maybe&colour=blue'
    // Unknown arguments are refused before the rest is read.
    const unknown = await getJson(`${V2}/requests.json?${query}`, 400)
    expect(unknown).toEqual([{ code: 400, description: 'colour: 不认识的字段' }])

    const bad = await getJson(
      `${V2}/requests.json?start_date=yesterday&end_date=2026-01-01&status=maybe`,
      400,
    )
    expect(bad.map((e: { description: string }) => e.description.split(':')[0]).sort()).toEqual([
      'end_date',
      'start_date',
      'status',
    ])
    expect(bad.every((e: { code: number }) => e.code === 400)).toBe(true)

    const xml = await getXml(`${V2}/requests.xml?start_date=yesterday`, 400)
    expect(xml.name).toBe('errors')
    expect(childrenOf(xml, 'error').map(fieldsOf)).toEqual([
      { code: '400', description: expect.stringMatching(/^start_date: /) },
    ])

    const tooLong = await getJson(
      `${V2}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z`,
      400,
    )
    expect(tooLong[0].description).toMatch(/^end_date: .*90/)
    const backwards = await getJson(
      `${V2}/requests.json?start_date=2026-02-01T00:00:00%2B08:00&end_date=2026-01-01T00:00:00Z`,
      400,
    )
    expect(backwards[0].description).toMatch(/^end_date: /)

    const english = await getJson(`${V2}/requests.json?status=maybe`, 400, { 'accept-language': 'en' })
    expect(english).toEqual([
      { code: 400, description: 'status: Use open, closed, or both separated by a comma' },
    ])
  })

  it('answers unknown paths with 404 and writes with 400, in the GeoReport format of the path', async () => {
    const xml = await getXml(`${V2}/nothing.xml`, 404)
    expect(childrenOf(xml, 'error').map(fieldsOf)).toEqual([{ code: '404', description: '接口不存在' }])
    expect(await getJson('/api/open311/v3/services.json', 404)).toEqual([
      { code: 404, description: '接口不存在' },
    ])
    const post = await t.anonymous().post(`${V2}/requests.json`, { service_code: 'tax' })
    expect(post.status).toBe(400)
    expect(post.body).toEqual([{ code: 400, description: '本接口只读：请在营商通中提交诉求' }])
  })
})

describe('GeoReport v2 with PUBLIC_URL', () => {
  let site: TestApp
  beforeAll(async () => {
    site = await createTestApp({ PUBLIC_URL: 'https://ys.dalian.gov.cn/' })
  })
  afterAll(() => site.close())

  it('uses the configured address for every absolute URL, whatever the request says', async () => {
    const res = await site
      .anonymous()
      .get('/api/open311/discovery.json', { 'x-forwarded-host': 'evil.example' })
    expect(res.body.endpoints[0].url).toBe(`https://ys.dalian.gov.cn${V2}`)
  })
})
