import { sm2 } from 'sm-crypto'
import { describe, expect, it } from 'vitest'
import './sm-crypto.types'
import { certificateKeyFromPrivateHex } from './certificate-key'
import { SM2_USER_ID } from './certificate-payload'
import { signSm2 } from './sm2-sign'
import { verifySm2 } from './sm2-verify'

/** Our signatures verify with sm-crypto (the reference, itself checked against OpenSSL) and ours. */
const key = certificateKeyFromPrivateHex('3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8')
const other = certificateKeyFromPrivateHex('1b0f4ae4c1c0a37d3b2a8f2c1d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e')
const reference = (m: Buffer, sig: string, pub: string, userId = SM2_USER_ID) =>
  sm2.doVerifySignature(Array.from(m), sig, pub, { hash: true, der: true, userId })

describe('SM2 signing', () => {
  it.each([
    ['an empty message', ''],
    ['ASCII', 'DL2026-0001'],
    ['Chinese text', '{"holder":"大连海韵餐饮有限公司","title":"食品经营许可证"}'],
    ['a long message', '证照'.repeat(2000)],
  ])('signs %s so that sm-crypto and our verifier accept it', (_name, text) => {
    const m = Buffer.from(text, 'utf8')
    for (const k of [key, other]) {
      const withKnownPublic = signSm2(m, k.privateKeyHex, SM2_USER_ID, k.publicKeyHex)
      const derived = signSm2(m, k.privateKeyHex, SM2_USER_ID)
      for (const sig of [withKnownPublic, derived]) {
        expect(reference(m, sig, k.publicKeyHex)).toBe(true)
        expect(verifySm2(m, sig, k.publicKeyHex, SM2_USER_ID)).toBe(true)
      }
    }
  })

  it('agrees with sm-crypto on many fresh signatures: only the signer’s key and message verify', () => {
    for (let i = 0; i < 20; i++) {
      const m = Buffer.from(`证照 ${i} ${'x'.repeat(i * 7)}`, 'utf8')
      const signer = i % 2 ? key : other
      const sig = signSm2(m, signer.privateKeyHex, SM2_USER_ID)
      for (const pub of [key.publicKeyHex, other.publicKeyHex]) {
        expect(reference(m, sig, pub)).toBe(pub === signer.publicKeyHex)
        expect(verifySm2(m, sig, pub, SM2_USER_ID)).toBe(pub === signer.publicKeyHex)
      }
      expect(reference(Buffer.concat([m, Buffer.from('!')]), sig, signer.publicKeyHex)).toBe(false)
    }
  })

  it('is randomized (a fresh k each time) and binds the user id', () => {
    const m = Buffer.from('同一条消息', 'utf8')
    const a = signSm2(m, key.privateKeyHex, SM2_USER_ID)
    const b = signSm2(m, key.privateKeyHex, SM2_USER_ID)
    expect(a).not.toBe(b)
    const alice = signSm2(m, key.privateKeyHex, 'ALICE123@YAHOO.COM')
    expect(reference(m, alice, key.publicKeyHex, 'ALICE123@YAHOO.COM')).toBe(true)
    expect(reference(m, alice, key.publicKeyHex)).toBe(false)
  })

  it.each([
    ['zero', '0'.repeat(64)],
    ['n − 1', 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54122'],
  ])('refuses a private key out of range (%s)', (_name, hex) => {
    expect(() => signSm2(Buffer.from('x'), hex, SM2_USER_ID)).toThrow(/out of range/)
  })
})
