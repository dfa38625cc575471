import { sm2 } from 'sm-crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { pdfQrCodes, pdfText } from '../../../test/pdf'
import { canonicalBytes, checkPayload } from './certificate-payload'
import { rotateCertificateSigningKey, seedDemoCertificates } from './certificates.service'
import { STATUS_LIST_MAX_AGE_MS } from './verification-cache'

/** Certificates through HTTP on a real database: issue, verify, status changes, scope. */
const BASE = '/api/v1/certificates'
const VERIFY = '/api/v1/public/certificates/verify'

let t: TestApp
let enterpriseId: string
let departmentId: string
let head: TestClient
let holder: TestClient
let outsider: TestClient
beforeAll(async () => {
  t = await createTestApp()
  enterpriseId = (await buildEnterprise(t)).id
  departmentId = (await buildDepartment(t)).id
  head = await signInStaff(t, await buildStaff(t, { roles: ['department_head'], departmentId }))
  holder = await signInEnterprise(t, (await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })).phone)
  const other = await buildEnterpriseUser(t, { enterpriseIds: [(await buildEnterprise(t)).id] })
  outsider = await signInEnterprise(t, other.phone)
})
afterEach(() => vi.useRealTimers())
afterAll(() => t.close())

function issue(client: TestClient, overrides: Record<string, unknown> = {}) {
  return client.post(BASE, {
    enterpriseId,
    kind: 'licence',
    title: '食品经营许可证',
    issuingDepartmentId: departmentId,
    issuedOn: '2026-03-01',
    validUntil: '2031-02-28',
    ...overrides,
  })
}

