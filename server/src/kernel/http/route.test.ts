import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ANONYMOUS } from '../auth/actor'
import type { AppEnv } from './app-env'
import { toAppError } from './middleware'
import { createRouter, defineRoute, jsonResponse } from './route'

// A route that reads only its query and path is mounted with one step (decision 0069): the session
// check, then both parts validated at once.
function appWith(access: 'public' | 'session') {
  const router = createRouter()
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/things/{id}',
      access,
      summary: 'A thing',
      request: {
        params: z.object({ id: z.string().regex(/^\d+$/) }),
        query: z.strictObject({ limit: z.coerce.number().int().min(1).max(10).default(5) }),
      },
      responses: { 200: jsonResponse(z.object({ id: z.string(), limit: z.number() }), 'The thing') },
    }),
    (c) => c.json({ id: c.req.valid('param').id, limit: c.req.valid('query').limit }, 200),
  )
  const app = new Hono<AppEnv>()
    .use('*', (c, next) => {
      c.set('actor', ANONYMOUS)
      return next()
    })
    .onError((error, c) => {
      const appError = toAppError(error, c)
      return c.json(appError.toBody(), appError.status as 400)
    })
    .route('/', router)
  return { app, router }
}

describe('a route that reads only its query and path', () => {
  it('hands the handler both parts, parsed', async () => {
    const { app } = appWith('public')
    const res = await app.request('/things/42?limit=3')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id: '42', limit: 3 })
    expect(await (await app.request('/things/7')).json()).toEqual({ id: '7', limit: 5 })
  })

  it.each([
    ['a bad path parameter', '/things/x', ['id']],
    ['a bad query value', '/things/1?limit=99', ['limit']],
    ['an unknown query name', '/things/1?colour=red', ['colour']],
    ['the name __proto__ (a field like any other, and unknown)', '/things/1?__proto__=x', ['__proto__']],
    ['both parts bad: every field listed', '/things/x?limit=0&colour=red', ['id', 'limit', 'colour']],
  ])('refuses %s in the one error shape', async (_, url, fields) => {
    const res = await appWith('public').app.request(url)
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } }
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(body.error.fields).sort()).toEqual([...fields].sort())
  })

  it('checks the session before it reads anything', async () => {
    const res = await appWith('session').app.request('/things/x?limit=0')
    expect(res.status).toBe(401)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED')
  })

  it('is in the OpenAPI document as zod-openapi would put it', () => {
    const { router } = appWith('session')
    const doc = router.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } })
    const get = doc.paths?.['/things/{id}']?.get
    expect(get?.parameters?.map((p) => ('name' in p ? `${p.in} ${p.name}` : '')).sort()).toEqual([
      'path id',
      'query limit',
    ])
    expect(get?.security).toEqual([{ cookieAuth: [] }])
  })
})
