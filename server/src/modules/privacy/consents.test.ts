import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cityDate, cityToday } from '../../../test/city-clock'
import {
  acceptPendingConsents,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

/**
 * The privacy notice and terms of use as versioned documents, and the consent gate: a fresh user is
 * asked before anything else, the API (not only the app) refuses everything but a few routes until they
 * accept, acceptance is recorded with its version, a new version asks again showing what changed, and
 * an enterprise user can withdraw.
 */
let t: TestApp
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  admin = await signInAs(t, 'admin')
})
afterAll(() => t.close())

async function freshEnterpriseUser() {
  const enterprise = await buildEnterprise(t)
  const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  const client = await signInEnterprise(t, user.phone, undefined, { accept: false })
  return { client, user, enterprise }
}

/** Lets the same phone ask for another sign-in code at once (the resend wait is a minute). */
async function allowAnotherCode(phone: string) {
  await t.deps.db
    .updateTable('one_time_codes')
    .set({ created_at: new Date(Date.now() - 120_000) })
    .where('phone', '=', phone)
    .execute()
}

const publishBody = (basedOnVersion: number, overrides: Record<string, unknown> = {}) => ({
  basedOnVersion,
  effectiveOn: cityToday(),
  titleZh: '营商通平台隐私政策',
  titleEn: 'Yingshang Privacy Notice',
  bodyZh: '## 一、我们是谁\n\n大连市营商环境建设局。'.padEnd(260, '本政策说明平台如何处理个人信息。'),
  bodyEn: '## 1. Who we are\n\nThe Dalian Business Environment Bureau. '.padEnd(
    260,
    'This notice says how the platform processes personal information. ',
  ),
  changeSummaryZh: '增加了身份核验服务商的说明。',
  changeSummaryEn: 'Says which identity-check service is used.',
  ...overrides,
})

describe('the documents', () => {
  it('are public: the current version of each, in the reader’s language, with its text', async () => {
    const anyone = t.anonymous()
    const list = await anyone.get('/api/v1/legal-documents')
    expect(list.status).toBe(200)
    expect(list.body.items.map((d: { kind: string }) => d.kind)).toEqual([
      'privacy_notice',
      'terms_of_use',
      'staff_notice',
    ])
    expect(list.body.items[0]).toMatchObject({ version: 1, status: 'current', language: 'zh-CN' })

    const zh = await anyone.get('/api/v1/legal-documents/privacy_notice')
    expect(zh.body.title).toBe('营商通平台隐私政策')
    // What the city's default says: who processes, who sees, how long, the rights and how to use them.
    for (const words of [
      '大连市营商环境建设局',
      '纪检监察',
      '办理部门',
      '保存',
      '撤回同意',
      '12345',
      '15 个工作日',
    ])
      expect(zh.body.body).toContain(words)
    anyone.locale = 'en'
    const en = await anyone.get('/api/v1/legal-documents/terms_of_use')
    expect(en.body).toMatchObject({ title: 'Yingshang Terms of Use', language: 'en' })
    expect(en.body.body).toContain('free of charge')
  })

  it('answers an unknown kind or version in the one error shape', async () => {
    const anyone = t.anonymous()
    const kind = await anyone.get('/api/v1/legal-documents/cookie_policy')
    expect(kind.status).toBe(400)
    expect(kind.body.error.fields).toHaveProperty('kind')
    expect((await anyone.get('/api/v1/legal-documents/privacy_notice/versions/0')).status).toBe(400)
    const missing = await anyone.get('/api/v1/legal-documents/privacy_notice/versions/99')
    expect(missing.body.error.code).toBe('NOT_FOUND')
  })
})