/** A binary answer with the client's session, or with none. */
async function download(client: TestClient | null, path: string) {
  const res = await (client ?? t.anonymous('10.1.1.2')).download(path)
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

/** Every verification is asked both ways — POST with a body, GET as a read — and answers the same. */
async function verify(payload: string) {
  const posted = await t.anonymous().post(VERIFY, { payload })
  const read = await t.anonymous().get(`${VERIFY}?payload=${encodeURIComponent(payload)}`)
  expect({ status: read.status, body: read.body }).toEqual({ status: posted.status, body: posted.body })
  return posted
}

async function auditActions(id: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

describe('Certificates', () => {
  it('issues a signed certificate that verifies as valid with the published key, and the holder lists it', async () => {
    const issued = await issue(head)
    expect(issued.status).toBe(201)
    expect(issued.body).toMatchObject({
      enterpriseId,
      status: 'active',
      kind: 'licence',
      applicationId: null,
    })

    const keys = await t.anonymous().get('/api/v1/public/certificates/keys')
    expect(keys.body).toMatchObject({ algorithm: 'SM2-with-SM3', userId: '1234567812345678' })
    const [key] = keys.body.keys
    expect(issued.body.keyId).toBe(key.keyId)
    // Offline: the published key alone checks the payload.
    expect(checkPayload(issued.body.payload, new Map([[key.keyId, key.publicKeyHex]])).ok).toBe(true)

    const verdict = await verify(issued.body.payload)
    expect(verdict.status).toBe(200)
    expect(verdict.body).toMatchObject({
      result: 'valid',
      certificate: {
        number: issued.body.number,
        title: '食品经营许可证',
        holderName: issued.body.holderName,
      },
    })
    const mine = await holder.get(`${BASE}/mine`)
    expect(mine.body.items.map((c: { id: string }) => c.id)).toContain(issued.body.id)
    expect((await outsider.get(`${BASE}/mine`)).body.items).toEqual([])
    expect(await auditActions(issued.body.id)).toEqual(['certificate.issue'])
  })

  it('answers an altered or forged payload as invalid, never an error', async () => {
    const issued = await issue(head)
    const [body, signature] = issued.body.payload.split('.')
    const fields = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    const altered = `${canonicalBytes({ ...fields, until: '2099-12-31' }).toString('base64url')}.${signature}`
    for (const payload of [altered, `${body}.AAAA`, 'garbage', '', `${body}`, '.'.repeat(50)]) {
      const res = await verify(payload)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ result: 'invalid', certificate: null })
    }
  })

  it('suspends, reinstates and revokes with a reason, audited; revoked is final and listed', async () => {
    const { body: cert } = await issue(head)
    const suspended = await head.post(`${BASE}/${cert.id}/suspend`, { reason: '现场核查不符' })
    expect(suspended.body).toMatchObject({ status: 'suspended', statusReason: '现场核查不符' })
    expect((await verify(cert.payload)).body).toMatchObject({
      result: 'suspended',
      statusReason: '现场核查不符',
    })
    expect((await head.post(`${BASE}/${cert.id}/suspend`, { reason: '再次' })).body.error.code).toBe(
      'CERTIFICATE_NOT_ACTIVE',
    )
    expect((await head.post(`${BASE}/${cert.id}/reinstate`, { reason: '整改完成' })).body.status).toBe(
      'active',
    )
    expect((await head.post(`${BASE}/${cert.id}/reinstate`, { reason: '再次' })).body.error.code).toBe(
      'CERTIFICATE_NOT_SUSPENDED',
    )
    expect((await head.post(`${BASE}/${cert.id}/revoke`, { reason: '以欺骗手段取得' })).body.status).toBe(
      'revoked',
    )
    expect((await verify(cert.payload)).body).toMatchObject({
      result: 'revoked',
      statusReason: '以欺骗手段取得',
    })
    expect((await head.post(`${BASE}/${cert.id}/reinstate`, { reason: '撤回' })).body.error.code).toBe(
      'CERTIFICATE_REVOKED',
    )
    expect(await auditActions(cert.id)).toEqual([
      'certificate.issue',
      'certificate.suspend',
      'certificate.reinstate',
      'certificate.revoke',
    ])
    const list = await t.anonymous().get('/api/v1/public/certificates/status-list')
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ number: cert.number, status: 'revoked' }),
    )
    expect(list.body.signature).toMatch(/^[0-9a-f]+$/)
  })

  it('learns of a status changed on another node within the status list’s window (clock pinned)', async () => {
    const { body: cert } = await issue(head)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-12-01T02:00:00Z'))
    expect((await verify(cert.payload)).body.result).toBe('valid')
    // another node revokes it: the same database, not this node's services
    await t.deps.db
      .updateTable('certificates')
      .set({ status: 'revoked', status_reason: '另一节点撤销', status_changed_at: new Date() })
      .where('id', '=', cert.id)
      .execute()
    vi.setSystemTime(new Date(Date.now() + STATUS_LIST_MAX_AGE_MS - 1))
    expect((await verify(cert.payload)).body.result).toBe('valid')
    vi.setSystemTime(new Date(Date.now() + 1))
    expect((await verify(cert.payload)).body).toMatchObject({
      result: 'revoked',
      statusReason: '另一节点撤销',
    })
  })

  it('answers expired once the last valid day has passed in the city (clock pinned)', async () => {
    const { body: cert } = await issue(head, { issuedOn: '2026-01-01', validUntil: '2026-06-30' })
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-06-30T15:59:00Z')) // 23:59 on 30 June in Dalian
    expect((await verify(cert.payload)).body.result).toBe('valid')
    vi.setSystemTime(new Date('2026-06-30T16:01:00Z')) // 00:01 on 1 July
    expect((await verify(cert.payload)).body).toMatchObject({ result: 'expired', checkedOn: '2026-07-01' })
  })

  it("keeps issuing to the department's head or an admin, and status changes to them too", async () => {
    const otherHead = await signInAs(t, 'department_head')
    expect((await issue(otherHead)).body.error.code).toBe('FORBIDDEN')
    expect((await issue(await signInAs(t, 'handler', { departmentId }))).body.error.code).toBe('FORBIDDEN')
    expect((await issue(holder)).body.error.code).toBe('FORBIDDEN')
    const byAdmin = await issue(await signInAs(t, 'admin'))
    expect(byAdmin.status).toBe(201)
    expect(
      (await otherHead.post(`${BASE}/${byAdmin.body.id}/revoke`, { reason: '越权' })).body.error.code,
    ).toBe('FORBIDDEN')
    expect(
      (await head.post(`${BASE}/00000000-0000-4000-8000-000000000000/revoke`, { reason: '无' })).status,
    ).toBe(404)
    expect((await issue(head, { enterpriseId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404)
  })

  it('answers bad input with the one error shape', async () => {
    const backwards = await issue(head, { issuedOn: '2026-03-01', validUntil: '2026-02-01' })
    expect(backwards.status).toBe(400)
    expect(backwards.body.error.code).toBe('VALIDATION_FAILED')
    expect((await head.post(`${BASE}/not-a-uuid/revoke`, { reason: 'x' })).status).toBe(400)
    expect((await t.anonymous().post(VERIFY, { payload: 1 })).status).toBe(400)
  })
})

describe('demo certificates', () => {
  it('gives the demo user’s first enterprise a valid and a revoked certificate, once', async () => {
    const user = await buildEnterpriseUser(t, { enterpriseIds: [(await buildEnterprise(t)).id] })
    await buildDepartment(t, { code: 'DL-SCJGJ' }).catch(() => undefined)
    expect(await seedDemoCertificates(t.deps, user.phone)).toBe(2)
    expect(await seedDemoCertificates(t.deps, user.phone)).toBe(0)
    const mine = await (await signInEnterprise(t, user.phone)).get(`${BASE}/mine`)
    expect(mine.body.items.map((c: { status: string }) => c.status).sort()).toEqual(['active', 'revoked'])
    for (const c of mine.body.items)
      expect(['valid', 'revoked']).toContain((await verify(c.payload)).body.result)
  })
})

describe('the certificate as a PDF and a QR code', () => {
  it('gives the holder a PDF with the Chinese title and holder name, and the QR of the verify URL', async () => {
    const { body: cert } = await issue(head, { title: '公共场所卫生许可证' })
    const pdf = await download(holder, `${BASE}/${cert.id}/pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toContain(encodeURIComponent('公共场所卫生许可证'))
    const text = await pdfText(pdf.bytes)
    for (const expected of [
      '公共场所卫生许可证',
      cert.holderName,
      cert.holderUscc,
      cert.number,
      '2031-02-28',
    ])
      expect(text).toContain(expected)
    // PUBLIC_URL is not set in tests: the QR leads to the request's origin.
    const [url] = await pdfQrCodes(pdf.bytes)
    expect(url).toBe(`http://localhost/certificates/verify?p=${cert.payload}`)
    const payload = new URL(url!).searchParams.get('p')!
    expect((await verify(payload)).body).toMatchObject({
      result: 'valid',
      certificate: { number: cert.number },
    })

    const svg = await holder.get(`${BASE}/${cert.id}/qr.svg`)
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(svg.body).toMatch(/^<svg[^>]*viewBox/)
  })

  it('lets the issuing department and an admin read it; others and the public get nothing', async () => {
    const { body: cert } = await issue(head)
    const handler = await signInAs(t, 'handler', { departmentId })
    for (const reader of [head, handler, await signInAs(t, 'admin')])
      expect((await download(reader, `${BASE}/${cert.id}/pdf`)).status).toBe(200)
    for (const path of [`${BASE}/${cert.id}/pdf`, `${BASE}/${cert.id}/qr.svg`]) {
      expect((await download(outsider, path)).status).toBe(404)
      expect((await download(await signInAs(t, 'department_head'), path)).status).toBe(404)
      expect((await download(null, path)).status).toBe(401)
    }
    expect((await download(holder, `${BASE}/not-a-uuid/pdf`)).status).toBe(400)
  })
})

describe('key rotation', () => {
  it('signs with a new key while what the old one signed keeps verifying; both are published', async () => {
    const { body: before } = await issue(head)
    const oldKeyId = before.keyId
    const rotated = rotateCertificateSigningKey(t.deps, new Date('2026-12-01T00:00:00Z'))
    expect(rotated.keyId).not.toBe(oldKeyId)
    const { body: after } = await issue(head)
    expect(after.keyId).toBe(rotated.keyId)

    const keys = (await t.anonymous().get('/api/v1/public/certificates/keys')).body.keys
    expect(keys.map((k: { keyId: string; current: boolean }) => [k.keyId, k.current])).toEqual([
      [rotated.keyId, true],
      [oldKeyId, false],
    ])
    expect(keys[1].retiredAt).toBe('2026-12-01T00:00:00.000Z')
    const published = new Map<string, string>(
      keys.map((k: { keyId: string; publicKeyHex: string }) => [k.keyId, k.publicKeyHex]),
    )
    for (const cert of [before, after]) {
      expect(checkPayload(cert.payload, published).ok).toBe(true)
      expect((await verify(cert.payload)).body.result).toBe('valid')
    }

    await head.post(`${BASE}/${before.id}/revoke`, { reason: '换发新证' })
    const list = (await t.anonymous().get('/api/v1/public/certificates/status-list')).body
    expect(list.keyId).toBe(rotated.keyId)
    const signed = Buffer.from(
      JSON.stringify({ issuedAt: list.issuedAt, items: list.items, keyId: list.keyId }),
      'utf8',
    )
    expect(
      sm2.doVerifySignature(Array.from(signed), list.signature, published.get(rotated.keyId)!, {
        hash: true,
        der: true,
        userId: '1234567812345678',
      }),
    ).toBe(true)
    expect((await verify(before.payload)).body.result).toBe('revoked')
  })
})
