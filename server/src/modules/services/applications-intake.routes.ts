import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import * as service from './application-intake.service'
import {
  ApplicationIdParams,
  ApplicationSchema,
  ExtensionBody,
  NotAcceptBody,
  SpecialStepEndBody,
  SpecialStepStartBody,
  SupplementRequestBody,
  ToleranceAcceptanceBody,
} from './services.schema'

const tags = ['services']

/**
 * The staff's actions of intake and of the clock on one application (the review page calls them):
 * parse, call the service, present. Roles on the application are checked by the service.
 */
export function applicationsIntakeRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/accept',
      tags,
      access: 'session',
      summary: 'Accept the application (受理): the decision clock starts',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(ApplicationSchema, 'The accepted application') },
    }),
    async (c) =>
      c.json(await service.acceptApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/not-accept',
      tags,
      access: 'session',
      summary: 'Do not accept (不予受理), with the reason and the body to apply to',
      request: { params: ApplicationIdParams, body: jsonBody(NotAcceptBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(
        await service.notAcceptApplication(
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
      method: 'post',
      path: '/services/applications/{id}/supplement-request',
      tags,
      access: 'session',
      summary: 'Request the supplement (一次性告知): every missing item at once, once',
      request: { params: ApplicationIdParams, body: jsonBody(SupplementRequestBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(
        await service.requestSupplement(
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
      method: 'post',
      path: '/services/applications/{id}/tolerance-acceptance',
      tags,
      access: 'session',
      summary: 'Accept pending materials (容缺受理) against the applicant’s signed commitment',
      request: { params: ApplicationIdParams, body: jsonBody(ToleranceAcceptanceBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(
        await service.acceptWithTolerance(
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
      method: 'post',
      path: '/services/applications/{id}/extension',
      tags,
      access: 'session',
      summary: 'Extend the time limit once (department head), the reason told to the applicant',
      request: { params: ApplicationIdParams, body: jsonBody(ExtensionBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(
        await service.extendApplication(
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
      method: 'post',
      path: '/services/applications/{id}/special-steps',
      tags,
      access: 'session',
      summary: 'Start a special step of the matter’s guide: the decision clock stops',
      request: { params: ApplicationIdParams, body: jsonBody(SpecialStepStartBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(
        await service.startSpecialStep(
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
      method: 'post',
      path: '/services/applications/{id}/special-steps/end',
      tags,
      access: 'session',
      summary: 'End the special step: the decision clock resumes',
      request: { params: ApplicationIdParams, body: jsonBody(SpecialStepEndBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(
        await service.endSpecialStep(
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
