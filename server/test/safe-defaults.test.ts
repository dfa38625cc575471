import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { APP_CSP, DATA_CSP } from '../src/kernel/http/security-headers'
import { createTestApp, type TestApp } from './harness'

/**
 * A safe default install: the dev inbox and /metrics answer this machine only (or a scraper with
 * METRICS_TOKEN), and every response carries the security headers. "This machine" is the client
 * address: with TRUST_PROXY (as the harness runs) read from X-Forwarded-For, the entry our proxy
 * wrote — the harness's clients send theirs there.
 */
let t: TestApp
let web: ReturnType<typeof buildApp>
let dist: string
const METRICS_TOKEN = 'metrics-token-for-tests-0123456789'
beforeAll(async () => {
  t = await createTestApp({ METRICS_TOKEN })
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-dist-'))
  fs.mkdirSync(path.join(dist, 'assets'))
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>',
  )
  fs.writeFileSync(path.join(dist, 'assets/index-abc123.js'), 'console.log(1)\n')
  fs.writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\n')
  web = buildApp(t.deps, { webDist: dist })
})
afterAll(async () => {
  fs.rmSync(dist, { recursive: true, force: true })
  await t.close()
})

describe('the dev inbox', () => {
  it.each(['127.0.0.1', '127.8.0.1', '::1'])('answers %s', async (ip) => {
    const res = await t.anonymous(ip).get('/api/v1/dev/inbox')
    expect(res.status).toBe(200)
    expect(res.body.items).toBeInstanceOf(Array)
  })

  it('tells anyone else it answers only on this machine', async () => {
    const res = await t.anonymous('192.168.1.20').get('/api/v1/dev/inbox')
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('DEV_INBOX_LOCAL_ONLY')
    expect(res.body.error.message).toContain('127.0.0.1')
    const en = await t.anonymous('192.168.1.20').get('/api/v1/dev/inbox', { 'accept-language': 'en' })
    expect(en.body.error.message).toMatch(/only on this machine/)
  })

  it('is not fooled by a loopback address the client wrote itself in X-Forwarded-For', async () => {
    // The proxy appends the real address; the forged entry on the left is never read.
    const res = await t.anonymous().get('/api/v1/dev/inbox', { 'x-forwarded-for': '127.0.0.1, 203.0.113.5' })
    expect(res.body.error.code).toBe('DEV_INBOX_LOCAL_ONLY')
  })

  it('without TRUST_PROXY, refuses a request that came through a proxy', async () => {
    const direct = await createTestApp({ TRUST_PROXY: 'false' })
    try {
      const res = await direct.anonymous('127.0.0.1').get('/api/v1/dev/inbox')
      expect(res.body.error.code).toBe('DEV_INBOX_LOCAL_ONLY')
    } finally {
      await direct.close()
    }
  })
})

describe('/metrics', () => {
  it('answers this machine', async () => {
    const res = await t.anonymous('127.0.0.1').get('/metrics')
    expect(res.status).toBe(200)
    expect(res.body).toContain('yingshang_http_requests_total')
  })

  it('answers a scraper elsewhere only with the bearer token', async () => {
    const scraper = t.anonymous('10.20.30.40')
    const without = await scraper.get('/metrics')
    expect(without.status).toBe(401)
    expect(without.body.error.code).toBe('METRICS_TOKEN_REQUIRED')
    expect((await scraper.get('/metrics', { authorization: 'Bearer wrong-token-wrong-token' })).status).toBe(
      401,
    )
    const withToken = await scraper.get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` })
    expect(withToken.status).toBe(200)
    expect(withToken.body).toContain('yingshang_http_requests_total')
  })
})

describe('security headers', () => {
  it.each([
    ['an API answer', '/api/v1/reference/city', DATA_CSP],
    ['an error', '/api/v1/no-such-thing', DATA_CSP],
    ['a refusal', '/api/v1/auth/me', DATA_CSP],
    ['the health check', '/healthz', DATA_CSP],
    ['the OpenAPI document', '/api/openapi.json', DATA_CSP],
    ['the API docs page', '/api/docs', APP_CSP],
    ['a page of the web app', '/staff', APP_CSP],
    ['a script of the web app (a worker would run under it)', '/assets/index-abc123.js', APP_CSP],
    ['a file of the web app', '/robots.txt', DATA_CSP],
  ])('are on %s', async (_, path, policy) => {
    // The web app's pages and files from a tiny build of our own (a checkout need not have built it).
    const fromWeb = !path.startsWith('/api') && path !== '/healthz'
    const res = fromWeb ? await web.request(path) : await t.anonymous().get(path)
    if (fromWeb) expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(policy)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('strict-transport-security')).toBeNull()
  })

  it('forbid framing, inline scripts and eval', () => {
    expect(APP_CSP).toContain("frame-ancestors 'none'")
    expect(APP_CSP).toContain("script-src 'self'")
    expect(APP_CSP).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
    expect(APP_CSP).toContain("object-src 'none'")
  })

  it('let nothing load from an answer that is not a page, nor frame it', () => {
    expect(DATA_CSP).toBe("default-src 'none'; frame-ancestors 'none'")
  })

  it('add Strict-Transport-Security when PUBLIC_URL is https', async () => {
    const https = await createTestApp({ PUBLIC_URL: 'https://yst.example.gov.cn' })
    try {
      const res = await https.anonymous().get('/healthz')
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000')
    } finally {
      await https.close()
    }
  })
})
