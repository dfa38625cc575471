import crypto from 'node:crypto'

/**
 * The code an inspection carries to the door (检查码) and its readable number.
 *
 * The code is what a scan carries and what proves the visit was registered and approved, so it must
 * not be guessable from another code: 128 random bits from node:crypto, written in RFC 4648 base32
 * (A–Z, 2–7: no 0/O or 1/I to confuse, safe in a URL path, case-insensitive when typed). A sequential
 * or number-derived code would let anyone who saw one code forge the next (decision 0059).
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
export const CHECK_CODE_BYTES = 16

export function encodeBase32(bytes: Uint8Array): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out
}

export function newCheckCode(): string {
  return encodeBase32(crypto.randomBytes(CHECK_CODE_BYTES))
}

/** A scanned or typed code in the form it is stored (upper case, no spaces). */
export function normalizeCheckCode(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase()
}

/** JC-2026-000123: the city year and a serial of at least six digits (never cut). */
export function formatInspectionNumber(year: number, serial: number): string {
  return `JC-${year}-${String(serial).padStart(6, '0')}`
}
