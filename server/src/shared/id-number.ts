/**
 * The citizen identity number (公民身份号码), GB 11643-1999: 6 digits of the division where it was
 * issued, the birth date (YYYYMMDD), a 3-digit sequence (odd for men) and a check character over the
 * first 17 (ISO 7064 MOD 11-2; 10 is written X). Pure, shared with the web app. Only the form is checked
 * here: whether the number belongs to a name is the identity verifier's question.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export type IdNumberCheck =
  | { ok: true; number: string; birthDate: string }
  | { ok: false; rule: 'length' | 'charset' | 'birthDate' | 'checkDigit' }

export function idNumberCheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!
  return CHECK[sum % 11]!
}

export function checkIdNumber(input: string, today: string): IdNumberCheck {
  const number = input.replace(/\s/g, '').toUpperCase()
  if (number.length !== 18) return { ok: false, rule: 'length' }
  if (!/^\d{17}[\dX]$/.test(number)) return { ok: false, rule: 'charset' }
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number]
  const back = new Date(Date.UTC(y, m - 1, d))
  const isRealDay = back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d
  if (!isRealDay || y < 1900 || birthDate > today) return { ok: false, rule: 'birthDate' }
  if (idNumberCheckDigit(number.slice(0, 17)) !== number[17]) return { ok: false, rule: 'checkDigit' }
  return { ok: true, number, birthDate }
}

/** Kept and shown masked: the division and the last four, nothing of the birth date. */
export function maskIdNumber(number: string): string {
  return `${number.slice(0, 4)}${'*'.repeat(10)}${number.slice(14)}`
}
