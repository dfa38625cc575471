import { defineErrors } from '../../kernel/errors'

/** The error codes of services: HTTP status and the message in each language. */
export const servicesErrors = defineErrors({
  APPLICATION_NOT_SUBMITTABLE: {
    status: 409,
    'zh-CN': '只有草稿可以提交',
    en: 'Only a draft can be submitted',
  },
  APPLICATION_NOT_WITHDRAWABLE: {
    status: 409,
    'zh-CN': '办件已撤回或已作出决定，不能撤回',
    en: 'Withdrawn already or decided: it can no longer be withdrawn',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof servicesErrors, true> {}
}
