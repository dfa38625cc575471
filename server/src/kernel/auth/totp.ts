import { Secret, TOTP } from 'otpauth'

/** RFC 6238 codes as authenticator apps make them: SHA-1, 6 digits, 30 s, one step of clock drift allowed. */
function totpFor(secretBase32: string, label = ''): TOTP {
  return new TOTP({
    issuer: '营商通 Yingshang',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  })
}

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString()
}

export function isValidTotp(secretBase32: string, code: string, at = Date.now()): boolean {
  if (!/^\d{6}$/.test(code)) return false
  return totpFor(secretBase32).validate({ token: code, timestamp: at, window: 1 }) !== null
}

export function currentTotp(secretBase32: string, at = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: at })
}
