import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { limitBody } from './body-limit'

// The body limit over a real socket (decision 0066): a declared length is judged from the header, a
// chunked body by counting it, and what passes is read by the route as it was sent.
let reached = 0
const app = new Hono()
  .use('*', limitBody(64))
  .post('/echo', async (c) => {
    reached++
    return c.json({ text: await c.req.text() })
  })
  .onError((error, c) =>
    c.json({ code: error instanceof AppError ? error.code : 'OTHER' }, error instanceof AppError ? 413 : 500),
  )
let server: ReturnType<typeof serve>
let url = ''
beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((r) => (server.listening ? r(null) : server.once('listening', r)))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/echo`
})
afterAll(() => new Promise((r) => server.close(r)))

const chunked = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      // two chunks, so the size is only known once the body is read
      const bytes = new TextEncoder().encode(text)
      controller.enqueue(bytes.subarray(0, bytes.length >> 1))
      controller.enqueue(bytes.subarray(bytes.length >> 1))
      controller.close()
    },
  })

describe('the body limit', () => {
  it.each([
    ['a declared body within the limit', 'x'.repeat(64), false, 200],
    ['a declared body one byte over', 'x'.repeat(65), false, 413],
    ['a chunked body within the limit', 'y'.repeat(64), true, 200],
    ['a chunked body over the limit', 'y'.repeat(200), true, 413],
    ['no body at all', '', false, 200],
  ] as const)('%s', async (_, text, isChunked, status) => {
    const before = reached
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      ...(isChunked ? { body: chunked(text), duplex: 'half' } : text ? { body: text } : {}),
    } as RequestInit)
    expect(res.status).toBe(status)
    const body = (await res.json()) as { text?: string; code?: string }
    if (status === 200) expect(body.text).toBe(text)
    else expect(body.code).toBe('PAYLOAD_TOO_LARGE')
    // refused before the route: it never read a byte of it
    expect(reached - before).toBe(status === 200 ? 1 : 0)
  })

  it('counts a body injected without a socket and without a length (tests, other adapters)', async () => {
    const res = await app.request('/echo', {
      method: 'POST',
      body: chunked('z'.repeat(100)),
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
  })
})
