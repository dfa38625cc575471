import type { Tx } from '../db/database'

/**
 * Recipients whose address is sealed by the module that holds it (a real-name misconduct reporter's
 * phone, encrypted at rest: issue 13 item 3, decision 0053). A message to one names `<kind>:<id>`;
 * the outbox keeps only that reference, the module opens its seal at the moment of delivery, and the
 * delivery record keeps the address masked — the phone is never written anywhere in the clear.
 */
export type SealedAddressResolver = (tx: Tx, id: string) => Promise<{ phone: string | null } | null>

const resolvers = new Map<string, SealedAddressResolver>()

export function registerSealedRecipient(kind: string, resolve: SealedAddressResolver): void {
  resolvers.set(kind, resolve)
}

export function sealedRecipientRef(kind: string, id: string): string {
  return `${kind}:${id}`
}

/** The phone behind a reference, or none (unknown kind, nothing sealed there, the seal will not open). */
export async function resolveSealedRecipient(tx: Tx, ref: string): Promise<string | null> {
  const at = ref.indexOf(':')
  const resolve = at > 0 ? resolvers.get(ref.slice(0, at)) : undefined
  if (!resolve) return null
  return (await resolve(tx, ref.slice(at + 1)))?.phone ?? null
}
