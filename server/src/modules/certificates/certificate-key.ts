import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
// sm-crypto ships no types: its declaration, imported so it follows this file into every project.
import './sm-crypto.types'
import { sm2 } from 'sm-crypto'

/**
 * The instance's SM2 key that signs certificates (GB/T 32918 with SM3, decision 0042). Kept like the
 * audit checkpoint key: one file, made on first use (mode 0600), linked into place so two processes
 * starting together end up with the same key. Node's crypto cannot make SM2 signatures (it signs
 * ECDSA over the SM2 curve), so the key is sm-crypto's hex pair.
 */
export type CertificateKey = {
  privateKeyHex: string
  /** uncompressed point, 04 || x || y, 130 hex digits */
  publicKeyHex: string
  publicKeyPem: string
  /** the first 16 hex digits of SM3 over the public key (SPKI DER): names the key in each payload */
  keyId: string
}

/** SubjectPublicKeyInfo prefix of an SM2 key: id-ecPublicKey with the SM2 curve (1.2.156.10197.1.301). */
const SM2_SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200'

const loaded = new Map<string, CertificateKey>()

/** The key file sits next to the audit key, in the instance's data directory. */
export function certificateKeyFile(auditSigningKeyFile: string): string {
  return path.join(path.dirname(auditSigningKeyFile), 'certificate-signing-key.json')
}

export function loadOrCreateCertificateKey(file: string): CertificateKey {
  const known = loaded.get(file)
  if (known) return known
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const pair = sm2.generateKeyPairHex()
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
    fs.writeFileSync(temporary, JSON.stringify({ algorithm: 'SM2', privateKeyHex: pair.privateKey }), {
      mode: 0o600,
    })
    try {
      fs.linkSync(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(temporary, { force: true })
    }
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { privateKeyHex: string }
  const key = certificateKeyFromPrivateHex(stored.privateKeyHex)
  loaded.set(file, key)
  return key
}

export function certificateKeyFromPrivateHex(privateKeyHex: string): CertificateKey {
  const publicKeyHex = sm2.getPublicKeyFromPrivateKey(privateKeyHex)
  const der = Buffer.from(SM2_SPKI_PREFIX + publicKeyHex, 'hex')
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return {
    privateKeyHex,
    publicKeyHex,
    publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`,
    keyId: crypto.createHash('sm3').update(der).digest('hex').slice(0, 16),
  }
}
