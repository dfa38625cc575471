import { describe, expect, it } from 'vitest'
import { certificatePdfUrl, certificateQrUrl, shareVerifyLink, verifyLink } from './certificate-links'

const link = verifyLink('https://yst.example.gov.cn', 'eyJhIjoxfQ.MEUCIQ')
const abort = Object.assign(new Error('dismissed'), { name: 'AbortError' })
const denied = Object.assign(new Error('no gesture'), { name: 'NotAllowedError' })

describe('certificate links', () => {
  it('point at the API and the public verify page', () => {
    expect(certificatePdfUrl('c1')).toBe('/api/v1/certificates/c1/pdf')
    expect(certificateQrUrl('c1')).toBe('/api/v1/certificates/c1/qr.svg')
    expect(link).toBe('https://yst.example.gov.cn/certificates/verify?p=eyJhIjoxfQ.MEUCIQ')
  })

  it.each([
    ['the share sheet', { share: async () => {}, clipboard: undefined }, 'shared'],
    ['a dismissed share sheet', { share: () => Promise.reject(abort) }, 'cancelled'],
    [
      'a refused share, then the clipboard',
      { share: () => Promise.reject(denied), clipboard: { writeText: async () => {} } },
      'copied',
    ],
    ['no share sheet: the clipboard', { clipboard: { writeText: async () => {} } }, 'copied'],
    ['a refused clipboard', { clipboard: { writeText: () => Promise.reject(denied) } }, 'failed'],
    ['neither', {}, 'failed'],
  ])('shares with %s', async (_name, sharing, outcome) => {
    expect(await shareVerifyLink('食品经营许可证', link, sharing as never)).toBe(outcome)
  })
})
