import { z } from 'zod'
import type { AppEnv } from '../../kernel/http/app-env'
import { missingUpload } from '../../kernel/uploads'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { AppError } from '../../kernel/errors'
import type { Context } from 'hono'
import {
  AcceptBody,
  AnyAppealViewSchema,
  AppealIdParams,
  CoPartBody,
  EnterpriseAppealPageSchema,
  AppealPageSchema,
  ArbitrateBody,
  AttachmentSchema,
  CategoryParams,
  CategoriesQuery,
  CategorySchema,
  SaveCategoryBody,
  ContactBody,
  DecisionBody,
  DispatchBody,
  ExtensionBody,
  ExtensionParams,
  FileAppealBody,
  FileOnBehalfBody,
  FiguresQuery,
  ImportReportSchema,
  FiguresSchema,
  RankingQuery,
  RankingSchema,
  WithdrawalGroupSchema,
  InboxQuery,
  MergeBody,
  NoteBody,
  PauseBody,
  QueueQuery,
  ReceiptSchema,
  RejectBody,
  ReplyBody,
  ReplyParams,
  ReturnBody,
  ReturnVisitParams,
  ReturnVisitResultBody,
  ReturnVisitSchema,
  SimilarQuery,
  SimilarSchema,
  SuggestionSchema,
  UpdateSettingsBody,
  RatingBody,
  WithdrawBody,
} from './appeals.schema'
import { AppealSettingsSchema } from './appeal-settings'
import './appeals.messages'
import * as closing from './appeals-closing.service'
import * as coHandling from './appeals-co-handling.service'
import * as importer from './appeals-import.service'
import * as figures from './appeals-figures.service'
import * as handling from './appeals-handling.service'
import * as intake from './appeals-intake.service'
import * as read from './appeals-read.service'
import * as routing from './appeals-routing.service'
import * as settings from './appeal-settings.service'
import * as triage from './appeals-triage.service'
import * as worklist from './appeals-worklist.service'

const tags = ['appeals']
const Ok = z.object({ ok: z.literal(true) })
const detail = jsonResponse(AnyAppealViewSchema, 'The appeal after the action')
const afterAction = jsonResponse(
  z.union([AnyAppealViewSchema, z.object({ ok: z.literal(true), visibleToYou: z.literal(false) })]),
  'The appeal after the action, or { ok, visibleToYou: false } when the action took it out of the caller’s sight',
)

