import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  NoteMoveBody,
  OpenSupervisionCaseBody,
  RespondSupervisionCaseBody,
  SupervisionCaseDetailSchema,
  SupervisionCaseIdParams,
  SupervisionListQuery,
  SupervisionPageSchema,
  SupervisionSettingsBody,
  SupervisionSettingsSchema,
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
      summary:
        'Supervision cases, newest first, by status, level, source, unit and overdue (the bureau and discipline inspection: all; a department’s heads and handlers: their department’s)',
      request: { query: SupervisionListQuery },
      responses: { 200: jsonResponse(SupervisionPageSchema, 'A page of cases') },
    }),
    async (c) =>
      c.json(await service.listSupervisionCases(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/supervision-cases',
      tags,
      access: 'session',
      summary: 'Open a case by hand: the unit, why, the level and the working days to respond (the bureau)',
      request: { body: jsonBody(OpenSupervisionCaseBody) },
      responses: { 201: jsonResponse(SupervisionCaseDetailSchema, 'The opened case') },
    }),
    async (c) =>
      c.json(
        await service.openSupervisionCaseByHand(c.get('deps'), c.get('actor'), c.req.valid('json')),
        201,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/supervision-cases/{id}',
      tags,
      access: 'session',
      summary: 'One supervision case with its ladder timeline and the moves the caller may make',
      request: { params: SupervisionCaseIdParams },
      responses: { 200: jsonResponse(SupervisionCaseDetailSchema, 'The case') },
    }),
    async (c) =>
      c.json(await service.getSupervisionCase(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/supervision-cases/{id}/respond',
      tags,
      access: 'session',
      summary: 'The unit’s head responds: what it did and the evidence (department head of the case’s unit)',
      request: { params: SupervisionCaseIdParams, body: jsonBody(RespondSupervisionCaseBody) },
      responses: { 200: jsonResponse(SupervisionCaseDetailSchema, 'The case after the move') },
    }),
    async (c) =>
      c.json(
        await service.respondToSupervisionCase(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  /** The bureau's moves: each takes the version read and a note. */
  const noteMoves = [
    [
      'accept',
      'The bureau accepts the response: the case closes with what was done',
      service.acceptSupervisionResponse,
    ],
    [
      'reject',
      'The bureau rejects the response: back to the unit with a note and a new deadline',
      service.rejectSupervisionResponse,
    ],
    [
      'escalate',
      'The bureau escalates a case one level by hand (the sweep does it when no response came in time)',
      service.escalateSupervisionCase,
    ],
    [
      'close',
      'Close a case with what was done, whatever its step (task force, bureau leadership)',
      service.closeSupervisionCase,
    ],
  ] as const
  for (const [segment, summary, run] of noteMoves)
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/supervision-cases/{id}/${segment}`,
        tags,
        access: 'session',
        summary,
        request: { params: SupervisionCaseIdParams, body: jsonBody(NoteMoveBody) },
        responses: { 200: jsonResponse(SupervisionCaseDetailSchema, 'The case after the move') },
      }),
      async (c) =>
        c.json(await run(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')), 200),
    )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/supervision-settings',
      tags,
      access: 'session',
      summary: 'The ladder’s settings: response working days per level, the repeated-bad-ratings rule',
      responses: { 200: jsonResponse(SupervisionSettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await service.getSupervisionSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/supervision-settings',
      tags,
      access: 'session',
      summary: 'Set the ladder (bureau leadership, administrators)',
      request: { body: jsonBody(SupervisionSettingsBody) },
      responses: { 200: jsonResponse(SupervisionSettingsSchema, 'The settings') },
    }),
    async (c) =>
      c.json(await service.setSupervisionSettings(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  return router
}
