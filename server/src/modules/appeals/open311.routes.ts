import { z } from 'zod'
import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import * as open311 from './appeals-open311.service'

const tags = ['open311']

const Service = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
})
const ServiceRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string(),
})
const RequestsQuery = z.strictObject({
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(40).optional(),
  start_date: z.string().datetime({ offset: true }).optional(),
  end_date: z.string().datetime({ offset: true }).optional(),
  status: z.enum(['open', 'closed']).optional(),
  jurisdiction_id: z.string().max(100).optional(),
})

/** Open311 GeoReport v2 (JSON, read-only) at /api/open311/v2. */
export function open311Routes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services.json',
      tags,
      access: 'public',
      summary: 'GeoReport v2: service list (the appeal catalogue)',
      request: { query: z.strictObject({ jurisdiction_id: z.string().max(100).optional() }) },
      responses: { 200: jsonResponse(z.array(Service), 'Services') },
    }),
    async (c) => c.json(await open311.open311Services(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/requests.json',
      tags,
      access: 'public',
      summary: 'GeoReport v2: public service requests (appeals an enterprise allowed to be public)',
      request: { query: RequestsQuery },
      responses: { 200: jsonResponse(z.array(ServiceRequest), 'Service requests') },
    }),
    async (c) => c.json(await open311.open311Requests(c.get('deps'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/requests/{file}',
      tags,
      access: 'public',
      summary: 'GeoReport v2: one public service request, e.g. /requests/DL-2026-000123.json',
      request: { params: z.strictObject({ file: z.string().regex(/^[A-Z0-9-]{1,40}\.json$/) }) },
      responses: { 200: jsonResponse(z.array(ServiceRequest), 'The service request') },
    }),
    async (c) =>
      c.json(
        await open311.open311Request(c.get('deps'), c.req.valid('param').file.replace(/\.json$/, '')),
        200,
      ),
  )

  return router
}
