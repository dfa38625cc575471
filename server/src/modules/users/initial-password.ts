import crypto from 'node:crypto'

// No 0/O, 1/l/I: the password is read out or copied by hand once.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const LOWER = 'abcdefghijkmnpqrstuvwxyz'
const DIGITS = '23456789'
const SYMBOLS = '#%+=@'

/** A one-time password that meets the password rules; the user must change it at first sign-in. */
export function generateInitialPassword(): string {
  const pick = (set: string, n: number) => Array.from({ length: n }, () => set[crypto.randomInt(set.length)]!)
  const chars = [...pick(UPPER, 4), ...pick(LOWER, 4), ...pick(DIGITS, 3), ...pick(SYMBOLS, 1)]
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1)
    ;[chars[i], chars[j]] = [chars[j]!, chars[i]!]
  }
  return chars.join('')
}
