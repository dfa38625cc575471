import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** The instance's Ed25519 key that signs audit checkpoints. */
export type SigningKey = {
  privateKey: crypto.KeyObject | null
  publicKey: crypto.KeyObject
  publicKeyPem: string
  /** the first 16 hex digits of sha256 over the public key (SPKI DER): names the key in each checkpoint */
  keyId: string
}

const loaded = new Map<string, SigningKey>()

/**
 * Reads the key file, or makes it on first use (mode 0600). Written to a temporary file and linked into
 * place, so two processes starting together end up with the same key, never a half-written file.
 */
export function loadOrCreateSigningKey(file: string): SigningKey {
  const known = loaded.get(file)
  if (known) return known
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const { privateKey } = crypto.generateKeyPairSync('ed25519')
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
    fs.writeFileSync(temporary, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 })
    try {
      fs.linkSync(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(temporary, { force: true })
    }
  }
  const key = signingKeyFromPem(fs.readFileSync(file, 'utf8'))
  loaded.set(file, key)
  return key
}

/** The key if its file exists (the verifier must never make a new key: it would call every checkpoint forged). */
export function readSigningKey(file: string): SigningKey | null {
  return loaded.get(file) ?? (fs.existsSync(file) ? loadOrCreateSigningKey(file) : null)
}

export function signingKeyFromPem(pem: string): SigningKey {
  const isPrivate = pem.includes('PRIVATE KEY')
  const privateKey = isPrivate ? crypto.createPrivateKey(pem) : null
  const publicKey = privateKey ? crypto.createPublicKey(privateKey) : crypto.createPublicKey(pem)
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be Ed25519')
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: crypto.createHash('sha256').update(der).digest('hex').slice(0, 16),
  }
}
