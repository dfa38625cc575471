import crypto from 'node:crypto'
import os from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './matching.queries'

/** A run's lease lasts this long unless a slice renews it (a node that died lets it lapse). */
const LEASE_SECONDS = 300
/** How long a run waits before asking again for a lease another run holds. */
const LEASE_RETRY_MS = 250

export type Lease = { renew(db: Executor): Promise<void> }

/**
 * One run at a time, across nodes: a run is many short transactions, so it holds a lease in the
 * match state rather than a transaction's lock. Waiting for it holds no connection.
 */
export async function withMatchLease<T>(deps: AppDeps, work: (lease: Lease) => Promise<T>): Promise<T> {
  const owner = `${os.hostname()}:${process.pid}:${crypto.randomUUID()}`
  while (!(await q.claimMatchLease(deps.db, owner, LEASE_SECONDS))) await sleep(LEASE_RETRY_MS)
  const lease: Lease = {
    renew: async (db) => {
      if (!(await q.claimMatchLease(db, owner, LEASE_SECONDS)))
        throw new Error('policy matching: the run lost its lease (a slice took longer than the lease)')
    },
  }
  try {
    return await work(lease)
  } finally {
    await q.releaseMatchLease(deps.db, owner)
  }
}
