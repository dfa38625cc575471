import { defineErrors } from '../../kernel/errors'

/** The error codes of enterprises: HTTP status and the message in each language. */
export const enterprisesErrors = defineErrors({
  ENTERPRISE_ALREADY_REGISTERED: {
    status: 409,
    'zh-CN':
      '该企业已在平台上：您可以认领它（法定代表人手机验证码、现有管理人员同意，或上传营业执照由营商局审核）',
    en: 'This enterprise is already on the platform: claim it (a code to the legal representative, the managers’ approval, or a licence the bureau checks)',
  },
  ALREADY_A_MEMBER: {
    status: 409,
    'zh-CN': '该手机号已是本企业的经办人',
    en: 'This phone number already acts for the enterprise',
  },
  LAST_MANAGER: {
    status: 409,
    'zh-CN': '企业至少要保留一位管理人员',
    en: 'An enterprise keeps at least one manager',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof enterprisesErrors, true> {}
}
