import path from 'node:path'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context } from 'hono'
import { pingDatabase } from './kernel/db/health.queries'
import { AppError } from './kernel/errors'
import { apiGate } from './kernel/http/api-gate'
import type { AppDeps } from './kernel/http/app-env'
import { limitBody } from './kernel/http/body-limit'
import { mountDocsPage } from './kernel/http/docs-page'
import { mayReadMetrics } from './kernel/http/local-only'
import { toErrorResponse } from './kernel/http/middleware'
import { requestEnvelope } from './kernel/http/envelope'
import { createRouter } from './kernel/http/route'
import { MODULES } from './modules/modules'

export const API_PREFIX = '/api/v1'
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist')
/** Hashed file names (Vite's assets/): a new build names new files, so a year's cache is safe. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Room a multipart body needs around its one file: boundaries, part headers, other small fields. */
const MULTIPART_FRAMING_BYTES = 64 * 1024

/** Builds the whole HTTP app without listening: main.ts serves it, tests inject requests into it. */
export function buildApp(deps: AppDeps, options: { webDist?: string } = {}) {
  const app = createRouter()
  const webDist = options.webDist ?? WEB_DIST

  // Request id, language, address and context; text answers above 1 kB compressed (brotli or gzip,
  // per Accept-Encoding; the web assets were at build time, decision 0028); security headers; metrics.
  app.use('*', requestEnvelope(deps))
  // A mount that speaks an outside standard (Open311) answers errors in that standard's format;
  // everything else in the one error shape.
  const ownErrorFormats = MODULES.flatMap((m) => m.mounts ?? []).filter((mount) => mount.errorResponse)
  app.onError((error, c) => {
    const mount = ownErrorFormats.find(({ prefix }) => isUnder(c.req.path, prefix ?? API_PREFIX))
    return mount ? mount.errorResponse!(error, c) : toErrorResponse(error, c)
  })

  app.get('/healthz', async (c) => {
    try {
      await pingDatabase(deps.db)
      return c.json({ status: 'ok', database: deps.database.kind })
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE')
    }
  })
  // Metrics name routes, volumes and timings: this machine's scraper, or one holding METRICS_TOKEN.
  app.get('/metrics', async (c) => {
    if (!mayReadMetrics(c)) throw new AppError('METRICS_TOKEN_REQUIRED')
    return c.body(await deps.metrics.registry.metrics(), 200, {
      'content-type': deps.metrics.registry.contentType,
    })
  })

  // Uploads and spreadsheets get the room their module declares; everything else the JSON limit.
  const jsonLimit = limitBody(deps.config.bodyLimitBytes)
  const largerLimits = new Map<string, ReturnType<typeof limitBody>>()
  for (const module of MODULES)
    for (const [route, bytes] of Object.entries(module.bodyLimits ?? {}))
      largerLimits.set(`${API_PREFIX}${route}`, limitBody(bytes + MULTIPART_FRAMING_BYTES))
  app.use(
    '/api/*',
    apiGate((path) => largerLimits.get(path) ?? jsonLimit),
  )

  for (const module of MODULES)
    for (const mount of module.mounts ?? []) app.route(mount.prefix ?? API_PREFIX, mount.routes(deps))

  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'ys_session',
    description:
      'Session cookie set by a sign-in endpoint. Writes also need the x-csrf-token header (the ys_csrf cookie).',
  })
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: '营商通 Yingshang API',
      version: '1.0.0',
      description:
        'Every error answers { "error": { "code", "message", "fields"? } }; fields lists every invalid field. ' +
        'Messages follow Accept-Language (zh-CN default, en). A signed-in caller who has not accepted the current ' +
        'privacy notice and terms of use (staff: acknowledged the staff notice) gets 403 CONSENT_REQUIRED from every ' +
        'session route but /auth/me, the sign-outs, /auth/password, /consents/mine, POST /consents, ' +
        '/consents/withdraw and /privacy/my-data.',
    },
    servers: [{ url: '/' }],
  })
  mountDocsPage(app)

  app.all('/api/*', (c) => toErrorResponse(new AppError('ROUTE_NOT_FOUND'), c))

  // The web app: static files, and index.html for every client-side route.
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    // Read again when the build changes (a rebuild while the server runs names new assets).
    const indexFile = path.join(webDist, 'index.html')
    let cached = { mtimeMs: 0, html: '' }
    const indexHtml = () => {
      const { mtimeMs } = fs.statSync(indexFile)
      if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: fs.readFileSync(indexFile, 'utf8') }
      return cached.html
    }
    // index.html names the current build's assets: always asked again (revalidated), never kept stale.
    const serveIndex = (c: Context) => {
      c.header('cache-control', 'no-cache')
      return c.html(indexHtml())
    }
    const root = path.relative(process.cwd(), webDist) || '.'
    // Built assets: the .br or .gz made at build time when the browser takes it, a year in cache.
    app.use('/assets/*', async (c, next) => {
      await next()
      c.header('vary', 'Accept-Encoding')
      if (c.res.status === 200) c.header('cache-control', IMMUTABLE)
    })
    app.get('/assets/*', serveStatic({ root, precompressed: true }))
    // A missing asset is a 404, never index.html under a year-long cache.
    app.get('/assets/*', (c) => toErrorResponse(new AppError('ROUTE_NOT_FOUND'), c))
    app.get('/', serveIndex)
    app.get('/index.html', serveIndex)
    // Other files at the root (icons, the manifest): not hashed, so revalidated.
    app.use(
      '*',
      serveStatic({
        root,
        precompressed: true,
        onFound: (_path, c) => {
          c.header('cache-control', 'no-cache')
        },
      }),
    )
    app.get('*', serveIndex)
  } else {
    app.get('/', (c) =>
      c.text('The web app is not built: run `npm run build`, or `npm start` which builds it.', 503),
    )
  }
  app.notFound((c) => toErrorResponse(new AppError('ROUTE_NOT_FOUND'), c))
  return app
}

export type App = ReturnType<typeof buildApp>

function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`)
}
