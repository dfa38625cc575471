import type { KeyObject } from 'node:crypto'
import type { OperationNodeSource } from 'kysely'
import { currentRequestContext } from '../context'
import type { Db, Executor, Tx } from '../db/database'
import { primaryRole, type Actor } from '../auth/actor'
import type { Logger } from '../logger'
import { asStoredJson, GENESIS_HASH, hashRow, type ChainedRow } from './hash-chain'
import {
  findAuditHashAt,
  findAuditHead,
  findAuditRowsAfter,
  findUnlinkedAuditRows,
  insertAuditRow,
  insertAuditRowWith,
  insertAuditRows,
  linkAuditRows,
  listAuditCheckpoints,
  lockAuditChainer,
  tryLockAuditChainer,
  type UnlinkedAuditRow,
} from './audit.queries'
import { isCheckpointSignatureValid } from './checkpoint-signature'

export type AuditEntry = {
  /** verb-first and namespaced: 'department.create', 'user.sign_in', 'enterprise.update_profile' */
  action: string
  entityType: string
  entityId?: string | null
  before?: unknown
  after?: unknown
}

/**
 * Writes one audit row inside the caller's transaction: both commit, or neither does. The row is
 * written unlinked and takes no lock, so filings never wait for each other here; the chainer links
 * it into the hash chain shortly after commit (decision 0027).
 */
export async function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditRow(tx, auditRowOf(actor, entry))
}

/**
 * writeAudit and another write not yet sent (a case move's timeline event, a new certificate) in one
 * statement: one round trip for both, committed together as before.
 */
export async function writeAuditWith(
  tx: Tx,
  actor: Actor,
  entry: AuditEntry,
  write: OperationNodeSource,
): Promise<void> {
  await insertAuditRowWith(tx, auditRowOf(actor, entry), write)
}

/** Writes many audit rows in the caller's transaction in one statement (what a sweep moved at once). */
export async function writeAudits(tx: Tx, actor: Actor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length)
    await insertAuditRows(
      tx,
      entries.map((entry) => auditRowOf(actor, entry)),
    )
}

/**
 * The row writeAudit writes, for a statement that inserts it beside the change it records
 * (insertAuditRowSql, decision 0032): same actor, request and time, committed with the change.
 */
export function auditRowOf(actor: Actor, entry: AuditEntry): UnlinkedAuditRow {
  const ctx = currentRequestContext()
  return {
    at: new Date(),
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorRole: primaryRole(actor),
    actorLabel: actor.kind === 'anonymous' ? null : actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: asStoredJson(entry.before),
    after: asStoredJson(entry.after),
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
  }
}

type StoredAuditRow = Awaited<ReturnType<typeof findUnlinkedAuditRows>>[number]

/** The fields a row's hash covers, read back as stored (timestamps to the millisecond, jsonb as parsed). */
function chainedRowOf(r: StoredAuditRow, seq: number, prevHash: string): ChainedRow {
  return {
    seq,
    at: r.at.toISOString(),
    actorUserId: r.actor_user_id,
    actorRole: r.actor_role,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
    ip: r.ip,
    prevHash,
  }
}

const LINK_BATCH = 1000

/**
 * Links one batch of committed, unlinked rows after the head, in insert order, in one transaction.
 * Whatever a later commit brings (even a row with a smaller id) is appended by a later batch: the
 * chain only ever grows at its head. Returns how many rows were linked; 0 when `wait` is false and
 * another chainer holds the lock.
 */
export async function linkAuditBatch(db: Db, options: { wait: boolean }): Promise<number> {
  return db.transaction().execute(async (tx) => {
    if (options.wait) await lockAuditChainer(tx)
    else if (!(await tryLockAuditChainer(tx))) return 0
    const rows = await findUnlinkedAuditRows(tx, LINK_BATCH)
    if (rows.length === 0) return 0
    const head = await findAuditHead(tx)
    let seq = head?.seq ?? 0
    let prevHash = head?.hash ?? GENESIS_HASH
    const links = rows.map((r) => {
      seq++
      const hash = hashRow(chainedRowOf(r, seq, prevHash))
      const link = { id: r.id, seq, prevHash, hash }
      prevHash = hash
      return link
    })
    await linkAuditRows(tx, links)
    return rows.length
  })
}

/**
 * Links every row committed so far, waiting for a running chainer: tests and scripts call it before
 * they read seq or hash, and every verifier calls it first.
 */
export async function drainAuditChain(db: Db): Promise<number> {
  let linked = 0
  for (;;) {
    const n = await linkAuditBatch(db, { wait: true })
    linked += n
    if (n < LINK_BATCH) return linked
  }
}

/**
 * The background chainer: every `intervalMs`, links what committed since, under a try-lock so one
 * node at a time does it (the others find the lock taken and wait for the next tick).
 */
export class AuditChainer {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = true

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.schedule()
  }

  async stop(): Promise<void> {
    this.stopped = true
    clearTimeout(this.timer)
    await this.running
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined
        this.schedule()
      })
    }, this.intervalMs)
  }

  private async tick(): Promise<void> {
    try {
      while (!this.stopped && (await linkAuditBatch(this.db, { wait: false })) === LINK_BATCH) {
        // a backlog: keep linking until it is gone
      }
    } catch (error) {
      this.logger.error({ err: error }, 'audit chainer failed; retrying at the next tick')
    }
  }
}

// --- verification ---------------------------------------------------------------------------------

