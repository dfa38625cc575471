import { EnterpriseIdParams } from '../enterprises/enterprises.schema'
import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CalculatorBody,
  EnterpriseItemParams,
  MatchListQuery,
  MatchListSchema,
  MatchRunSchema,
  MatchSchema,
  RuleCheckBody,
  RuleCheckSchema,
} from './matching.schema'
import * as explanations from './explanations.service'
import { listRecentRuns, startFullRun } from './matching-runs.service'

const tags = ['policies']

/**
 * Matching over HTTP, under the URLs it always had: the public calculator, an enterprise's matches
 * explained, the rule editor's check, and the matching runs.
 */
export function matchingRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/public/policy-calculator',
      tags,
      access: 'public',
      summary: 'Every item in force against facts typed in (nothing is stored), each outcome explained',
      request: { body: jsonBody(CalculatorBody) },
      responses: { 200: jsonResponse(MatchListSchema, 'Outcomes') },
    }),
    async (c) => c.json(await explanations.calculate(c.get('deps'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/policy-matches',
      tags,
      access: 'session',
      summary: 'Every item in force with its outcome for the enterprise, explained (members, staff)',
      request: { params: EnterpriseIdParams, query: MatchListQuery },
      responses: { 200: jsonResponse(MatchListSchema, 'Matches') },
    }),
    async (c) =>
      c.json(
        await explanations.listMatches(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('query'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/policy-matches/{itemId}',
      tags,
      access: 'session',
      summary:
        'One item explained condition by condition: facts used, their source and period, what is missing',
      request: { params: EnterpriseItemParams },
      responses: { 200: jsonResponse(MatchSchema, 'The match') },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param')
      return c.json(await explanations.getMatch(c.get('deps'), c.get('actor'), id, itemId), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/rules/check',
      tags,
      access: 'session',
      summary:
        'Check a rule as it is typed: problems with positions, the rule read back, a preview for an enterprise',
      request: { body: jsonBody(RuleCheckBody) },
      responses: { 200: jsonResponse(RuleCheckSchema, 'The check') },
    }),
    async (c) =>
      c.json(await explanations.checkRule(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/match-runs',
      tags,
      access: 'session',
      summary: 'Recent matching runs with their timings (the bureau)',
      responses: { 200: jsonResponse(z.object({ items: z.array(MatchRunSchema) }), 'Runs') },
    }),
    async (c) => c.json(await listRecentRuns(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/match-runs',
      tags,
      access: 'session',
      summary: 'Match every item in force against every enterprise now (bureau leadership, admin)',
      responses: {
        200: jsonResponse(
          MatchRunSchema.pick({
            id: true,
            items: true,
            enterprises: true,
            newlyEligible: true,
            pushes: true,
          }),
          'The run',
        ),
      },
    }),
    async (c) => c.json(await startFullRun(c.get('deps'), c.get('actor')), 200),
  )

  return router
}
