import fs from 'node:fs'
import path from 'node:path'
import type { Actor } from '../auth/actor'
import type { Db } from '../db/database'
import { AppError } from '../errors'
import { checkChain, drainAuditChain, findChainHashAt, writeAudit, type AuditCheckpoint } from './audit'
import {
  findNewestAuditCheckpoint,
  insertAuditCheckpoint,
  listAuditCheckpoints,
  lockAuditChainer,
} from './audit.queries'
import { signCheckpoint } from './checkpoint-signature'
import type { SigningKey } from './signing-key'

/** One line of the export file, and one item of GET /api/v1/audit/checkpoints. */
export type CheckpointRecord = {
  seq: number
  hash: string
  signedAt: string
  keyId: string
  signature: string
}

function recordOf(c: AuditCheckpoint): CheckpointRecord {
  return {
    seq: c.seq,
    hash: c.hash,
    signedAt: c.signedAt.toISOString(),
    keyId: c.keyId,
    signature: c.signature,
  }
}

export async function listCheckpoints(db: Db): Promise<CheckpointRecord[]> {
  return (await listAuditCheckpoints(db)).map((c) =>
    recordOf({ seq: c.seq, hash: c.hash, signedAt: c.signed_at, keyId: c.key_id, signature: c.signature }),
  )
}

/** Checkpoints an outside party kept (the export file), for the verifier to check too. */
export function readCheckpointFile(file: string): AuditCheckpoint[] {
  if (!fs.existsSync(file)) return []
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const r = JSON.parse(line) as CheckpointRecord
      return {
        seq: r.seq,
        hash: r.hash,
        signedAt: new Date(r.signedAt),
        keyId: r.keyId,
        signature: r.signature,
      }
    })
}

/**
 * Signs the chain head. Everything committed is linked first; then, holding the chainer lock so the
 * head stays put, the chain from the newest checkpoint to the head is checked (a broken chain is
 * never signed: AUDIT_CHAIN_BROKEN), the checkpoint is stored and audited, and after commit it is
 * appended to the export file.
 *
 * Refuses: AUDIT_CHAIN_BROKEN (the chain since the last checkpoint does not hold).
 */
export async function signAuditCheckpoint(
  db: Db,
  key: SigningKey,
  exportFile: string,
  actor: Actor,
  now: () => Date = () => new Date(),
): Promise<CheckpointRecord> {
  await drainAuditChain(db)
  const checkpoint = await db.transaction().execute(async (tx) => {
    await lockAuditChainer(tx)
    const newest = await findNewestAuditCheckpoint(tx)
    const last: AuditCheckpoint = newest
      ? {
          seq: newest.seq,
          hash: newest.hash,
          signedAt: newest.signed_at,
          keyId: newest.key_id,
          signature: newest.signature,
        }
      : { seq: 0, hash: '', signedAt: new Date(0), keyId: '', signature: '' }
    const hashThere = await findChainHashAt(tx, last.seq)
    const verdict = hashThere
      ? await checkChain(tx, { seq: last.seq, hash: hashThere }, newest ? [last] : [], {
          publicKey: key.publicKey,
        })
      : ({ ok: false, reason: 'truncated', brokenAt: last.seq } as const)
    if (!verdict.ok) {
      throw new AppError('AUDIT_CHAIN_BROKEN', { params: { seq: verdict.brokenAt, reason: verdict.reason } })
    }
    const head = verdict.head ?? { seq: last.seq, hash: hashThere! }
    const claim = { seq: head.seq, hash: head.hash, signedAt: now() }
    const signed = { ...claim, keyId: key.keyId, signature: signCheckpoint(key, claim) }
    const { id } = await insertAuditCheckpoint(tx, signed)
    await writeAudit(tx, actor, {
      action: 'audit.checkpoint',
      entityType: 'audit_checkpoint',
      entityId: String(id),
      after: { seq: signed.seq, hash: signed.hash, keyId: signed.keyId },
    })
    return signed
  })
  const record = recordOf(checkpoint)
  fs.mkdirSync(path.dirname(exportFile), { recursive: true })
  fs.appendFileSync(exportFile, `${JSON.stringify(record)}\n`)
  return record
}
