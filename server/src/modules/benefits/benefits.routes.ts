import { EnterpriseIdParams } from '../enterprises/enterprises.schema'
import { z } from 'zod'
import { missingUpload } from '../../kernel/uploads'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  ApplyBody,
  ClaimDetailSchema,
  ClaimListQuery,
  ClaimPageSchema,
  ClaimParams,
  ClaimTimelinePageSchema,
  EnterpriseClaimsQuery,
  ConsentBody,
  EnterpriseClaimParams,
  EvaluationQuery,
  EvaluationSchema,
  ItemParams,
  MaterialFileSchema,
  MaterialParams,
  PayoutBatchBody,
  PayoutBatchSchema,
  PayoutBody,
  PayoutLedgerQuery,
  PayoutListSchema,
  RatingBody,
  ReceiptSchema,
  ResubmitBody,
  SupplementBody,
  DecisionBody,
  WithdrawBody,
} from './benefits.schema'
import * as evaluation from './evaluation.service'
import * as intake from './claims-intake.service'
import * as payouts from './payouts.service'
import * as ledger from './payout-ledger.service'
import * as read from './claims-read.service'
import * as worklist from './claims-worklist.service'
import * as review from './claims-review.service'
import './benefits.messages'

const tags = ['benefits']
const detail = jsonResponse(ClaimDetailSchema, 'The claim after the action')
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function benefitRoutes() {
  const router = createRouter()

  // The enterprise: consent, apply, its timeline, resubmit, withdraw, rate

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/claims/consent',
      tags,
      access: 'session',
      summary:
        'Consent to a no-application benefit (免申即享) the enterprise is eligible for now (members; idempotent)',
      request: { params: EnterpriseIdParams, body: jsonBody(ConsentBody) },
      responses: {
        201: jsonResponse(ReceiptSchema, 'Consent recorded: the claim and its receipt'),
        200: jsonResponse(ReceiptSchema, 'Already recorded with this key: the same claim'),
      },
    }),
    async (c) => {
      const { claim, replayed } = await intake.consentToBenefit(
        c.get('deps'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      )
      return c.json(claim, replayed ? 200 : 201)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/claims/apply',
      tags,
      access: 'session',
      summary:
        'Apply for a fast or standard benefit (快申快享 / 标准申报) with a form and materials (members; idempotent)',
      request: { params: EnterpriseIdParams, body: jsonBody(ApplyBody) },
      responses: {
        201: jsonResponse(ReceiptSchema, 'Submitted: the claim, its due date and receipt'),
        200: jsonResponse(ReceiptSchema, 'Already submitted with this key: the same claim'),
      },
    }),
    async (c) => {
      const { claim, replayed } = await intake.applyForBenefit(
        c.get('deps'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      )
      return c.json(claim, replayed ? 200 : 201)
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/claims',
      tags,
      access: 'session',
      summary:
        'The enterprise’s claims and payouts, each with its timeline, newest first (members, the bureau, the paying department)',
      request: { params: EnterpriseIdParams, query: EnterpriseClaimsQuery },
      responses: { 200: jsonResponse(ClaimTimelinePageSchema, 'Claims') },
    }),
    async (c) =>
      c.json(
        await read.listEnterpriseClaims(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('query'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/claims/{claimId}',
      tags,
      access: 'session',
      summary: 'One claim of the enterprise with its timeline',
      request: { params: EnterpriseClaimParams },
      responses: { 200: jsonResponse(ClaimDetailSchema, 'The claim') },
    }),
    async (c) => {
      const { id, claimId } = c.req.valid('param')
      return c.json(await read.getEnterpriseClaim(c.get('deps'), c.get('actor'), id, claimId), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/claims/{claimId}/resubmit',
      tags,
      access: 'session',
      summary: 'Answer a supplement request (补正) with materials: the review clock resumes (members)',
      request: { params: EnterpriseClaimParams, body: jsonBody(ResubmitBody) },
      responses: { 200: detail },
    }),
    async (c) => {
      const { id, claimId } = c.req.valid('param')
      await review.resubmitClaim(c.get('deps'), c.get('actor'), id, claimId, c.req.valid('json'))
      return c.json(await read.claimAfterAction(c.get('deps'), c.get('actor'), claimId, id), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/claims/{claimId}/withdraw',
      tags,
      access: 'session',
      summary: 'Withdraw a consent or an application before a decision, with a reason (members)',
      request: { params: EnterpriseClaimParams, body: jsonBody(WithdrawBody) },
      responses: { 200: detail },
    }),
    async (c) => {
      const { id, claimId } = c.req.valid('param')
      await review.withdrawClaim(c.get('deps'), c.get('actor'), id, claimId, c.req.valid('json'))
      return c.json(await read.claimAfterAction(c.get('deps'), c.get('actor'), claimId, id), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/claims/{claimId}/rating',
      tags,
      access: 'session',
      summary: 'Rate a paid or rejected claim once on the five levels of 好差评 (members)',
      request: { params: EnterpriseClaimParams, body: jsonBody(RatingBody) },
      responses: { 200: detail },
    }),
    async (c) => {
      const { id, claimId } = c.req.valid('param')
      await review.rateClaim(c.get('deps'), c.get('actor'), id, claimId, c.req.valid('json'))
      return c.json(await read.claimAfterAction(c.get('deps'), c.get('actor'), claimId, id), 200)
    },
  )

  // Materials

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/benefits/materials',
      tags,
      access: 'session',
      summary:
        'Upload a material (JPEG, PNG, WebP or PDF, at most 10 MB) for an application (enterprise users)',
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
      responses: { 201: jsonResponse(MaterialFileSchema, 'Stored') },
    }),
    async (c) => {
      const file = c.req.valid('form').file as unknown
      if (!(file instanceof File)) throw missingUpload()
      const bytes = new Uint8Array(await file.arrayBuffer())
      return c.json(
        await intake.uploadMaterial(c.get('deps'), c.get('actor'), { name: file.name, bytes }),
        201,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benefits/materials/{materialId}',
      tags,
      access: 'session',
      summary: 'Download a material of a claim the caller may see',
      request: { params: MaterialParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const file = await intake.downloadMaterial(
        c.get('deps'),
        c.get('actor'),
        c.req.valid('param').materialId,
      )
      return c.body(new Uint8Array(file.content), 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'x-content-type-options': 'nosniff',
      }) as never
    },
  )

  // The department: review, decide, pay

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benefits/claims/counts',
      tags,
      access: 'session',
      summary: 'How many claims each workbench tab lists (the same scope as the lists)',
      responses: {
        200: jsonResponse(
          z.object({
            review: z.number(),
            supplement: z.number(),
            approved: z.number(),
            consented: z.number(),
            closed: z.number(),
            all: z.number(),
            overdue: z.number(),
          }),
          'Counts per tab',
        ),
      },
    }),
    async (c) => c.json(await worklist.countClaimViews(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benefits/claims',
      tags,
      access: 'session',
      summary:
        'Claims of the department’s items (the bureau: all). review / overdue: applications waiting, nearest deadline first',
      request: { query: ClaimListQuery },
      responses: { 200: jsonResponse(ClaimPageSchema, 'A page of claims') },
    }),
    async (c) => c.json(await read.listClaims(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benefits/claims/{claimId}',
      tags,
      access: 'session',
      summary: 'One claim with its materials, timeline, budget and what the caller may do',
      request: { params: ClaimParams },
      responses: { 200: jsonResponse(ClaimDetailSchema, 'The claim') },
    }),
    async (c) =>
      c.json(await read.getClaim(c.get('deps'), c.get('actor'), c.req.valid('param').claimId), 200),
  )

  const action = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      deps: Parameters<typeof review.decideClaim>[0],
      actor: Parameters<typeof review.decideClaim>[1],
      id: string,
      input: z.infer<B>,
    ) => Promise<unknown>,
  ) =>
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/benefits/claims/{claimId}/${path}`,
        tags,
        access: 'session',
        summary,
        request: { params: ClaimParams, body: jsonBody(body) },
        responses: { 200: detail },
      }),
      async (c) => {
        // The generic body makes the validated types opaque here; the route definition above validated both.
        const valid = c.req.valid.bind(c.req) as unknown as (target: 'param' | 'json') => unknown
        const { claimId } = valid('param') as { claimId: string }
        await run(c.get('deps'), c.get('actor'), claimId, valid('json') as z.infer<B>)
        return c.json(await read.claimAfterAction(c.get('deps'), c.get('actor'), claimId), 200)
      },
    )

  action(
    'supplement-request',
    'Ask for a supplement (补正): the review clock stops until the enterprise resubmits (the department’s handler or head)',
    SupplementBody,
    review.requestSupplement,
  )
  action(
    'recommendation',
    'Recommend approval (with an amount) or rejection (with a reason) of a standard application (handler)',
    DecisionBody,
    review.recommendClaim,
  )
  action(
    'decision',
    'Approve (amount, default the expected amount) or reject (reason required): fast by the handler or head, standard by the head',
    DecisionBody,
    review.decideClaim,
  )
  action(
    'payout',
    'Record the payout of an approved application on the date paid (the department’s handler or head)',
    PayoutBody,
    payouts.recordPayout,
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benefits/items/{itemId}/payout-list',
      tags,
      access: 'session',
      summary:
        'The payout list of a no-application item: each consent re-checked now, amounts, total, budget used and left (the department)',
      request: { params: ItemParams },
      responses: { 200: jsonResponse(PayoutListSchema, 'The payout list') },
    }),
    async (c) =>
      c.json(await payouts.getPayoutList(c.get('deps'), c.get('actor'), c.req.valid('param').itemId), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/benefits/items/{itemId}/payout-batches',
      tags,
      access: 'session',
      summary:
        'Confirm a payout list: the listed consents paid on the date, the excluded ones closed with their reasons (department head)',
      request: { params: ItemParams, body: jsonBody(PayoutBatchBody) },
      responses: { 201: jsonResponse(PayoutBatchSchema, 'Confirmed') },
    }),
    async (c) =>
      c.json(
        await payouts.confirmPayoutBatch(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').itemId,
          c.req.valid('json'),
        ),
        201,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benefits/payouts.xlsx',
      tags,
      access: 'session',
      summary:
        'The payout ledger for the bank file: each payout of a batch, claim or item with the whole settlement account it went to (the paying department; audited)',
      request: { query: PayoutLedgerQuery },
      responses: {
        200: {
          description: 'xlsx',
          content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const book = await ledger.exportPayoutLedger(c.get('deps'), c.get('actor'), c.req.valid('query'))
      return c.body(new Uint8Array(book), 200, {
        'content-type': XLSX,
        'content-disposition': 'attachment; filename="benefit-payouts.xlsx"',
        'cache-control': 'no-store',
      }) as never
    },
  )

  // Effect evaluation

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benefits/evaluation',
      tags,
      access: 'session',
      summary:
        'Effect per item and policy: matched, pushed, viewed, consented/applied, approved, paid, amount, median working days to cash, ratings (bureau; a department its items)',
      request: { query: EvaluationQuery },
      responses: { 200: jsonResponse(EvaluationSchema, 'The evaluation') },
    }),
    async (c) =>
      c.json(await evaluation.evaluateBenefits(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/benefits/evaluation.xlsx',
      tags,
      access: 'session',
      summary: 'The evaluation as an Excel workbook (items side by side, policies, definitions)',
      request: { query: EvaluationQuery },
      responses: {
        200: {
          description: 'xlsx',
          content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const book = await evaluation.evaluationWorkbook(c.get('deps'), c.get('actor'), c.req.valid('query'))
      return c.body(new Uint8Array(book), 200, {
        'content-type': XLSX,
        'content-disposition': 'attachment; filename="benefit-evaluation.xlsx"',
      }) as never
    },
  )

  return router
}
