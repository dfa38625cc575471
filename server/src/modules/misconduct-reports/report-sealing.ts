import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The seal on a reporter's identity: AES-256-GCM (node:crypto) under a key derived with HKDF-SHA256
 * from the instance's report sealing secret — 32 random bytes in `report-sealing-key` beside the
 * audit signing key (DATA_DIR by default, mode 0600, made on first use like the audit and certificate
 * keys). The database alone, or a backup of it, does not reveal a reporter; the key file is kept and
 * backed up apart (docs/decisions/0053). The report's id is the additional data: a sealed value copied
 * onto another report does not open.
 */
const VERSION = 'v1'
const INFO = 'yingshang misconduct-report identity v1'

export type SealingKey = { key: Buffer; keyId: string }

const loaded = new Map<string, SealingKey>()

export function sealingKeyFile(auditSigningKeyFile: string): string {
  return path.join(path.dirname(auditSigningKeyFile), 'report-sealing-key')
}

/** Derives the AES key from the secret; the key id names the secret without revealing it. */
export function sealingKeyFromSecret(secret: Buffer): SealingKey {
  const key = Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32))
  const keyId = crypto.createHash('sha256').update(key).digest('hex').slice(0, 8)
  return { key, keyId }
}

/** Reads the secret, or makes it on first use: written to a temporary file and linked into place. */
export function loadOrCreateSealingKey(file: string): SealingKey {
  const known = loaded.get(file)
  if (known) return known
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
    fs.writeFileSync(temporary, crypto.randomBytes(32).toString('base64'), { mode: 0o600 })
    try {
      fs.linkSync(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(temporary, { force: true })
    }
  }
  const secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  if (secret.length < 32) throw new Error(`${file}: the report sealing secret must hold 32 bytes`)
  const key = sealingKeyFromSecret(secret)
  loaded.set(file, key)
  return key
}

export function seal(key: SealingKey, reportId: string, value: unknown): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key.key, iv)
  cipher.setAAD(Buffer.from(reportId))
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))
  return [VERSION, key.keyId, ...parts].join('.')
}

/** Opens a sealed value; throws when it was altered, belongs to another report or another key. */
export function unseal<T>(key: SealingKey, reportId: string, sealed: string): T {
  const [version, keyId, iv, tag, body] = sealed.split('.')
  if (version !== VERSION || keyId !== key.keyId || !iv || !tag || body === undefined)
    throw new Error('sealed identity: unknown version or key')
  const decipher = crypto.createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(reportId))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()])
  return JSON.parse(text.toString('utf8')) as T
}
