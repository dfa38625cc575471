import { DER } from '@noble/curves/abstract/weierstrass'
import { messageDigest, N, Point, userHash, type SM2Point } from './sm2-curve'

/**
 * SM2 signature verification (GB/T 32918.2, section 7) on the curve of sm2-curve.ts. Pure: answers
 * true or false, never throws.
 */

/** Parsed public keys with their Z_A prefix for the default user id: parsed once per key. */
const parsed = new Map<string, { point: SM2Point; userHashes: Map<string, Buffer> }>()

function publicKey(publicKeyHex: string) {
  let known = parsed.get(publicKeyHex)
  if (!known) {
    const point = Point.fromHex(publicKeyHex)
    point.assertValidity()
    // Tables for this key's multiples (as for the base point): a key verifies many signatures.
    point.precompute(8)
    known = { point, userHashes: new Map() }
    if (parsed.size > 64) parsed.clear() // a handful of keys in practice; never grows unbounded
    parsed.set(publicKeyHex, known)
  }
  return known
}

export function verifySm2(
  message: Buffer,
  signatureDerHex: string,
  publicKeyHex: string,
  userId: string,
): boolean {
  try {
    const key = publicKey(publicKeyHex)
    let za = key.userHashes.get(userId)
    if (!za) {
      za = userHash(key.point, userId)
      key.userHashes.set(userId, za)
    }
    const { r, s } = DER.toSig(signatureDerHex)
    if (r < 1n || r >= N || s < 1n || s >= N) return false
    const e = messageDigest(za, message)
    const t = (r + s) % N
    if (t === 0n) return false
    const sum = Point.BASE.multiplyUnsafe(s).add(key.point.multiplyUnsafe(t))
    if (sum.is0()) return false
    return (e + sum.toAffine().x) % N === r
  } catch {
    return false
  }
}
