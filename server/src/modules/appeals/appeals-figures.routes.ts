import { z } from 'zod'
import type { AppEnv } from '../../kernel/http/app-env'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { defineRoute, jsonResponse } from '../../kernel/http/route'
import {
  FiguresQuery,
  FiguresSchema,
  RankingQuery,
  RankingSchema,
  WithdrawalGroupSchema,
} from './appeals.schema'
import * as figures from './appeals-figures.service'

const tags = ['appeals']

/** Figures: the departments' rates, the ranking (also as a spreadsheet), the withdrawals. */
export function figureRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/figures',
      tags,
      access: 'session',
      summary:
        'Response, resolution and satisfaction rates and more, by department, with their raw numbers (formulas: the figures page)',
      request: { query: FiguresQuery },
      responses: { 200: jsonResponse(FiguresSchema, 'Figures') },
    }),
    async (c) =>
      c.json(await figures.computeFigures(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/ranking',
      tags,
      access: 'session',
      summary: 'The monthly department ranking with raw numbers',
      request: { query: RankingQuery },
      responses: { 200: jsonResponse(RankingSchema, 'Ranking') },
    }),
    async (c) =>
      c.json(await figures.monthlyRanking(c.get('deps'), c.get('actor'), c.req.valid('query').month), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/ranking.xlsx',
      tags,
      access: 'session',
      summary: 'The monthly ranking as an Excel workbook (rows and formulas)',
      request: { query: RankingQuery },
      responses: {
        200: {
          description: 'xlsx',
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ format: 'binary' }),
            },
          },
        },
      },
    }),
    async (c) => {
      const month = c.req.valid('query').month
      const book = await figures.rankingWorkbook(c.get('deps'), c.get('actor'), month)
      return c.body(new Uint8Array(book), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="appeal-ranking-${month}.xlsx"`,
      }) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/withdrawals',
      tags,
      access: 'session',
      summary: 'Withdrawn appeals of a period by department, for audit',
      request: { query: FiguresQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(WithdrawalGroupSchema) }), 'Withdrawals') },
    }),
    async (c) =>
      c.json(
        { items: await figures.listWithdrawals(c.get('deps'), c.get('actor'), c.req.valid('query')) },
        200,
      ),
  )
}
