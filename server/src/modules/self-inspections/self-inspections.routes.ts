import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { missingUpload } from '../../kernel/uploads'
import { uuid } from '../../shared/fields'
import {
  AnswerListQuery,
  AnswerListSchema,
  EvidenceFileSchema,
  IssueSelfInspectionTaskBody,
  MarkRectificationDoneBody,
  RectificationListQuery,
  RectificationListSchema,
  RectificationSchema,
  ReopenRectificationBody,
  ReturnSelfInspectionAnswerBody,
  SaveSelfInspectionFindingsBody,
  SelfInspectionAnswerSchema,
  SelfInspectionIdParams,
  SelfInspectionTaskListSchema,
  SelfInspectionTaskSchema,
  VersionBody,
} from './self-inspections.schema'
import * as service from './self-inspections.service'
import { sendUploadedFile } from '../../kernel/http/send-file'

const tags = ['self-inspections']

/** Parse, call the service, present: the rules and the permission checks are in the service. */
export function selfInspectionsRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/self-inspections/tasks',
      tags,
      access: 'session',
      summary: 'Issue a self-inspection task to departments (task force, bureau leadership)',
      request: { body: jsonBody(IssueSelfInspectionTaskBody) },
      responses: { 201: jsonResponse(SelfInspectionTaskSchema, 'The task and its board') },
    }),
    async (c) => c.json(await service.issueTask(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/self-inspections/tasks',
      tags,
      access: 'session',
      summary: 'The tasks issued, newest first, with their progress (the bureau)',
      responses: { 200: jsonResponse(SelfInspectionTaskListSchema, 'The tasks') },
    }),
    async (c) => c.json(await service.listTasks(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/self-inspections/tasks/{id}',
      tags,
      access: 'session',
      summary: 'One task: its checklist and its board of departments × status (the bureau)',
      request: { params: SelfInspectionIdParams },
      responses: { 200: jsonResponse(SelfInspectionTaskSchema, 'The task') },
    }),
    async (c) => c.json(await service.getTask(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/self-inspections/answers',
      tags,
      access: 'session',
      summary: 'Departments’ copies of tasks (a department’s staff: their own; the bureau: all)',
      request: { query: AnswerListQuery },
      responses: { 200: jsonResponse(AnswerListSchema, 'The copies') },
    }),
    async (c) => c.json(await service.listAnswers(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/self-inspections/answers/{id}',
      tags,
      access: 'session',
      summary: 'One department’s copy: checklist, findings, evidence, rectifications, timeline',
      request: { params: SelfInspectionIdParams },
      responses: { 200: jsonResponse(SelfInspectionAnswerSchema, 'The copy') },
    }),
    async (c) => c.json(await service.getAnswer(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/self-inspections/answers/{id}/findings',
      tags,
      access: 'session',
      summary: 'Save findings as a draft (the department’s handlers and head)',
      request: { params: SelfInspectionIdParams, body: jsonBody(SaveSelfInspectionFindingsBody) },
      responses: { 200: jsonResponse(SelfInspectionAnswerSchema, 'The copy') },
    }),
    async (c) =>
      c.json(
        await service.saveFindings(
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
      path: '/self-inspections/answers/{id}/submit',
      tags,
      access: 'session',
      summary: 'Submit the copy for the bureau’s review (the department head)',
      request: { params: SelfInspectionIdParams, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(SelfInspectionAnswerSchema, 'The copy') },
    }),
    async (c) =>
      c.json(
        await service.submitAnswer(
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
      path: '/self-inspections/answers/{id}/return',
      tags,
      access: 'session',
      summary: 'Return the copy with notes, per item if need be (the bureau)',
      request: { params: SelfInspectionIdParams, body: jsonBody(ReturnSelfInspectionAnswerBody) },
      responses: { 200: jsonResponse(SelfInspectionAnswerSchema, 'The copy') },
    }),
    async (c) =>
      c.json(
        await service.returnAnswer(
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
      path: '/self-inspections/answers/{id}/accept',
      tags,
      access: 'session',
      summary: 'Accept the copy: its problems become rectifications (the bureau)',
      request: { params: SelfInspectionIdParams, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(SelfInspectionAnswerSchema, 'The copy') },
    }),
    async (c) =>
      c.json(
        await service.acceptAnswer(
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
      path: '/self-inspections/files',
      tags,
      access: 'session',
      summary: 'Upload one evidence file for a copy (the department’s handlers and head)',
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                answerId: uuid,
                file: z.any().openapi({ type: 'string', format: 'binary' }),
              }),
            },
          },
        },
      },
      responses: { 201: jsonResponse(EvidenceFileSchema, 'Stored') },
    }),
    async (c) => {
      const form = c.req.valid('form')
      const file = form.file as unknown
      if (!(file instanceof File)) throw missingUpload()
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(
        await service.uploadFile(c.get('deps'), c.get('actor'), form.answerId, {
          name: file.name,
          bytes,
        }),
        201,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/self-inspections/files/{id}',
      tags,
      access: 'session',
      summary: 'Download an evidence file of a copy the caller holds',
      request: { params: SelfInspectionIdParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const file = await service.downloadFile(c.get('deps'), c.get('actor'), c.req.valid('param').id)
      return sendUploadedFile(c, file) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/self-inspections/rectifications',
      tags,
      access: 'session',
      summary: 'Rectifications from accepted copies (a department’s staff: their own; the bureau: all)',
      request: { query: RectificationListQuery },
      responses: { 200: jsonResponse(RectificationListSchema, 'The rectifications') },
    }),
    async (c) =>
      c.json(await service.listRectifications(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/self-inspections/rectifications/{id}/done',
      tags,
      access: 'session',
      summary: 'Report a rectification done, with evidence (the department)',
      request: { params: SelfInspectionIdParams, body: jsonBody(MarkRectificationDoneBody) },
      responses: { 200: jsonResponse(RectificationSchema, 'The rectification') },
    }),
    async (c) =>
      c.json(
        await service.markRectificationDone(
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
      path: '/self-inspections/rectifications/{id}/confirm',
      tags,
      access: 'session',
      summary: 'Confirm a rectification reported done (the bureau)',
      request: { params: SelfInspectionIdParams, body: jsonBody(VersionBody) },
      responses: { 200: jsonResponse(RectificationSchema, 'The rectification') },
    }),
    async (c) =>
      c.json(
        await service.confirmRectification(
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
      path: '/self-inspections/rectifications/{id}/reopen',
      tags,
      access: 'session',
      summary: 'Send a rectification reported done back to open, with a note (the bureau)',
      request: { params: SelfInspectionIdParams, body: jsonBody(ReopenRectificationBody) },
      responses: { 200: jsonResponse(RectificationSchema, 'The rectification') },
    }),
    async (c) =>
      c.json(
        await service.reopenRectification(
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
