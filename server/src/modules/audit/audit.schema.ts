import { z } from 'zod'
import { isoDateTime } from '../../shared/fields'

export const AuditQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.string().uuid().optional(),
  action: z.string().max(60).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** paging: rows written before this one (insert order) */
  beforeId: z.coerce.number().int().min(1).optional(),
  /** rows linked into the chain before this sequence number (to open the list at a broken row) */
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const AuditRowSchema = z.object({
  /** insert order */
  id: z.number(),
  /** the place in the hash chain; null for a moment after commit, until the chainer links the row */
  seq: z.number().nullable(),
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
  hash: z.string().nullable(),
})

export const AuditPageSchema = z.object({
  items: z.array(AuditRowSchema),
  nextBeforeId: z.number().nullable(),
})

export const CheckpointRefSchema = z.object({ seq: z.number(), hash: z.string(), signedAt: z.string() })

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  rows: z.number(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  brokenAt: z.number().optional(),
  reason: z
    .enum(['hash_mismatch', 'link_mismatch', 'sequence_gap', 'checkpoint_mismatch', 'truncated', 'forged'])
    .optional(),
  /** how many signed checkpoints the chain was compared with */
  checkpoints: z.number(),
  /** the newest checkpoint that held, or the one that failed */
  checkpoint: CheckpointRefSchema.nullable(),
  /** false when the server has no signing key to check signatures with */
  signaturesChecked: z.boolean(),
})

export const CheckpointSchema = z.object({
  seq: z.number(),
  hash: z.string(),
  signedAt: z.string(),
  keyId: z.string(),
  /** base64 Ed25519 signature over "yingshang-audit-checkpoint:v1:<seq>:<hash>:<signedAt>" */
  signature: z.string(),
})

export const CheckpointListSchema = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: z.string(),
  /** the instance's public key (SPKI PEM): keep it with the checkpoints to check them later */
  publicKeyPem: z.string(),
  payloadFormat: z.string(),
  items: z.array(CheckpointSchema),
})
