import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { currentTotp } from '../../kernel/auth/totp'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  randomPhone,
  readSmsCode,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('staff sign-in', () => {
  it('signs in with username and password and sets HttpOnly SameSite cookies', async () => {
    const staff = await buildStaff(t, { roles: ['dispatcher'] })
    const client = t.anonymous()
    const res = await client.post('/api/v1/auth/staff/sign-in', {
      username: staff.username,
      password: staff.password,
    })
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('signed_in')
    expect(res.body.user.roles.map((r: { role: string }) => r.role)).toEqual(['dispatcher'])
    const cookies = res.headers.getSetCookie()
    expect(cookies.find((c) => c.startsWith('ys_session='))).toMatch(/HttpOnly/i)
    expect(cookies.find((c) => c.startsWith('ys_session='))).toMatch(/SameSite=Lax/i)
    expect(cookies.find((c) => c.startsWith('ys_csrf='))).not.toMatch(/HttpOnly/i)
    const me = await client.get('/api/v1/auth/me')
    expect(me.body.username).toBe(staff.username)
  })

  it('answers a wrong password and an unknown user alike', async () => {
    const staff = await buildStaff(t)
    const wrong = await t
      .anonymous('10.0.0.2')
      .post('/api/v1/auth/staff/sign-in', { username: staff.username, password: 'Wrong-passw0rd' })
    const unknown = await t
      .anonymous('10.0.0.3')
      .post('/api/v1/auth/staff/sign-in', { username: 'nobody-here', password: 'Wrong-passw0rd' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body).toEqual(unknown.body)
  })

  // Waits on an account, trusted browsers and concurrency: sign-in-limits.test.ts.
  it('rate-limits an address that keeps failing', async () => {
    // The 30th failure makes the next attempt wait a second: pinned, the wait cannot run out mid-test.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now())
    const ip = '10.2.0.1'
    let last = 0
    for (let i = 0; i < 31; i++) {
      const res = await t
        .anonymous(ip)
        .post('/api/v1/auth/staff/sign-in', { username: `nobody${i}`, password: 'Wrong-passw0rd' })
      last = res.status
    }
    vi.useRealTimers()
    expect(last).toBe(429)
  })

  it('refuses disabled accounts, and demo accounts when demo accounts are off', async () => {
    const disabled = await buildStaff(t, { isDisabled: true })
    const res = await t
      .anonymous()
      .post('/api/v1/auth/staff/sign-in', { username: disabled.username, password: disabled.password })
    expect(res.body.error.code).toBe('ACCOUNT_DISABLED')

    const production = await createTestApp({ DEMO_ACCOUNTS: 'false' })
    try {
      const demo = await buildStaff(production, { isDemo: true })
      const refused = await production
        .anonymous()
        .post('/api/v1/auth/staff/sign-in', { username: demo.username, password: demo.password })
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('DEMO_ACCOUNTS_DISABLED')
    } finally {
      await production.close()
    }
  })

  it('makes a user with an initial password change it before anything else', async () => {
    const staff = await buildStaff(t, { mustChangePassword: true, roles: ['admin'] })
    const client = await signInStaff(t, staff)
    const blocked = await client.get('/api/v1/departments')
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED')
    const weak = await client.post('/api/v1/auth/password', {
      currentPassword: staff.password,
      newPassword: 'short',
    })
    expect(weak.status).toBe(400)
    expect(weak.body.error.fields.newPassword).toContain('至少 10 位')
    const ok = await client.post('/api/v1/auth/password', {
      currentPassword: staff.password,
      newPassword: 'New-Passw0rd-2026',
    })
    expect(ok.status).toBe(200)
    expect((await client.get('/api/v1/departments')).status).toBe(200)
  })
})

describe('TOTP second factor', () => {
  it('enrols, then asks for a code at sign-in, and refuses a wrong one', async () => {
    const staff = await buildStaff(t)
    const client = await signInStaff(t, staff)
    const setup = await client.post('/api/v1/auth/totp/setup')
    expect(setup.status).toBe(200)
    expect(setup.body.qrSvg).toContain('<svg')
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\//)
    expect(
      (await client.post('/api/v1/auth/totp/enable', { code: '000000' })).body.error?.code ?? 'ok',
    ).not.toBe('ok')
    expect(
      (await client.post('/api/v1/auth/totp/enable', { code: currentTotp(setup.body.secret) })).status,
    ).toBe(200)

    const fresh = t.anonymous()
    const first = await fresh.post('/api/v1/auth/staff/sign-in', {
      username: staff.username,
      password: staff.password,
    })
    expect(first.body.status).toBe('second_factor_required')
    expect(fresh.hasSession).toBe(false)
    const wrong = await fresh.post('/api/v1/auth/staff/second-factor', {
      challenge: first.body.challenge,
      code: '123456',
    })
    expect(wrong.body.error.code).toBe('INVALID_SECOND_FACTOR')
    const right = await fresh.post('/api/v1/auth/staff/second-factor', {
      challenge: first.body.challenge,
      code: currentTotp(setup.body.secret),
    })
    expect(right.status).toBe(200)
    expect(right.body.status).toBe('signed_in')
  })
})

describe('enterprise sign-in with a phone code', () => {
  it('sends a code through the outbox, signs in, and creates the account on first use', async () => {
    const phone = randomPhone()
    const client = t.anonymous('10.3.0.1')
    const sent = await client.post('/api/v1/auth/enterprise/code', { phone })
    expect(sent.status).toBe(202)
    expect(sent.body.sentTo).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`)
    const code = await readSmsCode(t, phone)
    const res = await client.post('/api/v1/auth/enterprise/sign-in', { phone, code })
    expect(res.status).toBe(200)
    expect(res.body.user.kind).toBe('enterprise')
    // a code works once
    const replay = await t.anonymous('10.3.0.2').post('/api/v1/auth/enterprise/sign-in', { phone, code })
    expect(replay.body.error.code).toBe('INVALID_CODE')
  })

  it('refuses a second code within a minute', async () => {
    const phone = randomPhone()
    expect((await t.anonymous('10.4.0.1').post('/api/v1/auth/enterprise/code', { phone })).status).toBe(202)
    const again = await t.anonymous('10.4.0.1').post('/api/v1/auth/enterprise/code', { phone })
    expect(again.status).toBe(429)
  })

  it('burns a code after five wrong tries', async () => {
    const phone = randomPhone()
    await t.anonymous('10.5.0.1').post('/api/v1/auth/enterprise/code', { phone })
    const code = await readSmsCode(t, phone)
    const wrong = code === '000000' ? '111111' : '000000'
    for (let i = 0; i < 5; i++)
      await t.anonymous('10.5.0.2').post('/api/v1/auth/enterprise/sign-in', { phone, code: wrong })
    const res = await t.anonymous('10.5.0.3').post('/api/v1/auth/enterprise/sign-in', { phone, code })
    expect(res.body.error.code).toBe('INVALID_CODE')
  })

  it('a user may act for several enterprises', async () => {
    const [a, b] = [await buildEnterprise(t), await buildEnterprise(t)]
    const user = await buildEnterpriseUser(t, { enterpriseIds: [a.id, b.id] })
    const client = await signInEnterprise(t, user.phone)
    const me = await client.get('/api/v1/auth/me')
    expect(me.body.enterprises.map((e: { enterpriseId: string }) => e.enterpriseId).sort()).toEqual(
      [a.id, b.id].sort(),
    )
  })
})

describe('sessions and CSRF', () => {
  it('refuses a cookie-authenticated write without the CSRF header, and a foreign Origin', async () => {
    const client = await signInAs(t, 'admin')
    const noHeader = await client.post('/api/v1/auth/sign-out-everywhere', undefined, { 'x-csrf-token': '' })
    expect(noHeader.status).toBe(403)
    expect(noHeader.body.error.code).toBe('CSRF_FAILED')
    const foreign = await client.post('/api/v1/auth/sign-out', undefined, { origin: 'https://evil.example' })
    expect(foreign.body.error.code).toBe('CSRF_FAILED')
  })

  it('signs out everywhere: every session of the user ends', async () => {
    const staff = await buildStaff(t)
    const laptop = await signInStaff(t, staff)
    const phone = await signInStaff(t, staff)
    const res = await laptop.post('/api/v1/auth/sign-out-everywhere')
    expect(res.body.sessionsEnded).toBe(2)
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401)
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(401)
  })

  it('signs out this session only', async () => {
    const staff = await buildStaff(t)
    const a = await signInStaff(t, staff)
    const b = await signInStaff(t, staff)
    expect((await a.post('/api/v1/auth/sign-out')).status).toBe(200)
    expect((await a.get('/api/v1/auth/me')).status).toBe(401)
    expect((await b.get('/api/v1/auth/me')).status).toBe(200)
  })

  it('audits sign-ins', async () => {
    const staff = await buildStaff(t)
    await signInStaff(t, staff)
    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=user&entityId=${staff.id}&action=auth.sign_in`)
    expect(audit.body.items[0].action).toBe('auth.sign_in')
    expect(audit.body.items[0].actorLabel).toBe(staff.username)
  })
})
