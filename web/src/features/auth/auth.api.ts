import type { Me } from '@server/modules/auth/auth.schema'
import { api } from '../../app/api'

export type SignInResult =
  | { status: 'signed_in'; csrfToken: string; user: Me }
  | { status: 'second_factor_required'; challenge: string }
export type CodeSent = { sentTo: string; expiresInSeconds: number; resendAfterSeconds: number }
export type TotpSetup = { secret: string; uri: string; qrSvg: string }

// Sign-in forms expect 401s (a wrong code or password): they are answers, not lapsed sessions.
const quiet = { allowUnauthenticated: true }

export const authApi = {
  requestEnterpriseCode: (phone: string) => api.post<CodeSent>('/auth/enterprise/code', { phone }, quiet),
  signInEnterprise: (phone: string, code: string) =>
    api.post<SignInResult>('/auth/enterprise/sign-in', { phone, code }, quiet),
  signInStaff: (username: string, password: string) =>
    api.post<SignInResult>('/auth/staff/sign-in', { username, password }, quiet),
  completeSecondFactor: (challenge: string, code: string) =>
    api.post<SignInResult>('/auth/staff/second-factor', { challenge, code }, quiet),
  // A wrong current password answers 400 with fields.currentPassword: the form shows it under that field.
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<{ ok: true }>('/auth/password', { currentPassword, newPassword }),
  startTotpSetup: () => api.post<TotpSetup>('/auth/totp/setup'),
  enableTotp: (code: string) => api.post<{ ok: true }>('/auth/totp/enable', { code }),
  disableTotp: (code: string) => api.post<{ ok: true }>('/auth/totp/disable', { code }),
}

export { MOBILE_PHONE } from '../../ui/contact-phone'
export const SIX_DIGITS = /^\d{6}$/
