/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z). Pure and dependency-free, so the web app validates with the same code.
 *
 *   1      registration authority (9 = market regulation, 5 = civil affairs, 1 = establishment office, …)
 *   2      organisation category within that authority (91 = enterprise, 92 = individual business, …)
 *   3–8    administrative division code of the registering authority (GB/T 2260; 100000 = national)
 *   9–17   organisation code (GB 11714): an 8-character body and its own check character
 *   18     check character over the first 17 characters
 *
 * Whether positions 3–8 name a real division needs the GB/T 2260 table, which the web does not carry:
 * the caller passes a lookup (the server its table, the web one answered by the server's reference
 * endpoint). Without one, only the shape and the province part are checked (docs/decisions/0019).
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** Registration authorities and the organisation categories each may issue (GB 32100-2015, table 1). */
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

/** Registration authorities of the state itself use this division code instead of a place. */
export const NATIONAL_DIVISION_CODE = '100000'

/** First two digits of GB/T 2260 province-level divisions: enough to refuse a made-up place offline. */
const PROVINCE_PREFIXES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
)

export type UsccRule =
  | 'length'
  | 'charset'
  | 'registrationAuthority'
  | 'organizationCategory'
  | 'divisionFormat'
  | 'divisionCode'
  | 'organizationCode'
  | 'checkDigit'

/** One broken rule, with the position it concerns and what was found there. */
export type UsccFailure = { rule: UsccRule; position?: number; found?: string }

export type UsccCheck = { ok: true; code: string } | { ok: false; failures: UsccFailure[] }

/** Does a six-digit code name a division whose authorities register (GB/T 2260, any level)? */
export type DivisionLookup = (code: string) => boolean

/** Upper-cases and drops spaces, so what people copy from a licence photo still matches. */
export function normalizeUscc(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase()
}

/** GB 32100-2015 check character (position 18) of the first 17 characters. */
export function usccCheckDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!
}

/**
 * GB 11714 check character of an 8-character organisation code body: digits count as themselves,
 * a letter as its code minus 55 (A = 10 … Z = 35); 10 is written X and 11 is written 0.
 */
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

/** The registration division (positions 3–8) of a code that passed checkUscc. */
export function registrationDivisionOf(code: string): string {
  return code.slice(2, 8)
}

/**
 * Every rule a code breaks, in position order. A wrong length or character stops there (positions
 * would mean nothing); otherwise each field is checked on its own, so one typo in positions 9–16 is
 * named twice (the organisation code's check character and the code's) — both are true.
 */
export function checkUscc(input: string, isDivision?: DivisionLookup): UsccCheck {
  const code = normalizeUscc(input)
  if (code.length !== 18) return { ok: false, failures: [{ rule: 'length', found: String(code.length) }] }
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(code[i]!))
      return { ok: false, failures: [{ rule: 'charset', position: i + 1, found: code[i]! }] }
  }
  const failures: UsccFailure[] = []
  const categories = CATEGORIES_BY_AUTHORITY[code[0]!]
  if (!categories) failures.push({ rule: 'registrationAuthority', position: 1, found: code[0]! })
  else if (!categories.includes(code[1]!))
    failures.push({ rule: 'organizationCategory', position: 2, found: code.slice(0, 2) })
  const division = registrationDivisionOf(code)
  if (!/^\d{6}$/.test(division)) failures.push({ rule: 'divisionFormat', position: 3, found: division })
  else if (division !== NATIONAL_DIVISION_CODE) {
    const isKnown = isDivision ? isDivision(division) : PROVINCE_PREFIXES.has(division.slice(0, 2))
    if (!isKnown) failures.push({ rule: 'divisionCode', position: 3, found: division })
  }
  if (organizationCodeCheck(code.slice(8, 16)) !== code[16])
    failures.push({ rule: 'organizationCode', position: 17, found: code.slice(8, 17) })
  if (usccCheckDigit(code.slice(0, 17)) !== code[17])
    failures.push({ rule: 'checkDigit', position: 18, found: code[17]! })
  return failures.length ? { ok: false, failures } : { ok: true, code }
}

/** The i18n keys and parameters that name each failure; both sides join them with '；'. */
export function usccFailureMessages(
  failures: readonly UsccFailure[],
): { key: `uscc.${UsccRule}`; params: { position: number | ''; found: string } }[] {
  return failures.map((f) => ({
    key: `uscc.${f.rule}`,
    params: { position: f.position ?? '', found: f.found ?? '' },
  }))
}
