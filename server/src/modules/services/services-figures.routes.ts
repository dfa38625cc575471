import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import { ServicesFiguresQuery, ServicesFiguresSchema, ServicesStatisticsSchema } from './services.schema'
import * as figures from './services-figures.service'

const tags = ['services']

/** The services figures for staff and the public statistics (formulas: docs/METRICS.md). */
export function figuresRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/figures',
      tags,
      access: 'session',
      summary:
        'Time used vs promised vs statutory, early, zero-visit and instant rates, supplements, materials and deemed acceptances per month and matter, department or city',
      request: { query: ServicesFiguresQuery },
      responses: { 200: jsonResponse(ServicesFiguresSchema, 'Figures') },
    }),
    async (c) =>
      c.json(await figures.computeFigures(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/statistics',
      tags,
      access: 'public',
      summary:
        'The public statistics of online services: the same figures as aggregates, no application named',
      request: { query: ServicesFiguresQuery },
      responses: { 200: jsonResponse(ServicesStatisticsSchema, 'Statistics') },
    }),
    async (c) => c.json(await figures.computeStatistics(c.get('deps'), c.req.valid('query')), 200),
  )

  return router
}
