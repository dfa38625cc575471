import { describe, expect, it } from 'vitest'
import {
  checkUscc,
  organizationCodeCheck,
  USCC_ALPHABET,
  usccCheckDigit,
  usccFailureMessages,
  type UsccCheck,
} from './uscc'

// Codes as printed on public business licences. We do not vouch for whose they are; what the tests
// rely on is checked here by computation: both check characters, and the division in GB/T 2260.
const PUBLISHED = [
  ['91110000600037341L', '110000'], // Beijing municipality
  ['91110000802100433B', '110000'],
  ['91110108551385082Q', '110108'], // Haidian district
  ['91330100716105852F', '330100'], // Hangzhou
  ['9144030071526726XG', '440300'], // Shenzhen; organisation code check character X (10)
  ['914403001922038216', '440300'],
  ['91310000MA1FL1MMXL', '310000'], // Shanghai; letters in the organisation code
  ['91350100M000100Y43', '350100'], // Fuzhou
] as const

// A few real GB/T 2260 codes, standing in for the table the server passes.
const DIVISIONS = new Set(['110000', '110108', '330100', '440300', '310000', '350100', '210200', '210211'])
const isDivision = (code: string) => DIVISIONS.has(code)

const fail = (...failures: Extract<UsccCheck, { ok: false }>['failures']) => ({ ok: false, failures })

describe('checkUscc: published codes pass every rule', () => {
  it.each(PUBLISHED)('%s', (code, division) => {
    expect(usccCheckDigit(code.slice(0, 17))).toBe(code[17])
    expect(organizationCodeCheck(code.slice(8, 16))).toBe(code[16])
    expect(code.slice(2, 8)).toBe(division)
    expect(checkUscc(code, isDivision)).toEqual({ ok: true, code })
  })

  it('reads codes copied from a photo: spaces, dashes and lower case', () => {
    expect(checkUscc(' 9111 0000 6000 3734-1l ', isDivision)).toEqual({
      ok: true,
      code: '91110000600037341L',
    })
  })

  it('accepts the national registration division 100000 without a lookup', () => {
    const first17 = `91100000${'10001234'}${organizationCodeCheck('10001234')}`
    const code = first17 + usccCheckDigit(first17)
    expect(checkUscc(code, () => false)).toEqual({ ok: true, code })
  })
})

describe('checkUscc: each failure is named with its position', () => {
  it.each([
    ['91110000600037341', fail({ rule: 'length', found: '17' })],
    ['91110000600037341LL', fail({ rule: 'length', found: '19' })],
    ['91110000600O37341L', fail({ rule: 'charset', position: 12, found: 'O' })],
    ['91110000600037341I', fail({ rule: 'charset', position: 18, found: 'I' })],
    // position 1: B is no registration authority; 18 is recomputed so only the named rule breaks
    [withCheck('B1110000600037341'), fail({ rule: 'registrationAuthority', position: 1, found: 'B' })],
    // position 2: market regulation (9) issues 1, 2, 3 only
    [withCheck('95110000600037341'), fail({ rule: 'organizationCategory', position: 2, found: '95' })],
    [withCheck('9111A000600037341'), fail({ rule: 'divisionFormat', position: 3, found: '11A000' })],
    // 990000 is no province; 110199 is shaped right but not in the table
    [withCheck('91990000600037341'), fail({ rule: 'divisionCode', position: 3, found: '990000' })],
    [withCheck('91110199600037341'), fail({ rule: 'divisionCode', position: 3, found: '110199' })],
    // position 17: the organisation code 60003734-1 has check character 1, not 2
    [withCheck('91110000600037342'), fail({ rule: 'organizationCode', position: 17, found: '600037342' })],
    ['91110000600037341M', fail({ rule: 'checkDigit', position: 18, found: 'M' })],
  ])('%s', (input, expected) => {
    expect(checkUscc(input, isDivision)).toEqual(expected)
  })

  it('names every broken rule at once, in position order', () => {
    expect(checkUscc('B1990000600037342M', isDivision)).toEqual(
      fail(
        { rule: 'registrationAuthority', position: 1, found: 'B' },
        { rule: 'divisionCode', position: 3, found: '990000' },
        { rule: 'organizationCode', position: 17, found: '600037342' },
        { rule: 'checkDigit', position: 18, found: 'M' },
      ),
    )
  })

  it('a typo in the organisation code body breaks the code’s check character, and usually both', () => {
    const valid = '91110000600037341L'
    const value = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55)
    for (let pos = 8; pos < 16; pos++) {
      for (const ch of USCC_ALPHABET) {
        if (ch === valid[pos]) continue
        const changed = valid.slice(0, pos) + ch + valid.slice(pos + 1)
        const result = checkUscc(changed, isDivision)
        const rules = result.ok ? [] : result.failures.map((f) => f.rule)
        // GB 32100 sums modulo 31 over values below 31: every single change shows
        expect(rules).toContain('checkDigit')
        // GB 11714 sums modulo 11 over values up to 35: 0 → B (11) or 1 → C (12) slips through there
        const blind = (value(ch) - value(valid[pos]!)) % 11 === 0
        expect(rules.includes('organizationCode')).toBe(!blind)
      }
    }
  })

  it('without a division table, checks only that positions 3–4 name a province', () => {
    expect(checkUscc(withCheck('91110199600037341')).ok).toBe(true)
    expect(checkUscc(withCheck('91990000600037341'))).toEqual(
      fail({ rule: 'divisionCode', position: 3, found: '990000' }),
    )
  })
})

describe('check characters', () => {
  it.each([
    ['60003734', '1'],
    ['M000100Y', '4'],
    ['71526726', 'X'], // 11 − 1: written X
    ['MA1FL1MM', 'X'],
    ['00000001', '9'],
  ])('GB 11714 %s → %s', (body, check) => {
    expect(organizationCodeCheck(body)).toBe(check)
  })

  it('GB 11714 writes 11 as 0', () => {
    // body sums that are multiples of 11 give 11 − 0 = 11
    expect(organizationCodeCheck('00000000')).toBe('0')
  })

  it('GB 32100 check character of the first 17', () => {
    expect(usccCheckDigit('91110000600037341')).toBe('L')
    expect(usccCheckDigit('91350100M000100Y4')).toBe('3')
  })
})

describe('usccFailureMessages', () => {
  it('gives each failure its key and parameters', () => {
    const result = checkUscc('91110000600037342M', isDivision)
    expect(result.ok ? [] : usccFailureMessages(result.failures)).toEqual([
      { key: 'uscc.organizationCode', params: { position: 17, found: '600037342' } },
      { key: 'uscc.checkDigit', params: { position: 18, found: 'M' } },
    ])
  })
})

function withCheck(first17: string): string {
  return first17 + usccCheckDigit(first17)
}
