import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../kernel/http/app-env'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { readFileField } from '../../kernel/uploads'
import * as appeals from './rating-appeals.service'
import * as files from './rectification-files'
import * as settings from './rectification-settings'
import {
  CloseBody,
  DecideRatingAppealBody,
  EnterpriseRectificationListSchema,
  EnterpriseRectificationSchema,
  ExcludedRatingsSchema,
  FeedbackBody,
  FileRatingAppealBody,
  FileSchema,
  IdParams,
  RatingAppealListQuery,
  RatingAppealListSchema,
  RatingAppealSchema,
  RectificationListQuery,
  RectificationListSchema,
  RectificationSchema,
  RectificationSettingsBody,
  RectificationSettingsSchema,
  ReturnBody,
  SubmitEvidenceBody,
  VerifyBody,
} from './rectifications.schema'
import * as service from './rectifications.service'
import { sendUploadedFile } from '../../kernel/http/send-file'

const tags = ['rectifications']

/** The paths that take a file (their body limit is the upload's, rectifications.module.ts). */
export const RECTIFICATION_FILE_PATH = '/rectifications/evidence-uploads'
export const RATING_APPEAL_FILE_PATH = '/rectifications/rating-appeal-uploads'

/** A multipart body: the case's id in `caseId` and one file in `file`. */
const uploadBody = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: z.object({
        caseId: z.string().uuid(),
        file: z.any().openapi({ type: 'string', format: 'binary' }),
      }),
    },
  },
} as const

async function readUpload(c: Context<AppEnv>) {
  const form = (c.req.valid as (t: 'form') => { caseId: string; file?: unknown })('form')
  return { caseId: form.caseId, file: await readFileField(form) }
}

