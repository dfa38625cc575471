import { defineErrors } from '../../kernel/errors'

/** The error codes of auth: HTTP status and the message in each language. */
export const authErrors = defineErrors({
  INVALID_CREDENTIALS: {
    status: 401,
    'zh-CN': '用户名或密码错误',
    en: 'Wrong username or password',
  },
  INVALID_SECOND_FACTOR: {
    status: 401,
    'zh-CN': '动态验证码错误或已过期',
    en: 'The authenticator code is wrong or expired',
  },
  INVALID_CODE: {
    status: 401,
    'zh-CN': '验证码错误或已过期',
    en: 'The code is wrong or expired',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    'zh-CN': '账号已停用，请联系管理员',
    en: 'This account is disabled; contact an administrator',
  },
  DEMO_ACCOUNTS_DISABLED: {
    status: 403,
    'zh-CN': '演示账号在本环境已停用',
    en: 'Demo accounts are disabled here',
  },
  TOTP_ALREADY_ENABLED: {
    status: 409,
    'zh-CN': '已开启动态验证码',
    en: 'Authenticator codes are already on',
  },
  TOTP_NOT_ENABLED: {
    status: 409,
    'zh-CN': '尚未开启动态验证码',
    en: 'Authenticator codes are not on',
  },
  SIGN_IN_DELAYED: {
    status: 429,
    'zh-CN': '登录失败次数过多，请 {wait}后再试',
    en: 'Too many failed sign-ins; try again in {wait}',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof authErrors, true> {}
}
