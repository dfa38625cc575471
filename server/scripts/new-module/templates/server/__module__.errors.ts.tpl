import { defineErrors } from '../../kernel/errors'

/** The error codes of {{module}}: HTTP status and the message in each language. */
export const {{moduleCamel}}Errors = defineErrors({
  {{caseScreaming}}_NOT_SUBMITTABLE: {
    status: 409,
    'zh-CN': '只有草稿可以提交',
    en: 'Only a draft can be submitted',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof {{moduleCamel}}Errors, true> {}
}
