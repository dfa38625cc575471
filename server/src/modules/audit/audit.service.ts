import { requireRole, systemActor, type Actor } from '../../kernel/auth/actor'
import { verifyAuditChain } from '../../kernel/audit/audit'
import { listAuditRows, type AuditFilter } from '../../kernel/audit/audit.queries'
import { auditEntityTypesSealedFrom } from '../../kernel/audit/sealed-entities'
import { listCheckpoints, readCheckpointFile, signAuditCheckpoint } from '../../kernel/audit/checkpoints'
import { loadOrCreateSigningKey } from '../../kernel/audit/signing-key'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'

const presentAuditRow = definePresenter({
  id: 'id',
  seq: 'seq',
  at: 'at',
  actorUserId: 'actor_user_id',
  actorRole: 'actor_role',
  actorLabel: 'actor_label',
  action: 'action',
  entityType: 'entity_type',
  entityId: 'entity_id',
  before: 'before',
  after: 'after',
  requestId: 'request_id',
  ip: 'ip',
  hash: 'hash',
})

/**
 * The audit trail, newest first, for administrators and discipline inspection; rows of cases sealed
 * from the caller's roles (misconduct reports: discipline inspection only) are left out.
 */
export async function listAudit(
  deps: AppDeps,
  actor: Actor,
  filter: Omit<AuditFilter, 'from' | 'to' | 'withoutEntityTypes'> & {
    from?: string | undefined
    to?: string | undefined
    limit: number
  },
) {
  requireRole(actor, 'admin', 'discipline_inspector')
  const rows = await listAuditRows(
    deps.db,
    {
      ...filter,
      withoutEntityTypes: auditEntityTypesSealedFrom(actor),
      from: filter.from ? new Date(filter.from) : undefined,
      to: filter.to ? new Date(filter.to) : undefined,
    },
    filter.limit + 1,
  )
  // One row more than asked tells whether an older page exists.
  const hasMore = rows.length > filter.limit
  const page = rows.slice(0, filter.limit)
  return {
    items: page.map(presentAuditRow),
    nextBeforeId: hasMore ? page.at(-1)!.id : null,
  }
}

/**
 * Links what is pending, re-computes the whole hash chain and compares it with every signed
 * checkpoint (stored, and kept in the export file); names the first break.
 */
export async function verifyAudit(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'admin', 'discipline_inspector')
  const key = loadOrCreateSigningKey(deps.config.auditSigningKeyFile)
  return verifyAuditChain(deps.db, {
    publicKey: key.publicKey,
    extraCheckpoints: readCheckpointFile(deps.config.auditCheckpointFile),
  })
}

export const CHECKPOINT_PAYLOAD_FORMAT = 'yingshang-audit-checkpoint:v1:<seq>:<hash>:<signedAt>'

/** Public: every signed checkpoint and the key that checks them, for an outside party to keep. */
export async function listAuditCheckpoints(deps: AppDeps) {
  const key = loadOrCreateSigningKey(deps.config.auditSigningKeyFile)
  return {
    algorithm: 'Ed25519' as const,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    payloadFormat: CHECKPOINT_PAYLOAD_FORMAT,
    items: await listCheckpoints(deps.db),
  }
}

/**
 * Signs the chain head now (the daily job does it unasked).
 *
 * Refuses: FORBIDDEN (not an admin), AUDIT_CHAIN_BROKEN (the chain since the last checkpoint does not hold).
 */
export async function signCheckpointNow(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'admin')
  return signAuditCheckpoint(
    deps.db,
    loadOrCreateSigningKey(deps.config.auditSigningKeyFile),
    deps.config.auditCheckpointFile,
    actor,
  )
}

/** The daily job's run: a refusal is logged loudly and the job fails (pg-boss keeps it for inspection). */
export async function signDailyCheckpoint(deps: AppDeps) {
  const checkpoint = await signAuditCheckpoint(
    deps.db,
    loadOrCreateSigningKey(deps.config.auditSigningKeyFile),
    deps.config.auditCheckpointFile,
    systemActor('audit-checkpoint'),
  )
  deps.logger.info({ seq: checkpoint.seq, hash: checkpoint.hash }, 'audit checkpoint signed')
  return checkpoint
}
