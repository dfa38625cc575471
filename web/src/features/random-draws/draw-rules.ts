import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
/**
 * What the console needs of the draw's rules in the browser (decision 0061): the commitment a party
 * sends, a strong secret, and the patterns and bounds the server checks. The server's copies live in
 * draw-algorithm.ts (which needs node:crypto) and random-draws.schema.ts (which brings zod); this
 * file repeats the few values and draw-rules.test.ts holds them equal.
 */

export const DRAW_TIERS = ['A', 'B', 'C', 'D', 'U'] as const
export type DrawTierKey = (typeof DRAW_TIERS)[number]

/** Basis points per tier: SAMR credit-risk bounds, U sampled like B. */
export const RATIO_BOUNDS: Record<DrawTierKey, readonly [number, number]> = {
  A: [0, 500],
  B: [500, 2000],
  C: [2100, 6000],
  D: [6100, 10_000],
  U: [500, 2000],
}
export const DEFAULT_RATIOS: Record<DrawTierKey, number> = { A: 500, B: 1000, C: 3000, D: 7000, U: 1000 }

export const SECRET_PATTERN = /^[0-9A-Za-z_-]{16,128}$/
export const BEACON_PATTERN = /^[0-9A-Za-z._:-]{1,200}$/

/** The four steps of a draw, in order. */
export const DRAW_STEPS = ['committing', 'revealing', 'drawn', 'published'] as const

/** base64url without padding: the alphabet SECRET_PATTERN allows. */
function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A fresh secret: 32 bytes (256 bits) from the browser's CSPRNG, 43 base64url characters. */
export function generateSecret(random: Crypto = globalThis.crypto): string {
  return base64url(random.getRandomValues(new Uint8Array(32)))
}

/**
 * A party's commitment: SHA-256 of the secret's UTF-8 bytes as lowercase hex — what the server's
 * commitTo computes and later checks the revealed secret against.
 */
export async function commitmentOf(secret: string, random: Crypto = globalThis.crypto): Promise<string> {
  const bytes = new TextEncoder().encode(secret)
  // crypto.subtle exists only in secure contexts (https, localhost): a city's console served over
  // plain http on its intranet hashes with @noble/hashes instead — the same SHA-256.
  const digest = random.subtle ? new Uint8Array(await random.subtle.digest('SHA-256', bytes)) : sha256(bytes)
  return bytesToHex(digest)
}

/** Percent as the form shows it (2.5) ↔ basis points as the API takes them (250). */
export const toBasisPoints = (percent: number) => Math.round(percent * 100)
export const toPercent = (basisPoints: number) => basisPoints / 100

/** The file a party saves its secret in: enough to find the draw again and reveal. */
export function secretFileText(input: { drawId: string; title: string; secret: string; commitment: string }) {
  return [
    `draw: ${input.drawId}`,
    `title: ${input.title}`,
    `secret: ${input.secret}`,
    `commitment (SHA-256): ${input.commitment}`,
    '',
  ].join('\n')
}

/** The working days within which a drawn result must be published: the bounds the server accepts. */
export const PUBLISH_WITHIN_BOUNDS = { min: 1, max: 60 } as const

/**
 * What a member of staff may do with the publication deadline (GET and PUT /random-draws/settings):
 * the administrator changes it; the task force and the bureau's leaders read it; anyone else is not
 * shown it (the server would refuse them).
 */
export function publicationSettingsAccess(roles: readonly string[]): 'change' | 'read' | 'none' {
  if (roles.includes('admin')) return 'change'
  if (roles.includes('dispatcher') || roles.includes('bureau_leader')) return 'read'
  return 'none'
}
