import type { Executor } from '../../kernel/db/database'
import * as q from './certificates.queries'

/**
 * What a public verification reads, kept in memory (decision 0058): a certificate's record never
 * changes once issued (number, holder, dates, the payload on record), only its status does, and the
 * status comes from the status list the instance publishes — the suspended and revoked numbers, a
 * short list. So a verification is a signature check (remembered per payload), a record read once per
 * payload and node, and a lookup in the status list.
 *
 * The status list is re-read when older than STATUS_LIST_MAX_AGE_MS, and at once on this node when a
 * status changes here; another node sees a suspension or revocation within that window (documented in
 * docs/decisions/0058 and the verify page's API description).
 */
export const STATUS_LIST_MAX_AGE_MS = 5_000
export const RECORDS_KEPT = 10_000

export type VerifyRecord = NonNullable<Awaited<ReturnType<typeof q.findCertificateToVerify>>>
type Withdrawn = ReadonlyMap<string, { status: VerifyRecord['status']; reason: string | null }>

type State = {
  records: Map<string, Omit<VerifyRecord, 'status' | 'status_reason'>>
  withdrawn?: { loadedAt: number; byNumber: Withdrawn }
  loading?: Promise<Withdrawn>
}

// Per database (each test app and each node has its own).
const states = new WeakMap<Executor, State>()

function stateOf(db: Executor): State {
  let state = states.get(db)
  if (!state) {
    state = { records: new Map() }
    states.set(db, state)
  }
  return state
}

/** The suspended and revoked numbers, at most STATUS_LIST_MAX_AGE_MS old (one reader at a time). */
async function withdrawnNow(db: Executor): Promise<Withdrawn> {
  const state = stateOf(db)
  const now = Date.now()
  if (
    state.withdrawn &&
    now - state.withdrawn.loadedAt < STATUS_LIST_MAX_AGE_MS &&
    now >= state.withdrawn.loadedAt
  )
    return state.withdrawn.byNumber
  state.loading ??= q
    .findWithdrawnCertificates(db)
    .then((rows) => {
      const byNumber = new Map(rows.map((r) => [r.number, { status: r.status, reason: r.status_reason }]))
      state.withdrawn = { loadedAt: now, byNumber }
      return byNumber
    })
    .finally(() => {
      state.loading = undefined
    })
  return state.loading
}

/** A status changed on this node: the next verification reads the list afresh. */
export function forgetStatusList(db: Executor): void {
  const state = stateOf(db)
  state.withdrawn = undefined
}

/**
 * The certificate on record under this number whose payload is exactly this one, with its status
 * from the status list; null when there is none (unknown number) — `mismatch` when the number is on
 * record with another payload (only a leaked key signs one).
 */
export async function recordToVerify(
  db: Executor,
  number: string,
  payload: string,
): Promise<VerifyRecord | 'mismatch' | null> {
  const state = stateOf(db)
  let record = state.records.get(payload)
  if (!record) {
    const row = await q.findCertificateToVerify(db, number)
    if (!row) return null
    if (row.payload !== payload) return 'mismatch'
    const { status: _status, status_reason: _reason, ...fixed } = row
    record = fixed
    state.records.set(payload, record)
    if (state.records.size > RECORDS_KEPT) state.records.delete(state.records.keys().next().value!)
  }
  const withdrawn = (await withdrawnNow(db)).get(number)
  return withdrawn
    ? { ...record, status: withdrawn.status, status_reason: withdrawn.reason }
    : { ...record, status: 'active', status_reason: null }
}
