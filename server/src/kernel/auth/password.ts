import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane).
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

// Verifying against a fixed hash when the user does not exist keeps the timing of
// "no such user" and "wrong password" alike.
let dummyHash: Promise<string> | undefined

export async function verifyPassword(
  storedHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword('not-a-real-password-0000')
    await verify(await dummyHash, password).catch(() => false)
    return false
  }
  return verify(storedHash, password).catch(() => false)
}

/** Rules a new password must meet; returns the i18n keys of those it breaks. */
export function passwordProblems(password: string, context: { username?: string | null } = {}): string[] {
  const problems: string[] = []
  if (password.length < 10) problems.push('password.tooShort')
  if (password.length > 200) problems.push('password.tooLong')
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length
  if (classes < 3) problems.push('password.tooSimple')
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) {
    problems.push('password.containsUsername')
  }
  return problems
}
