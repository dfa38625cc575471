import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { missingUpload } from '../../kernel/uploads'
import { plainText } from '../../shared/fields'
import {
  ApplicationFormSchema,
  AttachedMaterialSchema,
  MaterialIdParams,
  ReuseMaterialBody,
  SavedFormSchema,
  SaveFormBody,
} from './application-form.schema'
import * as form from './application-form.service'
import * as materials from './application-materials.service'
import { ApplicationIdParams } from './services.schema'
import { sendUploadedFile } from '../../kernel/http/send-file'

const tags = ['services']

/** The path of material uploads: exact, so the module can give it the larger body limit. */
export const MATERIAL_UPLOADS_PATH = '/services/material-uploads'

/** An application's form (read, autosave) and its materials (upload, reuse, remove, open). */
export function applicationFormRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/{id}/form',
      tags,
      access: 'session',
      summary: 'The form, its data, prefill, materials and reusable files of an application',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(ApplicationFormSchema, 'The application’s content') },
    }),
    async (c) =>
      c.json(await form.getApplicationForm(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/services/applications/{id}/form',
      tags,
      access: 'session',
      summary: 'Autosave the form of a draft (or of an application asked for a supplement)',
      request: { params: ApplicationIdParams, body: jsonBody(SaveFormBody) },
      responses: { 200: jsonResponse(SavedFormSchema, 'Saved, with the values the schema refuses already') },
    }),
    async (c) =>
      c.json(
        await form.saveApplicationForm(
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
      path: MATERIAL_UPLOADS_PATH,
      tags,
      access: 'session',
      summary: 'Upload a file (JPEG, PNG, WebP or PDF, at most 10 MB) for a material of an application',
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                applicationId: z.string().uuid(),
                materialName: plainText(200),
                file: z.any().openapi({ type: 'string', format: 'binary' }),
              }),
            },
          },
        },
      },
      responses: { 201: jsonResponse(AttachedMaterialSchema, 'Attached') },
    }),
    async (c) => {
      const { applicationId, materialName, file } = c.req.valid('form') as {
        applicationId: string
        materialName: string
        file: unknown
      }
      if (!(file instanceof File)) throw missingUpload()
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(
        await materials.uploadMaterial(c.get('deps'), c.get('actor'), {
          applicationId,
          materialName,
          file: { name: file.name, bytes },
        }),
        201,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/materials/reuse',
      tags,
      access: 'session',
      summary: 'Reuse, with consent, a file the enterprise gave for the same material before (一次提交)',
      request: { params: ApplicationIdParams, body: jsonBody(ReuseMaterialBody) },
      responses: { 201: jsonResponse(AttachedMaterialSchema, 'Attached') },
    }),
    async (c) =>
      c.json(
        await materials.reuseMaterial(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'delete',
      path: '/services/applications/{id}/materials/{materialId}',
      tags,
      access: 'session',
      summary: 'Take an attached file off an application',
      request: { params: MaterialIdParams },
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Removed') },
    }),
    async (c) => {
      const { id, materialId } = c.req.valid('param')
      await materials.removeMaterial(c.get('deps'), c.get('actor'), id, materialId)
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/{id}/materials/{materialId}/file',
      tags,
      access: 'session',
      summary: 'Open a file of an application (its applicant, its department’s staff)',
      request: { params: MaterialIdParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const { id, materialId } = c.req.valid('param')
      const file = await materials.downloadMaterial(c.get('deps'), c.get('actor'), id, materialId)
      return sendUploadedFile(c, file) as never
    },
  )

  return router
}
