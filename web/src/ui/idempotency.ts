/**
 * One key per opening of a form, reused on every retry: a double tap or a retry after a lost
 * answer gets the first receipt back instead of filing twice (appeals, benefit applications).
 */
export function newIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID()
  // randomUUID needs a secure context; plain http on a LAN address still has getRandomValues.
  const bytes = new Uint8Array(16)
  cryptoApi.getRandomValues(bytes)
  return `appeal-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}
