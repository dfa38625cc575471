import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { buildStaff, randomPhone, readSmsCode, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { AUTH_LIMITS } from './auth.service'

/**
 * Sign-in limits under concurrency and under attack (docs/decisions/0024-sign-in-limits.md): an
 * attempt is counted before it is checked, so requests fired together cannot all read "no failures
 * yet"; past the free attempts each further one waits longer; a stranger's failures do not delay
 * the owner on a browser the owner has signed in from.
 */
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())
afterEach(() => {
  vi.useRealTimers()
})

let nextAddress = 0
/** A client from an address no other test uses, so per-address limits stay out of the way. */
const stranger = () => {
  nextAddress += 1
  return t.anonymous(`10.77.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`)
}
const signIn = (client: TestClient, username: string, password: string) =>
  client.post('/api/v1/auth/staff/sign-in', { username, password })
const codes = (responses: { body: { error?: { code: string } } }[]) =>
  responses
    .map((r) => r.body.error?.code ?? 'OK')
    .reduce<Record<string, number>>((acc, code) => {
      acc[code] = (acc[code] ?? 0) + 1
      return acc
    }, {})

/** Pins the process clock (the database's own clock is not used by the limits). */
function pinClock(): { advance(ms: number): void } {
  let now = Date.now()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now)
  return {
    advance(ms) {
      now += ms
      vi.setSystemTime(now)
    },
  }
}

describe('staff passwords', () => {
  it('checks no more than five of twenty wrong passwords fired at once', async () => {
    pinClock()
    const staff = await buildStaff(t)
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => signIn(stranger(), staff.username, 'Wrong-passw0rd')),
    )
    expect(codes(responses)).toEqual({ INVALID_CREDENTIALS: 5, SIGN_IN_DELAYED: 15 })
    expect(responses.filter((r) => r.status === 429)).toHaveLength(15)
    const failures = await t.deps.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'auth.sign_in_failed')
      .where('entity_id', '=', staff.id)
      .executeTakeFirstOrThrow()
    expect(Number(failures.n)).toBe(AUTH_LIMITS.account.free)
  })

  it('refuses even the right password during the wait, doubles the wait, and forgets it on success', async () => {
    const clock = pinClock()
    const staff = await buildStaff(t)
    for (let i = 0; i < 5; i++)
      expect((await signIn(stranger(), staff.username, 'Wrong-passw0rd')).status).toBe(401)
    const early = await signIn(stranger(), staff.username, staff.password)
    expect(early.status).toBe(429)
    expect(early.body.error.code).toBe('SIGN_IN_DELAYED')
    expect(early.body.error.message).toBe('登录失败次数过多，请 1 秒后再试')

    clock.advance(1_000)
    expect((await signIn(stranger(), staff.username, 'Wrong-passw0rd')).status).toBe(401)
    const doubled = await signIn(stranger(), staff.username, staff.password)
    expect(doubled.body.error.message).toBe('登录失败次数过多，请 2 秒后再试')
    clock.advance(2_000)
    expect((await signIn(stranger(), staff.username, staff.password)).status).toBe(200)

    // Forgotten: five free attempts again.
    for (let i = 0; i < 5; i++)
      expect((await signIn(stranger(), staff.username, 'Wrong-passw0rd')).status).toBe(401)
    expect((await signIn(stranger(), staff.username, staff.password)).body.error.code).toBe('SIGN_IN_DELAYED')
  })

  it('delays unknown usernames alike, and caps the wait at a quarter of an hour', async () => {
    const clock = pinClock()
    const username = `nobody-${Date.now()}`
    let wait = 0
    for (let i = 0; i < 40; i++) {
      const res = await signIn(stranger(), username, 'Wrong-passw0rd')
      if (res.status === 429) {
        wait = Number(/(\d+) 分钟/.exec(res.body.error.message)?.[1] ?? 0)
        clock.advance(15 * 60_000)
      }
    }
    expect(wait).toBe(15)
  })

  it('does not let strangers delay the owner on a browser the owner signed in from', async () => {
    const clock = pinClock()
    const staff = await buildStaff(t)
    const laptop = stranger()
    expect((await signIn(laptop, staff.username, staff.password)).status).toBe(200)
    expect((await laptop.post('/api/v1/auth/sign-out')).status).toBe(200)

    for (let i = 0; i < 12; i++) await signIn(stranger(), staff.username, 'Wrong-passw0rd')
    // A new browser waits, even with the right password …
    expect((await signIn(stranger(), staff.username, staff.password)).body.error.code).toBe('SIGN_IN_DELAYED')
    // … the owner's browser does not,
    expect((await signIn(laptop, staff.username, staff.password)).status).toBe(200)
    // and the admin's list says the account is being held up for new browsers.
    const admin = await signInAs(t, 'admin')
    expect((await admin.get(`/api/v1/users/${staff.id}`)).body.isLocked).toBe(true)

    // The trusted browser's own failures are counted on their own.
    for (let i = 0; i < 5; i++)
      expect((await signIn(laptop, staff.username, 'Wrong-passw0rd')).status).toBe(401)
    expect((await signIn(laptop, staff.username, staff.password)).body.error.code).toBe('SIGN_IN_DELAYED')
    clock.advance(1_000)
    expect((await signIn(laptop, staff.username, staff.password)).status).toBe(200)
  })

  it('lets an admin lift the wait', async () => {
    pinClock()
    const staff = await buildStaff(t)
    for (let i = 0; i < 5; i++) await signIn(stranger(), staff.username, 'Wrong-passw0rd')
    expect((await signIn(stranger(), staff.username, staff.password)).body.error.code).toBe('SIGN_IN_DELAYED')
    const admin = await signInAs(t, 'admin')
    expect((await admin.get(`/api/v1/users/${staff.id}`)).body.isLocked).toBe(true)
    expect((await admin.post(`/api/v1/users/${staff.id}/unlock`)).status).toBe(200)
    expect((await admin.get(`/api/v1/users/${staff.id}`)).body.isLocked).toBe(false)
    expect((await signIn(stranger(), staff.username, staff.password)).status).toBe(200)
  })

  it('slows an address that fails on many accounts, however many requests arrive at once', async () => {
    pinClock()
    const address = t.anonymous('10.78.0.1')
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(address, `guess-${i}-${Date.now()}`, 'Wrong-passw0rd')),
    )
    expect(codes(responses)).toEqual({ INVALID_CREDENTIALS: AUTH_LIMITS.address.free, RATE_LIMITED: 10 })
  })
})

