import { defineErrors } from '../../kernel/errors'

/** The error codes of certificates: HTTP status and the message in each language. */
export const certificatesErrors = defineErrors({
  CERTIFICATE_NOT_ACTIVE: {
    status: 409,
    'zh-CN': '只有有效的证照可以中止',
    en: 'Only an active certificate can be suspended',
  },
  CERTIFICATE_NOT_SUSPENDED: {
    status: 409,
    'zh-CN': '只有已中止的证照可以恢复',
    en: 'Only a suspended certificate can be reinstated',
  },
  CERTIFICATE_REVOKED: {
    status: 409,
    'zh-CN': '证照已撤销，撤销不可恢复',
    en: 'The certificate is revoked, and revocation is final',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof certificatesErrors, true> {}
}
