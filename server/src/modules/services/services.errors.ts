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
  BUNDLE_CODE_TAKEN: {
    status: 409,
    'zh-CN': '一件事编码已被使用',
    en: 'Another bundle has this code',
  },
  BUNDLE_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '一件事已发布，不能再修改；请另建一件事',
    en: 'The bundle is published and can no longer change; create another one',
  },
  BUNDLE_MEMBER_UNAVAILABLE: {
    status: 422,
    'zh-CN': '所列事项不存在或尚未发布',
    en: 'A listed matter does not exist or is not published',
  },
  BUNDLE_LIMIT_NOT_SHORTER: {
    status: 422,
    'zh-CN': '一件事的承诺时限必须短于各事项承诺时限之和',
    en: 'The bundle must promise less time than its matters one by one',
  },
  BUNDLE_FORM_CONFLICT: {
    status: 422,
    'zh-CN': '各事项对同一字段的要求互相矛盾，合并表单无法同时满足',
    en: 'The matters ask the same field in incompatible ways; one merged form cannot satisfy them',
  },
  BUNDLE_APPLICATION_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '一件事申请已提交，不能再修改或重复提交',
    en: 'The bundle application is submitted; it can no longer change or be submitted again',
  },
  BUNDLE_PARTS_REFUSED: {
    status: 409,
    'zh-CN': '有事项不能提交，整件事未提交；请看标出的事项',
    en: 'A part could not be submitted, so nothing was; see the marked parts',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof servicesErrors, true> {}
}
