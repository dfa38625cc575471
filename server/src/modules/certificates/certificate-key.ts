import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
// sm-crypto ships no types: its declaration, imported so it follows this file into every project.
import './sm-crypto.types'
import { sm2 } from 'sm-crypto'

/**
 * The instance's SM2 keys that sign certificates (GB/T 32918 with SM3, decisions 0042 and 0048). Kept
 * like the audit checkpoint key: one file, made on first use (mode 0600), linked into place so two
 * processes starting together end up with the same key. Node's crypto cannot make SM2 signatures (it
 * signs ECDSA over the SM2 curve), so the key is sm-crypto's hex pair.
 *
 * Rotation: the file holds the current private key and the public keys it replaced (`retired`), so
 * certificates signed before keep verifying — each payload names its key id — while new ones and the
 * status list are signed with the current key. The parsed file is kept per process; whether the
 * file changed (a rotation by `npm run certificates:rotate-key`, or by another node sharing it) is
 * looked at by one stat at most every KEY_FILE_RECHECK_MS, and at once when a payload names a key this
 * process does not know — so a node that learnt of a rotation first never issues certificates the
 * others call invalid. Before, a rotation reached a running node only when it restarted.
 */
export type CertificateKey = {
  privateKeyHex: string
  /** uncompressed point, 04 || x || y, 130 hex digits */
  publicKeyHex: string
  publicKeyPem: string
  /** the first 16 hex digits of SM3 over the public key (SPKI DER): names the key in each payload */
  keyId: string
}

export type PublishedKey = {
  keyId: string
  publicKeyHex: string
  publicKeyPem: string
  /** whether new certificates and the status list are signed with it */
  current: boolean
  /** when it stopped signing (ISO time), null for the current key */
  retiredAt: string | null
}

export type CertificateKeyring = {
  current: CertificateKey
  /** every key a payload may name, current first: key id → public key hex */
  verifying: ReadonlyMap<string, string>
  published: readonly PublishedKey[]
}

type KeyFile = {
  algorithm: 'SM2'
  privateKeyHex: string
  retired?: { publicKeyHex: string; retiredAt: string }[]
}

/** SubjectPublicKeyInfo prefix of an SM2 key: id-ecPublicKey with the SM2 curve (1.2.156.10197.1.301). */
const SM2_SPKI_PREFIX = '3059301306072a8648ce3d020106082a811ccf5501822d034200'

/** How old the knowledge that the key file did not change may be (a stat, not a read, each time). */
export const KEY_FILE_RECHECK_MS = 5_000

type Loaded = { keyring: CertificateKeyring; ino: number; mtimeMs: number; size: number; checkedAt: number }
const loaded = new Map<string, Loaded>()

/** The key file sits next to the audit key, in the instance's data directory. */
export function certificateKeyFile(auditSigningKeyFile: string): string {
  // asked on every verification: the path is joined once per configured file
  let file = keyFiles.get(auditSigningKeyFile)
  if (!file) {
    file = path.join(path.dirname(auditSigningKeyFile), 'certificate-signing-key.json')
    keyFiles.set(auditSigningKeyFile, file)
  }
  return file
}
const keyFiles = new Map<string, string>()

/**
 * The keys in the file, made on first use; parsed again only when the file changed (`recheck: true`
 * looks now, else at most every KEY_FILE_RECHECK_MS of the monotonic clock).
 */
export function loadOrCreateCertificateKeyring(
  file: string,
  options: { recheck?: boolean } = {},
): CertificateKeyring {
  const known = loaded.get(file)
  const now = performance.now()
  if (known && !options.recheck && now - known.checkedAt < KEY_FILE_RECHECK_MS) return known.keyring
  if (known) {
    const stat = fs.statSync(file, { throwIfNoEntry: false })
    if (stat && stat.ino === known.ino && stat.mtimeMs === known.mtimeMs && stat.size === known.size) {
      known.checkedAt = now
      return known.keyring
    }
  }
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const pair = sm2.generateKeyPairHex()
    const temporary = temporaryNameFor(file)
    writeKeyFile(temporary, { algorithm: 'SM2', privateKeyHex: pair.privateKey })
    try {
      fs.linkSync(temporary, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(temporary, { force: true })
    }
  }
  return remember(file, keyringOf(readKeyFile(file)))
}

/** Keeps a key ring with what the file looked like when it was read. */
function remember(file: string, keyring: CertificateKeyring): CertificateKeyring {
  const stat = fs.statSync(file)
  loaded.set(file, {
    keyring,
    ino: stat.ino,
    mtimeMs: stat.mtimeMs,
    size: stat.size,
    checkedAt: performance.now(),
  })
  return keyring
}

/** The current signing key (what issuing needs). */
export function loadOrCreateCertificateKey(file: string): CertificateKey {
  return loadOrCreateCertificateKeyring(file).current
}

/**
 * Adds a new signing key: the current one is kept as retired (its public key only, so what it signed
 * keeps verifying) and the new one signs from now on. Replaces the file atomically; this process
 * uses the new key at once, other processes on their next look at the file (see above).
 */
export function rotateCertificateKey(file: string, now: Date): CertificateKeyring {
  const before = loadOrCreateCertificateKeyring(file, { recheck: true })
  const stored = readKeyFile(file)
  const pair = sm2.generateKeyPairHex()
  const next: KeyFile = {
    algorithm: 'SM2',
    privateKeyHex: pair.privateKey,
    retired: [
      { publicKeyHex: before.current.publicKeyHex, retiredAt: now.toISOString() },
      ...(stored.retired ?? []),
    ],
  }
  const temporary = temporaryNameFor(file)
  writeKeyFile(temporary, next)
  fs.renameSync(temporary, file)
  return remember(file, keyringOf(next))
}

export function certificateKeyFromPrivateHex(privateKeyHex: string): CertificateKey {
  return { privateKeyHex, ...publicKeyOf(sm2.getPublicKeyFromPrivateKey(privateKeyHex)) }
}

function publicKeyOf(publicKeyHex: string) {
  const der = Buffer.from(SM2_SPKI_PREFIX + publicKeyHex, 'hex')
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return {
    publicKeyHex,
    publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`,
    keyId: crypto.createHash('sm3').update(der).digest('hex').slice(0, 16),
  }
}

function keyringOf(stored: KeyFile): CertificateKeyring {
  const current = certificateKeyFromPrivateHex(stored.privateKeyHex)
  const retired = (stored.retired ?? []).map((r) => ({
    ...publicKeyOf(r.publicKeyHex),
    retiredAt: r.retiredAt,
  }))
  const published: PublishedKey[] = [
    {
      keyId: current.keyId,
      publicKeyHex: current.publicKeyHex,
      publicKeyPem: current.publicKeyPem,
      current: true,
      retiredAt: null,
    },
    ...retired.map((r) => ({ ...r, current: false })),
  ]
  return { current, verifying: new Map(published.map((k) => [k.keyId, k.publicKeyHex])), published }
}

function readKeyFile(file: string): KeyFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile
}

function writeKeyFile(file: string, content: KeyFile): void {
  fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600 })
}

function temporaryNameFor(file: string): string {
  return `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
}
