import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import { AuditPageSchema, AuditQuery, VerifyResultSchema } from './audit.schema'
import * as service from './audit.service'

const tags = ['audit']

export function auditRoutes() {
  const router = createRouter()

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/audit',
      tags,
      access: 'session',
      summary: 'The audit trail, newest first (admin, discipline inspection)',
      request: { query: AuditQuery },
      responses: { 200: jsonResponse(AuditPageSchema, 'A page of audit rows') },
    }),
    async (c) => c.json(await service.listAudit(c.get('deps'), c.get('actor'), c.req.valid('query')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'post',
      path: '/audit/verify',
      tags,
      access: 'session',
      summary: 'Verify the hash chain of the whole audit trail (admin, discipline inspection)',
      responses: { 200: jsonResponse(VerifyResultSchema, 'The verdict') },
    }),
    async (c) => c.json(await service.verifyAudit(c.get('deps'), c.get('actor')), 200),
  )

  return router
}
