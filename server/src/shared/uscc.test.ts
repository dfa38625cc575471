import { describe, expect, it } from 'vitest'
import { checkUscc, organizationCodeCheck, USCC_ALPHABET, usccCheckDigit } from './uscc'

describe('checkUscc', () => {
  // Codes that appear on public business licences, and variations of them with one rule broken.
  it.each([
    ['91110000600037341L', { ok: true, code: '91110000600037341L' }], // a Beijing enterprise
    ['91350100M000100Y43', { ok: true, code: '91350100M000100Y43' }],
    [' 9111 0000 6000 3734 1l ', { ok: true, code: '91110000600037341L' }], // spaces and lower case from a photo
    ['91110000600037341', { ok: false, rule: 'length' }],
    ['91110000600037341LL', { ok: false, rule: 'length' }],
    ['91110000600O37341L', { ok: false, rule: 'charset', position: 12 }], // letter O is not in the alphabet
    ['B1110000600037341L', { ok: false, rule: 'registrationAuthority', position: 1 }],
    ['95110000600037341L', { ok: false, rule: 'organizationCategory', position: 2 }],
    ['9111A000600037341L', { ok: false, rule: 'divisionCode', position: 3 }],
    ['91110000600037341M', { ok: false, rule: 'checkDigit', position: 18 }],
  ])('%s', (input, expected) => {
    expect(checkUscc(input)).toEqual(expected)
  })

  it('rejects every single-character change in positions 9–17', () => {
    const valid = '91110000600037341L'
    for (let pos = 8; pos < 17; pos++) {
      for (const ch of USCC_ALPHABET) {
        if (ch === valid[pos]) continue
        const changed = valid.slice(0, pos) + ch + valid.slice(pos + 1)
        expect(checkUscc(changed)).toEqual({ ok: false, rule: 'checkDigit', position: 18 })
      }
    }
  })

  it('computes the check digit that makes a code valid', () => {
    expect(usccCheckDigit('91110000600037341')).toBe('L')
    expect(usccCheckDigit('91350100M000100Y4')).toBe('3')
  })
})

describe('organizationCodeCheck (GB 11714)', () => {
  it.each([
    ['60003734', '1'],
    ['M000100Y', '4'],
  ])('%s → %s', (body, check) => {
    expect(organizationCodeCheck(body)).toBe(check)
  })
})
