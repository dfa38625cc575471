import type { Executor, Tx } from '../../kernel/db/database'
import * as rq from './enterprise-registry.queries'

export type { RegistryRecord } from './enterprise-registry.queries'

/**
 * The market-regulation registry (登记注册) of enterprises as the platform last imported it: what a claim
 * by a one-time code trusts (the legal representative's registered phone), and what the identity
 * verifier's development implementation compares a licence holder with. Written only by a registry
 * import (facts module) or the demo seed.
 */
export async function findRegistryRecord(
  db: Executor,
  uscc: string,
): Promise<(rq.RegistryRecord & { updatedAt: Date }) | undefined> {
  const row = await rq.findRegistryRecord(db, uscc)
  if (!row) return undefined
  return {
    uscc: row.uscc,
    name: row.name,
    legalRepresentative: row.legal_representative,
    legalRepresentativePhone: row.legal_representative_phone,
    updatedAt: row.updated_at,
  }
}

/** Applies an import's good rows inside the caller's transaction; answers how many changed anything. */
export function applyRegistryRecords(tx: Tx, records: rq.RegistryRecord[], importId: string | null) {
  return rq.upsertRegistryRecords(tx, records, importId)
}

/** The users who manage an enterprise (claims by approval go to them). */
export function findManagerIds(db: Executor, enterpriseId: string) {
  return rq.findManagerIds(db, enterpriseId)
}

/** A membership granted by an approved claim, inside the caller's transaction (the claim audits it). */
export function grantMembership(
  tx: Tx,
  row: { enterpriseId: string; userId: string; role: 'manager' | 'agent'; grantedBy: string | null },
) {
  return rq.grantMembership(tx, row)
}

/** The enterprise of a credit code, as a claim needs it (id and name); undefined when not on the platform. */
export function findEnterpriseForClaim(db: Executor, uscc: string) {
  return rq.findEnterpriseIdentity(db, uscc)
}

/** The user's role in the enterprise, or null when they do not act for it. */
export function findMembershipRole(db: Executor, enterpriseId: string, userId: string) {
  return rq.findMemberRole(db, enterpriseId, userId)
}
