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
  APPLICATION_NOT_BLOCKED: {
    status: 409,
    'zh-CN': '该办件正在正常办理中，暂不能转入“办不成事”反映窗口',
    en: 'The application is on its way: the cannot-do desk takes refused, not accepted, terminated or blocked ones',
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
