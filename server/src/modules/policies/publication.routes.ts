import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { PolicyIdParams, PolicySchema } from './policies.schema'
import * as publication from './policy-publication.service'
import {
  ItemPreviewBody,
  ItemPreviewResultSchema,
  PublicationPreviewSchema,
  PublicationSettingsBody,
  PublicationSettingsView,
  PublishBody,
} from './publication.schema'

const tags = ['policies']

/** Publishing: the settings, the preview a decision is made on, and the decision. */
export function publicationRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/publication-settings',
      tags,
      access: 'session',
      summary: 'How many enterprises told at once need a second confirmation when publishing (staff)',
      responses: { 200: jsonResponse(PublicationSettingsView, 'Settings') },
    }),
    async (c) => c.json(await publication.getPublicationSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/policies/publication-settings',
      tags,
      access: 'session',
      summary: 'Change the publication settings (admin)',
      request: { body: jsonBody(PublicationSettingsBody) },
      responses: { 200: jsonResponse(PublicationSettingsView, 'Settings') },
    }),
    async (c) =>
      c.json(
        await publication.updatePublicationSettings(c.get('deps'), c.get('actor'), c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/{id}/publication-preview',
      tags,
      access: 'session',
      summary:
        'What publishing the working copy would do now: per item the eligible, those who could qualify and the rest, by district and size class, the cost against the budget cap, whom it would tell (nothing is written)',
      request: { params: PolicyIdParams },
      responses: { 200: jsonResponse(PublicationPreviewSchema, 'The preview') },
    }),
    async (c) =>
      c.json(
        await publication.previewPublication(c.get('deps'), c.get('actor'), c.req.valid('param').id),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/{id}/item-preview',
      tags,
      access: 'session',
      summary:
        'The editor’s preview of one item as it stands in the form: its outcomes over the current enterprises and its cost (nothing is saved)',
      request: { params: PolicyIdParams, body: jsonBody(ItemPreviewBody) },
      responses: { 200: jsonResponse(ItemPreviewResultSchema, 'The preview') },
    }),
    async (c) =>
      c.json(
        await publication.previewItem(
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
      path: '/policies/{id}/publish',
      tags,
      access: 'session',
      summary:
        'Publish: the working copy becomes the version in force, confirming the preview it was decided on (not the submitter)',
      request: { params: PolicyIdParams, body: jsonBody(PublishBody) },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) =>
      c.json(
        await publication.publishPolicy(
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
