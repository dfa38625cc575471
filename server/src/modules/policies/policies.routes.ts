import { EnterpriseIdParams } from '../enterprises/enterprises.schema'
import { z } from 'zod'
import { requireRole } from '../../kernel/auth/actor'
import { missingUpload } from '../../kernel/uploads'
import { createRouter, defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import * as library from './policy-library.service'
import * as matches from './policy-matches.service'
import * as matching from './policy-matching.service'
import * as needs from './policy-needs.service'
import {
  AttachmentParams,
  CalculatorBody,
  CreateItemBody,
  CreatePolicyBody,
  EnterpriseItemParams,
  ItemParams,
  MatchListQuery,
  MatchListSchema,
  MatchRunSchema,
  MatchSchema,
  NeedAnswerBody,
  NeedBody,
  NeedParams,
  NeedSchema,
  NeedsQuery,
  NeedsSummarySchema,
  PolicyActionBody,
  PolicyIdParams,
  PolicyListQuery,
  PolicyPageSchema,
  PolicySchema,
  PolicyVersionsSchema,
  PublicListQuery,
  PublicPolicyListSchema,
  PublicPolicySchema,
  RuleCheckBody,
  RuleCheckSchema,
  SubscriptionBody,
  SubscriptionSchema,
  UpdateItemBody,
  UpdatePolicyBody,
} from './policies.schema'
import * as service from './policies.service'
import * as publication from './policy-publication.service'
import {
  ItemPreviewBody,
  ItemPreviewResultSchema,
  PublicationPreviewSchema,
  PublicationSettingsBody,
  PublicationSettingsView,
  PublishBody,
} from './publication.schema'
import * as mq from './policies-match.queries'

const tags = ['policies']
/** Publishing has its own route: a decision on a preview (policy-publication.service.ts). */
const ACTIONS = ['submit', 'return', 'revise', 'repeal'] as const

export function policyRoutes() {
  const router = createRouter()

  // Public: the library and the calculator

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/policies',
      tags,
      access: 'public',
      summary: 'The policies in force (their latest published versions)',
      request: { query: PublicListQuery },
      responses: { 200: jsonResponse(PublicPolicyListSchema, 'Policies in force') },
    }),
    async (c) => c.json(await library.listPublicPolicies(c.get('deps'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/public/policies/{id}',
      tags,
      access: 'public',
      summary: 'One policy in force: its items, each condition as a sentence, how many enterprises each fits',
      request: { params: PolicyIdParams },
      responses: { 200: jsonResponse(PublicPolicySchema, 'The policy') },
    }),
    async (c) => c.json(await library.getPublicPolicy(c.get('deps'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/public/policy-calculator',
      tags,
      access: 'public',
      summary: 'Every item in force against facts typed in (nothing is stored), each outcome explained',
      request: { body: jsonBody(CalculatorBody) },
      responses: { 200: jsonResponse(MatchListSchema, 'Outcomes') },
    }),
    async (c) => c.json(await matches.calculate(c.get('deps'), c.req.valid('json')), 200),
  )

  // Enterprises: matches, subscriptions, needs

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/policy-matches',
      tags,
      access: 'session',
      summary: 'Every item in force with its outcome for the enterprise, explained (members, staff)',
      request: { params: EnterpriseIdParams, query: MatchListQuery },
      responses: { 200: jsonResponse(MatchListSchema, 'Matches') },
    }),
    async (c) =>
      c.json(
        await matches.listMatches(
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
      path: '/enterprises/{id}/policy-matches/{itemId}',
      tags,
      access: 'session',
      summary:
        'One item explained condition by condition: facts used, their source and period, what is missing',
      request: { params: EnterpriseItemParams },
      responses: { 200: jsonResponse(MatchSchema, 'The match') },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param')
      return c.json(await matches.getMatch(c.get('deps'), c.get('actor'), id, itemId), 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/enterprises/{id}/policy-subscription',
      tags,
      access: 'session',
      summary: 'The policy topics the enterprise wants pushed, and whether it wants pushes',
      request: { params: EnterpriseIdParams },
      responses: { 200: jsonResponse(SubscriptionSchema, 'Subscription') },
    }),
    async (c) =>
      c.json(await needs.getSubscription(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/enterprises/{id}/policy-subscription',
      tags,
      access: 'session',
      summary: 'Choose policy topics (empty: all) and turn pushes on or off (members)',
      request: { params: EnterpriseIdParams, body: jsonBody(SubscriptionBody) },
      responses: { 200: jsonResponse(SubscriptionSchema, 'Subscription') },
    }),
    async (c) =>
      c.json(
        await needs.setSubscription(
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
      path: '/enterprises/{id}/needs',
      tags,
      access: 'session',
      summary: 'The needs the enterprise stated (企业点菜), with answers',
      request: { params: EnterpriseIdParams },
      responses: { 200: jsonResponse(z.object({ items: z.array(NeedSchema) }), 'Needs') },
    }),
    async (c) => c.json(await needs.listMyNeeds(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/enterprises/{id}/needs',
      tags,
      access: 'session',
      summary: 'State a need on a policy topic (members)',
      request: { params: EnterpriseIdParams, body: jsonBody(NeedBody) },
      responses: { 201: jsonResponse(NeedSchema, 'Stated') },
    }),
    async (c) =>
      c.json(
        await needs.stateNeed(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )

  // Staff: needs as demand signals, the rule check, matching runs

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/needs',
      tags,
      access: 'session',
      summary: 'Enterprises’ needs, newest first (the bureau and departments’ staff)',
      request: { query: NeedsQuery },
      responses: { 200: jsonResponse(z.object({ items: z.array(NeedSchema), total: z.number() }), 'Needs') },
    }),
    async (c) => c.json(await needs.listNeeds(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/needs/summary',
      tags,
      access: 'session',
      summary: 'Needs grouped by topic and by district: demand signals',
      responses: { 200: jsonResponse(NeedsSummarySchema, 'Counts') },
    }),
    async (c) => c.json(await needs.summarizeNeeds(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/needs/{needId}/answer',
      tags,
      access: 'session',
      summary: 'Answer a need; the enterprise is told (the bureau)',
      request: { params: NeedParams, body: jsonBody(NeedAnswerBody) },
      responses: { 200: jsonResponse(NeedSchema, 'Answered') },
    }),
    async (c) =>
      c.json(
        await needs.answerNeed(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').needId,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/rules/check',
      tags,
      access: 'session',
      summary:
        'Check a rule as it is typed: problems with positions, the rule read back, a preview for an enterprise',
      request: { body: jsonBody(RuleCheckBody) },
      responses: { 200: jsonResponse(RuleCheckSchema, 'The check') },
    }),
    async (c) => c.json(await matches.checkRule(c.get('deps'), c.get('actor'), c.req.valid('json')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/match-runs',
      tags,
      access: 'session',
      summary: 'Recent matching runs with their timings (the bureau)',
      responses: { 200: jsonResponse(z.object({ items: z.array(MatchRunSchema) }), 'Runs') },
    }),
    async (c) => {
      requireRole(c.get('actor'), 'bureau_leader', 'dispatcher', 'admin')
      const rows = await mq.findRuns(c.get('deps').db, 30)
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.id,
            kind: r.kind,
            isBaseline: r.is_baseline,
            startedAt: r.started_at.toISOString(),
            finishedAt: r.finished_at?.toISOString() ?? null,
            enterprises: r.enterprises,
            items: r.items,
            newlyEligible: r.newly_eligible,
            pushes: r.pushes,
            computeMs: r.compute_ms,
            persistMs: r.persist_ms,
          })),
        },
        200,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/match-runs',
      tags,
      access: 'session',
      summary: 'Match every item in force against every enterprise now (bureau leadership, admin)',
      responses: {
        200: jsonResponse(
          MatchRunSchema.pick({
            id: true,
            items: true,
            enterprises: true,
            newlyEligible: true,
            pushes: true,
          }),
          'The run',
        ),
      },
    }),
    async (c) => {
      requireRole(c.get('actor'), 'bureau_leader', 'admin')
      const run = await matching.runMatching(c.get('deps'), { kind: 'full' })
      return c.json(
        {
          id: run.runId,
          items: run.items,
          enterprises: run.enterprises,
          newlyEligible: run.newlyEligible,
          pushes: run.pushes,
        },
        200,
      )
    },
  )

  // Staff: publication settings

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/publication-settings',
      tags,
      access: 'session',
      summary: 'How many enterprises told at once need a second confirmation when publishing (staff)',
      responses: { 200: jsonResponse(PublicationSettingsView, 'Settings') },
    }),
    async (c) => c.json(await publication.getPublicationSettings(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'put',
      path: '/policies/publication-settings',
      tags,
      access: 'session',
      summary: 'Change the publication settings (admin)',
      request: { body: jsonBody(PublicationSettingsBody) },
      responses: { 200: jsonResponse(PublicationSettingsView, 'Settings') },
    }),
    async (c) =>
      c.json(
        await publication.updatePublicationSettings(c.get('deps'), c.get('actor'), c.req.valid('json')),
        200,
      ),
  )

  // Staff: documents and items

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies',
      tags,
      access: 'session',
      summary: 'Policies for staff: those in force, and drafts of the caller’s department',
      request: { query: PolicyListQuery },
      responses: { 200: jsonResponse(PolicyPageSchema, 'A page of policies') },
    }),
    async (c) => c.json(await service.listPolicies(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies',
      tags,
      access: 'session',
      summary: 'Start a policy draft (handlers and heads of the owning department, bureau leadership)',
      request: { body: jsonBody(CreatePolicyBody) },
      responses: { 201: jsonResponse(PolicySchema, 'The draft') },
    }),
    async (c) => c.json(await service.createPolicy(c.get('deps'), c.get('actor'), c.req.valid('json')), 201),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/{id}',
      tags,
      access: 'session',
      summary: 'A policy’s working copy, its items with their rules, what the caller may do',
      request: { params: PolicyIdParams },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) => c.json(await service.getPolicy(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/policies/{id}',
      tags,
      access: 'session',
      summary: 'Change a draft (or a revision draft)',
      request: { params: PolicyIdParams, body: jsonBody(UpdatePolicyBody) },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) =>
      c.json(
        await service.updatePolicy(
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
      path: '/policies/{id}/versions',
      tags,
      access: 'session',
      summary: 'Every published version',
      request: { params: PolicyIdParams },
      responses: { 200: jsonResponse(PolicyVersionsSchema, 'Versions') },
    }),
    async (c) =>
      c.json(await service.listPolicyVersions(c.get('deps'), c.get('actor'), c.req.valid('param').id), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/{id}/items',
      tags,
      access: 'session',
      summary: 'Add a benefit item with its conditions (each rule checked against the fact schema)',
      request: { params: PolicyIdParams, body: jsonBody(CreateItemBody) },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) =>
      c.json(
        await service.addItem(c.get('deps'), c.get('actor'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'patch',
      path: '/policies/{id}/items/{itemId}',
      tags,
      access: 'session',
      summary: 'Change a benefit item (or retire it with isActive false)',
      request: { params: ItemParams, body: jsonBody(UpdateItemBody) },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) => {
      const { id, itemId } = c.req.valid('param')
      return c.json(
        await service.updateItem(c.get('deps'), c.get('actor'), id, itemId, c.req.valid('json')),
        200,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/{id}/publication-preview',
      tags,
      access: 'session',
      summary:
        'What publishing the working copy would do now: per item the eligible, those who could qualify and the rest, by district and size class, the cost against the budget cap, whom it would tell (nothing is written)',
      request: { params: PolicyIdParams },
      responses: { 200: jsonResponse(PublicationPreviewSchema, 'The preview') },
    }),
    async (c) =>
      c.json(
        await publication.previewPublication(c.get('deps'), c.get('actor'), c.req.valid('param').id),
        200,
      ),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/{id}/item-preview',
      tags,
      access: 'session',
      summary:
        'The editor’s preview of one item as it stands in the form: its outcomes over the current enterprises and its cost (nothing is saved)',
      request: { params: PolicyIdParams, body: jsonBody(ItemPreviewBody) },
      responses: { 200: jsonResponse(ItemPreviewResultSchema, 'The preview') },
    }),
    async (c) =>
      c.json(
        await publication.previewItem(
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
      path: '/policies/{id}/publish',
      tags,
      access: 'session',
      summary:
        'Publish: the working copy becomes the version in force, confirming the preview it was decided on (not the submitter)',
      request: { params: PolicyIdParams, body: jsonBody(PublishBody) },
      responses: { 200: jsonResponse(PolicySchema, 'The policy') },
    }),
    async (c) =>
      c.json(
        await publication.publishPolicy(
          c.get('deps'),
          c.get('actor'),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )

  for (const action of ACTIONS) {
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/policies/{id}/${action}`,
        tags,
        access: 'session',
        summary: {
          submit: 'Submit the draft (or revision) for review',
          return: 'Send it back to the writers with a note (not the submitter)',
          revise: 'Start a revision of a policy in force (the published version stays in force)',
          repeal: 'Repeal a policy in force, with a note',
        }[action],
        request: { params: PolicyIdParams, body: jsonBody(PolicyActionBody) },
        responses: { 200: jsonResponse(PolicySchema, 'The policy') },
      }),
      async (c) =>
        c.json(
          await service.actOnPolicy(
            c.get('deps'),
            c.get('actor'),
            c.req.valid('param').id,
            action,
            c.req.valid('json'),
          ),
          200,
        ),
    )
  }

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/policies/{id}/attachments',
      tags,
      access: 'session',
      summary: 'Attach a PDF or image of the document to a draft',
      request: {
        params: PolicyIdParams,
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
        201: jsonResponse(
          z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number() }),
          'Stored',
        ),
      },
    }),
    async (c) => {
      const file = c.req.valid('form').file as unknown
      if (!(file instanceof File)) throw missingUpload()
      return c.json(
        await library.uploadPolicyAttachment(c.get('deps'), c.get('actor'), c.req.valid('param').id, {
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        }),
        201,
      )
    },
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/policies/{id}/attachments/{attachmentId}',
      tags,
      access: 'public',
      summary: 'An attachment of a policy (public once the policy is in force)',
      request: { params: AttachmentParams },
      responses: { 200: { description: 'The file' } },
    }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param')
      const row = await library.getPolicyAttachment(c.get('deps'), c.get('actor'), id, attachmentId)
      return c.body(Buffer.from(row.bytes), 200, {
        'content-type': row.content_type,
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
        'x-content-type-options': 'nosniff',
      })
    },
  )

  return router
}
