import { defineErrors } from '../../kernel/errors'

/** The error codes of privacy: HTTP status and the message in each language. */
export const privacyErrors = defineErrors({
  LEGAL_DOCUMENT_OUTDATED: {
    status: 409,
    'zh-CN': '{document}已更新为第 {version} 版，请阅读新版本后再同意',
    en: 'The {document} is now at version {version}: read the new version, then accept it',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof privacyErrors, true> {}
}
