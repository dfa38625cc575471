import type { CertificateKeyring } from './certificate-key'
import { checkPayload, type PayloadCheck } from './certificate-payload'

/**
 * The offline check of a payload, remembered. An SM2 verification in sm-crypto (pure JS) costs ~30 ms
 * of CPU, and the answer for a given payload under a given set of keys never changes: a QR scanned
 * again, or a verifier polling, costs a map lookup. Bounded (least recently used out first) and kept
 * per key ring, so a rotation starts afresh. Failures are kept too, so a repeated forgery is cheap.
 */
export const CHECKED_PAYLOADS_KEPT = 10_000

const byKeyring = new WeakMap<CertificateKeyring, Map<string, PayloadCheck>>()

export function checkPayloadRemembered(
  payload: string,
  keyring: CertificateKeyring,
  kept = CHECKED_PAYLOADS_KEPT,
): PayloadCheck {
  let checked = byKeyring.get(keyring)
  if (!checked) {
    checked = new Map()
    byKeyring.set(keyring, checked)
  }
  const known = checked.get(payload)
  if (known) {
    // Map keeps insertion order: moving a hit to the end makes the first entry the least recent.
    checked.delete(payload)
    checked.set(payload, known)
    return known
  }
  const check = checkPayload(payload, keyring.verifying)
  checked.set(payload, check)
  if (checked.size > kept) checked.delete(checked.keys().next().value!)
  return check
}
