import { defineErrors } from '../../kernel/errors'

/** The error codes of supervision: HTTP status and the message in each language. */
export const supervisionErrors = defineErrors({
  SUPERVISION_CASE_CLOSED: {
    status: 409,
    'zh-CN': '该督办件已办结',
    en: 'The supervision case is already closed',
  },
  SUPERVISION_NOT_AWAITING_RESPONSE: {
    status: 409,
    'zh-CN': '该督办件当前不在等待被督办单位反馈的阶段',
    en: 'The supervision case is not waiting for the unit’s response',
  },
  SUPERVISION_NOT_RESPONDED: {
    status: 409,
    'zh-CN': '被督办单位尚未反馈，无法核验',
    en: 'The unit has not responded: there is nothing to verify',
  },
  SUPERVISION_TOP_LEVEL: {
    status: 409,
    'zh-CN': '督办件已是市级督办，不能再升级',
    en: 'The supervision case is already at city level and cannot climb further',
  },
  SUPERVISION_UNKNOWN_DEPARTMENT: {
    status: 422,
    'zh-CN': '被督办单位不存在',
    en: 'The unit to supervise does not exist',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof supervisionErrors, true> {}
}
