import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  ApplicationIdParams,
  ApplicationListSchema,
  ApplicationSchema,
  OpenApplicationBody,
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

  return router
}
