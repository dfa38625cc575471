import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { hashReceiptCode, newReceiptCode, normalizeReceiptCode } from './receipt-code'
import { loadOrCreateSealingKey, seal, sealingKeyFromSecret, unseal } from './report-sealing'

describe('the sealed identity', () => {
  const key = sealingKeyFromSecret(crypto.randomBytes(32))
  const id = crypto.randomUUID()

  it('opens what it sealed, for the same report only', () => {
    const sealed = seal(key, id, { name: '赵小红', phone: '13912345678' })
    expect(sealed).not.toContain('13912345678')
    expect(unseal(key, id, sealed)).toEqual({ name: '赵小红', phone: '13912345678' })
    expect(() => unseal(key, crypto.randomUUID(), sealed)).toThrow()
    expect(() => unseal(sealingKeyFromSecret(crypto.randomBytes(32)), id, sealed)).toThrow()
  })

  it('refuses an altered value', () => {
    const parts = seal(key, id, { name: '赵小红' }).split('.')
    parts[4] = Buffer.from(Buffer.from(parts[4]!, 'base64url').map((b, i) => (i === 0 ? b ^ 1 : b))).toString(
      'base64url',
    )
    expect(() => unseal(key, id, parts.join('.'))).toThrow()
  })

  it('makes its key file once, private to the owner, and reads the same key after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sealing-'))
    const file = path.join(dir, 'report-sealing-key')
    const first = loadOrCreateSealingKey(file)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(sealingKeyFromSecret(Buffer.from(fs.readFileSync(file, 'utf8'), 'base64')).keyId).toBe(first.keyId)
    fs.rmSync(dir, { recursive: true })
  })
})

describe('the receipt code', () => {
  it('is 100 random bits in groups of five, and never the same twice', () => {
    const codes = new Set(Array.from({ length: 1000 }, newReceiptCode))
    expect(codes.size).toBe(1000)
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/)
  })

  it.each([
    ['lower case and spaces', 'abcde fghjk mnpqr stvwx', 'ABCDEFGHJKMNPQRSTVWX'],
    ['O for 0, I and L for 1', 'O1ILO-00000-00000-00000', '01110000000000000000'],
  ])('reads what a person types: %s', (_, typed, normalized) => {
    expect(normalizeReceiptCode(typed)).toBe(normalized)
    expect(hashReceiptCode(typed)).toBe(hashReceiptCode(normalized))
  })
})
