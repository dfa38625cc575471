import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp, type App } from '../../app'
import { createDeps } from '../../bootstrap'
import { createLogger } from '../../kernel/logger'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

/**
 * Reads take a session resolved a moment ago (decision 0031): this node forgets it when the session
 * or its user changes here; another node's reads may use it for at most SESSION_CACHE_MS more, its
 * writes never. A second app on the same database stands for the other node (it has its own cache).
 */
let t: TestApp
let otherNode: App
beforeAll(async () => {
  t = await createTestApp()
  otherNode = buildApp(createDeps(t.deps.config, t.deps.database, createLogger('silent')))
})
afterAll(async () => {
  await t.close()
})
afterEach(() => {
  vi.useRealTimers()
})

async function signedInEnterprise() {
  const enterprise = await buildEnterprise(t)
  const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  return signInEnterprise(t, user.phone)
}

describe('the session cache', () => {
  it('a session signed out on this node is refused at once, though a read had just used it', async () => {
    const client = await signedInEnterprise()
    const kept = client.on(t.app) // the cookies as they were before signing out
    expect((await client.get('/api/v1/appeals/mine')).status).toBe(200)
    expect((await client.post('/api/v1/auth/sign-out')).status).toBe(200)
    const refused = await kept.get('/api/v1/appeals/mine')
    expect(refused.status).toBe(401)
    expect(refused.body.error.code).toBe('UNAUTHENTICATED')
  })

  it('sessions revoked or roles taken away by an admin here act on the next read', async () => {
    const admin = await signInStaff(t, await buildStaff(t, { roles: ['admin'] }))
    const staff = await buildStaff(t, { roles: ['admin'] })
    const client = await signInStaff(t, staff)
    expect((await client.get('/api/v1/users')).status).toBe(200)
    const demoted = await admin.patch(`/api/v1/users/${staff.id}`, {
      version: 1,
      roles: [{ role: 'handler' }],
    })
    expect(demoted.status).toBe(200)
    expect((await client.get('/api/v1/users')).status).toBe(403)

    const other = await signInStaff(t, await buildStaff(t, { roles: ['handler'] }))
    const otherId = ((await other.get('/api/v1/auth/me')).body as { id: string }).id
    expect((await admin.post(`/api/v1/users/${otherId}/revoke-sessions`)).status).toBe(200)
    expect((await other.get('/api/v1/auth/me')).status).toBe(401)
  })

  it("another node's reads may use a signed-out session until SESSION_CACHE_MS has passed, its writes never", async () => {
    const client = await signedInEnterprise()
    // Pinned after signing in (the code's delivery runs on the real clock): the bound is counted from here.
    vi.useFakeTimers({ toFake: ['Date'] })
    const now = Date.now()
    vi.setSystemTime(now)
    const onOtherNode = client.on(otherNode)
    expect((await onOtherNode.get('/api/v1/appeals/mine')).status).toBe(200)
    expect((await client.post('/api/v1/auth/sign-out')).status).toBe(200)

    // The other node resolved the session a moment ago: its reads still take it...
    expect((await onOtherNode.get('/api/v1/appeals/mine')).status).toBe(200)
    // ...but a write reads the session from the database, and it is gone.
    expect((await onOtherNode.post('/api/v1/auth/sign-out-everywhere')).status).toBe(401)
    vi.setSystemTime(now + t.deps.config.sessionCacheMs - 1)
    expect((await onOtherNode.get('/api/v1/appeals/mine')).status).toBe(200)
    vi.setSystemTime(now + t.deps.config.sessionCacheMs)
    expect((await onOtherNode.get('/api/v1/appeals/mine')).status).toBe(401)
  })

  it('SESSION_CACHE_MS=0 turns it off: every read looks the session up', async () => {
    const strict = buildApp(
      createDeps({ ...t.deps.config, sessionCacheMs: 0 }, t.deps.database, createLogger('silent')),
    )
    const client = await signedInEnterprise()
    const onStrict = client.on(strict)
    expect((await onStrict.get('/api/v1/appeals/mine')).status).toBe(200)
    expect((await client.post('/api/v1/auth/sign-out')).status).toBe(200)
    expect((await onStrict.get('/api/v1/appeals/mine')).status).toBe(401)
  })
})
