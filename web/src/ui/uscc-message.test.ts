import { describe, expect, it } from 'vitest'
import { usccMessage, usccProblems } from './uscc-message'

describe('usccProblems', () => {
  it('accepts a valid code, in any case and with spaces', () => {
    expect(usccProblems('91210203Y239L8F194')).toEqual([])
    expect(usccProblems('9121 0203 y239 l8f1 94')).toEqual([])
  })

  it('names every rule that failed, with its position', () => {
    expect(usccProblems('9121020').map((p) => p.key)).toEqual(['uscc.length'])
    expect(usccProblems('91210203Y239L8F19I')).toEqual([
      { key: 'uscc.charset', params: { position: 18, found: 'I' } },
    ])
    expect(usccProblems('91210203Y239L8F195')).toEqual([
      { key: 'uscc.checkDigit', params: { position: 18, found: '5' } },
    ])
    expect(usccProblems('91210203Y239L8F284').map((p) => p.key)).toEqual([
      'uscc.organizationCode',
      'uscc.checkDigit',
    ])
    expect(usccProblems('B1210203Y239L8F194').map((p) => p.key)).toContain('uscc.registrationAuthority')
  })

  it('checks positions 3–8 against the division the server looked up', () => {
    expect(usccProblems('91210203Y239L8F194', () => false)).toEqual([
      { key: 'uscc.divisionCode', params: { position: 3, found: '210203' } },
    ])
    expect(usccProblems('91210203Y239L8F194', (code) => code === '210203')).toEqual([])
  })

  it('joins the messages the way the server does', () => {
    const text = usccMessage(
      usccProblems('91210203Y239L8F284'),
      (key, params) => `${key}@${String(params?.position)}`,
    )
    expect(text).toBe('uscc.organizationCode@17；uscc.checkDigit@18')
  })
})
