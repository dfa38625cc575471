import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { certificateKeyFromPrivateHex } from './certificate-key'
import {
  canonicalBytes,
  checkPayload,
  signPayload,
  SM2_USER_ID,
  type SignedFields,
} from './certificate-payload'

/** The payload codec: round trip, tampering, and interoperability with OpenSSL's SM2 (if on PATH). */
const key = certificateKeyFromPrivateHex('3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8')
const keys = new Map([[key.keyId, key.publicKeyHex]])
const fields: SignedFields = {
  v: 1,
  no: 'DL2026-0001',
  kind: 'licence',
  title: '食品经营许可证',
  holder: '大连海韵餐饮有限公司',
  uscc: '91210200MA0QC3XX1A',
  issuer: '大连市市场监督管理局',
  issued: '2026-03-01',
  until: '2031-02-28',
  kid: key.keyId,
}

function hasOpenSsl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

describe('certificate payload', () => {
  it('verifies what it signed, with its key', () => {
    const check = checkPayload(signPayload(fields, key.privateKeyHex), keys)
    expect(check).toEqual({ ok: true, fields })
  })

  it('verifies what it signed with the public key given (not derived again on each signature)', () => {
    const check = checkPayload(signPayload(fields, key.privateKeyHex, key.publicKeyHex), keys)
    expect(check).toEqual({ ok: true, fields })
  })

  it.each([
    ['an altered field', (p: string) => alter(p, { holder: '冒名有限公司' }), 'bad_signature'],
    ['a flipped signature byte', (p: string) => flipLast(p), 'bad_signature'],
    ['an unknown key id', (p: string) => alter(p, { kid: '0123456789abcdef' }), 'unknown_key'],
    ['no dot', () => 'abc', 'malformed'],
    ['not base64', () => '!!.??', 'malformed'],
    ['not JSON', () => `${Buffer.from('hello').toString('base64url')}.AAAA`, 'malformed'],
    ['an extra field', (p: string) => alter(p, { extra: 'x' } as never), 'malformed'],
    ['a non-canonical order', (p: string) => reorder(p), 'malformed'],
    ['an empty string', () => '', 'malformed'],
  ])('answers %s as invalid (%s)', (_name, tamper, reason) => {
    const check = checkPayload(tamper(signPayload(fields, key.privateKeyHex)), keys)
    expect(check).toEqual({ ok: false, reason })
  })

  it.runIf(hasOpenSsl())('makes SM2 signatures that OpenSSL verifies with the published PEM', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sm2-'))
    try {
      const [, signature] = signPayload(fields, key.privateKeyHex, key.publicKeyHex).split('.')
      fs.writeFileSync(path.join(dir, 'pub.pem'), key.publicKeyPem)
      fs.writeFileSync(path.join(dir, 'msg'), canonicalBytes(fields))
      fs.writeFileSync(path.join(dir, 'sig'), Buffer.from(signature!, 'base64url'))
      const out = execFileSync(
        'openssl',
        [
          'pkeyutl',
          '-verify',
          '-rawin',
          '-digest',
          'sm3',
          '-pubin',
          '-inkey',
          'pub.pem',
          '-in',
          'msg',
          '-sigfile',
          'sig',
          '-pkeyopt',
          `distid:${SM2_USER_ID}`,
        ],
        { cwd: dir, encoding: 'utf8' },
      )
      expect(out).toContain('Signature Verified Successfully')
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

function alter(payload: string, changes: Partial<SignedFields>): string {
  const [body, signature] = payload.split('.')
  const changed = {
    ...(JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as SignedFields),
    ...changes,
  }
  return `${canonicalBytes(changed).toString('base64url')}.${signature}`
}

function flipLast(payload: string): string {
  const [body, signature] = payload.split('.')
  const bytes = Buffer.from(signature!, 'base64url')
  bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1)
  return `${body}.${bytes.toString('base64url')}`
}

function reorder(payload: string): string {
  const [body, signature] = payload.split('.')
  const parsed = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as SignedFields
  const reversed = Object.fromEntries(Object.entries(parsed).reverse())
  return `${Buffer.from(JSON.stringify(reversed)).toString('base64url')}.${signature}`
}
