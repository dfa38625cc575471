import { z } from 'zod'
import { AppError } from '../../kernel/errors'
import { isLocalRequest } from '../../kernel/http/local-only'
import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import * as service from './notifications.service'

const tags = ['notifications']

const InboxItem = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  enterpriseName: z.string().nullable(),
  sentAt: z.string(),
  isRead: z.boolean(),
  /** what the message is about, so it can open it: an appeal, a policy item pushed to an enterprise, a claim (staff) */
  subject: z
    .union([
      z.object({ kind: z.literal('appeal'), appealId: z.string() }),
      z.object({ kind: z.literal('policy_item'), itemId: z.string(), enterpriseId: z.string() }),
      z.object({ kind: z.literal('claim'), claimId: z.string() }),
    ])
    .nullable(),
})
const Outgoing = z.object({
  id: z.number(),
  channel: z.string(),
  to: z.string().nullable(),
  text: z.string(),
  status: z.string(),
  at: z.string(),
})

export function notificationRoutes(devInbox: boolean) {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/inbox',
      tags,
      access: 'session',
      summary: 'My in-app messages (and those of the enterprises I act for)',
      responses: { 200: jsonResponse(z.object({ items: z.array(InboxItem) }), 'Messages, newest first') },
    }),
    async (c) => c.json({ items: await service.listInbox(c.get('deps'), c.get('actor')) }, 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inbox/{id}/read',
      tags,
      access: 'session',
      summary: 'Mark a message read',
      request: { params: z.strictObject({ id: z.string().uuid() }) },
      responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Marked') },
    }),
    async (c) => {
      await service.markInboxRead(c.get('deps'), c.get('actor'), c.req.valid('param').id)
      return c.json({ ok: true as const }, 200)
    },
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/inbox/read-all',
      tags,
      access: 'session',
      summary: 'Mark every message in my inbox read',
      responses: {
        200: jsonResponse(
          z.object({ ok: z.literal(true), marked: z.number().int() }),
          'How many were unread',
        ),
      },
    }),
    async (c) => {
      const marked = await service.markAllInboxRead(c.get('deps'), c.get('actor'))
      return c.json({ ok: true as const, marked }, 200)
    },
  )

  if (devInbox) {
    router.openapi(
      defineRoute({
        method: 'get',
        path: '/dev/inbox',
        tags,
        access: 'public',
        summary:
          'Development only: SMS and e-mail the logging adapters "sent" (off in production; answers only this machine)',
        responses: { 200: jsonResponse(z.object({ items: z.array(Outgoing) }), 'Recent outgoing messages') },
      }),
      async (c) => {
        // Sign-in codes for any phone: only whoever sits at the server may read them.
        if (!isLocalRequest(c)) throw new AppError('DEV_INBOX_LOCAL_ONLY')
        return c.json({ items: await service.listDevOutgoing(c.get('deps')) }, 200)
      },
    )
  }

  return router
}
