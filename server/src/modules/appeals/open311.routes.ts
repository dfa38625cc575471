import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppEnv } from '../../kernel/http/app-env'
import { toAppError } from '../../kernel/http/middleware'
import { createRouter } from '../../kernel/http/route'
import * as open311 from './appeals-open311.service'
import { toXmlDocument, type SparkValue } from './open311-xml'

/**
 * Open311 GeoReport v2 (read-only) at /api/open311: the discovery document, then services, service
 * definitions, requests and one request under /v2 — every one as .json and as .xml, with the spec's
 * element names, and every error in the spec's error format in the format asked for. media_url points
 * at /v2/media/<id>.<ext>, which serves only the first image of a public appeal.
 */
export const OPEN311_PREFIX = '/api/open311'

const FORMATS = ['json', 'xml'] as const
type Format = (typeof FORMATS)[number]
const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
}
/** The spec's singular for each list: <services><service>, <service_requests><request>, … */
const ITEM_NAMES = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  attributes: 'attribute',
  values: 'value',
}
const tags = ['open311']

const GeoReportErrors = z
  .array(z.object({ code: z.number().int(), description: z.string() }))
  .openapi('GeoReportErrors', {
    description: 'GeoReport v2 errors: [{ code, description }], or <errors><error>… in XML',
  })
const Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
})
const ServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z
    .array(z.object({ code: z.string(), description: z.string() }))
    .openapi({ description: 'Always empty: no service needs extra fields (metadata is false)' }),
})
const ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().url().nullable().openapi({
    description: 'The first image of the appeal, as an absolute URL; null when it has none',
  }),
})
const Discovery = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
})

// Unknown parameters are refused (the one error shape's rule), except the ones GeoReport clients send
// everywhere: jurisdiction_id (one jurisdiction here, so ignored, as the spec allows) and api_key.
const common = {
  jurisdiction_id: z.string().max(100).optional(),
  api_key: z.string().max(200).optional(),
}
const RequestsQuery = z.strictObject({
  ...common,
  service_request_id: z
    .string()
    .max(2000)
    .optional()
    .openapi({ description: 'Comma-delimited; overrides every other argument' }),
  service_code: z.string().max(400).optional().openapi({ description: 'Comma-delimited' }),
  start_date: z.string().max(40).optional().openapi({ example: '2026-03-01T00:00:00+08:00' }),
  end_date: z.string().max(40).optional().openapi({ description: 'At most 90 days after start_date' }),
  status: z.string().max(20).optional().openapi({ description: 'open, closed, or both comma-delimited' }),
})
const FileParams = z.strictObject({ file: z.string().max(100) })

/** `name.json` / `name.xml` → its parts; anything else is a resource that does not exist. */
function splitFile(file: string): { name: string; format: Format } {
  const match = /^(.+)\.(json|xml)$/.exec(file)
  if (!match) throw new AppError('ROUTE_NOT_FOUND')
  return { name: match[1]!, format: match[2] as Format }
}

function formatOfPath(path: string): Format {
  return path.endsWith('.xml') ? 'xml' : 'json'
}

function send(c: Context<AppEnv>, format: Format, root: string, value: SparkValue, status = 200) {
  const body = format === 'xml' ? toXmlDocument(root, value, ITEM_NAMES) : JSON.stringify(value)
  return c.body(body, status as 200, { 'content-type': CONTENT_TYPES[format] })
}

/**
 * The address the caller reached us at, for absolute URLs when PUBLIC_URL is not set; behind a
 * trusted proxy, the forwarded scheme and host.
 */
