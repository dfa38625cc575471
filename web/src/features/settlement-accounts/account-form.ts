import {
  checkAccountNumber,
  groupAccountNumber,
  isPlausibleBankName,
  isSameAccountName,
} from '@shared/settlement-account'
import type { AccountBody } from './settlement-accounts.api'

/*
 * The settlement account form's own checks, the same rules the server applies (shared/settlement-
 * account.ts), so a slip shows under its field before anything is sent. Each answers an i18n key
 * (with its values) or undefined.
 */
export type FieldProblem = { key: string; values?: Record<string, string> } | undefined

export function accountNameProblem(value: string | undefined, registeredName: string): FieldProblem {
  if (!value?.trim()) return { key: 'fields.required' }
  if (!isSameAccountName(value, registeredName))
    return {
      key: 'settlementAccount.form.nameMismatch',
      values: { given: value.trim(), registered: registeredName },
    }
  return undefined
}

export function bankNameProblem(value: string | undefined): FieldProblem {
  if (!value?.trim()) return { key: 'fields.required' }
  return isPlausibleBankName(value) ? undefined : { key: 'settlementAccount.form.bankName' }
}

export function accountNumberProblem(value: string | undefined): FieldProblem {
  if (!value?.trim()) return { key: 'fields.required' }
  const check = checkAccountNumber(value)
  return check.ok ? undefined : { key: `settlementAccount.form.number.${check.rule}` }
}

export function confirmProblem(value: string | undefined, number: string | undefined): FieldProblem {
  if (!value?.trim()) return { key: 'fields.required' }
  const a = checkAccountNumber(value)
  const b = checkAccountNumber(number ?? '')
  return a.ok && b.ok && a.digits === b.digits ? undefined : { key: 'settlementAccount.form.confirmMismatch' }
}

/** A warning that refuses nothing: a card number whose Luhn check digit does not fit. */
export function accountNumberWarning(value: string | undefined): string | undefined {
  const check = checkAccountNumber(value ?? '')
  return check.ok && check.warning ? `settlementAccount.form.warning.${check.warning}` : undefined
}

/** The number read back in groups of four, so the person can compare it with the bank's papers. */
export function readBack(value: string | undefined): string | undefined {
  const check = checkAccountNumber(value ?? '')
  return check.ok ? groupAccountNumber(check.digits) : undefined
}

export function accountBody(values: AccountBody): AccountBody {
  return {
    accountName: values.accountName.trim(),
    bankName: values.bankName.trim(),
    accountNumber: values.accountNumber.trim(),
    accountNumberConfirm: values.accountNumberConfirm.trim(),
  }
}
