import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import * as review from './application-review.service'
import * as queue from './applications-queue.service'
import {
  ApplicantTimelineSchema,
  ApplicationIdParams,
  DecideTaskBody,
  DelegateTaskBody,
  QueueQuery,
  QueueSchema,
  ReviewTaskParams,
  StaffApplicationSchema,
} from './services.schema'

const tags = ['services']

/**
 * The staff side of applications (the department's queue, the staff view, review steps, archiving)
 * and the applicant's notices and timeline. Parse, call the service, present.
 */
export function applicationsStaffRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/queue',
      tags,
      access: 'session',
      summary: 'The department’s applications in flight, nearest due first (keyset pages)',
      request: { query: QueueQuery },
      responses: { 200: jsonResponse(QueueSchema, 'One page of the queue') },
    }),
    async (c) => c.json(await queue.listQueue(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/{id}/staff',
      tags,
      access: 'session',
      summary: 'One application as the department’s staff read it',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(StaffApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(await queue.getStaffApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  const taskMove = (move: 'claim' | 'unclaim', summary: string, run: typeof review.claimTask) =>
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/services/applications/{id}/review-tasks/{taskId}/${move}`,
        tags,
        access: 'session',
        summary,
        request: { params: ReviewTaskParams },
        responses: { 200: jsonResponse(StaffApplicationSchema, 'The application') },
      }),
      async (c) => {
        const { id, taskId } = c.req.valid('param')
        return c.json(await run(c.get('deps'), c.get('actor'), id, taskId), 200)
      },
    )
  taskMove('claim', 'Claim an open review step', review.claimTask)
  taskMove('unclaim', 'Give a review step back to the department', review.unclaimTask)

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/review-tasks/{taskId}/delegate',
      tags,
      access: 'session',
      summary: 'Pass a review step to a colleague holding its role',
      request: { params: ReviewTaskParams, body: jsonBody(DelegateTaskBody) },
      responses: { 200: jsonResponse(StaffApplicationSchema, 'The application') },
    }),
    async (c) => {
      const { id, taskId } = c.req.valid('param')
      return c.json(
        await review.delegateTask(c.get('deps'), c.get('actor'), id, taskId, c.req.valid('json')),
        200,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/review-tasks/{taskId}/decide',
      tags,
      access: 'session',
      summary: 'Decide a review step: approve, refuse (reason and legal basis) or return (with a note)',
      request: { params: ReviewTaskParams, body: jsonBody(DecideTaskBody) },
      responses: { 200: jsonResponse(StaffApplicationSchema, 'The application') },
    }),
    async (c) => {
      const { id, taskId } = c.req.valid('param')
      return c.json(
        await review.decideTask(c.get('deps'), c.get('actor'), id, taskId, c.req.valid('json')),
        200,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/services/applications/{id}/archive',
      tags,
      access: 'session',
      summary: 'File a finished application (归档)',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(StaffApplicationSchema, 'The application') },
    }),
    async (c) =>
      c.json(await review.archiveApplication(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/services/applications/{id}/timeline',
      tags,
      access: 'session',
      summary: 'The steps of one of the caller’s applications addressed to the applicant',
      request: { params: ApplicationIdParams },
      responses: { 200: jsonResponse(ApplicantTimelineSchema, 'The timeline, oldest first') },
    }),
    async (c) =>
      c.json(await queue.getApplicantTimeline(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  return router
}
