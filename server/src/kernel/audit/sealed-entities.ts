import { hasRole, type Actor, type StaffRole } from '../auth/actor'

/**
 * Audit rows some roles may not read. A module whose cases only certain roles may see at all (a
 * misconduct report: discipline inspection alone, issue 13 item 3) seals its rows here when it is
 * loaded; the audit trail then leaves them out for everyone else, administrators included — the
 * trail must not become the way round the module's own access rules. The chain still covers them:
 * the verifier recomputes every row and says only where a break is.
 */
const sealed = new Map<string, readonly StaffRole[]>()

export function sealAuditRows(entityType: string, readers: readonly StaffRole[]): void {
  sealed.set(entityType, readers)
}

/** The entity types whose rows this caller may not read. */
export function auditEntityTypesSealedFrom(actor: Actor): string[] {
  return [...sealed]
    .filter(([, readers]) => !readers.some((role) => hasRole(actor, role)))
    .map(([type]) => type)
}
