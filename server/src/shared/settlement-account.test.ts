import { describe, expect, it } from 'vitest'
import {
  checkAccountNumber,
  groupAccountNumber,
  isPlausibleBankName,
  isSameAccountName,
  maskAccountNumber,
  normalizeAccountName,
  passesLuhn,
  tidyAccountName,
} from './settlement-account'

describe('the account name against the registered name', () => {
  it.each([
    ['the same text', '大连百年老铺食品有限公司', '大连百年老铺食品有限公司', true],
    ['full-width and half-width brackets', '大连海港（集团）有限公司', '大连海港(集团)有限公司', true],
    [
      'spaces around and inside, an ideographic space',
      ' 大连海港 集团有限公司\u3000',
      '大连海港集团有限公司',
      true,
    ],
    [
      'full-width Latin letters and digits, and case',
      'ＡＢＣ１号（大连）有限公司',
      'abc1号(大连)有限公司',
      true,
    ],
    ['another enterprise', '大连海港集团有限公司', '大连海港物流有限公司', false],
    ['the legal representative instead', '张三', '大连海港集团有限公司', false],
    ['a branch of it', '大连海港集团有限公司甘井子分公司', '大连海港集团有限公司', false],
  ])('%s', (_name, a, b, same) => {
    expect(isSameAccountName(a, b)).toBe(same)
  })

  it('keeps the spelling as typed, only tidying the spaces', () => {
    expect(tidyAccountName('  大连海港（集团）  有限公司 ')).toBe('大连海港（集团）有限公司')
    expect(tidyAccountName('大连百年老铺食品 有限公司')).toBe('大连百年老铺食品有限公司')
    expect(tidyAccountName(' HSBC  Bank (China)  大连分行')).toBe('HSBC Bank (China)大连分行')
    expect(normalizeAccountName('大连海港（集团）')).toBe('大连海港(集团)')
  })
})

describe('the account number', () => {
  it.each([
    [
      'a 19-digit corporate account with spaces',
      '3400 2000 0910 0012 345',
      { ok: true, digits: '3400200009100012345' },
    ],
    ['hyphens as bank slips print them', '34-0001 0400 0123 4', { ok: true, digits: '340001040001234' }],
    ['full-width digits', '３４００２０００９１', { ok: true, digits: '3400200091' }],
    ['the shortest, 9 digits', '123456789', { ok: true }],
    ['the longest, 30 digits', '1'.repeat(30), { ok: true }],
    ['8 digits', '12345678', { ok: false, rule: 'length' }],
    ['31 digits', '1'.repeat(31), { ok: false, rule: 'length' }],
    ['a letter inside', '34002000A9100012345', { ok: false, rule: 'charset' }],
    ['empty', '   ', { ok: false, rule: 'charset' }],
    // Corporate accounts carry no Luhn digit: a failing 18-digit corporate number is fine, no warning.
    ['a corporate number that fails Luhn', '340020009100123456', { ok: true, warning: undefined }],
    ['a UnionPay card that passes Luhn', '6222 0212 3456 7890 128', { ok: true, warning: undefined }],
    [
      'a UnionPay card with a wrong check digit: a warning, not a refusal',
      '6222021234567890123',
      { ok: true, warning: 'cardCheckDigit' },
    ],
  ])('%s', (_name, input, expected) => {
    expect({ warning: undefined, ...checkAccountNumber(input) }).toMatchObject(expected)
  })

  it.each([
    ['6212280200141664948', true],
    ['4111111111111111', true],
    ['6212280200141664940', false],
  ])('Luhn %s → %s', (digits, valid) => {
    expect(passesLuhn(digits)).toBe(valid)
  })

  it('masks all but the first four and the last four; a short number shows its last four', () => {
    expect(maskAccountNumber('3400200009100012345')).toBe('3400 **** **** 2345')
    expect(maskAccountNumber('123456789012')).toBe('1234 **** **** 9012')
    expect(maskAccountNumber('12345678901')).toBe('**** 8901')
    expect(groupAccountNumber('3400200009100012345')).toBe('3400 2000 0910 0012 345')
  })
})

describe('the opening bank', () => {
  it.each([
    ['中国工商银行股份有限公司大连中山支行', true],
    ['大连农村商业银行', true],
    ['庄河市农村信用合作联社', true],
    ['HSBC Bank (China) Company Limited Dalian Branch', true],
    ['工行', false],
    ['大连海港集团有限公司', false],
    ['中国银行 3400200009100012345', false],
  ])('%s → %s', (name, plausible) => {
    expect(isPlausibleBankName(name)).toBe(plausible)
  })
})
