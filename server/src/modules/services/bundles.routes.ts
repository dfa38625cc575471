import { z } from 'zod'
import { requireRole } from '../../kernel/auth/actor'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { missingUpload } from '../../kernel/uploads'
import { plainText } from '../../shared/fields'
import * as materials from './bundle-materials'
import {
  BundleApplicationListSchema,
  BundleApplicationSchema,
  BundleBody,
  BundleFormBody,
  BundleGuideSchema,
  BundleIdParams,
  BundleListSchema,
  BundleMaterialParams,
  BundleMonitorQuery,
  BundleMonitorSchema,
  BundleResultPackSchema,
  OpenBundleApplicationBody,
} from './bundles.schema'
import * as service from './bundles.service'

const tags = ['services']

/** The path of a bundle's material uploads: exact, so the module can give it the larger body limit. */
export const BUNDLE_MATERIAL_UPLOADS_PATH = '/services/bundle-material-uploads'

const BundleUploadSchema = z.object({
  uploadId: z.string(),
  materialName: z.string(),
  fileName: z.string(),
  /** the matters the file was attached to: each that asks for the material */
  attachedTo: z.array(z.string()),
})

/** Bundles (一件事一次办): parse, call the service, present. The rules and permission checks are in the service. */
export function bundleRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundles',
      tags,
      access: 'public',
      summary: 'Published bundles (一件事) with the time and materials each saves (public)',
      responses: { 200: jsonResponse(BundleListSchema, 'The bundles') },
    }),
    async (c) => c.json(await service.listBundles(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundles/{id}',
      tags,
      access: 'public',
      summary: 'The guide of a bundle: its matters, the merged materials, what it saves (public)',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleGuideSchema, 'The guide') },
    }),
    async (c) =>
      c.json(await service.getBundleGuide(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/bundles',
      tags,
      access: 'session',
      summary: 'Create an unpublished bundle of matters (the bureau)',
      request: { body: jsonBody(BundleBody) },
      responses: { 201: jsonResponse(BundleGuideSchema, 'The bundle') },
    }),
    async (c) => c.json(await service.createBundle(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/services/bundles/{id}',
      tags,
      access: 'session',
      summary: 'Rewrite an unpublished bundle (the bureau)',
      request: { params: BundleIdParams, body: jsonBody(BundleBody) },
      responses: { 200: jsonResponse(BundleGuideSchema, 'The bundle') },
    }),
    async (c) =>
      c.json(
        await service.updateBundle(
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
      path: '/services/bundles/{id}/publish',
      tags,
      access: 'session',
      summary:
        'Publish a bundle: refused unless it is shorter than its matters and its merged form has no conflict',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleGuideSchema, 'The published bundle') },
    }),
    async (c) =>
      c.json(await service.publishBundle(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/bundle-applications',
      tags,
      access: 'session',
      summary: 'Open a bundle application: a draft child application per matter of the bundle',
      request: { body: jsonBody(OpenBundleApplicationBody) },
      responses: { 201: jsonResponse(BundleApplicationSchema, 'The bundle application') },
    }),
    async (c) =>
      c.json(await service.openBundleApplication(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundle-applications/mine',
      tags,
      access: 'session',
      summary: 'The bundle applications the caller opened, newest first, each with its combined status',
      responses: { 200: jsonResponse(BundleApplicationListSchema, 'The bundle applications') },
    }),
    async (c) => c.json(await service.listMyBundleApplications(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundle-applications/monitor',
      tags,
      access: 'session',
      summary:
        'The bundle monitor: submitted bundle applications with each part’s department, state and clock',
      request: { query: BundleMonitorQuery },
      responses: { 200: jsonResponse(BundleMonitorSchema, 'The bundle applications') },
    }),
    async (c) =>
      c.json(await service.listBundleMonitor(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundle-applications/{id}',
      tags,
      access: 'session',
      summary: 'One bundle application of the caller: merged form, answers, combined status, parts',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleApplicationSchema, 'The bundle application') },
    }),
    async (c) =>
      c.json(await service.getBundleApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/services/bundle-applications/{id}/form',
      tags,
      access: 'session',
      summary: 'Autosave the merged form of a draft bundle application',
      request: { params: BundleIdParams, body: jsonBody(BundleFormBody) },
      responses: { 200: jsonResponse(BundleApplicationSchema, 'The bundle application') },
    }),
    async (c) =>
      c.json(
        await service.saveBundleApplicationForm(
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
      path: '/services/bundle-applications/{id}/submit',
      tags,
      access: 'session',
      summary: 'Submit a bundle application: every part at once, or none',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleApplicationSchema, 'The submitted bundle application') },
    }),
    async (c) =>
      c.json(
        await service.submitBundleApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: BUNDLE_MATERIAL_UPLOADS_PATH,
      tags,
      access: 'session',
      summary:
        'Upload a file for a material of a draft bundle application: attached to every part that asks for it',
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                bundleApplicationId: z.string().uuid(),
                materialName: plainText(200),
                file: z.any().openapi({ type: 'string', format: 'binary' }),
              }),
            },
          },
        },
      },
      responses: { 201: jsonResponse(BundleUploadSchema, 'Attached to each part that asks') },
    }),
    async (c) => {
      const { bundleApplicationId, materialName, file } = c.req.valid('form') as {
        bundleApplicationId: string
        materialName: string
        file: unknown
      }
      const user = requireRole(c.get('actor'), 'enterprise')
      if (!(file instanceof File)) throw missingUpload()
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(
        await materials.uploadBundleMaterial(c.get('deps'), user, {
          bundleApplicationId,
          materialName,
          file: { name: file.name, bytes },
        }),
        201,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'delete',
      path: '/services/bundle-applications/{id}/materials/{uploadId}',
      tags,
      access: 'session',
      summary: 'Take a file off every part of a draft bundle application it was attached to',
      request: { params: BundleMaterialParams },
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Removed') },
    }),
    async (c) => {
      const { id, uploadId } = c.req.valid('param')
      await materials.removeBundleMaterial(
        c.get('deps'),
        requireRole(c.get('actor'), 'enterprise'),
        id,
        uploadId,
      )
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/bundle-applications/{id}/withdraw',
      tags,
      access: 'session',
      summary: 'Withdraw a submitted bundle application: every part not yet decided is withdrawn',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleApplicationSchema, 'The bundle application') },
    }),
    async (c) =>
      c.json(
        await service.withdrawBundleApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/bundle-applications/{id}/results',
      tags,
      access: 'session',
      summary: 'The result pack: every part’s decision, certificate and notices',
      request: { params: BundleIdParams },
      responses: { 200: jsonResponse(BundleResultPackSchema, 'The result pack') },
    }),
    async (c) =>
      c.json(await service.getBundleResultPack(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  return router
}
