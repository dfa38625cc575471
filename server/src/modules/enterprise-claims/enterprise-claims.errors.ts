import { defineErrors } from '../../kernel/errors'

/** The error codes of enterprise-claims: HTTP status and the message in each language. */
export const enterpriseClaimsErrors = defineErrors({
  ENTERPRISE_CLAIM_PENDING: {
    status: 409,
    'zh-CN': '您对该企业已有一项认领正在进行：请先完成或撤回',
    en: 'You already have a claim to this enterprise under way: finish or withdraw it first',
  },
  ENTERPRISE_CLAIM_METHOD_UNAVAILABLE: {
    status: 409,
    'zh-CN': '这种认领方式对该企业不可用（登记数据中没有法定代表人手机号，或企业还没有管理人员）',
    en: 'This way of claiming is not available for this enterprise (no legal representative’s phone in the registry, or no managers yet)',
  },
  ENTERPRISE_CLAIM_NOT_PENDING: {
    status: 409,
    'zh-CN': '该认领已经结束',
    en: 'This claim has ended',
  },
  ENTERPRISE_CLAIM_NOT_DECIDABLE: {
    status: 409,
    'zh-CN': '验证码认领由验证码决定，不能人工审批',
    en: 'A claim by code is decided by the code, not by a person',
  },
  DISPUTE_ALREADY_RESOLVED: {
    status: 409,
    'zh-CN': '该争议已经处理',
    en: 'This dispute was already resolved',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof enterpriseClaimsErrors, true> {}
}
