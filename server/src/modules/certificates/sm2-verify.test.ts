import { sm2 } from 'sm-crypto'
import { describe, expect, it } from 'vitest'
import './sm-crypto.types'
import { certificateKeyFromPrivateHex } from './certificate-key'
import { signBytes, SM2_USER_ID } from './certificate-payload'
import { verifySm2 } from './sm2-verify'

/** The fast verifier answers exactly as sm-crypto's (the reference, itself checked against OpenSSL). */
const key = certificateKeyFromPrivateHex('3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8')
const other = certificateKeyFromPrivateHex('1b0f4ae4c1c0a37d3b2a8f2c1d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e')
const message = Buffer.from('{"holder":"大连海韵餐饮有限公司","no":"DL2026-0001"}', 'utf8')
const signature = signBytes(message, key.privateKeyHex)
const flip = (hex: string) =>
  hex.slice(0, -2) + (parseInt(hex.slice(-2), 16) ^ 1).toString(16).padStart(2, '0')
const reference = (m: Buffer, sig: string, pub: string) => {
  try {
    return sm2.doVerifySignature(Array.from(m), sig, pub, { hash: true, der: true, userId: SM2_USER_ID })
  } catch {
    return false
  }
}

describe('SM2 verification', () => {
  it.each([
    ['a good signature', message, signature, key.publicKeyHex, true],
    ['an altered message', Buffer.concat([message, Buffer.from(' ')]), signature, key.publicKeyHex, false],
    ['a flipped signature byte', message, flip(signature), key.publicKeyHex, false],
    ['another key', message, signature, other.publicKeyHex, false],
    ['a signature that is not DER', message, 'abcdef', key.publicKeyHex, false],
    ['an empty signature', message, '', key.publicKeyHex, false],
    ['a public key off the curve', message, signature, `04${'11'.repeat(64)}`, false],
    ['a public key that is not hex', message, signature, 'zz', false],
  ])('answers %s as sm-crypto does', (_name, m, sig, pub, expected) => {
    expect(verifySm2(m, sig, pub, SM2_USER_ID)).toBe(expected)
    expect(reference(m, sig, pub)).toBe(expected)
  })

  it('agrees with sm-crypto on many fresh signatures and messages', () => {
    for (let i = 0; i < 20; i++) {
      const m = Buffer.from(`证照 ${i} ${'x'.repeat(i * 7)}`, 'utf8')
      const sig = signBytes(m, i % 2 ? key.privateKeyHex : other.privateKeyHex)
      for (const pub of [key.publicKeyHex, other.publicKeyHex])
        expect(verifySm2(m, sig, pub, SM2_USER_ID)).toBe(reference(m, sig, pub))
    }
  })

  it('uses the user id (Z_A): another id does not verify', () => {
    expect(verifySm2(message, signature, key.publicKeyHex, 'ALICE123@YAHOO.COM')).toBe(false)
  })
})
