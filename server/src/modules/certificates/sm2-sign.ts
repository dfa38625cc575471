import crypto from 'node:crypto'
import { DER } from '@noble/curves/abstract/weierstrass'
import { invert } from '@noble/curves/abstract/modular'
import { messageDigest, N, Point, userHash } from './sm2-curve'

/**
 * SM2 signing (GB/T 32918.2, section 6) on the curve of sm2-curve.ts: one constant-time scalar
 * multiplication with native BigInt, where sm-crypto's jsbn took ~17 ms a signature — most of the
 * 20 ms an instant matter may take from submission to decision (issue 12). Its signatures verify
 * with sm-crypto and with our verifier (sm2-sign.test.ts); k is fresh from the system's CSPRNG.
 */

type SigningKey = { d: bigint; inverseOnePlusD: bigint; userHashes: Map<string, Buffer> }
const keys = new Map<string, SigningKey>()

function signingKey(privateKeyHex: string): SigningKey {
  let key = keys.get(privateKeyHex)
  if (!key) {
    const d = BigInt(`0x${privateKeyHex}`)
    // d ∈ [1, n−2]: (1 + d) must be invertible mod n
    if (d < 1n || d > N - 2n) throw new Error('SM2 private key out of range')
    key = { d, inverseOnePlusD: invert(1n + d, N), userHashes: new Map() }
    if (keys.size > 16) keys.clear() // a handful of issuer keys in practice
    keys.set(privateKeyHex, key)
  }
  return key
}

/** A uniformly random k ∈ [1, n−1] (rejection sampling: no modulo bias). */
function randomScalar(): bigint {
  for (;;) {
    const k = BigInt(`0x${crypto.randomBytes(32).toString('hex')}`)
    if (k >= 1n && k < N) return k
  }
}

/**
 * Signs a message with SM3 over Z_A || M and answers the DER-encoded signature in hex (what
 * sm-crypto's doSignature answers with { hash: true, der: true }). The public key is the
 * private key's (derived when not given).
 */
export function signSm2(
  message: Buffer,
  privateKeyHex: string,
  userId: string,
  publicKeyHex?: string,
): string {
  const key = signingKey(privateKeyHex)
  let za = key.userHashes.get(userId)
  if (!za) {
    const point = publicKeyHex ? Point.fromHex(publicKeyHex) : Point.BASE.multiply(key.d)
    za = userHash(point, userId)
    key.userHashes.set(userId, za)
  }
  const e = messageDigest(za, message)
  for (;;) {
    const k = randomScalar()
    const x1 = Point.BASE.multiply(k).toAffine().x
    const r = (e + x1) % N
    if (r === 0n || r + k === N) continue
    const s = (key.inverseOnePlusD * (((k - r * key.d) % N) + N)) % N
    if (s === 0n) continue
    return DER.hexFromSig({ r, s })
  }
}
