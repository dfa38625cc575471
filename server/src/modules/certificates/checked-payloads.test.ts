import { describe, expect, it, vi } from 'vitest'
import * as payloads from './certificate-payload'
import { certificateKeyFromPrivateHex, type CertificateKeyring } from './certificate-key'
import { checkPayloadRemembered } from './checked-payloads'

/** The remembered offline check: same answers as checkPayload, each payload checked once per key ring. */
const key = certificateKeyFromPrivateHex('3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8')
const keyring = (): CertificateKeyring => ({
  current: key,
  verifying: new Map([[key.keyId, key.publicKeyHex]]),
  published: [],
})
const signed = (no: string) =>
  payloads.signPayload(
    {
      v: 1,
      no,
      kind: 'licence',
      title: '食品经营许可证',
      holder: '大连海韵餐饮有限公司',
      uscc: '91210200MA0QC3XX1A',
      issuer: '大连市市场监督管理局',
      issued: '2026-03-01',
      until: '2031-02-28',
      kid: key.keyId,
    },
    key.privateKeyHex,
  )

describe('remembered payload checks', () => {
  it('answers as checkPayload does, checking each payload once', () => {
    const spy = vi.spyOn(payloads, 'checkPayload')
    const ring = keyring()
    const good = signed('A1')
    for (const payload of [good, good, 'garbage', 'garbage', good]) {
      expect(checkPayloadRemembered(payload, ring)).toEqual(payloads.checkPayload(payload, ring.verifying))
    }
    // two distinct payloads checked once each by the cache, plus the five direct calls above
    expect(spy).toHaveBeenCalledTimes(7)
    spy.mockRestore()
  })

  it('keeps at most the given number, dropping the least recently used; a new key ring starts afresh', () => {
    const spy = vi.spyOn(payloads, 'checkPayload')
    const ring = keyring()
    const [a, b, c] = ['A', 'B', 'C'].map(signed) as [string, string, string]
    for (const payload of [a, b, a, c]) checkPayloadRemembered(payload, ring, 2) // c pushes out b
    expect(spy).toHaveBeenCalledTimes(3)
    checkPayloadRemembered(a, ring, 2)
    expect(spy).toHaveBeenCalledTimes(3)
    checkPayloadRemembered(b, ring, 2)
    expect(spy).toHaveBeenCalledTimes(4)
    checkPayloadRemembered(a, keyring(), 2)
    expect(spy).toHaveBeenCalledTimes(5)
    spy.mockRestore()
  })
})
