import { defineErrors } from '../../kernel/errors'

/** The error codes of settlement-accounts: HTTP status and the message in each language. */
export const settlementAccountsErrors = defineErrors({
  SETTLEMENT_ACCOUNT_REQUIRED: {
    status: 409,
    'zh-CN': '还没有企业结算账户：政策资金只付到企业名下、户名与登记名称一致的结算账户，请先填写',
    en: 'No settlement account yet: benefits are paid only to an account held in the enterprise’s registered name; add it first',
  },
  SETTLEMENT_ACCOUNT_NAME_MISMATCH: {
    status: 409,
    'zh-CN':
      '结算账户户名「{accountName}」与企业登记名称「{registeredName}」不一致：请由企业管理员变更结算账户后再办理',
    en: 'The settlement account’s name "{accountName}" is not the enterprise’s registered name "{registeredName}": a manager must change the account first',
  },
  SETTLEMENT_ACCOUNT_EXISTS: {
    status: 409,
    'zh-CN': '本企业已有结算账户：如需更换，请由管理员验证手机后变更',
    en: 'The enterprise already has a settlement account: a manager can change it after confirming with their phone',
  },
  SETTLEMENT_ACCOUNT_NOT_SET: {
    status: 409,
    'zh-CN': '本企业还没有结算账户：请先填写',
    en: 'The enterprise has no settlement account yet: add one first',
  },
  SETTLEMENT_ACCOUNT_CHANGED: {
    status: 409,
    'zh-CN': '企业的结算账户在您打开页面后变更了：请刷新，核对新账户后再兑现',
    en: 'The enterprise’s settlement account changed after you opened the page: reload and check the new account before paying',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof settlementAccountsErrors, true> {}
}
