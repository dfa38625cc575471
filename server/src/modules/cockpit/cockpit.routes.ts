import { z } from 'zod'
import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import {
  CockpitCasesQuery,
  CockpitCasesSchema,
  CockpitQuery,
  CockpitSchema,
  OpenDataFileParams,
  OpenDataIndexSchema,
  OpenDataMonthSchema,
} from './cockpit.schema'
import * as service from './cockpit.service'

const tags = ['cockpit']
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The cockpit for the bureau and department heads (formulas: docs/METRICS.md). */
export function cockpitRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/cockpit',
      tags,
      access: 'session',
      summary:
        'The cockpit of a period: appeals, services, benefits, ratings and supervision per month and unit, with raw numbers',
      request: { query: CockpitQuery },
      responses: { 200: jsonResponse(CockpitSchema, 'The cockpit') },
    }),
    async (c) => c.json(await service.readCockpit(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/cockpit/cases',
      tags,
      access: 'session',
      summary:
        'The cases behind one number of the cockpit (by metric, month and unit, within the reader’s scope)',
      request: { query: CockpitCasesQuery },
      responses: { 200: jsonResponse(CockpitCasesSchema, 'A page of cases') },
    }),
    async (c) =>
      c.json(await service.listCockpitCases(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/cockpit.xlsx',
      tags,
      access: 'session',
      summary: 'The cockpit of a period as an Excel workbook (trend, units with raw numbers, formulas)',
      request: { query: CockpitQuery },
      responses: {
        200: {
          description: 'xlsx',
          content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const input = c.req.valid('query')
      const book = await service.cockpitWorkbook(c.get('deps'), c.get('actor'), input)
      return c.body(new Uint8Array(book), 200, {
        'content-type': XLSX,
        'content-disposition': `attachment; filename="cockpit-${input.from}-${input.to}.xlsx"`,
      }) as never
    },
  )

  return router
}

/** The open data: closed months as JSON and CSV under stable URLs, for anyone. */
export function openDataRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/open-data/monthly',
      tags,
      access: 'public',
      summary: 'The index of the monthly open data: every closed month, with its JSON and CSV address',
      responses: { 200: jsonResponse(OpenDataIndexSchema, 'The index') },
    }),
    async (c) => c.json(await service.openDataIndex(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/open-data/monthly/{file}',
      tags,
      access: 'public',
      summary:
        'One closed month of open data (YYYY-MM.json or YYYY-MM.csv): aggregate counts per unit, no personal data',
      request: { params: OpenDataFileParams },
      responses: {
        200: {
          description: 'The month',
          content: {
            'application/json': { schema: OpenDataMonthSchema },
            'text/csv': { schema: z.string() },
          },
        },
      },
    }),
    async (c) => {
      const file = c.req.valid('param').file
      const month = file.slice(0, 7)
      const headers = { 'cache-control': 'public, max-age=3600' }
      if (file.endsWith('.csv'))
        return c.body(await service.openDataCsv(c.get('deps'), month), 200, {
          ...headers,
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `inline; filename="yingshang-${month}.csv"`,
        }) as never
      return c.json(await service.openDataMonth(c.get('deps'), month), 200, headers) as never
    },
  )

  return router
}
