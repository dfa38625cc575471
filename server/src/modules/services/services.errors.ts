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
  APPLICATION_NOT_IN_CHECK: {
    status: 409,
    'zh-CN': '办件不在受理审查阶段',
    en: 'The application is not waiting for its completeness check',
  },
  APPLICATION_NO_SUPPLEMENT_PENDING: {
    status: 409,
    'zh-CN': '该办件没有待补正的材料',
    en: 'No supplement is requested of this application',
  },
  APPLICATION_NOT_UNDER_REVIEW: {
    status: 409,
    'zh-CN': '办件不在审查阶段',
    en: 'The application is not under review',
  },
  APPLICATION_NOT_IN_SPECIAL_STEP: {
    status: 409,
    'zh-CN': '办件不在特殊环节中',
    en: 'The application is not in a special step',
  },
  APPLICATION_NOT_ARCHIVABLE: {
    status: 409,
    'zh-CN': '只有已办结的办件可以归档',
    en: 'Only a finished application can be archived',
  },
  REVIEW_TASK_WRONG_ROLE: {
    status: 403,
    'zh-CN': '该审查环节须由本部门相应角色的人员办理',
    en: 'This review step is for another role of the department',
  },
  REVIEW_TASK_NOT_OPEN: {
    status: 409,
    'zh-CN': '该审查环节尚未开始或已经办结',
    en: 'This review step has not begun or is done',
  },
  REVIEW_TASK_HELD_BY_OTHER: {
    status: 409,
    'zh-CN': '该审查环节已由他人认领',
    en: 'Someone else holds this review step',
  },
  REVIEW_TASK_NOT_YOURS: {
    status: 409,
    'zh-CN': '只有认领人可以退回或转交该审查环节',
    en: 'Only whoever holds this review step may give it back or pass it on',
  },
  REVIEW_NO_PREVIOUS_STAGE: {
    status: 409,
    'zh-CN': '第一个审查阶段没有可退回的上一阶段',
    en: 'The first review stage has no previous stage to return to',
  },
  REVIEW_DELEGATE_INVALID: {
    status: 422,
    'zh-CN': '只能转交给本部门具有该环节角色的同事',
    en: 'A step can be passed only to a colleague of the department holding its role',
  },
  MATTER_CODE_TAKEN: {
    status: 409,
    'zh-CN': '事项编码已被使用',
    en: 'Another matter has this code',
  },
  MATTER_PARENT_INVALID: {
    status: 422,
    'zh-CN': '上级事项不存在、属于其他部门，或已是业务办理项',
    en: 'The parent matter does not exist, belongs to another department, or is itself a variant',
  },
  MATTER_NO_DRAFT: {
    status: 409,
    'zh-CN': '该事项没有待发布的草稿版本',
    en: 'The matter has no draft version to publish',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof servicesErrors, true> {}
}
