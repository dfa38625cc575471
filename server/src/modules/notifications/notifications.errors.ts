import { defineErrors } from '../../kernel/errors'

/** The error codes of notifications: HTTP status and the message in each language. */
export const notificationsErrors = defineErrors({
  DEV_INBOX_LOCAL_ONLY: {
    status: 403,
    'zh-CN': '开发收件箱只对本机开放（127.0.0.1 或 ::1），请在运行服务器的机器上打开；它显示所有登录验证码',
    en: 'The dev inbox answers only on this machine (127.0.0.1 or ::1): open it on the server itself; it shows every sign-in code',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof notificationsErrors, true> {}
}
