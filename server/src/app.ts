import path from 'node:path'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { sql } from 'kysely'
import { AppError } from './kernel/errors'
import type { AppDeps } from './kernel/http/app-env'
import { compressAnswers } from './kernel/http/compression'
import { mountDocsPage } from './kernel/http/docs-page'
import { mayReadMetrics } from './kernel/http/local-only'
import { guardInput } from './kernel/http/input-guard'
import { requestContext, requireJsonBodies, sessionAuth, toErrorResponse } from './kernel/http/middleware'
import { securityHeaders } from './kernel/http/security-headers'
import { createRouter } from './kernel/http/route'
import { appealRoutes } from './modules/appeals/appeals.routes'
import { MAX_TABLE_FILE_BYTES } from './kernel/tabular'
import { MAX_ATTACHMENT_BYTES } from './kernel/uploads'
import {
  isOpen311Path,
  open311Routes,
  OPEN311_PREFIX,
  toGeoReportErrorResponse,
} from './modules/appeals/open311.routes'
import { auditRoutes } from './modules/audit/audit.routes'
import { benefitRoutes } from './modules/benefits/benefits.routes'
import { authRoutes } from './modules/auth/auth.routes'
import { calendarRoutes } from './modules/calendar/calendar.routes'
import { departmentRoutes } from './modules/departments/departments.routes'
import { enterpriseClaimRoutes } from './modules/enterprise-claims/enterprise-claims.routes'
import { worklistRoutes } from './modules/worklist/worklist.routes'
import { enterpriseRoutes } from './modules/enterprises/enterprises.routes'
import { factRoutes } from './modules/facts/facts.routes'
import { notificationRoutes } from './modules/notifications/notifications.routes'
import { policyRoutes } from './modules/policies/policies.routes'
import { privacyRoutes } from './modules/privacy/privacy.routes'
import { referenceRoutes } from './modules/reference/reference.routes'
import { settlementAccountRoutes } from './modules/settlement-accounts/settlement-accounts.routes'
import { supervisionRoutes } from './modules/supervision/supervision.routes'
import { userRoutes } from './modules/users/users.routes'

export const API_PREFIX = '/api/v1'
const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist')
/** Hashed file names (Vite's assets/): a new build names new files, so a year's cache is safe. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

/** Builds the whole HTTP app without listening: main.ts serves it, tests inject requests into it. */
export function buildApp(deps: AppDeps, options: { webDist?: string } = {}) {
  const app = createRouter()
  const webDist = options.webDist ?? WEB_DIST

  app.use('*', securityHeaders(deps.config))
  app.use('*', requestContext(deps))
  // Text answers above 1 kB go compressed (brotli or gzip, per Accept-Encoding); the web assets
  // were compressed at build time and are served as they are (docs/decisions/0028).
  const compress = compressAnswers()
  app.use('*', (c, next) => (c.req.path.startsWith('/assets/') ? next() : compress(c, next)))
  // Open311 clients expect GeoReport's own error format; everything else the one error shape.
  app.onError((error, c) =>
    isOpen311Path(c.req.path) ? toGeoReportErrorResponse(error, c) : toErrorResponse(error, c),
  )

  app.get('/healthz', async (c) => {
    try {
      await sql`SELECT 1`.execute(deps.db)
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

  // File uploads get room for one attachment (and the multipart framing); everything else the JSON limit.
  const limitTo = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: maxSize } })
      },
    })
  const jsonLimit = limitTo(deps.config.bodyLimitBytes)
  const uploadLimit = limitTo(MAX_ATTACHMENT_BYTES + 64 * 1024)
  const tableLimit = limitTo(MAX_TABLE_FILE_BYTES + 64 * 1024)
  app.use('/api/*', (c, next) =>
    (c.req.path === `${API_PREFIX}/facts/imports`
      ? tableLimit
      : [
            `${API_PREFIX}/appeals/attachments`,
            `${API_PREFIX}/appeals/imports`,
            `${API_PREFIX}/benefits/materials`,
          ].includes(c.req.path)
        ? uploadLimit
        : jsonLimit)(c, next),
  )
  app.use('/api/*', requireJsonBodies())
  app.use('/api/*', sessionAuth())
  app.use('/api/*', guardInput())

  app.route(API_PREFIX, authRoutes())
  app.route(API_PREFIX, enterpriseRoutes())
  app.route(API_PREFIX, enterpriseClaimRoutes())
  app.route(API_PREFIX, worklistRoutes())
  app.route(API_PREFIX, settlementAccountRoutes())
  app.route(API_PREFIX, factRoutes())
  app.route(API_PREFIX, policyRoutes())
  app.route(API_PREFIX, appealRoutes())
  app.route(API_PREFIX, departmentRoutes())
  app.route(API_PREFIX, userRoutes())
  app.route(API_PREFIX, calendarRoutes())
  app.route(API_PREFIX, auditRoutes())
  app.route(API_PREFIX, notificationRoutes(deps.config.devInbox))
  app.route(API_PREFIX, referenceRoutes())
  app.route(API_PREFIX, supervisionRoutes())
  app.route(API_PREFIX, benefitRoutes())
  app.route(API_PREFIX, privacyRoutes())
  app.route(OPEN311_PREFIX, open311Routes())

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
