import { describe, expect, it } from 'vitest'
import en from './messages.en.json'
import zh from './messages.zh-CN.json'
import { VERDICTS } from './verdicts'

const at = (catalog: object, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], catalog)

describe('verify page verdicts', () => {
  it('have a word and a meaning in both languages', () => {
    for (const look of Object.values(VERDICTS))
      for (const catalog of [zh, en]) {
        expect(typeof at(catalog, look.label)).toBe('string')
        expect(typeof at(catalog, look.meaning)).toBe('string')
      }
  })

  it.each([
    ['valid', 'success'],
    ['suspended', 'warning'],
    ['expired', 'warning'],
    ['revoked', 'error'],
    ['invalid', 'error'],
    ['unknown', 'error'],
  ] as const)('shows %s as %s', (result, tone) => {
    expect(VERDICTS[result].tone).toBe(tone)
  })

  it('says a forged or altered certificate is invalid in so many words', () => {
    expect(at(zh, VERDICTS.invalid.label)).toBe('无效')
    expect(at(zh, VERDICTS.invalid.meaning)).toMatch(/篡改|伪造/)
    expect(at(en, VERDICTS.invalid.label)).toBe('Invalid')
  })
})
