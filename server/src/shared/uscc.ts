/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z). Pure and dependency-free, so the web app validates with the same code.
 *
 *   1      registration authority (9 = market regulation, 5 = civil affairs, 1 = establishment office, …)
 *   2      organisation category within that authority (91 = enterprise, 92 = individual business, …)
 *   3–8    administrative division code of the registering authority (GB/T 2260)
 *   9–17   organisation code (GB 11714)
 *   18     check digit over the first 17 characters
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** Registration authorities and the organisation categories each may issue. */
const CATEGORIES_BY_AUTHORITY: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '1239',
  '8': '19',
  '9': '123',
  A: '19',
  N: '12349',
  Y: '1',
}

export type UsccRule =
  'length' | 'charset' | 'registrationAuthority' | 'organizationCategory' | 'divisionCode' | 'checkDigit'

export type UsccCheck = { ok: true; code: string } | { ok: false; rule: UsccRule; position?: number }

/** Upper-cases and drops spaces, so what people copy from a licence photo still matches. */
export function normalizeUscc(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase()
}

export function usccCheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!
}

export function checkUscc(input: string): UsccCheck {
  const code = normalizeUscc(input)
  if (code.length !== 18) return { ok: false, rule: 'length' }
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(code[i]!)) return { ok: false, rule: 'charset', position: i + 1 }
  }
  const categories = CATEGORIES_BY_AUTHORITY[code[0]!]
  if (!categories) return { ok: false, rule: 'registrationAuthority', position: 1 }
  if (!categories.includes(code[1]!)) return { ok: false, rule: 'organizationCategory', position: 2 }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, rule: 'divisionCode', position: 3 }
  if (usccCheckDigit(code.slice(0, 17)) !== code[17]) return { ok: false, rule: 'checkDigit', position: 18 }
  return { ok: true, code }
}

/** GB 11714 check character of an 8-character organisation code body (used to make realistic demo codes). */
export function organizationCodeCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!
    const value = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55
    sum += value * weights[i]!
  }
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}
