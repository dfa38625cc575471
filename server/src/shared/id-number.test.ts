import { describe, expect, it } from 'vitest'
import { checkIdNumber, idNumberCheckDigit, maskIdNumber } from './id-number'

// The worked example of GB 11643-1999 (appendix): 11010519491231002X.
const STANDARD_EXAMPLE = '11010519491231002X'
const withCheck = (first17: string) => first17 + idNumberCheckDigit(first17)

describe('the citizen identity number (GB 11643-1999)', () => {
  it.each([
    ['the standard’s own example', STANDARD_EXAMPLE, { ok: true, birthDate: '1949-12-31' }],
    ['a Dalian number made with the check character', withCheck('21020219850301123'), { ok: true }],
    ['lower-case x and spaces', '110105 19491231 002x', { ok: true }],
    ['17 characters', STANDARD_EXAMPLE.slice(0, 17), { ok: false, rule: 'length' }],
    ['a letter inside', '11010519491231A02X', { ok: false, rule: 'charset' }],
    ['30 February', withCheck('11010519490230002'), { ok: false, rule: 'birthDate' }],
    ['born after today', withCheck('11010520991231002'), { ok: false, rule: 'birthDate' }],
    ['a wrong check character', '110105194912310021', { ok: false, rule: 'checkDigit' }],
  ])('%s', (_name, input, expected) => {
    expect(checkIdNumber(input, '2026-12-04')).toMatchObject(expected)
  })

  it('masks all but the division and the last four', () => {
    expect(maskIdNumber(STANDARD_EXAMPLE)).toBe('1101**********002X')
  })
})
