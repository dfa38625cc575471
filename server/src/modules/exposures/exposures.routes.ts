import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  ExposureIdParams,
  ExposureListQuery,
  ExposurePageSchema,
  ExposureSchema,
  ProposeExposureBody,
  PublicExposureListQuery,
  PublicExposurePageSchema,
  PublicExposureSchema,
  PublishExposureBody,
  RectifyExposureBody,
  RedactBody,
  RedactionSchema,
  ReviewExposureBody,
} from './exposures.schema'
import * as service from './exposures.service'

const tags = ['exposures']

export function exposuresRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/exposures',
      tags,
      access: 'public',
      summary: 'The exposure board: published, reviewed and redacted typical cases, newest first',
      request: { query: PublicExposureListQuery },
      responses: { 200: jsonResponse(PublicExposurePageSchema, 'A page of the board') },
    }),
    async (c) => c.json(await service.listPublishedExposures(c.get('deps'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/exposures/{id}',
      tags,
      access: 'public',
      summary: 'One published exposure',
      request: { params: ExposureIdParams },
      responses: { 200: jsonResponse(PublicExposureSchema, 'The item') },
    }),
    async (c) => c.json(await service.getPublishedExposure(c.get('deps'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/exposures',
      tags,
      access: 'session',
      summary: 'Exposure proposals and items (discipline inspection, task force, bureau leadership)',
      request: { query: ExposureListQuery },
      responses: { 200: jsonResponse(ExposurePageSchema, 'A page of items') },
    }),
    async (c) =>
      c.json(await service.listExposures(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/exposures',
      tags,
      access: 'session',
      summary: 'Propose a finding for the exposure board (by hand or from a supervision case)',
      request: { body: jsonBody(ProposeExposureBody) },
      responses: { 201: jsonResponse(ExposureSchema, 'The proposal') },
    }),
    async (c) =>
      c.json(await service.proposeExposure(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/exposures/redaction',
      tags,
      access: 'session',
      summary:
        'The redaction helper: names, phones and ID numbers found in a text, and the text without them',
      request: { body: jsonBody(RedactBody) },
      responses: { 200: jsonResponse(RedactionSchema, 'The hits and the redacted text') },
    }),
    (c) => c.json(service.suggestRedaction(c.get('actor'), c.req.valid('json').text), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/exposures/{id}',
      tags,
      access: 'session',
      summary: 'One exposure item with the redaction helper’s suggestion',
      request: { params: ExposureIdParams },
      responses: { 200: jsonResponse(ExposureSchema, 'The item') },
    }),
    async (c) =>
      c.json(await service.getExposure(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/exposures/{id}/review',
      tags,
      access: 'session',
      summary: 'Review a proposal (a second person): approve with the redacted public text, or reject',
      request: { params: ExposureIdParams, body: jsonBody(ReviewExposureBody) },
      responses: { 200: jsonResponse(ExposureSchema, 'The reviewed item') },
    }),
    async (c) =>
      c.json(
        await service.reviewExposure(
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
      path: '/exposures/{id}/publish',
      tags,
      access: 'session',
      summary: 'Publish an approved item on the public board (refused without review)',
      request: { params: ExposureIdParams, body: jsonBody(PublishExposureBody) },
      responses: { 200: jsonResponse(ExposureSchema, 'The published item') },
    }),
    async (c) =>
      c.json(
        await service.publishExposure(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json').version,
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/exposures/{id}/rectification',
      tags,
      access: 'session',
      summary: 'Record what the unit did: the public item shows it as rectified',
      request: { params: ExposureIdParams, body: jsonBody(RectifyExposureBody) },
      responses: { 200: jsonResponse(ExposureSchema, 'The rectified item') },
    }),
    async (c) =>
      c.json(
        await service.rectifyExposure(
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