export function appealRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/categories',
      tags,
      access: 'session',
      summary: 'The appeal catalogue (all=true: retired categories too, admins)',
      request: { query: CategoriesQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(CategorySchema) }), 'Categories') },
    }),
    async (c) =>
      c.json(
        {
          items: await intake.listCategories(c.get('deps'), c.get('actor'), {
            all: c.req.valid('query').all === 'true',
          }),
        },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/appeals/categories/{code}',
      tags,
      access: 'session',
      summary: 'Add or change a category of the catalogue, its default department and keywords (admin)',
      request: { params: CategoryParams, body: jsonBody(SaveCategoryBody) },
      responses: { 200: jsonResponse(CategorySchema, 'Saved') },
    }),
    async (c) =>
      c.json(
        await settings.saveCategory(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').code,
          c.req.valid('json'),
        ),
        200,
      ),
  )

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
      return c.body(new Uint8Array(file.content), 200, {
        'content-type': file.contentType,
        // A photo opens in the browser (its thumbnail links to it); a PDF downloads. Types are sniffed from the bytes.
        'content-disposition': `${file.contentType.startsWith('image/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'x-content-type-options': 'nosniff',
      }) as never
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

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/mine',
      tags,
      access: 'session',
      summary: 'The appeals of the enterprises I act for (the enterprise’s view)',
      request: {
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: { 200: jsonResponse(EnterpriseAppealPageSchema, 'My appeals, newest first') },
    }),
    async (c) => c.json(await read.listMyAppeals(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/queue',
      tags,
      access: 'session',
      summary: 'The task force’s queues (triage, returned, arbitration, overdue, extensions, …)',
      request: { query: QueueQuery },
      responses: { 200: jsonResponse(AppealPageSchema, 'A page of appeals') },
    }),
    async (c) => c.json(await read.listQueue(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/queue/counts',
      tags,
      access: 'session',
      summary: 'How many appeals each of the task force’s queue tabs lists',
      responses: {
        200: jsonResponse(
          z.object({
            triage: z.number(),
            dispatched: z.number(),
            returned: z.number(),
            arbitration: z.number(),
            overdue: z.number(),
            extensions: z.number(),
            open: z.number(),
            all: z.number(),
          }),
          'Counts per tab',
        ),
      },
    }),
    async (c) => c.json(await worklist.countQueueViews(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/inbox/counts',
      tags,
      access: 'session',
      summary:
        'How many appeals each tab of my department’s inbox lists, and how many are unsigned or overdue',
      responses: {
        200: jsonResponse(
          z.object({
            open: z.number(),
            approvals: z.number(),
            closed: z.number(),
            overdue: z.number(),
            toSignFor: z.number(),
          }),
          'Counts per tab',
        ),
      },
    }),
    async (c) => c.json(await worklist.countInboxViews(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/inbox',
      tags,
      access: 'session',
      summary: 'My department’s appeals, nearest deadline first',
      request: { query: InboxQuery },
      responses: { 200: jsonResponse(AppealPageSchema, 'A page of appeals') },
    }),
    async (c) =>
      c.json(await read.listDepartmentInbox(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/return-visits',
      tags,
      access: 'session',
      summary: 'Return visits (task force)',
      request: { query: z.strictObject({ status: z.enum(['pending', 'done', 'unreachable']).optional() }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(ReturnVisitSchema) }), 'Return visits') },
    }),
    async (c) =>
      c.json(
        { items: await closing.listReturnVisits(c.get('deps'), c.get('actor'), c.req.valid('query').status) },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/return-visits/{visitId}',
      tags,
      access: 'session',
      summary: 'Record a return visit made by phone (task force)',
      request: { params: ReturnVisitParams, body: jsonBody(ReturnVisitResultBody) },
      responses: { 200: jsonResponse(Ok, 'Recorded') },
    }),
    async (c) =>
      c.json(
        await closing.recordReturnVisit(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').visitId,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/settings',
      tags,
      access: 'session',
      summary: 'Deadline targets, return limit, approval and other appeal rules',
      responses: {
        200: jsonResponse(z.object({ settings: AppealSettingsSchema, version: z.number() }), 'Settings'),
      },
    }),
    async (c) => c.json(await settings.getAppealSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/appeals/settings',
      tags,
      access: 'session',
      summary: 'Change the appeal rules (admin)',
      request: { body: jsonBody(UpdateSettingsBody) },
      responses: {
        200: jsonResponse(z.object({ settings: AppealSettingsSchema, version: z.number() }), 'Settings'),
      },
    }),
    async (c) =>
      c.json(await settings.updateAppealSettings(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/figures',
      tags,
      access: 'session',
      summary:
        'Response, resolution and satisfaction rates and more, by department, with their raw numbers (formulas: the figures page)',
      request: { query: FiguresQuery },
      responses: { 200: jsonResponse(FiguresSchema, 'Figures') },
    }),
    async (c) =>
      c.json(await figures.computeFigures(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/ranking',
      tags,
      access: 'session',
      summary: 'The monthly department ranking with raw numbers',
      request: { query: RankingQuery },
      responses: { 200: jsonResponse(RankingSchema, 'Ranking') },
    }),
    async (c) =>
      c.json(await figures.monthlyRanking(c.get('deps'), c.get('actor'), c.req.valid('query').month), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/ranking.xlsx',
      tags,
      access: 'session',
      summary: 'The monthly ranking as an Excel workbook (rows and formulas)',
      request: { query: RankingQuery },
      responses: {
        200: {
          description: 'xlsx',
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ format: 'binary' }),
            },
          },
        },
      },
    }),
    async (c) => {
      const month = c.req.valid('query').month
      const book = await figures.rankingWorkbook(c.get('deps'), c.get('actor'), month)
      return c.body(new Uint8Array(book), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="appeal-ranking-${month}.xlsx"`,
      }) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/withdrawals',
      tags,
      access: 'session',
      summary: 'Withdrawn appeals of a period by department, for audit',
      request: { query: FiguresQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(WithdrawalGroupSchema) }), 'Withdrawals') },
    }),
    async (c) =>
      c.json(
        { items: await figures.listWithdrawals(c.get('deps'), c.get('actor'), c.req.valid('query')) },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/{id}',
      tags,
      access: 'session',
      summary:
        'One appeal with its timeline, deadlines and what the caller may do: staff read the staff view, the enterprise its own (view: enterprise), built from an allow-list',
      request: { params: AppealIdParams },
      responses: { 200: jsonResponse(AnyAppealViewSchema, 'The appeal') },
    }),
    async (c) => c.json(await read.getAppeal(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/appeals/{id}/department-suggestions',
      tags,
      access: 'session',
      summary: 'The three most likely departments, with confidence (task force)',
      request: { params: AppealIdParams },
      responses: { 200: jsonResponse(SuggestionSchema, 'Suggestions') },
    }),
    async (c) =>
      c.json(await routing.suggestForAppeal(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  /** Each action answers the appeal as the caller now sees it. */
  const action = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B | null,
    run: (c: Context<AppEnv>, id: string, input: z.infer<B>) => Promise<unknown>,
  ) => {
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/appeals/{id}/${path}`,
        tags,
        access: 'session',
        summary,
        request: { params: AppealIdParams, ...(body ? { body: jsonBody(body) } : {}) },
        responses: { 200: afterAction },
      }),
      async (c) => {
        // The generic body makes the validated types opaque here; the route definition above validated both.
        const valid = c.req.valid.bind(c.req) as unknown as (target: 'param' | 'json') => unknown
        const id = (valid('param') as { id: string }).id
        const input = (body ? valid('json') : {}) as z.infer<B>
        await run(c as unknown as Context<AppEnv>, id, input)
        try {
          return c.json(await read.getAppeal(c.get('deps'), c.get('actor'), id), 200)
        } catch (error) {
          // The action took the appeal out of the caller's sight (a department returned it): say it worked.
          if (error instanceof AppError && error.code === 'NOT_FOUND')
            return c.json({ ok: true as const, visibleToYou: false as const }, 200)
          throw error
        }
      },
    )
  }

  action(
    'accept',
    'Accept as valid, optionally setting category and tier (task force)',
    AcceptBody,
    (c, id, b) => triage.acceptAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  action('reject', 'Reject as not a valid appeal, with a reason (task force)', RejectBody, (c, id, b) =>
    triage.rejectAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  action('merge', 'Merge a duplicate into its original (task force)', MergeBody, (c, id, b) =>
    triage.mergeAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  action(
    'dispatch',
    'Dispatch to a lead department (default: the fallback owner) and co-handlers (task force)',
    DispatchBody,
    (c, id, b) => triage.dispatchAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  action(
    'arbitrate',
    'Decide where a repeatedly returned appeal belongs; binding (task force)',
    ArbitrateBody,
    (c, id, b) => triage.arbitrateAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  action('sign-for', 'Sign for a dispatched appeal (lead department)', null, (c, id) =>
    handling.signForAppeal(c.get('deps'), c.get('actor'), id),
  )
  action('co-sign-for', 'Sign for the co-handling part (a co-handling department)', null, (c, id) =>
    coHandling.coSignForAppeal(c.get('deps'), c.get('actor'), id),
  )
  action(
    'parts',
    'Submit the co-handling part to the lead, staff only (a co-handling department)',
    CoPartBody,
    (c, id, b) => coHandling.submitCoPart(c.get('deps'), c.get('actor'), id, b),
  )
  action('return', 'Return a mis-routed appeal with a reason (lead department)', ReturnBody, (c, id, b) =>
    handling.returnAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  action(
    'pause',
    'Pause with a documented reason; the clocks stop (lead department)',
    PauseBody,
    (c, id, b) => handling.pauseAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  action('resume', 'End the pause (lead department)', NoteBody, (c, id, b) =>
    handling.resumeAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  action(
    'contact',
    'Record a contact with the enterprise — a call, a visit (with whom) or a message the platform sends; the first-contact clock stops when it is recorded (lead department)',
    ContactBody,
    (c, id, b) => handling.recordContact(c.get('deps'), c.get('actor'), id, b),
  )
  action('extension', 'Ask for more working days (department head of the lead)', ExtensionBody, (c, id, b) =>
    handling.requestExtension(c.get('deps'), c.get('actor'), id, b),
  )
  action(
    'reply',
    'Answer the appeal, with attachments; waits for every co-handler’s part unless missingPartsReason says why not (lead department)',
    ReplyBody,
    (c, id, b) => handling.replyToAppeal(c.get('deps'), c.get('actor'), id, b),
  )
  // The path keeps its first name (clients call it); the act is the enterprise's rating.
  action(
    'verdict',
    'Confirm solved and rate (five levels), or say not solved: the appeal reopens (enterprise)',
    RatingBody,
    (c, id, b) => closing.rateAnswer(c.get('deps'), c.get('actor'), id, b),
  )
  action('withdraw', 'Withdraw before an answer, with a reason (enterprise)', WithdrawBody, (c, id, b) =>
    closing.withdrawAppeal(c.get('deps'), c.get('actor'), id, b),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/{id}/extensions/{extensionId}/decision',
      tags,
      access: 'session',
      summary: 'Approve or refuse an extension request (task force)',
      request: { params: ExtensionParams, body: jsonBody(DecisionBody) },
      responses: { 200: detail },
    }),
    async (c) => {
      const { id, extensionId } = c.req.valid('param')
      await handling.decideExtension(c.get('deps'), c.get('actor'), id, extensionId, c.req.valid('json'))
      return c.json(await read.getAppeal(c.get('deps'), c.get('actor'), id), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/{id}/replies/{replyId}/decision',
      tags,
      access: 'session',
      summary: 'Approve or send back a pending reply (department head of the lead)',
      request: { params: ReplyParams, body: jsonBody(DecisionBody) },
      responses: { 200: detail },
    }),
    async (c) => {
      const { id, replyId } = c.req.valid('param')
      await handling.decideReply(c.get('deps'), c.get('actor'), id, replyId, c.req.valid('json'))
      return c.json(await read.getAppeal(c.get('deps'), c.get('actor'), id), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/appeals/{id}/return-visit',
      tags,
      access: 'session',
      summary: 'Answer the return-visit survey of a closed appeal (enterprise)',
      request: { params: AppealIdParams, body: jsonBody(RatingBody) },
      responses: { 200: jsonResponse(Ok, 'Recorded') },
    }),
    async (c) =>
      c.json(
        await closing.answerReturnVisit(
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
