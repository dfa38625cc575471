/**
 * Contact phone numbers as people in China write them: a mobile (139 0000 0001, +86 139-0000-0001)
 * or a fixed line with its area code (0411-84567890, 041184567890, (0411) 8456 7890), optionally
 * with an extension (0411-84567890-123, 0411-84567890转123). One stored form for each, so the same
 * number is always written the same way: 13900000001, 0411-84567890, 0411-84567890-123.
 *
 * Area codes: 010 and 020–029 have three digits, every other one four (0411 Dalian, 0755 Shenzhen);
 * local numbers have 7 or 8 digits and never start with 0 or 1. A number without its area code is
 * refused: the platform serves enterprises of many cities, so "84567890" names no line.
 */

export type ContactPhone = { kind: 'mobile' | 'fixed'; normalized: string }

const MOBILE = /^1[3-9]\d{9}$/
const FIXED = /^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$/
const EXTENSION_WORD = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i
const MAX_LENGTH = 30

/** The number in its stored form, or null when it is neither a mobile nor a fixed line with area code. */
export function parseContactPhone(raw: string): ContactPhone | null {
  let text = raw
    .trim()
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[－—–]/g, '-')
    .replace(/[＋]/g, '+')
  if (!text || text.length > MAX_LENGTH) return null
  let extension: string | undefined
  const worded = EXTENSION_WORD.exec(text)
  if (worded) {
    text = worded[1]!
    extension = worded[2]!
  }
  // "+86" or "0086" says the rest is dialled from abroad: the area code lost its leading 0.
  let international = false
  const prefix = /^(?:\+|00)86[\s-]*/.exec(text)
  if (prefix) {
    international = true
    text = text.slice(prefix[0].length)
  }
  if (!/^[\d\s()-]+$/.test(text)) return null
  const groups = text.split(/[\s()-]+/).filter(Boolean)
  if (groups.length === 0) return null
  const digits = groups.join('')

  if (extension === undefined) {
    const mobile = MOBILE.test(digits) ? digits : international ? null : /^86(1[3-9]\d{9})$/.exec(digits)?.[1]
    if (mobile) return { kind: 'mobile', normalized: mobile }
  }
  const fixed = fixedLine(international ? `0${digits}` : digits, extension)
  if (fixed) return fixed
  // 0411-84567890-123: the last group is an extension when the rest is a whole fixed line.
  if (extension === undefined && groups.length >= 2 && groups.at(-1)!.length <= 6) {
    const rest = groups.slice(0, -1).join('')
    return fixedLine(international ? `0${rest}` : rest, groups.at(-1)!)
  }
  return null
}

function fixedLine(digits: string, extension: string | undefined): ContactPhone | null {
  const match = FIXED.exec(digits)
  if (!match) return null
  const normalized = `${match[1]}-${match[2]}${extension ? `-${extension}` : ''}`
  return { kind: 'fixed', normalized }
}

/** A mobile number (the only kind that can receive a text message). */
export function isMobilePhone(value: string): boolean {
  return MOBILE.test(value)
}

/**
 * A phone number as shown or recorded where the whole number is not needed: the first three and the
 * last four digits (139****0001), enough to tell numbers apart, not to call; anything shorter than 7
 * characters is hidden whole.
 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

/** An e-mail address the same way: its first character and its domain (z***@example.cn). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@')
  return at > 0 ? `${address[0]}***${address.slice(at)}` : '****'
}
