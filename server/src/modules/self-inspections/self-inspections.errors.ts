import { defineErrors } from '../../kernel/errors'

/** The error codes of self-inspections: HTTP status and the message in each language. */
export const selfInspectionsErrors = defineErrors({
  SELF_INSPECTION_ANSWER_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '自查报告已提交或已通过，不能再修改',
    en: 'The self-inspection answer was submitted or accepted and can no longer be changed',
  },
  SELF_INSPECTION_ANSWER_NOT_SUBMITTABLE: {
    status: 409,
    'zh-CN': '只有草稿或被退回的自查报告可以提交',
    en: 'Only a draft or returned self-inspection answer can be submitted',
  },
  SELF_INSPECTION_ANSWER_NOT_UNDER_REVIEW: {
    status: 409,
    'zh-CN': '该自查报告不在待审核状态',
    en: 'The self-inspection answer is not waiting for review',
  },
  SELF_INSPECTION_ANSWER_INCOMPLETE: {
    status: 422,
    'zh-CN': '还有检查项未作答，或发现问题未填写整改方案',
    en: 'Some checklist items have no finding, or a problem has no rectification plan',
  },
  SELF_INSPECTION_ITEM_UNKNOWN: {
    status: 422,
    'zh-CN': '检查项不属于该自查任务',
    en: 'The checklist item does not belong to this self-inspection task',
  },
  SELF_INSPECTION_FILE_UNKNOWN: {
    status: 422,
    'zh-CN': '佐证材料不属于该自查报告',
    en: 'The evidence file does not belong to this self-inspection answer',
  },
  SELF_INSPECTION_DEPARTMENT_UNKNOWN: {
    status: 422,
    'zh-CN': '下发部门不存在',
    en: 'A department the task is issued to does not exist',
  },
  SELF_INSPECTION_DEADLINE_PAST: {
    status: 422,
    'zh-CN': '截止日期不能早于今天',
    en: 'The deadline cannot be before today',
  },
  SELF_INSPECTION_RECTIFICATION_NOT_OPEN: {
    status: 409,
    'zh-CN': '该整改事项不是待整改状态',
    en: 'The rectification is not open',
  },
  SELF_INSPECTION_RECTIFICATION_NOT_DONE: {
    status: 409,
    'zh-CN': '该整改事项尚未报整改完成',
    en: 'The rectification has not been reported done',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof selfInspectionsErrors, true> {}
}
