import { defineErrors } from '../../kernel/errors'

/** The error codes of users: HTTP status and the message in each language. */
export const usersErrors = defineErrors({
  USERNAME_TAKEN: {
    status: 409,
    'zh-CN': '用户名已被使用',
    en: 'The username is taken',
  },
  LAST_ADMIN: {
    status: 409,
    'zh-CN': '不能停用或降级最后一位系统管理员',
    en: 'The last administrator cannot be disabled or demoted',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof usersErrors, true> {}
}
