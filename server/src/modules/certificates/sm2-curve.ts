import crypto from 'node:crypto'
import { weierstrassN } from '@noble/curves/abstract/weierstrass'

/**
 * The SM2 curve (GB/T 32918.5) on @noble/curves' point arithmetic with native BigInt, and the SM3
 * hashing both signing and verification need: ~10× faster than sm-crypto's jsbn (decision 0048).
 * SM3 comes from node:crypto (OpenSSL).
 */
export const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn
export const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn
export const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n
export const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n

export const Point = weierstrassN({ p: P, n: N, h: 1n, a: A, b: B, Gx: GX, Gy: GY })
export type SM2Point = InstanceType<typeof Point>

const hex32 = (n: bigint) => n.toString(16).padStart(64, '0')
export const sm3 = (...parts: Buffer[]) => crypto.createHash('sm3').update(Buffer.concat(parts)).digest()

/** Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA). */
export function userHash(point: SM2Point, userId: string): Buffer {
  const id = Buffer.from(userId, 'utf8')
  const entl = Buffer.alloc(2)
  entl.writeUInt16BE(id.length * 8)
  const { x, y } = point.toAffine()
  const fields = [A, B, GX, GY, x, y].map((n) => Buffer.from(hex32(n), 'hex'))
  return sm3(entl, id, ...fields)
}

/** e = SM3(Z_A || M) as a number (GB/T 32918.2, 6.1 A1–A4 and 7.1 B3–B4). */
export function messageDigest(za: Buffer, message: Buffer): bigint {
  return BigInt(`0x${sm3(za, message).toString('hex')}`)
}
