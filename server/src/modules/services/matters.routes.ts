import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CreateMatterBody,
  MatterContentBody,
  MatterGuideSchema,
  MatterIdParams,
  MatterListQuery,
  MatterListSchema,
  MatterVersionSchema,
} from './matters.schema'
import * as service from './matters.service'

const tags = ['services']

/** The service-matter catalogue: public browse and guide, staff editing. Rules live in the service. */
export function matterRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/matters',
      tags,
      access: 'public',
      summary: 'Published service matters, by department, type and online level, or found by words (public)',
      request: { query: MatterListQuery },
      responses: { 200: jsonResponse(MatterListSchema, 'The matters') },
    }),
    async (c) => c.json(await service.listMatters(c.get('deps'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/matters/{id}',
      tags,
      access: 'public',
      summary: 'The guide of a matter: its current published version (public)',
      request: { params: MatterIdParams },
      responses: { 200: jsonResponse(MatterGuideSchema, 'The guide') },
    }),
    async (c) => c.json(await service.getMatterGuide(c.get('deps'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/matters',
      tags,
      access: 'session',
      summary: 'Create a matter of a department with its first draft version',
      request: { body: jsonBody(CreateMatterBody) },
      responses: { 201: jsonResponse(MatterVersionSchema, 'The draft') },
    }),
    async (c) => c.json(await service.createMatter(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/matters/{id}/draft',
      tags,
      access: 'session',
      summary: 'The draft version of a matter the caller may edit',
      request: { params: MatterIdParams },
      responses: { 200: jsonResponse(MatterVersionSchema, 'The draft') },
    }),
    async (c) =>
      c.json(await service.getMatterDraft(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/services/matters/{id}/draft',
      tags,
      access: 'session',
      summary: 'Write the draft version of a matter (opens one after the published version if none)',
      request: { params: MatterIdParams, body: jsonBody(MatterContentBody) },
      responses: { 200: jsonResponse(MatterVersionSchema, 'The draft') },
    }),
    async (c) =>
      c.json(
        await service.writeMatterDraft(
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
      path: '/services/matters/{id}/publish',
      tags,
      access: 'session',
      summary: 'Publish the draft: it becomes the current version and never changes again',
      request: { params: MatterIdParams },
      responses: { 200: jsonResponse(MatterVersionSchema, 'The published version') },
    }),
    async (c) =>
      c.json(await service.publishMatter(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  return router
}