export type AuditCheckpoint = { seq: number; hash: string; signedAt: Date; keyId: string; signature: string }
export type CheckpointRef = { seq: number; hash: string; signedAt: string }

export type ChainBreak =
  | 'hash_mismatch'
  | 'link_mismatch'
  | 'sequence_gap'
  /** the chain's hash at a checkpoint's seq is not the signed one: the log was rewritten and re-chained */
  | 'checkpoint_mismatch'
  /** a checkpoint names a seq beyond the head: the newest rows were removed */
  | 'truncated'
  /** a checkpoint's signature does not verify with the instance key */
  | 'forged'

type Head = { seq: number; hash: string } | null
type CheckpointSummary = {
  /** how many checkpoints were compared with the chain */
  checkpoints: number
  /** the newest checkpoint that held (ok), or the one that failed */
  checkpoint: CheckpointRef | null
  /** false when no key was at hand to check signatures with */
  signaturesChecked: boolean
}

export type ChainVerdict =
  | ({ ok: true; rows: number; head: Head } & CheckpointSummary)
  | ({ ok: false; rows: number; head: Head; brokenAt: number; reason: ChainBreak } & CheckpointSummary)

export type VerifyOptions = {
  /** the instance's public key; without it signatures are not checked (the verdict says so) */
  publicKey?: KeyObject | null
  /** checkpoints kept outside the database (the export file), checked like the stored ones */
  extraCheckpoints?: AuditCheckpoint[]
  batchSize?: number
}

/**
 * Links what is pending, then walks the whole chain in order and compares it with every signed
 * checkpoint. Names the first row that was altered (its hash no longer matches), after which a row
 * was removed or inserted (link or sequence), a re-chained log (a checkpoint's hash differs), removed
 * newest rows (a checkpoint beyond the head), or a checkpoint that was not signed by the instance key.
 */
export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainVerdict> {
  await drainAuditChain(db)
  const stored = (await listAuditCheckpoints(db)).map((c) => ({
    seq: c.seq,
    hash: c.hash,
    signedAt: c.signed_at,
    keyId: c.key_id,
    signature: c.signature,
  }))
  // The export file repeats the stored ones: each signed checkpoint counts once.
  const unique = new Map<string, AuditCheckpoint>()
  for (const c of [...stored, ...(options.extraCheckpoints ?? [])]) {
    unique.set(`${c.seq}:${c.hash}:${c.signedAt.toISOString()}:${c.signature}`, c)
  }
  const checkpoints = [...unique.values()].sort((a, b) => a.seq - b.seq)
  return checkChain(db, { seq: 0, hash: GENESIS_HASH }, checkpoints, options)
}

/**
 * Walks the chain from a known position (`from`, whose hash is taken as given) to the head and
 * compares the checkpoints. Used from the start for a full verification, and from the newest
 * checkpoint before signing the next one.
 */
export async function checkChain(
  db: Executor,
  from: { seq: number; hash: string },
  checkpoints: AuditCheckpoint[],
  options: VerifyOptions = {},
): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? 2000
  const publicKey = options.publicKey ?? null
  const wanted = new Set(checkpoints.map((c) => c.seq))
  const hashAt = new Map<number, string>([[from.seq, from.hash]])
  const summary = (checkpoint: AuditCheckpoint | undefined, count: number): CheckpointSummary => ({
    checkpoints: count,
    checkpoint: checkpoint
      ? { seq: checkpoint.seq, hash: checkpoint.hash, signedAt: checkpoint.signedAt.toISOString() }
      : null,
    signaturesChecked: publicKey !== null,
  })
  let prevHash = from.hash
  let prevSeq = from.seq
  let rows = 0
  const head = (): Head => (prevSeq > 0 ? { seq: prevSeq, hash: prevHash } : null)
  const broken = (brokenAt: number, reason: ChainBreak, checkpoint?: AuditCheckpoint, count = 0) => ({
    ok: false as const,
    rows,
    head: head(),
    brokenAt,
    reason,
    ...summary(checkpoint, count),
  })
  for (;;) {
    const batch = await findAuditRowsAfter(db, prevSeq, batchSize)
    for (const r of batch) {
      if (r.seq !== prevSeq + 1) return broken(r.seq!, 'sequence_gap')
      if (r.prev_hash !== prevHash) return broken(r.seq, 'link_mismatch')
      if (hashRow(chainedRowOf(r, r.seq, r.prev_hash)) !== r.hash) return broken(r.seq, 'hash_mismatch')
      prevHash = r.hash
      prevSeq = r.seq
      if (wanted.has(r.seq)) hashAt.set(r.seq, r.hash)
      rows++
    }
    if (batch.length < batchSize) break
  }
  let held: AuditCheckpoint | undefined
  let count = 0
  for (const c of checkpoints) {
    count++
    if (publicKey && !isCheckpointSignatureValid(publicKey, c, c.signature)) {
      return broken(c.seq, 'forged', c, count)
    }
    if (c.seq > prevSeq) return broken(prevSeq + 1, 'truncated', c, count)
    const hash = c.seq === 0 ? GENESIS_HASH : hashAt.get(c.seq)
    if (hash !== c.hash) return broken(c.seq, 'checkpoint_mismatch', c, count)
    held = c
  }
  return { ok: true, rows, head: head(), ...summary(held, count) }
}

/** The hash the chain has at a seq (GENESIS at 0), or null when no such row is linked. */
export async function findChainHashAt(db: Executor, seq: number): Promise<string | null> {
  return seq === 0 ? GENESIS_HASH : findAuditHashAt(db, seq)
}
