import { z } from 'zod'
import type { Context } from 'hono'
import type { AppEnv } from '../../kernel/http/app-env'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { defineRoute, jsonBody, jsonResponse } from '../../kernel/http/route'
import { AppError } from '../../kernel/errors'
import {
  AcceptBody,
  AnyAppealViewSchema,
  AppealIdParams,
  CoPartBody,
  ArbitrateBody,
  ContactBody,
  DecisionBody,
  DispatchBody,
  ExtensionBody,
  ExtensionParams,
  MergeBody,
  NoteBody,
  PauseBody,
  RejectBody,
  ReplyBody,
  ReplyParams,
  ReturnBody,
  SuggestionSchema,
  RatingBody,
  WithdrawBody,
} from './appeals.schema'
import * as closing from './appeals-closing.service'
import * as coHandling from './appeals-co-handling.service'
import * as handling from './appeals-handling.service'
import * as read from './appeals-read.service'
import * as routing from './appeals-routing.service'
import * as triage from './appeals-triage.service'

const tags = ['appeals']
const detail = jsonResponse(AnyAppealViewSchema, 'The appeal after the action')
const afterAction = jsonResponse(
  z.union([AnyAppealViewSchema, z.object({ ok: z.literal(true), visibleToYou: z.literal(false) })]),
  'The appeal after the action, or { ok, visibleToYou: false } when the action took it out of the caller’s sight',
)

/** One appeal: its view, routing suggestions, and every action on it, each answering the appeal as the caller now sees it. */
export function caseRoutes(router: OpenAPIHono<AppEnv>): void {
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
    deprecated = false,
  ) => {
    router.openapi(
      defineRoute({
        method: 'post',
        path: `/appeals/{id}/${path}`,
        tags,
        access: 'session',
        summary,
        ...(deprecated ? { deprecated } : {}),
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
  action(
    'rating',
    'Confirm solved and rate (five levels), or say not solved: the appeal reopens (enterprise)',
    RatingBody,
    (c, id, b) => closing.rateAnswer(c.get('deps'), c.get('actor'), id, b),
  )
  // The first name of the rating's path: clients written against it keep working.
  action(
    'verdict',
    'The former path of /appeals/{id}/rating, the same act (enterprise)',
    RatingBody,
    (c, id, b) => closing.rateAnswer(c.get('deps'), c.get('actor'), id, b),
    true,
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
}
