import { z } from 'zod'
import { isoDateTime } from '../../shared/fields'

export const AuditQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.string().uuid().optional(),
  action: z.string().max(60).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const AuditRowSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
})

export const AuditPageSchema = z.object({
  items: z.array(AuditRowSchema),
  nextBeforeSeq: z.number().nullable(),
})

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable().optional(),
  brokenAt: z.number().optional(),
  reason: z.enum(['hash_mismatch', 'link_mismatch', 'sequence_gap']).optional(),
})
