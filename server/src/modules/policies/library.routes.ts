import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import * as library from './policy-library.service'
import {
  PolicyIdParams,
  PublicListQuery,
  PublicPolicyListSchema,
  PublicPolicySchema,
} from './policies.schema'

const tags = ['policies']

/** The public library of policies in force. */
export function libraryRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/policies',
      tags,
      access: 'public',
      summary: 'The policies in force (their latest published versions)',
      request: { query: PublicListQuery },
      responses: { 200: jsonResponse(PublicPolicyListSchema, 'Policies in force') },
    }),
    async (c) => c.json(await library.listPublicPolicies(c.get('deps'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/policies/{id}',
      tags,
      access: 'public',
      summary: 'One policy in force: its items, each condition as a sentence, how many enterprises each fits',
      request: { params: PolicyIdParams },
      responses: { 200: jsonResponse(PublicPolicySchema, 'The policy') },
    }),
    async (c) => c.json(await library.getPublicPolicy(c.get('deps'), c.req.valid('param').id), 200),
  )

  return router
}
