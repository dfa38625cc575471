import crypto from 'node:crypto'
import type { SigningKey } from './signing-key'

/** What a checkpoint says: the chain had this head at this time. */
export type CheckpointClaim = { seq: number; hash: string; signedAt: Date }

/**
 * The signed bytes, simple enough to check by hand (openssl pkeyutl -verify -rawin):
 * "yingshang-audit-checkpoint:v1:<seq>:<hash>:<signedAt ISO 8601>".
 */
export function checkpointPayload(claim: CheckpointClaim): Buffer {
  return Buffer.from(
    `yingshang-audit-checkpoint:v1:${claim.seq}:${claim.hash}:${claim.signedAt.toISOString()}`,
    'utf8',
  )
}

export function signCheckpoint(key: SigningKey, claim: CheckpointClaim): string {
  if (!key.privateKey) throw new Error('the audit signing key file holds no private key')
  return crypto.sign(null, checkpointPayload(claim), key.privateKey).toString('base64')
}

export function isCheckpointSignatureValid(
  publicKey: crypto.KeyObject,
  claim: CheckpointClaim,
  signature: string,
): boolean {
  try {
    return crypto.verify(null, checkpointPayload(claim), publicKey, Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}
