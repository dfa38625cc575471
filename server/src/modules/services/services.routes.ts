import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  ApplicationIdParams,
  ApplicationListSchema,
  ApplicationNoticeListSchema,
  ApplicationSchema,
  OpenApplicationBody,
  SupplementAnswerBody,
  ToleranceCommitmentBody,
  ToleranceFulfilmentBody,
} from './services.schema'
import * as service from './services.service'

const tags = ['services']

/** Parse, call the service, present: the rules and the permission checks are in the service. */
export function servicesRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications',
      tags,
      access: 'session',
      summary: 'Open a draft application for an enterprise of the caller',
      request: { body: jsonBody(OpenApplicationBody) },
      responses: { 201: jsonResponse(ApplicationSchema, 'The draft') },
    }),
    async (c) =>
      c.json(await service.openApplication(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/mine',
      tags,
      access: 'session',
      summary: 'The applications the caller opened, newest first',
      responses: { 200: jsonResponse(ApplicationListSchema, 'The applications') },
    }),
    async (c) => c.json(await service.listMyApplications(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/{id}',
      tags,
      access: 'session',
      summary: 'One application of the caller',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(await service.getApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/{id}/notices',
      tags,
      access: 'session',
      summary: 'The notices issued to the applicant on one of their applications, oldest first',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(ApplicationNoticeListSchema, 'The notices') },
    }),
    async (c) =>
      c.json(
        await service.listApplicationNotices(c.get('deps'), c.get('actor'), c.req.valid('param').id),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/submit',
      tags,
      access: 'session',
      summary: 'Submit a draft application',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(ApplicationSchema, 'The submitted application') },
    }),
    async (c) =>
      c.json(await service.submitApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/withdraw',
      tags,
      access: 'session',
      summary: 'Withdraw an application before any decision',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(ApplicationSchema, 'The withdrawn application') },
    }),
    async (c) =>
      c.json(await service.withdrawApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/supplement',
      tags,
      access: 'session',
      summary: 'Answer the supplement request: a note and the uploaded materials',
      request: { params: ApplicationIdParams, body: jsonBody(SupplementAnswerBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application, back in its completeness check') },
    }),
    async (c) =>
      c.json(
        await service.answerSupplement(
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
      path: '/services/applications/{id}/tolerance-commitment',
      tags,
      access: 'session',
      summary: 'Sign the commitment (容缺承诺书) to send named materials after acceptance',
      request: { params: ApplicationIdParams, body: jsonBody(ToleranceCommitmentBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application with the commitment') },
    }),
    async (c) =>
      c.json(
        await service.signToleranceCommitment(
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
      path: '/services/applications/{id}/tolerance-fulfilment',
      tags,
      access: 'session',
      summary: 'Send the materials a 容缺 acceptance waited for',
      request: { params: ApplicationIdParams, body: jsonBody(ToleranceFulfilmentBody) },
      responses: { 200: jsonResponse(ApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(
        await service.fulfilTolerance(
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
