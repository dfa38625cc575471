import { z } from 'zod'
import { createRouter, defineRoute, fileBody, jsonBody, jsonResponse } from '../../kernel/http/route'
import { readFileField } from '../../kernel/uploads'
import { EnterpriseIdParams } from '../enterprises/enterprises.schema'
import {
  ClaimParams,
  ClaimReviewSchema,
  ClaimSchema,
  DecisionBody,
  DisputeBody,
  DisputeParams,
  DisputeQuery,
  DisputeSchema,
  FileParams,
  FileSchema,
  LookupQuery,
  LookupSchema,
  ResolveDisputeBody,
  ReviewQuery,
  StartClaimBody,
  VerifyBody,
} from './enterprise-claims.schema'
import './enterprise-claims.messages'
import * as review from './enterprise-claims-review.service'
import * as service from './enterprise-claims.service'

const tags = ['enterprise claims']
const ManagerClaimSchema = ClaimSchema.extend({ claimantPhone: z.string() })

export function enterpriseClaimRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprise-claims/lookup',
      tags,
      access: 'session',
      summary: 'The enterprise of a credit code and the ways to claim it (enterprise users)',
      request: { query: LookupQuery },
      responses: { 200: jsonResponse(LookupSchema, 'Name and ways') },
    }),
    async (c) =>
      c.json(await service.lookupForClaim(c.get('deps'), c.get('actor'), c.req.valid('query').uscc), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprise-claims',
      tags,
      access: 'session',
      summary:
        'Claim an enterprise already on the platform: a code to the registered legal representative, the managers’ approval, or a licence the bureau checks',
      request: { body: jsonBody(StartClaimBody) },
      responses: {
        201: jsonResponse(ClaimSchema, 'The claim (a second start of the same way answers it again)'),
      },
    }),
    async (c) => c.json(await service.startClaim(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprise-claims/mine',
      tags,
      access: 'session',
      summary: 'My claims, newest first (enterprise users)',
      responses: { 200: jsonResponse(z.object({ items: z.array(ClaimSchema) }), 'Claims') },
    }),
    async (c) => c.json({ items: await service.listMyClaims(c.get('deps'), c.get('actor')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprise-claims/reviews',
      tags,
      access: 'session',
      summary: 'Claims by business licence, with the identity verifier’s answers (task force)',
      request: { query: ReviewQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(ClaimReviewSchema) }), 'Reviews') },
    }),
    async (c) =>
      c.json(
        { items: await review.listClaimReviews(c.get('deps'), c.get('actor'), c.req.valid('query').status) },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprise-claims/files',
      tags,
      access: 'session',
      summary: 'Upload the business licence (image or PDF, at most 10 MB) for a claim (enterprise users)',
      request: { body: fileBody() },
      responses: { 201: jsonResponse(FileSchema, 'Stored') },
    }),
    async (c) =>
      c.json(
        await service.uploadLicence(c.get('deps'), c.get('actor'), await readFileField(c.req.valid('form'))),
        201,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprise-claims/files/{fileId}',
      tags,
      access: 'session',
      summary: 'Download a claim’s licence (its uploader, the task force)',
      request: { params: FileParams },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const file = await review.getClaimFile(c.get('deps'), c.get('actor'), c.req.valid('param').fileId)
      return c.body(new Uint8Array(file.content), 200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'x-content-type-options': 'nosniff',
      }) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprise-claims/{id}/code',
      tags,
      access: 'session',
      summary: 'Send the code to the legal representative again (the claimant; once a minute)',
      request: { params: ClaimParams },
      responses: { 200: jsonResponse(ClaimSchema, 'The claim') },
    }),
    async (c) =>
      c.json(await service.resendCode(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprise-claims/{id}/verify',
      tags,
      access: 'session',
      summary: 'Enter the code the legal representative passed on: the claimant becomes a manager',
      request: { params: ClaimParams, body: jsonBody(VerifyBody) },
      responses: { 200: jsonResponse(ClaimSchema, 'The claim') },
    }),
    async (c) =>
      c.json(
        await service.verifyCode(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json').code,
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprise-claims/{id}/withdraw',
      tags,
      access: 'session',
      summary: 'Withdraw a pending claim (the claimant)',
      request: { params: ClaimParams },
      responses: { 200: jsonResponse(ClaimSchema, 'The claim') },
    }),
    async (c) =>
      c.json(await service.withdrawClaim(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprise-claims/{id}/decision',
      tags,
      access: 'session',
      summary:
        'Approve or refuse a claim: a manager of the enterprise (by approval), the task force (by licence)',
      request: { params: ClaimParams, body: jsonBody(DecisionBody) },
      responses: {
        200: jsonResponse(
          z.union([ClaimReviewSchema, ManagerClaimSchema]),
          'The claim as the decider reads it',
        ),
      },
    }),
    async (c) =>
      c.json(
        await review.decideClaim(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/membership-claims',
      tags,
      access: 'session',
      summary: 'Claims by approval to an enterprise (its managers)',
      request: { params: EnterpriseIdParams },
      responses: { 200: jsonResponse(z.object({ items: z.array(ManagerClaimSchema) }), 'Claims') },
    }),
    async (c) =>
      c.json(
        { items: await review.listClaimsForManagers(c.get('deps'), c.get('actor'), c.req.valid('param').id) },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprise-disputes',
      tags,
      access: 'session',
      summary: '“This is not my company”: tell the task force an enterprise is held by the wrong people',
      request: { body: jsonBody(DisputeBody) },
      responses: { 201: jsonResponse(z.object({ id: z.string(), status: z.literal('open') }), 'Filed') },
    }),
    async (c) => c.json(await review.fileDispute(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprise-disputes',
      tags,
      access: 'session',
      summary: 'Disputes about who holds an enterprise (task force, bureau)',
      request: { query: DisputeQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(DisputeSchema) }), 'Disputes') },
    }),
    async (c) =>
      c.json(
        { items: await review.listDisputes(c.get('deps'), c.get('actor'), c.req.valid('query').status) },
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprise-disputes/{id}/resolve',
      tags,
      access: 'session',
      summary: 'Record what the task force found and did about a dispute',
      request: { params: DisputeParams, body: jsonBody(ResolveDisputeBody) },
      responses: { 200: jsonResponse(DisputeSchema, 'Resolved') },
    }),
    async (c) =>
      c.json(
        await review.resolveDispute(
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
