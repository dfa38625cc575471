import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { chooseEncoding, INLINE_COMPRESS_MAX_BYTES } from '../src/kernel/http/compression'
import { createTestApp, type TestApp } from './harness'

// Issue 10 item 7: answers go compressed; the web build is served precompressed with long caches.
let t: TestApp
let web: ReturnType<typeof buildApp>
let dist: string
const script = `console.log(${JSON.stringify('营商通 '.repeat(800))})\n`

beforeAll(async () => {
  t = await createTestApp()
  // A tiny build of our own, made the way scripts/compress-web-build.mjs makes the real one.
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-dist-'))
  fs.mkdirSync(path.join(dist, 'assets'))
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>',
  )
  const asset = path.join(dist, 'assets/index-abc123.js')
  fs.writeFileSync(asset, script)
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(script))
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(script))
  web = buildApp(t.deps, { webDist: dist })
})
afterAll(async () => {
  fs.rmSync(dist, { recursive: true, force: true })
  await t.close()
})

async function bytesOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer())
}

describe('compressed JSON answers', () => {
  it.each([
    ['br', (b: Buffer) => zlib.brotliDecompressSync(b)],
    ['gzip', (b: Buffer) => zlib.gunzipSync(b)],
    ['gzip, deflate, br, zstd', (b: Buffer) => zlib.brotliDecompressSync(b)],
  ] as const)(
    'Accept-Encoding %s: a large answer is encoded and decodes to the same JSON',
    async (accept, decode) => {
      const plain = await t.app.request('/api/openapi.json')
      const expected = await plain.json()
      const res = await t.app.request('/api/openapi.json', { headers: { 'accept-encoding': accept } })
      expect(res.status).toBe(200)
      const encoding = accept === 'gzip' ? 'gzip' : 'br'
      expect(res.headers.get('content-encoding')).toBe(encoding)
      expect(res.headers.get('content-type')).toMatch(/^application\/json/)
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
      const body = await bytesOf(res)
      expect(Number(res.headers.get('content-length'))).toBe(body.length)
      expect(JSON.parse(decode(body).toString('utf8'))).toEqual(expected)
      expect(body.length).toBeLessThan(JSON.stringify(expected).length / 3)
    },
  )

  it('sends an API list compressed to a client that takes gzip', async () => {
    const res = await t.app.request('/api/v1/reference/industries', {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(Array.isArray(JSON.parse(zlib.gunzipSync(await bytesOf(res)).toString('utf8')).items)).toBe(true)
  })

  it('compresses a page of a list on the event loop: a busy thread pool does not hold it back', async () => {
    // Every thread of libuv's pool busy for a good while (password hashing does this in a sign-in burst).
    let aThreadFreed = false
    const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4)
    const busy = Promise.all(
      Array.from(
        { length: threads },
        () =>
          new Promise((done) =>
            crypto.pbkdf2('busy', 'salt', 1_000_000, 32, 'sha256', () => done((aThreadFreed = true))),
          ),
      ),
    )
    const res = await t.app.request('/api/v1/reference/industries', { headers: { 'accept-encoding': 'br' } })
    const body = await bytesOf(res)
    expect(res.headers.get('content-encoding')).toBe('br')
    expect(zlib.brotliDecompressSync(body).length).toBeLessThanOrEqual(INLINE_COMPRESS_MAX_BYTES)
    expect(aThreadFreed).toBe(false)
    await busy
  })

  it('leaves small answers and clients that take no encoding alone', async () => {
    const small = await t.app.request('/healthz', { headers: { 'accept-encoding': 'br, gzip' } })
    expect(small.headers.get('content-encoding')).toBeNull()
    expect(await small.json()).toMatchObject({ status: 'ok' })
    const identity = await t.app.request('/api/openapi.json')
    expect(identity.headers.get('content-encoding')).toBeNull()
    expect(identity.headers.get('content-type')).toMatch(/^application\/json/)
    const refused = await t.app.request('/api/openapi.json', {
      headers: { 'accept-encoding': 'br;q=0, gzip;q=0' },
    })
    expect(refused.headers.get('content-encoding')).toBeNull()
    expect(((await refused.json()) as { openapi: string }).openapi).toBe('3.1.0')
  })

  it('keeps the error shape and cookies of a compressed answer', async () => {
    const res = await t.app.request('/api/v1/no-such-route', { headers: { 'accept-encoding': 'br' } })
    expect(res.status).toBe(404)
    const body = await bytesOf(res)
    const text = res.headers.get('content-encoding') === 'br' ? zlib.brotliDecompressSync(body) : body
    expect(JSON.parse(text.toString('utf8')).error.code).toBe('ROUTE_NOT_FOUND')
  })
})

describe('the web build', () => {
  it('serves a hashed asset precompressed per Accept-Encoding, cached for a year', async () => {
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      const res = await web.request('/assets/index-abc123.js', { headers: { 'accept-encoding': accept } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-encoding')).toBe(encoding)
      expect(res.headers.get('content-type')).toMatch(/javascript/)
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i)
      expect(decode(await bytesOf(res)).toString('utf8')).toBe(script)
    }
    const identity = await web.request('/assets/index-abc123.js')
    expect(identity.headers.get('content-encoding')).toBeNull()
    expect(identity.headers.get('vary')).toMatch(/accept-encoding/i)
    expect((await bytesOf(identity)).toString('utf8')).toBe(script)
  })

  it('asks for index.html again every time, and answers a missing asset 404 without a long cache', async () => {
    for (const url of ['/', '/index.html', '/appeals/new']) {
      const res = await web.request(url, { headers: { 'accept-encoding': 'br' } })
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await res.text()).toContain('/assets/index-abc123.js')
    }
    const missing = await web.request('/assets/index-gone99.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control') ?? '').not.toMatch(/immutable/)
  })
})

describe('choosing an encoding', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['identity', null],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br', 'br'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', null],
    ['*', 'br'],
    ['*;q=0', null],
    ['deflate', null],
    ['GZIP', 'gzip'],
  ] as const)('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected)
  })
})
