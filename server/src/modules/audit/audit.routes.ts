import { createRouter, defineRoute, jsonResponse } from '../../kernel/http/route'
import {
  AuditPageSchema,
  AuditQuery,
  CheckpointListSchema,
  CheckpointSchema,
  VerifyResultSchema,
} from './audit.schema'
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
      summary:
        'Verify the hash chain of the whole audit trail against the signed checkpoints (admin, discipline inspection)',
      responses: { 200: jsonResponse(VerifyResultSchema, 'The verdict') },
    }),
    async (c) => c.json(await service.verifyAudit(c.get('deps'), c.get('actor')), 200),
  )

  router.openapi(
    defineRoute({
      method: 'get',
      path: '/audit/checkpoints',
      tags,
      access: 'public',
      summary: 'Signed checkpoints of the audit chain head, with the public key that checks them (public)',
      responses: { 200: jsonResponse(CheckpointListSchema, 'Every checkpoint, oldest first') },
    }),
    async (c) => c.json(await service.listAuditCheckpoints(c.get('deps')), 200),
  )
  router.openapi(
    defineRoute({
      method: 'post',
      path: '/audit/checkpoints',
      tags,
      access: 'session',
      summary: 'Sign a checkpoint of the audit chain head now (admin); refused when the chain does not hold',
      responses: { 201: jsonResponse(CheckpointSchema, 'The new checkpoint') },
    }),
    async (c) => c.json(await service.signCheckpointNow(c.get('deps'), c.get('actor')), 201),
  )
  return router
}
