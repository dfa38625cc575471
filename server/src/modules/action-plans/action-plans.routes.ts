import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { missingUpload } from '../../kernel/uploads'
import { uuid } from '../../shared/fields'
import {
  AcceptPlanTaskBody,
  ActionPlanFiguresSchema,
  CreatePlanAreaBody,
  CreatePlanTaskBody,
  PlanAreaSchema,
  PlanEvidenceFileSchema,
  PlanIdParams,
  PlanTaskListQuery,
  PlanTaskListSchema,
  PlanTaskSchema,
  PublicActionPlanSchema,
  ReportPlanTaskProgressBody,
  ReturnPlanTaskBody,
  SubmitPlanTaskBody,
} from './action-plans.schema'
import * as service from './action-plans.service'
import { sendUploadedFile } from '../../kernel/http/send-file'

const tags = ['action-plans']

/** Parse, call the service, present: the rules and the permission checks are in the service. */
export function actionPlansRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/action-plan',
      tags,
      access: 'public',
      summary:
        'The action plan’s progress for anyone: areas, tasks, owner units, deadlines, status, progress',
      responses: { 200: jsonResponse(PublicActionPlanSchema, 'The plan') },
    }),
    async (c) => c.json(await service.getPublicPlan(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/action-plans/areas',
      tags,
      access: 'session',
      summary: 'Add an area at the end of the plan (task force, bureau leadership)',
      request: { body: jsonBody(CreatePlanAreaBody) },
      responses: { 201: jsonResponse(PlanAreaSchema, 'The area') },
    }),
    async (c) => c.json(await service.createArea(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/action-plans/tasks',
      tags,
      access: 'session',
      summary: 'Add a task to an area, owned by a department (task force, bureau leadership)',
      request: { body: jsonBody(CreatePlanTaskBody) },
      responses: { 201: jsonResponse(PlanTaskSchema, 'The task') },
    }),
    async (c) => c.json(await service.createTask(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/action-plans/tasks',
      tags,
      access: 'session',
      summary: 'Plan tasks (an owner unit’s staff: their own; the bureau: all), by area and deadline',
      request: { query: PlanTaskListQuery },
      responses: { 200: jsonResponse(PlanTaskListSchema, 'The tasks') },
    }),
    async (c) => c.json(await service.listTasks(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/action-plans/tasks/{id}',
      tags,
      access: 'session',
      summary: 'One plan task: its reports, evidence and timeline',
      request: { params: PlanIdParams },
      responses: { 200: jsonResponse(PlanTaskSchema, 'The task') },
    }),
    async (c) => c.json(await service.getTask(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/action-plans/tasks/{id}/progress',
      tags,
      access: 'session',
      summary: 'Report progress: percent, what was done, evidence (the owner unit’s handlers and head)',
      request: { params: PlanIdParams, body: jsonBody(ReportPlanTaskProgressBody) },
      responses: { 200: jsonResponse(PlanTaskSchema, 'The task') },
    }),
    async (c) =>
      c.json(
        await service.reportProgress(
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
      path: '/action-plans/tasks/{id}/submit',
      tags,
      access: 'session',
      summary: 'Report the task done with evidence, for the bureau’s review (the owner unit)',
      request: { params: PlanIdParams, body: jsonBody(SubmitPlanTaskBody) },
      responses: { 200: jsonResponse(PlanTaskSchema, 'The task') },
    }),
    async (c) =>
      c.json(
        await service.submitTask(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/action-plans/tasks/{id}/return',
      tags,
      access: 'session',
      summary: 'Return a task reported done, with a note (the bureau)',
      request: { params: PlanIdParams, body: jsonBody(ReturnPlanTaskBody) },
      responses: { 200: jsonResponse(PlanTaskSchema, 'The task') },
    }),
    async (c) =>
      c.json(
        await service.returnTask(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/action-plans/tasks/{id}/accept',
      tags,
      access: 'session',
      summary: 'Accept a task reported done: its evidence holds (the bureau)',
      request: { params: PlanIdParams, body: jsonBody(AcceptPlanTaskBody) },
      responses: { 200: jsonResponse(PlanTaskSchema, 'The task') },
    }),
    async (c) =>
      c.json(
        await service.acceptTask(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/action-plans/files',
      tags,
      access: 'session',
      summary: 'Upload one evidence file for a task (the owner unit’s handlers and head)',
      request: {
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                taskId: uuid,
                file: z.any().openapi({ type: 'string', format: 'binary' }),
              }),
            },
          },
        },
      },
      responses: { 201: jsonResponse(PlanEvidenceFileSchema, 'Stored') },
    }),
    async (c) => {
      const form = c.req.valid('form')
      const file = form.file as unknown
      if (!(file instanceof File)) throw missingUpload()
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(
        await service.uploadFile(c.get('deps'), c.get('actor'), form.taskId, { name: file.name, bytes }),
        201,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/action-plans/files/{id}',
      tags,
      access: 'session',
      summary: 'Download an evidence file of a task the caller holds',
      request: { params: PlanIdParams },
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
      path: '/action-plans/figures',
      tags,
      access: 'session',
      summary: 'Tasks by status, overdue, on-time rate per owner unit (the bureau)',
      responses: { 200: jsonResponse(ActionPlanFiguresSchema, 'The figures') },
    }),
    async (c) => c.json(await service.getFigures(c.get('deps'), c.get('actor')), 200),
  )

  return router
}
