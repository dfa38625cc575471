import { z } from 'zod'
import type { AppEnv } from '../../kernel/http/app-env'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { defineRoute, jsonResponse } from '../../kernel/http/route'
import { sendValidatedAnswer, wantsFreshAnswer } from '../../kernel/http/validated-answers'
import { EnterpriseAppealPageSchema, AppealPageSchema, InboxQuery, QueueQuery } from './appeals.schema'
import * as read from './appeals-read.service'
import * as worklist from './appeals-worklist.service'

const tags = ['appeals']

/** The lists: the enterprise's own appeals, the task force's queues, a department's inbox, and their counts. */
export function listRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/mine',
      tags,
      access: 'session',
      summary: 'The appeals of the enterprises I act for (the enterprise’s view)',
      request: {
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: jsonResponse(EnterpriseAppealPageSchema, 'My appeals, newest first'),
        304: { description: 'Unchanged since the answer the client holds (If-None-Match)' },
      },
    }),
    async (c) => {
      const deps = c.get('deps')
      const fresh = wantsFreshAnswer(c)
      const answer = await read.listMyAppeals(deps, c.get('actor'), c.req.valid('query'), { fresh })
      return sendValidatedAnswer(c, deps.answers, answer)
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/queue',
      tags,
      access: 'session',
      summary: 'The task force’s queues (triage, returned, arbitration, overdue, extensions, …)',
      request: { query: QueueQuery },
      responses: { 200: jsonResponse(AppealPageSchema, 'A page of appeals') },
    }),
    async (c) => c.json(await read.listQueue(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/queue/counts',
      tags,
      access: 'session',
      summary: 'How many appeals each of the task force’s queue tabs lists',
      responses: {
        200: jsonResponse(
          z.object({
            triage: z.number(),
            dispatched: z.number(),
            returned: z.number(),
            arbitration: z.number(),
            overdue: z.number(),
            extensions: z.number(),
            open: z.number(),
            all: z.number(),
          }),
          'Counts per tab',
        ),
      },
    }),
    async (c) => c.json(await worklist.countQueueViews(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/inbox/counts',
      tags,
      access: 'session',
      summary:
        'How many appeals each tab of my department’s inbox lists, and how many are unsigned or overdue',
      responses: {
        200: jsonResponse(
          z.object({
            open: z.number(),
            approvals: z.number(),
            closed: z.number(),
            overdue: z.number(),
            toSignFor: z.number(),
          }),
          'Counts per tab',
        ),
      },
    }),
    async (c) => c.json(await worklist.countInboxViews(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/inbox',
      tags,
      access: 'session',
      summary: 'My department’s appeals, nearest deadline first',
      request: { query: InboxQuery },
      responses: { 200: jsonResponse(AppealPageSchema, 'A page of appeals') },
    }),
    async (c) =>
      c.json(await read.listDepartmentInbox(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )
}
