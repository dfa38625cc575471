import { z } from 'zod'
import type { AppEnv } from '../../kernel/http/app-env'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  AppealIdParams,
  ReturnVisitParams,
  ReturnVisitResultBody,
  ReturnVisitSchema,
  RatingBody,
} from './appeals.schema'
import * as closing from './appeals-closing.service'

const tags = ['appeals']
const Ok = z.object({ ok: z.literal(true) })

/** Return visits (回访): the task force's list and results, the enterprise's survey answer. */
export function returnVisitRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/return-visits',
      tags,
      access: 'session',
      summary: 'Return visits (task force)',
      request: { query: z.strictObject({ status: z.enum(['pending', 'done', 'unreachable']).optional() }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(ReturnVisitSchema) }), 'Return visits') },
    }),
    async (c) =>
      c.json(
        { items: await closing.listReturnVisits(c.get('deps'), c.get('actor'), c.req.valid('query').status) },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/return-visits/{visitId}',
      tags,
      access: 'session',
      summary: 'Record a return visit made by phone (task force)',
      request: { params: ReturnVisitParams, body: jsonBody(ReturnVisitResultBody) },
      responses: { 200: jsonResponse(Ok, 'Recorded') },
    }),
    async (c) =>
      c.json(
        await closing.recordReturnVisit(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').visitId,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/{id}/return-visit',
      tags,
      access: 'session',
      summary: 'Answer the return-visit survey of a closed appeal (enterprise)',
      request: { params: AppealIdParams, body: jsonBody(RatingBody) },
      responses: { 200: jsonResponse(Ok, 'Recorded') },
    }),
    async (c) =>
      c.json(
        await closing.answerReturnVisit(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
}
