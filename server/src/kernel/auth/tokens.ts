import crypto from 'node:crypto'

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url')
}

export function hashToken(token: string): string {
  // One-shot hashing: a session read hashes its cookie on every request (decision 0068).
  return crypto.hash('sha256', token, 'hex')
}

/** A uniformly random numeric code, e.g. a six-digit SMS code. */
export function randomDigits(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += crypto.randomInt(0, 10).toString()
  return out
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb)
}
