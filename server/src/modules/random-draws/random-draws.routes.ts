import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CommitBody,
  DrawBody,
  OpenRandomDrawBody,
  PartyCandidateListSchema,
  PublicRandomDrawListSchema,
  PublicRandomDrawSchema,
  RandomDrawIdParams,
  RandomDrawListSchema,
  RandomDrawSchema,
  RandomDrawSettingsSchema,
  RevealBody,
  UpdateRandomDrawSettingsBody,
  VersionBody,
} from './random-draws.schema'
import * as service from './random-draws.service'

const tags = ['random-draws']

/** Parse, call the service, present: the rules and the permission checks are in the service. */
export function randomDrawsRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/draws',
      tags,
      access: 'public',
      summary: 'Published random draws (双随机一公开), newest first',
      responses: { 200: jsonResponse(PublicRandomDrawListSchema, 'The draws') },
    }),
    async (c) => c.json(await service.listPublicDraws(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/draws/{id}',
      tags,
      access: 'public',
      summary:
        'One draw: commitments, list hash, reveals, seed, algorithm, ratios and (once published) the result',
      request: { params: RandomDrawIdParams },
      responses: { 200: jsonResponse(PublicRandomDrawSchema, 'The draw') },
    }),
    async (c) => c.json(await service.getPublicDraw(c.get('deps'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/draws/{id}/list.json',
      tags,
      access: 'public',
      summary: 'The frozen list, byte for byte what the list hash covers: download it to re-run the draw',
      request: { params: RandomDrawIdParams },
      responses: {
        200: { description: 'The canonical list', content: { 'application/json': { schema: z.string() } } },
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id
      const text = await service.getPublicList(c.get('deps'), id)
      return c.body(text, 200, {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="draw-${id}-list.json"`,
      }) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/random-draws/settings',
      tags,
      access: 'session',
      summary: 'The working days within which a result must be published (bureau, administrator)',
      responses: { 200: jsonResponse(RandomDrawSettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await service.getSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/random-draws/settings',
      tags,
      access: 'session',
      summary: 'Change the publication deadline (administrator)',
      request: { body: jsonBody(UpdateRandomDrawSettingsBody) },
      responses: { 200: jsonResponse(RandomDrawSettingsSchema, 'The settings') },
    }),
    async (c) =>
      c.json(await service.updateSettings(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/random-draws/party-candidates',
      tags,
      access: 'session',
      summary: 'Staff who may stand as parties of a draw (those who open draws)',
      responses: { 200: jsonResponse(PartyCandidateListSchema, 'The candidates') },
    }),
    async (c) => c.json(await service.listPartyCandidates(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/random-draws',
      tags,
      access: 'session',
      summary: 'Open a draw naming at least three parties (bureau, or the head of the inspecting body)',
      request: { body: jsonBody(OpenRandomDrawBody) },
      responses: { 201: jsonResponse(RandomDrawSchema, 'The draw') },
    }),
    async (c) => c.json(await service.openDraw(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/random-draws',
      tags,
      access: 'session',
      summary: 'The draws the caller may read (the bureau: all; a body: its own; a party: its draws)',
      responses: { 200: jsonResponse(RandomDrawListSchema, 'The draws') },
    }),
    async (c) => c.json(await service.listDraws(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/random-draws/{id}',
      tags,
      access: 'session',
      summary: 'One draw as staff see it, with what the caller may do next',
      request: { params: RandomDrawIdParams },
      responses: { 200: jsonResponse(RandomDrawSchema, 'The draw') },
    }),
    async (c) => c.json(await service.getDraw(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/random-draws/{id}/commit',
      tags,
      access: 'session',
      summary: 'A party commits SHA-256 of its secret (before the list is frozen)',
      request: { params: RandomDrawIdParams, body: jsonBody(CommitBody) },
      responses: { 200: jsonResponse(RandomDrawSchema, 'The draw') },
    }),
    async (c) =>
      c.json(
        await service.commit(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json').commitment,
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/random-draws/{id}/freeze',
      tags,
      access: 'session',
      summary: 'Freeze the target and inspector lists and publish their hash (every party has committed)',
      request: { params: RandomDrawIdParams, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(RandomDrawSchema, 'The draw') },
    }),
    async (c) =>
      c.json(
        await service.freeze(
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
      path: '/random-draws/{id}/reveal',
      tags,
      access: 'session',
      summary: 'A party reveals its secret (checked against its commitment)',
      request: { params: RandomDrawIdParams, body: jsonBody(RevealBody) },
      responses: { 200: jsonResponse(RandomDrawSchema, 'The draw') },
    }),
    async (c) =>
      c.json(
        await service.reveal(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json').secret,
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/random-draws/{id}/draw',
      tags,
      access: 'session',
      summary: 'Make the draw from the revealed secrets (and an optional public beacon value)',
      request: { params: RandomDrawIdParams, body: jsonBody(DrawBody) },
      responses: { 200: jsonResponse(RandomDrawSchema, 'The draw') },
    }),
    async (c) =>
      c.json(
        await service.draw(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/random-draws/{id}/publish',
      tags,
      access: 'session',
      summary: 'Publish the result on the public page',
      request: { params: RandomDrawIdParams, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(RandomDrawSchema, 'The draw') },
    }),
    async (c) =>
      c.json(
        await service.publish(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json').version,
        ),
        200,
      ),
  )

  return router
}
