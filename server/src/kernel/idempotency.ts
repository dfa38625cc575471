import crypto from 'node:crypto'
import { AppError } from './errors'

/**
 * Idempotency keys as payment APIs use them: a retried submit with the same key answers the first
 * result, and the key is bound to the request it first came with. Beside the key a write stores the
 * request's fingerprint; the same key with a different request is refused with
 * IDEMPOTENCY_KEY_REUSED (409), never answered with another request's receipt.
 */

/** SHA-256 of the request as canonical JSON: object keys sorted, undefined left out, as JSON does. */
export function requestFingerprint(request: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(request)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * Refuses a retry whose request differs from the one the key first came with. A row written before
 * fingerprints were kept (null) answers any retry with its key, as it always did.
 * Refuses: IDEMPOTENCY_KEY_REUSED.
 */
export function assertSameRequest(stored: string | null, fingerprint: string): void {
  if (stored !== null && stored !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED')
}
