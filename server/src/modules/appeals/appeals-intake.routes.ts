import { z } from 'zod'
import type { AppEnv } from '../../kernel/http/app-env'
import { missingUpload } from '../../kernel/uploads'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  AppealIdParams,
  AttachmentSchema,
  FileAppealBody,
  FileOnBehalfBody,
  ImportReportSchema,
  ReceiptSchema,
  SimilarQuery,
  SimilarSchema,
} from './appeals.schema'
import * as importer from './appeals-import.service'
import * as intake from './appeals-intake.service'
import { sendUploadedFile } from '../../kernel/http/send-file'

const tags = ['appeals']

/** Filing: attachments, the enterprise's filing, the task force's on-behalf filing and imports, similar appeals. */
export function intakeRoutes(router: OpenAPIHono<AppEnv>): void {
  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/attachments',
      tags,
      access: 'session',
      summary: 'Upload an image (JPEG, PNG, WebP) or PDF of at most 10 MB for an appeal or a reply',
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
      responses: { 201: jsonResponse(AttachmentSchema, 'Stored') },
    }),
    async (c) => {
      const file = c.req.valid('form').file as unknown
      if (!(file instanceof File)) throw missingUpload()
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(
        await intake.uploadAttachment(c.get('deps'), c.get('actor'), { name: file.name, bytes }),
        201,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/attachments/{id}',
      tags,
      access: 'session',
      summary: 'Download an attachment of an appeal the caller may see',
      request: { params: AppealIdParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const file = await intake.downloadAttachment(c.get('deps'), c.get('actor'), c.req.valid('param').id)
      return sendUploadedFile(c, file) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals',
      tags,
      access: 'session',
      summary: 'File an appeal for an enterprise you act for (idempotent by idempotencyKey)',
      request: { body: jsonBody(FileAppealBody) },
      responses: {
        201: jsonResponse(ReceiptSchema, 'Filed: the receipt'),
        200: jsonResponse(ReceiptSchema, 'Already filed with this key: the same receipt'),
      },
    }),
    async (c) => {
      const { receipt, replayed } = await intake.fileAppeal(
        c.get('deps'),
        c.get('actor'),
        c.req.valid('json'),
      )
      return c.json(receipt, replayed ? 200 : 201)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/on-behalf',
      tags,
      access: 'session',
      summary: 'The task force files for an enterprise (hotline call, company visit)',
      request: { body: jsonBody(FileOnBehalfBody) },
      responses: {
        201: jsonResponse(ReceiptSchema, 'Filed'),
        200: jsonResponse(ReceiptSchema, 'Already filed with this key'),
      },
    }),
    async (c) => {
      const { receipt, replayed } = await intake.fileOnBehalf(
        c.get('deps'),
        c.get('actor'),
        c.req.valid('json'),
      )
      return c.json(receipt, replayed ? 200 : 201)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/imports',
      tags,
      access: 'session',
      summary:
        'Import a federation (工商联) batch: xlsx or csv with columns 统一社会信用代码, 诉求类别, 标题, 诉求内容, 联系电话, 地址 (task force)',
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
      responses: { 200: jsonResponse(ImportReportSchema, 'One result per row') },
    }),
    async (c) => {
      const file = c.req.valid('form').file as unknown
      if (!(file instanceof File)) throw missingUpload()
      return c.json(
        await importer.importFederationBatch(c.get('deps'), c.get('actor'), {
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        }),
        200,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/similar',
      tags,
      access: 'session',
      summary: 'Open appeals like a text (an enterprise sees only its own)',
      request: { query: SimilarQuery },
      responses: { 200: jsonResponse(SimilarSchema, 'Similar open appeals, best first') },
    }),
    async (c) =>
      c.json({ items: await intake.findSimilar(c.get('deps'), c.get('actor'), c.req.valid('query')) }, 200),
  )
}
