import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { readFileField } from '../../kernel/uploads'
import {
  CatalogueExportQuery,
  CatalogueImportReportSchema,
  EditableMatterListSchema,
  EditableMattersQuery,
  MatterVersionListSchema,
  MatterVersionParams,
  CreateMatterBody,
  MatterContentBody,
  MatterGuideSchema,
  MatterIdParams,
  MatterListQuery,
  MatterListSchema,
  MatterVersionSchema,
} from './matters.schema'
import * as service from './matters.service'
import * as transfer from './matters-transfer.service'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const tags = ['services']

/** The service-matter catalogue: public browse and guide, staff editing. Rules live in the service. */
export function matterRoutes() {
  const router = createRouter()

  // the fixed paths first: /services/matters/{id} would otherwise take them for an id
  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/matters/editable',
      tags,
      access: 'session',
      summary: 'The matters the caller edits, drafts and never-published ones too, for the editor tree',
      request: { query: EditableMattersQuery },
      responses: { 200: jsonResponse(EditableMatterListSchema, 'The matters') },
    }),
    async (c) =>
      c.json(await service.listEditableMatters(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/matters/export.xlsx',
      tags,
      access: 'session',
      summary:
        'The catalogue the caller edits as a workbook: a sheet of matters (current version) and one of materials',
      request: { query: CatalogueExportQuery },
      responses: {
        200: {
          description: 'xlsx',
          content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const book = await transfer.exportCatalogue(c.get('deps'), c.get('actor'), c.req.valid('query'))
      return c.body(new Uint8Array(book), 200, {
        'content-type': XLSX,
        'content-disposition': 'attachment; filename="service-matters.xlsx"',
      }) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/matters/import',
      tags,
      access: 'session',
      summary:
        'Import an exported workbook: creates matters and writes drafts, all or nothing; every bad row and column is listed',
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
            },
          },
        },
      },
      responses: {
        200: jsonResponse(CatalogueImportReportSchema, 'What was created, updated, left as it was'),
      },
    }),
    async (c) =>
      c.json(
        await transfer.importCatalogue(
          c.get('deps'),
          c.get('actor'),
          await readFileField(c.req.valid('form')),
        ),
        200,
      ),
  )

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

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/matters/{id}/versions',
      tags,
      access: 'session',
      summary: "A matter's versions, newest first (editors of its department)",
      request: { params: MatterIdParams },
      responses: { 200: jsonResponse(MatterVersionListSchema, 'The versions') },
    }),
    async (c) =>
      c.json(await service.listMatterVersions(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/matters/{id}/versions/{versionId}',
      tags,
      access: 'session',
      summary: 'One version of a matter with its whole content (editors of its department)',
      request: { params: MatterVersionParams },
      responses: { 200: jsonResponse(MatterVersionSchema, 'The version') },
    }),
    async (c) => {
      const { id, versionId } = c.req.valid('param')
      return c.json(await service.getMatterVersion(c.get('deps'), c.get('actor'), id, versionId), 200)
    },
  )

  return router
}
