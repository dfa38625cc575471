import { describe, expect, it } from 'vitest'
import { usccProblem } from './uscc-message'

describe('usccProblem', () => {
  it('accepts a valid code, in any case and with spaces', () => {
    expect(usccProblem('91210203Y239L8F194')).toBeUndefined()
    expect(usccProblem('9121 0203 y239 l8f1 94')).toBeUndefined()
  })

  it('names the GB 32100-2015 rule that failed', () => {
    expect(usccProblem('9121020')?.key).toBe('uscc.length')
    expect(usccProblem('91210203Y239L8F19I')).toEqual({ key: 'uscc.charset', position: 18 })
    expect(usccProblem('91210203Y239L8F195')).toEqual({ key: 'uscc.checkDigit', position: 18 })
    expect(usccProblem('B1210203Y239L8F194')?.key).toBe('uscc.registrationAuthority')
  })
})
