import { describe, expect, it } from 'vitest'
import {
  accountBody,
  accountNameProblem,
  accountNumberProblem,
  accountNumberWarning,
  bankNameProblem,
  confirmProblem,
  readBack,
} from './account-form'

const REGISTERED = '大连海港（集团）有限公司'

describe('the settlement account form', () => {
  it.each([
    ['the registered name', REGISTERED, undefined],
    ['half-width brackets and spaces', ' 大连海港(集团)有限公司 ', undefined],
    ['another name', '大连海港物流有限公司', 'settlementAccount.form.nameMismatch'],
    ['nothing', '  ', 'fields.required'],
  ])('account name: %s', (_name, value, key) => {
    expect(accountNameProblem(value, REGISTERED)?.key).toBe(key)
  })

  it('names both names when they differ', () => {
    expect(accountNameProblem('张三', REGISTERED)?.values).toEqual({ given: '张三', registered: REGISTERED })
  })

  it.each([
    ['3400 2000 0910 0012 345', undefined],
    ['12345678', 'settlementAccount.form.number.length'],
    ['3400A', 'settlementAccount.form.number.charset'],
    ['', 'fields.required'],
  ])('account number %s', (value, key) => {
    expect(accountNumberProblem(value)?.key).toBe(key)
  })

  it('compares the confirmation digit by digit, however it is spaced', () => {
    expect(confirmProblem('3400-2000 0910 0012 345', '3400200009100012345')).toBeUndefined()
    expect(confirmProblem('3400200009100012346', '3400200009100012345')?.key).toBe(
      'settlementAccount.form.confirmMismatch',
    )
  })

  it('warns, never refuses, of a card number whose check digit does not fit', () => {
    expect(accountNumberWarning('6222021234567890123')).toBe('settlementAccount.form.warning.cardCheckDigit')
    expect(accountNumberWarning('6222021234567890128')).toBeUndefined()
    expect(accountNumberProblem('6222021234567890123')).toBeUndefined()
  })

  it('wants a bank’s name in the bank field', () => {
    expect(bankNameProblem('中国工商银行股份有限公司大连中山支行')).toBeUndefined()
    expect(bankNameProblem('工行')?.key).toBe('settlementAccount.form.bankName')
  })

  it('reads the number back in fours and sends it trimmed', () => {
    expect(readBack('3400200009100012345')).toBe('3400 2000 0910 0012 345')
    expect(readBack('34')).toBeUndefined()
    expect(
      accountBody({ accountName: ' a ', bankName: ' b ', accountNumber: ' 1 ', accountNumberConfirm: ' 1 ' }),
    ).toEqual({ accountName: 'a', bankName: 'b', accountNumber: '1', accountNumberConfirm: '1' })
  })
})
