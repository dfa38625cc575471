import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  ApplicationHistorySchema,
  ApplicationIdParams,
  DeskAppealBody,
  DeskStateSchema,
} from './services.schema'
import * as desk from './application-desk.service'

const tags = ['services']

/** The 办不成事 desk and the application history its appeal links to: parse, call the service, answer. */
export function deskRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/{id}/appeal',
      tags,
      access: 'session',
      summary: 'Whether the cannot-do desk takes this application of the caller, and the appeal it became',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(DeskStateSchema, 'The desk state') },
    }),
    async (c) => c.json(await desk.getDeskState(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/appeal',
      tags,
      access: 'session',
      summary:
        'File a refused, not accepted, terminated or blocked application as an appeal (办不成事), once: a second call answers the same appeal',
      request: { params: ApplicationIdParams, body: jsonBody(DeskAppealBody) },
      responses: {
        201: jsonResponse(DeskStateSchema, 'The appeal filed'),
        200: jsonResponse(DeskStateSchema, 'The appeal filed before'),
      },
    }),
    async (c) => {
      const { state, replayed } = await desk.fileDeskAppeal(
        c.get('deps'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      )
      return replayed ? c.json(state, 200) : c.json(state, 201)
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/{id}/history',
      tags,
      access: 'session',
      summary:
        'The application’s steps and notices as its applicant reads them: for the applicant, its department, and the staff of the appeal it became',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(ApplicationHistorySchema, 'The history') },
    }),
    async (c) =>
      c.json(await desk.getApplicationHistory(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  return router
}