function baseUrlOf(c: Context<AppEnv>): string {
  const deps = c.get('deps')
  const url = new URL(c.req.url)
  if (deps.config.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim()
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim()
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`
    if (host && /^[A-Za-z0-9.-]+(?::\d{1,5})?$/.test(host)) url.host = host
  }
  return open311.open311BaseUrl(deps, url.origin)
}

/**
 * Every error under /api/open311 in GeoReport's format, in the format the path asked for: 404 for
 * what does not exist, 400 for a bad request with one error per bad field, the status itself otherwise.
 */
export function toGeoReportErrorResponse(error: unknown, c: Context<AppEnv>): Response {
  const appError = toAppError(error, c)
  const status =
    appError.code === 'NOT_FOUND' || appError.code === 'ROUTE_NOT_FOUND'
      ? 404
      : appError.code === 'VALIDATION_FAILED'
        ? 400
        : appError.status
  const { message, fields } = appError.toBody().error
  const errors = fields
    ? Object.entries(fields).map(([field, text]) => ({ code: status, description: `${field}: ${text}` }))
    : [{ code: status, description: message }]
  return send(c, formatOfPath(c.req.path), 'errors', errors, status)
}

function documented(format: Format, schema: z.ZodType, description: string) {
  return {
    description,
    content:
      format === 'json'
        ? { 'application/json': { schema } }
        : { 'text/xml': { schema: z.string().openapi({ description: 'The same document in XML' }) } },
  }
}

function errorsIn(formats: readonly Format[]) {
  const content = Object.fromEntries(
    formats.map((f) =>
      f === 'json'
        ? ['application/json', { schema: GeoReportErrors }]
        : [
            'text/xml',
            { schema: z.string().openapi({ description: '<errors><error><code/><description/>' }) },
          ],
    ),
  )
  return {
    400: { description: 'Bad request: one error per bad argument', content },
    404: { description: 'No such resource, or not public', content },
  }
}

export function open311Routes() {
  const router = createRouter()

  for (const format of FORMATS) {
    router.openapi(
      createRoute({
        method: 'get',
        path: `/discovery.${format}`,
        tags,
        security: [],
        summary: `Open311 service discovery (${format})`,
        request: { query: z.strictObject(common) },
        responses: { 200: documented(format, Discovery, 'The discovery document'), ...errorsIn([format]) },
      }),
      async (c) =>
        send(c, format, 'discovery', await open311.open311Discovery(c.get('deps'), baseUrlOf(c))) as never,
    )

    router.openapi(
      createRoute({
        method: 'get',
        path: `/v2/services.${format}`,
        tags,
        security: [],
        summary: `GeoReport v2: service list, the appeal catalogue (${format})`,
        request: { query: z.strictObject(common) },
        responses: { 200: documented(format, z.array(Service), 'Services'), ...errorsIn([format]) },
      }),
      async (c) => send(c, format, 'services', await open311.open311Services(c.get('deps'))) as never,
    )

    router.openapi(
      createRoute({
        method: 'get',
        path: `/v2/requests.${format}`,
        tags,
        security: [],
        summary: `GeoReport v2: public service requests, appeals their enterprises made public (${format})`,
        request: { query: RequestsQuery },
        responses: {
          200: documented(format, z.array(ServiceRequest), 'Service requests'),
          ...errorsIn([format]),
        },
      }),
      async (c) =>
        send(
          c,
          format,
          'service_requests',
          await open311.open311Requests(c.get('deps'), c.req.valid('query'), baseUrlOf(c)),
        ) as never,
    )
  }

  router.openapi(
    createRoute({
      method: 'get',
      path: '/v2/services/{file}',
      tags,
      security: [],
      summary:
        'GeoReport v2: one service definition, e.g. /services/tax.xml (no attributes: metadata is false)',
      request: { params: FileParams, query: z.strictObject(common) },
      responses: {
        200: {
          description: 'The service definition',
          content: {
            'application/json': { schema: ServiceDefinition },
            'text/xml': { schema: z.string() },
          },
        },
        ...errorsIn(FORMATS),
      },
    }),
    async (c) => {
      const { name, format } = splitFile(c.req.valid('param').file)
      return send(
        c,
        format,
        'service_definition',
        await open311.open311ServiceDefinition(c.get('deps'), name),
      ) as never
    },
  )

  router.openapi(
    createRoute({
      method: 'get',
      path: '/v2/requests/{file}',
      tags,
      security: [],
      summary: 'GeoReport v2: one public service request, e.g. /requests/DL-2026-000123.xml',
      request: { params: FileParams, query: z.strictObject(common) },
      responses: {
        200: {
          description: 'The service request, as a list of one',
          content: {
            'application/json': { schema: z.array(ServiceRequest) },
            'text/xml': { schema: z.string() },
          },
        },
        ...errorsIn(FORMATS),
      },
    }),
    async (c) => {
      const { name, format } = splitFile(c.req.valid('param').file)
      return send(
        c,
        format,
        'service_requests',
        await open311.open311Request(c.get('deps'), name, baseUrlOf(c)),
      ) as never
    },
  )

  router.openapi(
    createRoute({
      method: 'get',
      path: '/v2/media/{file}',
      tags,
      security: [],
      summary:
        'The image a public service request’s media_url points at (the first image of a public appeal)',
      request: { params: FileParams },
      responses: {
        200: {
          description: 'The image',
          content: {
            'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
            'image/png': { schema: z.string().openapi({ format: 'binary' }) },
            'image/webp': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...errorsIn(['json']),
      },
    }),
    async (c) => {
      const match =
        /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\.(?:jpg|png|webp))?$/.exec(
          c.req.valid('param').file,
        )
      if (!match) throw new AppError('NOT_FOUND')
      const media = await open311.open311Media(c.get('deps'), match[1]!)
      return c.body(new Uint8Array(media.content), 200, {
        'content-type': media.contentType,
        'content-disposition': 'inline',
        'x-content-type-options': 'nosniff',
        // Short: an enterprise that makes its appeal private again is not served from caches for long.
        'cache-control': 'public, max-age=300',
      }) as never
    },
  )

  // Anything else under /api/open311: 404 in GeoReport's format; writes are not offered at all.
  router.all('*', (c) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD')
      return send(
        c,
        formatOfPath(c.req.path),
        'errors',
        [{ code: 400, description: translate('open311.readOnly') }],
        400,
      )
    throw new AppError('ROUTE_NOT_FOUND')
  })

  return router
}