describe('a fresh enterprise user', () => {
  it('is asked to accept the privacy notice and the terms, and the API refuses the rest until then', async () => {
    const { client } = await freshEnterpriseUser()
    const me = await client.get('/api/v1/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.pendingConsents).toEqual([
      { kind: 'privacy_notice', version: 1 },
      { kind: 'terms_of_use', version: 1 },
    ])
    for (const path of ['/api/v1/appeals/mine', '/api/v1/enterprises/mine', '/api/v1/inbox']) {
      const refused = await client.get(path)
      expect(refused.status, path).toBe(403)
      expect(refused.body.error.code, path).toBe('CONSENT_REQUIRED')
      expect(refused.body.error.message).toContain('隐私政策')
    }
    // What needs no consent stays open: the public pages, the documents, the status, a copy of one's data.
    expect((await client.get('/api/v1/public/policies')).status).toBe(200)
    const status = await client.get('/api/v1/consents/mine')
    expect(status.body.pending.map((d: { kind: string }) => d.kind)).toEqual([
      'privacy_notice',
      'terms_of_use',
    ])
    expect(status.body.pending[0].body).toContain('大连市营商环境建设局')
    expect(status.body.pending[0].previouslyAcceptedVersion).toBeNull()
    expect(status.body.mayWithdraw).toBe(true)
    expect((await client.get('/api/v1/privacy/my-data?format=json')).status).toBe(200)
  })

  it('accepts the versions it read: recorded with address and browser, audited, once', async () => {
    const { client, user } = await freshEnterpriseUser()
    const accepted = await client.post(
      '/api/v1/consents',
      {
        documents: [
          { kind: 'privacy_notice', version: 1 },
          { kind: 'terms_of_use', version: 1 },
        ],
      },
      { 'user-agent': 'Mozilla/5.0 (iPhone) Test' },
    )
    expect(accepted.status).toBe(200)
    expect(accepted.body.pending).toEqual([])
    expect(accepted.body.records).toHaveLength(2)
    expect((await client.get('/api/v1/auth/me')).body.pendingConsents).toEqual([])
    expect((await client.get('/api/v1/appeals/mine')).status).toBe(200)

    const rows = await t.deps.db
      .selectFrom('legal_acceptances')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute()
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ user_agent: 'Mozilla/5.0 (iPhone) Test', withdrawn_at: null })
    expect(rows[0]!.ip).toMatch(/^10\./)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'consent.accept')
      .where('actor_user_id', '=', user.id)
      .execute()
    expect(audit).toHaveLength(2)

    // Accepting again records nothing new.
    await client.post('/api/v1/consents', { documents: [{ kind: 'privacy_notice', version: 1 }] })
    const again = await t.deps.db
      .selectFrom('legal_acceptances')
      .select('id')
      .where('user_id', '=', user.id)
      .execute()
    expect(again).toHaveLength(2)
  })

  it('refuses what it cannot accept, every bad document named', async () => {
    const { client } = await freshEnterpriseUser()
    const empty = await client.post('/api/v1/consents', {})
    expect(empty.status).toBe(400)
    expect(empty.body.error.fields).toHaveProperty('documents')
    const wrong = await client.post('/api/v1/consents', {
      documents: [
        { kind: 'staff_notice', version: 1 },
        { kind: 'privacy_notice', version: 1 },
        { kind: 'privacy_notice', version: 1 },
      ],
    })
    expect(wrong.status).toBe(400)
    expect(Object.keys(wrong.body.error.fields).sort()).toEqual(['documents.0.kind', 'documents.2.kind'])
    expect(wrong.body.error.fields['documents.0.kind']).toContain('工作人员个人信息处理告知书')
    const stale = await client.post('/api/v1/consents', {
      documents: [{ kind: 'privacy_notice', version: 7 }],
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('LEGAL_DOCUMENT_OUTDATED')
    // Nothing was half-written: the user is still asked for both.
    expect((await client.get('/api/v1/auth/me')).body.pendingConsents).toHaveLength(2)
  })
})

describe('staff', () => {
  it('acknowledge the staff notice, not the enterprise documents, and cannot withdraw it', async () => {
    const staff = await buildStaff(t, { roles: ['handler'] })
    const client = await signInStaff(t, staff, undefined, { accept: false })
    expect((await client.get('/api/v1/auth/me')).body.pendingConsents).toEqual([
      { kind: 'staff_notice', version: 1 },
    ])
    expect((await client.get('/api/v1/appeals/inbox')).body.error.code).toBe('CONSENT_REQUIRED')
    const wrong = await client.post('/api/v1/consents', { documents: [{ kind: 'terms_of_use', version: 1 }] })
    expect(wrong.body.error.fields).toHaveProperty('documents.0.kind')
    await acceptPendingConsents(client)
    expect((await client.get('/api/v1/appeals/inbox')).status).toBe(200)
    const status = await client.get('/api/v1/consents/mine')
    expect(status.body.mayWithdraw).toBe(false)
    expect((await client.post('/api/v1/consents/withdraw', {})).body.error.code).toBe('FORBIDDEN')
  })

  it('who must change their initial password may accept before or after, and still change it', async () => {
    const staff = await buildStaff(t, { roles: ['handler'], mustChangePassword: true })
    const client = await signInStaff(t, staff, undefined, { accept: false })
    expect((await client.get('/api/v1/appeals/inbox')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    await acceptPendingConsents(client)
    expect((await client.get('/api/v1/appeals/inbox')).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED')
  })
})

describe('withdrawing consent', () => {
  it('dates the acceptances, signs out everywhere, and asks again at the next sign-in', async () => {
    const { client, user } = await freshEnterpriseUser()
    await acceptPendingConsents(client)
    await allowAnotherCode(user.phone)
    const other = await signInEnterprise(t, user.phone) // a second device
    const withdrawn = await client.post('/api/v1/consents/withdraw', { reason: '不再使用本平台' })
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body).toMatchObject({ withdrawn: 2 })
    expect(withdrawn.body.sessionsEnded).toBeGreaterThanOrEqual(2)
    expect((await client.get('/api/v1/auth/me')).status).toBe(401)
    expect((await other.get('/api/v1/auth/me')).status).toBe(401)

    await allowAnotherCode(user.phone)
    const back = await signInEnterprise(t, user.phone, undefined, { accept: false })
    const status = await back.get('/api/v1/consents/mine')
    expect(status.body.pending).toHaveLength(2)
    expect(status.body.records.filter((r: { withdrawnAt: string | null }) => r.withdrawnAt)).toHaveLength(2)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'consent.withdraw')
      .where('actor_user_id', '=', user.id)
      .executeTakeFirstOrThrow()
    expect(audit.after).toMatchObject({ reason: '不再使用本平台' })
  })

  it('refuses an unknown field or a reason with markup', async () => {
    const { client } = await freshEnterpriseUser()
    const res = await client.post('/api/v1/consents/withdraw', { reason: '<b>x</b>', why: 1 })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['reason', 'why'])
  })
})

