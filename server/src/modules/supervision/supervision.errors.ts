import { defineErrors } from '../../kernel/errors'

/** The error codes of supervision: HTTP status and the message in each language. */
export const supervisionErrors = defineErrors({
  SUPERVISION_CASE_CLOSED: {
    status: 409,
    'zh-CN': '该督办件已办结',
    en: 'The supervision case is already closed',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof supervisionErrors, true> {}
}
