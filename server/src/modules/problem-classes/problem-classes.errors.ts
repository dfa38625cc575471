import { defineErrors } from '../../kernel/errors'

/** The error codes of problem classes: HTTP status and the message in each language. */
export const problemClassesErrors = defineErrors({
  PROBLEM_PROPOSAL_DECIDED: {
    status: 409,
    'zh-CN': '该聚类建议已处理',
    en: 'The proposal has already been decided',
  },
  PROBLEM_CLASS_EMPTY: {
    status: 422,
    'zh-CN': '问题类别至少应包含一件诉求或评价',
    en: 'A problem class needs at least one case',
  },
  PROBLEM_CLASS_CLOSED: {
    status: 409,
    'zh-CN': '该问题类别已解决关闭',
    en: 'The problem class is already closed',
  },
  PROBLEM_CLASS_NOT_MONTHLY: {
    status: 409,
    'zh-CN': '只有每月一题才能分派任务',
    en: 'Only a monthly problem has tasks',
  },
  PROBLEM_CLASS_TASKS_OPEN: {
    status: 409,
    'zh-CN': '还有未完成的任务，不能关闭',
    en: 'Tasks are still open: the class cannot be closed',
  },
  PROBLEM_TASK_DONE: {
    status: 409,
    'zh-CN': '该任务已完成',
    en: 'The task is already done',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof problemClassesErrors, true> {}
}