// Publishing changes what everyone is asked: these tests run last in this file.
describe('a new version', () => {
  it('is published by an admin only, and refused with every bad field named', async () => {
    const handler = await signInAs(t, 'handler')
    expect(
      (await handler.post('/api/v1/legal-documents/privacy_notice/versions', publishBody(1))).status,
    ).toBe(403)
    const bad = await admin.post('/api/v1/legal-documents/privacy_notice/versions', {
      ...publishBody(1),
      effectiveOn: '2026-02-30',
      bodyZh: '太短了',
      titleEn: '',
      changeSummaryZh: undefined,
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual([
      'bodyZh',
      'changeSummaryZh',
      'effectiveOn',
      'titleEn',
    ])
    const past = await admin.post(
      '/api/v1/legal-documents/privacy_notice/versions',
      publishBody(1, { effectiveOn: cityDate(-1) }),
    )
    expect(past.body.error.fields).toHaveProperty('effectiveOn')
    const stale = await admin.post('/api/v1/legal-documents/privacy_notice/versions', publishBody(0))
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
    expect(
      (await t.anonymous().get('/api/v1/legal-documents/privacy_notice/versions')).body.items,
    ).toHaveLength(1)
  })

  it('asks everyone again, showing what changed; the old version stays readable', async () => {
    const { client } = await freshEnterpriseUser()
    await acceptPendingConsents(client)
    const published = await admin.post('/api/v1/legal-documents/privacy_notice/versions', publishBody(1))
    expect(published.status).toBe(201)
    expect(published.body).toMatchObject({ version: 2, status: 'current', effectiveOn: cityToday() })

    expect((await client.get('/api/v1/appeals/mine')).body.error.code).toBe('CONSENT_REQUIRED')
    const status = await client.get('/api/v1/consents/mine')
    expect(status.body.pending).toHaveLength(1)
    expect(status.body.pending[0]).toMatchObject({
      kind: 'privacy_notice',
      version: 2,
      previouslyAcceptedVersion: 1,
      changeSummary: '增加了身份核验服务商的说明。',
    })
    // The version the user saw when they opened the screen is the one they accept.
    const old = await client.post('/api/v1/consents', { documents: [{ kind: 'privacy_notice', version: 1 }] })
    expect(old.body.error.code).toBe('LEGAL_DOCUMENT_OUTDATED')
    await acceptPendingConsents(client)
    expect((await client.get('/api/v1/appeals/mine')).status).toBe(200)

    const v1 = await t.anonymous().get('/api/v1/legal-documents/privacy_notice/versions/1')
    expect(v1.body).toMatchObject({ version: 1, status: 'superseded' })
    expect(v1.body.body).toContain('大连市营商环境建设局')
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'legal_document.publish')
      .executeTakeFirstOrThrow()
    expect(audit.after).toMatchObject({ kind: 'privacy_notice', version: 2 })
  })

  it('published for a later day asks nobody until that day', async () => {
    const { client } = await freshEnterpriseUser()
    await acceptPendingConsents(client)
    const scheduled = await admin.post(
      '/api/v1/legal-documents/terms_of_use/versions',
      publishBody(1, { effectiveOn: cityDate(3) }),
    )
    expect(scheduled.status).toBe(201)
    expect(scheduled.body.status).toBe('scheduled')
    expect((await client.get('/api/v1/auth/me')).body.pendingConsents).toEqual([])
    expect((await t.anonymous().get('/api/v1/legal-documents/terms_of_use')).body.version).toBe(1)
    // A later version cannot take effect before the scheduled one.
    const earlier = await admin.post(
      '/api/v1/legal-documents/terms_of_use/versions',
      publishBody(2, { effectiveOn: cityDate(1) }),
    )
    expect(earlier.body.error.fields.effectiveOn).toContain('第 2 版')
  })
})
