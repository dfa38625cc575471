import { defineErrors } from '../../kernel/errors'

/** The error codes of inspections: HTTP status and the message in each language. */
export const inspectionsErrors = defineErrors({
  INSPECTION_NOT_PLANNED: {
    status: 409,
    'zh-CN': '该检查不在待审批状态',
    en: 'The inspection is not waiting for approval',
  },
  INSPECTION_NOT_CANCELLABLE: {
    status: 409,
    'zh-CN': '该检查已开始或已结束，不能撤销',
    en: 'The inspection has started or ended and cannot be cancelled',
  },
  INSPECTION_NOT_APPROVED: {
    status: 409,
    'zh-CN': '该检查未经审批或检查码已失效',
    en: 'The inspection is not approved or its check code is no longer valid',
  },
  INSPECTION_NOT_CHECKED_IN: {
    status: 409,
    'zh-CN': '企业尚未扫码确认该检查，不能录入结果',
    en: 'The enterprise has not checked the inspection in: no result can be recorded',
  },
  INSPECTION_NOT_CLOSABLE: {
    status: 409,
    'zh-CN': '该检查当前不能办结',
    en: 'The inspection cannot be closed now',
  },
})
