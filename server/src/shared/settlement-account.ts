/**
 * The enterprise's settlement account (结算账户): the bank account its payouts go to. Pure, shared
 * with the web app. What is checked here is the form of what was typed; whether the account exists
 * and belongs to the enterprise is for the paying bank (docs/decisions/0022-settlement-accounts.md).
 *
 * - Account name (户名): must be the enterprise's registered name. Compared after the differences a
 *   person typing it cannot see: surrounding and inner spaces, full-width and half-width forms
 *   (（） and (), Ａ and A, full-width digits), and Latin letter case.
 * - Account number (账号): digits only once spaces and hyphens are taken out, 9 to 30 of them. A unit
 *   settlement account (对公账户) is numbered by its own bank with no national check digit, so no
 *   check digit is ever a reason to refuse; a 16–19 digit number starting with 62 (a UnionPay card's
 *   issuer prefix) that fails the Luhn check only earns a warning.
 */

export const ACCOUNT_NUMBER_MIN = 9
export const ACCOUNT_NUMBER_MAX = 30
export const BANK_NAME_MIN = 4
export const BANK_NAME_MAX = 100

/** What a person cannot see in a name: spaces, full-width forms, letter case. */
export function normalizeAccountName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase()
}

export function isSameAccountName(a: string, b: string): boolean {
  return normalizeAccountName(a) === normalizeAccountName(b)
}

/**
 * The name as it is kept: trimmed, no spaces beside Chinese characters (a Chinese name has none),
 * other runs of spaces made one; brackets kept as typed (it is the bank's spelling).
 */
export function tidyAccountName(name: string): string {
  return name
    .trim()
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/ (?=[\p{Script=Han}（）])|(?<=[\p{Script=Han}（）]) /gu, '')
}

export type AccountNumberCheck =
  { ok: true; digits: string; warning?: 'cardCheckDigit' } | { ok: false; rule: 'charset' | 'length' }

/** The Luhn (mod 10) check of ISO/IEC 7812 bank card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** Looks like a UnionPay personal card (issuer prefix 62, 16–19 digits): the only numbers a Luhn check means anything for. */
export function looksLikeCard(digits: string): boolean {
  return digits.length >= 16 && digits.length <= 19 && digits.startsWith('62')
}

export function checkAccountNumber(input: string): AccountNumberCheck {
  const digits = input.normalize('NFKC').replace(/[\s\u3000-]+/g, '')
  if (!/^\d+$/.test(digits)) return { ok: false, rule: 'charset' }
  if (digits.length < ACCOUNT_NUMBER_MIN || digits.length > ACCOUNT_NUMBER_MAX)
    return { ok: false, rule: 'length' }
  if (looksLikeCard(digits) && !passesLuhn(digits)) return { ok: true, digits, warning: 'cardCheckDigit' }
  return { ok: true, digits }
}

/**
 * Shown everywhere but in the paying department's bank file: the first four (the bank's or region's
 * prefix, which helps tell two accounts apart) and the last four; a short number shows its last four only.
 */
export function maskAccountNumber(digits: string): string {
  if (digits.length >= 12) return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`
  return `**** ${digits.slice(-4)}`
}

/** Spaces every four digits, the way a bank prints a number (for reading back what was typed). */
export function groupAccountNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ')
}

/** The opening bank (开户行): a bank's name, not the account name or a number typed in the wrong box. */
export function isPlausibleBankName(name: string): boolean {
  const n = name.normalize('NFKC').trim()
  return (
    n.length >= BANK_NAME_MIN &&
    n.length <= BANK_NAME_MAX &&
    /(银行|信用社|信用合作联社|农商行|bank)/i.test(n) &&
    !/\d{6,}/.test(n)
  )
}
