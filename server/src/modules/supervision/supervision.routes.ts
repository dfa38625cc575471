import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CloseSupervisionCaseBody,
  SupervisionCaseIdParams,
  SupervisionCaseSchema,
  SupervisionListQuery,
  SupervisionPageSchema,
} from './supervision.schema'
import * as service from './supervision.service'

const tags = ['supervision']

export function supervisionRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/supervision-cases',
      tags,
      access: 'session',
      summary: 'Supervision cases, newest first (the bureau: all; a department head: their department’s)',
      request: { query: SupervisionListQuery },
      responses: { 200: jsonResponse(SupervisionPageSchema, 'A page of cases') },
    }),
    async (c) =>
      c.json(await service.listSupervisionCases(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/supervision-cases/{id}',
      tags,
      access: 'session',
      summary: 'One supervision case',
      request: { params: SupervisionCaseIdParams },
      responses: { 200: jsonResponse(SupervisionCaseSchema, 'The case') },
    }),
    async (c) =>
      c.json(await service.getSupervisionCase(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/supervision-cases/{id}/close',
      tags,
      access: 'session',
      summary: 'Close a case with what was done (task force, bureau leadership)',
      request: { params: SupervisionCaseIdParams, body: jsonBody(CloseSupervisionCaseBody) },
      responses: { 200: jsonResponse(SupervisionCaseSchema, 'The closed case') },
    }),
    async (c) =>
      c.json(
        await service.closeSupervisionCase(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  return router
}
