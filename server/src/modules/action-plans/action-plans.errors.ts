import { defineErrors } from '../../kernel/errors'

/** The error codes of the action plan: HTTP status and the message in each language. */
export const actionPlansErrors = defineErrors({
  PLAN_TASK_NOT_REPORTABLE: {
    status: 409,
    'zh-CN': '该任务已报完成或已验收，不能再报送',
    en: 'The plan task was reported done or accepted and takes no more reports',
  },
  PLAN_TASK_NOT_UNDER_REVIEW: {
    status: 409,
    'zh-CN': '该任务不在待审核状态',
    en: 'The plan task is not waiting for review',
  },
  PLAN_TASK_EVIDENCE_REQUIRED: {
    status: 422,
    'zh-CN': '报完成须附至少一份佐证材料',
    en: 'Reporting a task done needs at least one evidence file',
  },
  PLAN_TASK_FILE_UNKNOWN: {
    status: 422,
    'zh-CN': '佐证材料不属于该任务',
    en: 'The evidence file does not belong to this plan task',
  },
  PLAN_AREA_UNKNOWN: {
    status: 422,
    'zh-CN': '行动方案领域不存在',
    en: 'The action plan area does not exist',
  },
  PLAN_AREA_NAME_TAKEN: {
    status: 409,
    'zh-CN': '已有同名的行动方案领域',
    en: 'An action plan area with this name exists',
  },
  PLAN_TASK_OWNER_UNKNOWN: {
    status: 422,
    'zh-CN': '责任单位不存在',
    en: 'The owner unit does not exist',
  },
  PLAN_TASK_DEADLINE_PAST: {
    status: 422,
    'zh-CN': '完成时限不能早于今天',
    en: 'The deadline cannot be before today',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof actionPlansErrors, true> {}
}
