import crypto from 'node:crypto'

/**
 * The receipt code (回执码) a reporter follows a report with, without an account: 20 characters of
 * Crockford base32 (100 random bits), shown in groups of five. Only its SHA-256 is stored: a code
 * is random enough that a plain hash cannot be reversed by trying codes, and the database never
 * holds one. Guessing is also throttled per address (misconduct-reports.service.ts).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export function newReceiptCode(): string {
  const bytes = crypto.randomBytes(20)
  let code = ''
  for (const byte of bytes) code += ALPHABET[byte & 31]
  return code.match(/.{5}/g)!.join('-')
}

/** What a person may type: lower case, spaces or dashes anywhere, O for 0, I and L for 1. */
export function normalizeReceiptCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

export function hashReceiptCode(input: string): string {
  return crypto.createHash('sha256').update(normalizeReceiptCode(input)).digest('hex')
}
