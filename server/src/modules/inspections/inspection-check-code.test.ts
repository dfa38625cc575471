import { describe, expect, it } from 'vitest'
import {
  CHECK_CODE_BYTES,
  encodeBase32,
  formatInspectionNumber,
  newCheckCode,
  normalizeCheckCode,
} from './inspection-check-code'

describe('check codes', () => {
  it.each([
    // RFC 4648 test vectors (without padding)
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s', (text, code) => {
    expect(encodeBase32(new TextEncoder().encode(text))).toBe(code)
  })

  it('carries at least 100 random bits in a URL-safe alphabet, and no two codes agree', () => {
    expect(CHECK_CODE_BYTES * 8).toBeGreaterThanOrEqual(100)
    const codes = new Set(Array.from({ length: 1000 }, () => newCheckCode()))
    expect(codes.size).toBe(1000)
    for (const code of codes) expect(code).toMatch(/^[A-Z2-7]{26}$/)
  })

  it.each([
    ['mzxw 6ytb', 'MZXW6YTB'],
    ['MZXW6YTB', 'MZXW6YTB'],
  ])('reads %j as %s', (typed, stored) => expect(normalizeCheckCode(typed)).toBe(stored))

  it.each([
    [2026, 123, 'JC-2026-000123'],
    [2026, 1, 'JC-2026-000001'],
    [2027, 1234567, 'JC-2027-1234567'],
  ])('numbers year %i serial %i as %s', (year, serial, number) =>
    expect(formatInspectionNumber(year, serial)).toBe(number),
  )
})