describe('enterprise phone codes', () => {
  it('sends one SMS for eight requests at once', async () => {
    const phone = randomPhone()
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => stranger().post('/api/v1/auth/enterprise/code', { phone })),
    )
    expect(responses.map((r) => r.status).sort()).toEqual([202, 429, 429, 429, 429, 429, 429, 429])
    const queued = await t.deps.db
      .selectFrom('notifications')
      .select('id')
      .where('recipient_phone', '=', phone)
      .execute()
    expect(queued).toHaveLength(1)
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    await t.deps.notifier.deliverDue()
    const inbox = await t.anonymous().get('/api/v1/dev/inbox')
    expect(inbox.body.items.filter((m: { to: string }) => m.to === phone)).toHaveLength(1)
  })

  it('gives a code five tries however many guesses arrive at once', async () => {
    const phone = randomPhone()
    await stranger().post('/api/v1/auth/enterprise/code', { phone })
    const code = await readSmsCode(t, phone)
    // Pinned after the code is out: the outbox stamps messages with the database's clock.
    pinClock()
    const wrong = code === '000000' ? '111111' : '000000'
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        stranger().post('/api/v1/auth/enterprise/sign-in', { phone, code: wrong }),
      ),
    )
    expect(codes(responses)).toEqual({ INVALID_CODE: AUTH_LIMITS.phone.free, SIGN_IN_DELAYED: 10 })
    const row = await t.deps.db
      .selectFrom('one_time_codes')
      .select('attempts')
      .where('phone', '=', phone)
      .executeTakeFirstOrThrow()
    expect(row.attempts).toBe(AUTH_LIMITS.codeAttempts)
  })

  it('does not let strangers delay a phone on the browser that signed in with it', async () => {
    const phone = randomPhone()
    const own = stranger()
    await own.post('/api/v1/auth/enterprise/code', { phone })
    const first = await own.post('/api/v1/auth/enterprise/sign-in', {
      phone,
      code: await readSmsCode(t, phone),
    })
    expect(first.status).toBe(200)
    const clock = pinClock()
    // Strangers guess until a new browser must wait longer than a new code takes to be allowed.
    for (;;) {
      const res = await stranger().post('/api/v1/auth/enterprise/sign-in', { phone, code: '000000' })
      if (res.status !== 429) continue
      const waitMs = waitOf(res.body.error.message)
      if (waitMs >= 2 * AUTH_LIMITS.codeResendMs) break
      clock.advance(waitMs)
    }
    clock.advance(AUTH_LIMITS.codeResendMs)
    expect((await own.post('/api/v1/auth/enterprise/code', { phone })).status).toBe(202)
    const code = await readSmsCode(t, phone)
    const strangerTry = await stranger().post('/api/v1/auth/enterprise/sign-in', { phone, code })
    expect(strangerTry.body.error.code).toBe('SIGN_IN_DELAYED')
    expect((await own.post('/api/v1/auth/enterprise/sign-in', { phone, code })).status).toBe(200)
  })
})

/** The wait a SIGN_IN_DELAYED message names, in milliseconds. */
function waitOf(message: string): number {
  const [, n, unit] = /(\d+) (秒|分钟)/.exec(message) ?? []
  return Number(n) * (unit === '分钟' ? 60_000 : 1_000)
}
