import { describe, expect, it } from 'vitest'
import { isMobilePhone, maskEmail, maskPhone, parseContactPhone } from './phone'

describe('contact phones', () => {
  it.each([
    // mobiles, however they are spaced or prefixed
    ['13900000001', 'mobile', '13900000001'],
    [' 139 0000 0001 ', 'mobile', '13900000001'],
    ['139-0000-0001', 'mobile', '13900000001'],
    ['+86 139 0000 0001', 'mobile', '13900000001'],
    ['+86-13900000001', 'mobile', '13900000001'],
    ['008613900000001', 'mobile', '13900000001'],
    ['8613900000001', 'mobile', '13900000001'],
    // fixed lines with a four-digit area code (Dalian 0411) …
    ['0411-84567890', 'fixed', '0411-84567890'],
    ['041184567890', 'fixed', '0411-84567890'],
    ['0411 8456 7890', 'fixed', '0411-84567890'],
    ['(0411) 84567890', 'fixed', '0411-84567890'],
    ['（0411）84567890', 'fixed', '0411-84567890'],
    ['0411－84567890', 'fixed', '0411-84567890'],
    ['0411-8456789', 'fixed', '0411-8456789'],
    ['+86 411 84567890', 'fixed', '0411-84567890'],
    // … and a three-digit one (Beijing 010, Shanghai 021)
    ['010-12345678', null, null], // a local number never starts with 1
    ['010-62345678', 'fixed', '010-62345678'],
    ['02162345678', 'fixed', '021-62345678'],
    // extensions
    ['0411-84567890-123', 'fixed', '0411-84567890-123'],
    ['0411-84567890转123', 'fixed', '0411-84567890-123'],
    ['0411 84567890 分机 8', 'fixed', '0411-84567890-8'],
    ['0411-84567890 ext. 123', 'fixed', '0411-84567890-123'],
    ['0411-84567890#123', 'fixed', '0411-84567890-123'],
    ['0411-8456789-123', 'fixed', '0411-8456789-123'],
  ] as const)('%s is a %s line: %s', (raw, kind, normalized) => {
    const phone = parseContactPhone(raw)
    expect(phone ? { kind: phone.kind, normalized: phone.normalized } : null).toEqual(
      kind ? { kind, normalized } : null,
    )
  })

  it.each([
    '',
    '84567890', // no area code: which city?
    '1390000000', // ten digits
    '12900000001', // no such mobile prefix
    '0411-0456789', // local numbers do not start with 0
    '0411-845678901', // nine digits
    '13900000001-123', // mobiles have no extensions
    '13900000001转123',
    '0411-84567890-1234567', // an extension of seven digits
    '0411-84567890abc',
    'tel:041184567890',
    '0411-8456-7890-12-34',
    '1'.repeat(40),
  ])('refuses %j', (raw) => {
    expect(parseContactPhone(raw)).toBeNull()
  })

  it('tells a mobile, which can receive a text, from a fixed line', () => {
    expect(isMobilePhone('13900000001')).toBe(true)
    expect(isMobilePhone('0411-84567890')).toBe(false)
  })
})

describe('masked phones and addresses', () => {
  it.each([
    ['13900005678', '139****5678'],
    ['0411-84567890', '041****7890'],
    ['123456', '****'],
    ['', '****'],
  ])('maskPhone(%j) = %j', (phone, masked) => expect(maskPhone(phone)).toBe(masked))

  it.each([
    ['zhang.san@example.cn', 'z***@example.cn'],
    ['a@b.cn', 'a***@b.cn'],
    ['no-at-sign', '****'],
    ['@example.cn', '****'],
  ])('maskEmail(%j) = %j', (address, masked) => expect(maskEmail(address)).toBe(masked))
})
