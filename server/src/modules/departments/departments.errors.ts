import { defineErrors } from '../../kernel/errors'

/** The error codes of departments: HTTP status and the message in each language. */
export const departmentsErrors = defineErrors({
  DEPARTMENT_CODE_TAKEN: {
    status: 409,
    'zh-CN': '部门编码已被使用',
    en: 'The department code is taken',
  },
  DEPARTMENT_CYCLE: {
    status: 409,
    'zh-CN': '不能把部门移到它自己的下级之下',
    en: 'A department cannot move under its own descendant',
  },
  DEPARTMENT_NOT_EMPTY: {
    status: 409,
    'zh-CN': '部门下还有下级部门或人员，不能停用',
    en: 'The department still has sub-departments or people',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof departmentsErrors, true> {}
}
