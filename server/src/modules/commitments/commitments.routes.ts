import { z } from 'zod'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import {
  CommitmentIdParams,
  CommitmentListQuery,
  CommitmentListSchema,
  CommitmentSchema,
  CommitmentSettingsBody,
  CommitmentSettingsSchema,
  ComplaintListSchema,
  ComplaintSchema,
  CreateCommitmentBody,
  FileComplaintBody,
  FulfilBody,
  PublicationParams,
  PublicationQuery,
  PublicationSchema,
  RecordPaymentBody,
  RepaymentPlanBody,
  VerifyComplaintBody,
} from './commitments.schema'
import { publicationCsv, publicationOf } from './commitments.publication'
import * as service from './commitments.service'

const tags = ['commitments']

/**
 * Parse, call the service, present: the rules and the permission checks are in the service. The
 * fixed paths (complaints, publications, settings) are declared before `/commitments/{id}`.
 */
export function commitmentsRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/commitments/complaints',
      tags,
      access: 'session',
      summary: 'Complaints of broken promises and unpaid invoices (the bureau: all; an enterprise: its own)',
      responses: { 200: jsonResponse(ComplaintListSchema, 'The complaints') },
    }),
    async (c) => c.json(await service.listComplaints(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/commitments/complaints/{id}/verify',
      tags,
      access: 'session',
      summary: 'Verify a complaint: not founded (explained), rectified, or a recorded breach (the bureau)',
      request: { params: CommitmentIdParams, body: jsonBody(VerifyComplaintBody) },
      responses: { 200: jsonResponse(ComplaintSchema, 'The verified complaint') },
    }),
    async (c) =>
      c.json(
        await service.verifyComplaint(
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
      path: '/commitments/publications/{year}',
      tags,
      access: 'public',
      summary:
        'The yearly publication of overdue payments: count and amount per unit at the year end (JSON, or CSV with ?format=csv)',
      request: { params: PublicationParams, query: PublicationQuery },
      responses: {
        200: {
          description: 'The publication',
          content: {
            'application/json': { schema: PublicationSchema },
            'text/csv': { schema: z.string() },
          },
        },
      },
    }),
    async (c) => {
      const { year } = c.req.valid('param')
      if (c.req.valid('query').format === 'csv')
        return c.body(await publicationCsv(c.get('deps'), year), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `inline; filename="overdue-payments-${year}.csv"`,
        }) as never
      return c.json(await publicationOf(c.get('deps'), year), 200) as never
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/commitments/settings',
      tags,
      access: 'session',
      summary: 'The ledger’s settings: working days to verify a complaint (the bureau)',
      responses: { 200: jsonResponse(CommitmentSettingsSchema, 'The settings') },
    }),
    async (c) => c.json(await service.getSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/commitments/settings',
      tags,
      access: 'session',
      summary: 'Set the working days to verify a complaint (the bureau)',
      request: { body: jsonBody(CommitmentSettingsBody) },
      responses: { 200: jsonResponse(CommitmentSettingsSchema, 'The settings') },
    }),
    async (c) =>
      c.json(await service.updateSettings(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/commitments',
      tags,
      access: 'session',
      summary: 'Register a commitment or a payable owned by a role in a unit (the bureau, the unit’s staff)',
      request: { body: jsonBody(CreateCommitmentBody) },
      responses: { 201: jsonResponse(CommitmentSchema, 'The commitment') },
    }),
    async (c) =>
      c.json(await service.registerCommitment(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/commitments',
      tags,
      access: 'session',
      summary: 'Commitments the caller may see (the bureau: all; a unit: its role’s; an enterprise: its own)',
      request: { query: CommitmentListQuery },
      responses: { 200: jsonResponse(CommitmentListSchema, 'The commitments') },
    }),
    async (c) =>
      c.json(await service.listCommitments(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/commitments/{id}',
      tags,
      access: 'session',
      summary: 'One commitment: its money, payments, instalments, complaints and timeline',
      request: { params: CommitmentIdParams },
      responses: { 200: jsonResponse(CommitmentSchema, 'The commitment') },
    }),
    async (c) =>
      c.json(await service.getCommitment(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/commitments/{id}/payments',
      tags,
      access: 'session',
      summary: 'Record a payment of principal and overdue interest (the owning unit’s role)',
      request: { params: CommitmentIdParams, body: jsonBody(RecordPaymentBody) },
      responses: { 200: jsonResponse(CommitmentSchema, 'The commitment') },
    }),
    async (c) =>
      c.json(
        await service.recordPayment(
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
      path: '/commitments/{id}/fulfil',
      tags,
      access: 'session',
      summary: 'Record a promise delivered (the owning unit’s role)',
      request: { params: CommitmentIdParams, body: jsonBody(FulfilBody) },
      responses: { 200: jsonResponse(CommitmentSchema, 'The commitment') },
    }),
    async (c) =>
      c.json(
        await service.fulfilCommitment(
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
      path: '/commitments/{id}/repayment-plan',
      tags,
      access: 'session',
      summary: 'Agree a repayment plan for an overdue payable: instalments as child commitments',
      request: { params: CommitmentIdParams, body: jsonBody(RepaymentPlanBody) },
      responses: { 200: jsonResponse(CommitmentSchema, 'The commitment and its instalments') },
    }),
    async (c) =>
      c.json(
        await service.agreeRepaymentPlan(
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
      path: '/commitments/{id}/complaints',
      tags,
      access: 'session',
      summary: 'Complain of a broken promise or an unpaid invoice (the enterprise)',
      request: { params: CommitmentIdParams, body: jsonBody(FileComplaintBody) },
      responses: { 201: jsonResponse(ComplaintSchema, 'The complaint') },
    }),
    async (c) =>
      c.json(
        await service.fileComplaint(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  )

  return router
}
