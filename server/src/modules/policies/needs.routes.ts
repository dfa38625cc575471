import { EnterpriseIdParams } from '../enterprises/enterprises.schema'
import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import * as needs from './policy-needs.service'
import {
  NeedAnswerBody,
  NeedBody,
  NeedParams,
  NeedSchema,
  NeedsQuery,
  NeedsSummarySchema,
  SubscriptionBody,
  SubscriptionSchema,
} from './policies.schema'

const tags = ['policies']

/** Enterprises say what they need and which topics they want to hear about; staff answer (企业点菜). */
export function needsRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/policy-subscription',
      tags,
      access: 'session',
      summary: 'The policy topics the enterprise wants pushed, and whether it wants pushes',
      request: { params: EnterpriseIdParams },
      responses: { 200: jsonResponse(SubscriptionSchema, 'Subscription') },
    }),
    async (c) =>
      c.json(await needs.getSubscription(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/enterprises/{id}/policy-subscription',
      tags,
      access: 'session',
      summary: 'Choose policy topics (empty: all) and turn pushes on or off (members)',
      request: { params: EnterpriseIdParams, body: jsonBody(SubscriptionBody) },
      responses: { 200: jsonResponse(SubscriptionSchema, 'Subscription') },
    }),
    async (c) =>
      c.json(
        await needs.setSubscription(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/needs',
      tags,
      access: 'session',
      summary: 'The needs the enterprise stated (企业点菜), with answers',
      request: { params: EnterpriseIdParams },
      responses: { 200: jsonResponse(z.object({ items: z.array(NeedSchema) }), 'Needs') },
    }),
    async (c) => c.json(await needs.listMyNeeds(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/needs',
      tags,
      access: 'session',
      summary: 'State a need on a policy topic (members)',
      request: { params: EnterpriseIdParams, body: jsonBody(NeedBody) },
      responses: { 201: jsonResponse(NeedSchema, 'Stated') },
    }),
    async (c) =>
      c.json(
        await needs.stateNeed(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/needs',
      tags,
      access: 'session',
      summary: 'Enterprises’ needs, newest first (the bureau and departments’ staff)',
      request: { query: NeedsQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(NeedSchema), total: z.number() }), 'Needs') },
    }),
    async (c) => c.json(await needs.listNeeds(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/needs/summary',
      tags,
      access: 'session',
      summary: 'Needs grouped by topic and by district: demand signals',
      responses: { 200: jsonResponse(NeedsSummarySchema, 'Counts') },
    }),
    async (c) => c.json(await needs.summarizeNeeds(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/needs/{needId}/answer',
      tags,
      access: 'session',
      summary: 'Answer a need; the enterprise is told (the bureau)',
      request: { params: NeedParams, body: jsonBody(NeedAnswerBody) },
      responses: { 200: jsonResponse(NeedSchema, 'Answered') },
    }),
    async (c) =>
      c.json(
        await needs.answerNeed(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').needId,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  return router
}