/** Parse, call the service, present: the rules and the permission checks are in the services. */
export function rectificationsRoutes() {
  const router = createRouter()
  const moveRoute = <B extends z.ZodType>(path: string, summary: string, body: B) =>
    defineRoute({
      method: 'post',
      path,
      tags,
      access: 'session',
      summary,
      request: { params: IdParams, body: jsonBody(body) },
      responses: { 200: jsonResponse(RectificationSchema, 'The rectification after the move') },
    })

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/rectifications',
      tags,
      access: 'session',
      summary: 'Rectifications by due date, overdue first (the bureau: all; a unit: its own)',
      request: { query: RectificationListQuery },
      responses: { 200: jsonResponse(RectificationListSchema, 'The rectifications') },
    }),
    async (c) =>
      c.json(await service.listRectifications(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/rectifications/mine',
      tags,
      access: 'session',
      summary: "The rectifications of the caller's enterprises (the rater's side)",
      responses: { 200: jsonResponse(EnterpriseRectificationListSchema, 'The rectifications') },
    }),
    async (c) => c.json(await service.listMyRectifications(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/rectifications/mine/{id}',
      tags,
      access: 'session',
      summary: "One rectification of the caller's enterprise: progress and feedback",
      request: { params: IdParams },
      responses: { 200: jsonResponse(EnterpriseRectificationSchema, 'The rectification') },
    }),
    async (c) =>
      c.json(await service.getMyRectification(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/rectifications/settings',
      tags,
      access: 'session',
      summary: 'The rectification deadline in working days (5–15)',
      responses: { 200: jsonResponse(RectificationSettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await settings.getRectificationSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/rectifications/settings',
      tags,
      access: 'session',
      summary: 'Change the rectification deadline (administrators; applies to new rectifications)',
      request: { body: jsonBody(RectificationSettingsBody) },
      responses: { 200: jsonResponse(RectificationSettingsSchema, 'The saved settings') },
    }),
    async (c) =>
      c.json(
        await settings.updateRectificationSettings(c.get('deps'), c.get('actor'), c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/rectifications/public/excluded-ratings',
      tags,
      access: 'public',
      summary:
        'Public statistics: ratings excluded from the figures on upheld rating appeals, by reason class',
      responses: { 200: jsonResponse(ExcludedRatingsSchema, 'The counts') },
    }),
    async (c) => c.json(await appeals.getExcludedRatings(c.get('deps')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/rectifications/files/{id}',
      tags,
      access: 'session',
      summary: 'Download an evidence file of a rectification or rating appeal the caller may see',
      request: { params: IdParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) =>
      sendUploadedFile(
        c,
        await files.downloadFile(c.get('deps'), c.get('actor'), c.req.valid('param').id),
      ) as never,
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/rectifications/rating-appeals',
      tags,
      access: 'session',
      summary: 'Rating appeals, open first (the bureau: all; a unit: its own)',
      request: { query: RatingAppealListQuery },
      responses: { 200: jsonResponse(RatingAppealListSchema, 'The appeals') },
    }),
    async (c) =>
      c.json(await appeals.listRatingAppeals(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/rectifications/rating-appeals',
      tags,
      access: 'session',
      summary: 'The handling unit appeals a rating of its work it believes mistaken or malicious',
      request: { body: jsonBody(FileRatingAppealBody) },
      responses: { 201: jsonResponse(RatingAppealSchema, 'The appeal') },
    }),
    async (c) =>
      c.json(await appeals.fileRatingAppeal(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/rectifications/rating-appeals/{id}',
      tags,
      access: 'session',
      summary: 'One rating appeal with its rating and evidence',
      request: { params: IdParams },
      responses: { 200: jsonResponse(RatingAppealSchema, 'The appeal') },
    }),
    async (c) =>
      c.json(await appeals.getRatingAppeal(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: RATING_APPEAL_FILE_PATH,
      tags,
      access: 'session',
      summary: 'Attach evidence (JPEG, PNG, WebP or PDF, at most 10 MB) to an open rating appeal',
      request: { body: uploadBody },
      responses: { 201: jsonResponse(FileSchema, 'Attached') },
    }),
    async (c) => {
      const { caseId, file } = await readUpload(c)
      return c.json(await files.attachRatingAppealFile(c.get('deps'), c.get('actor'), caseId, file), 201)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/rectifications/rating-appeals/{id}/decide',
      tags,
      access: 'session',
      summary: 'The bureau upholds (the rating is excluded) or rejects a rating appeal, with reasons',
      request: { params: IdParams, body: jsonBody(DecideRatingAppealBody) },
      responses: { 200: jsonResponse(RatingAppealSchema, 'The decided appeal') },
    }),
    async (c) =>
      c.json(
        await appeals.decideRatingAppeal(
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
      method: 'get',
      path: '/rectifications/{id}',
      tags,
      access: 'session',
      summary:
        'One rectification: the rating, evidence, contact, timeline and the moves allowed to the caller',
      request: { params: IdParams },
      responses: { 200: jsonResponse(RectificationSchema, 'The rectification') },
    }),
    async (c) =>
      c.json(await service.getRectification(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: RECTIFICATION_FILE_PATH,
      tags,
      access: 'session',
      summary: 'The unit attaches evidence (JPEG, PNG, WebP or PDF, at most 10 MB) to an open rectification',
      request: { body: uploadBody },
      responses: { 201: jsonResponse(FileSchema, 'Attached') },
    }),
    async (c) => {
      const { caseId, file } = await readUpload(c)
      return c.json(await files.attachRectificationFile(c.get('deps'), c.get('actor'), caseId, file), 201)
    },
  )

  const moves = [
    [
      'submit-evidence',
      'The unit sends its measures and evidence',
      SubmitEvidenceBody,
      service.submitEvidence,
    ],
    [
      'verify',
      'The bureau records its contact with the rater and accepts the fix',
      VerifyBody,
      service.verifyRectification,
    ],
    [
      'return',
      'The bureau finds the evidence insufficient: back to the unit',
      ReturnBody,
      service.returnRectification,
    ],
    [
      'feedback',
      'The bureau tells the rater what was done (dated, in their inbox)',
      FeedbackBody,
      service.giveFeedback,
    ],
    [
      'close',
      'The bureau closes after feedback when the rater does not rate the fix',
      CloseBody,
      service.closeRectification,
    ],
  ] as const
  for (const [name, summary, body, handler] of moves) {
    router.openapi(moveRoute(`/rectifications/{id}/${name}`, summary, body), async (c) =>
      c.json(
        await (
          handler as (
            d: unknown,
            a: unknown,
            id: string,
            b: unknown,
          ) => ReturnType<typeof service.getRectification>
        )(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
    )
  }

  return router
}
