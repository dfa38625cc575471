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
  MATTER_NOT_PUBLISHED: {
    status: 422,
    'zh-CN': '该事项没有已发布的办事指南，暂不能申请',
    en: 'The matter has no published version: it cannot be applied for yet',
  },
  APPLICATION_CHECK_OVERDUE: {
    status: 409,
    'zh-CN': '受理审查期限（5个工作日）已过，办件自收到之日起视为受理',
    en: 'The 5 working days of the completeness check are over: the application is deemed accepted from receipt',
  },
  APPLICATION_SUPPLEMENT_ALREADY_REQUESTED: {
    status: 409,
    'zh-CN': '一次性告知：每个办件只能要求补正一次，应一次列明全部需要补正的材料',
    en: 'One-time notice: a supplement may be requested only once, listing every missing item',
  },
  APPLICATION_SUPPLEMENT_OVERDUE: {
    status: 409,
    'zh-CN': '补正期限已过，不能再提交补正材料',
    en: 'The deadline for the supplement has passed: it can no longer be answered',
  },
  APPLICATION_TOLERANCE_NOT_ALLOWED: {
    status: 422,
    'zh-CN': '所列材料不在本事项的容缺受理材料清单中',
    en: 'A listed material is not one this matter accepts pending',
  },
  APPLICATION_TOLERANCE_NOT_SIGNED: {
    status: 409,
    'zh-CN': '申请人尚未签署涵盖这些材料的容缺承诺书',
    en: 'The applicant has not signed a commitment covering these materials',
  },
  APPLICATION_TOLERANCE_DISHONEST: {
    status: 409,
    'zh-CN': '该企业列入严重失信主体名单，不适用容缺受理',
    en: 'The enterprise is on the list of seriously dishonest entities: no acceptance pending materials',
  },
  APPLICATION_TOLERANCE_TOO_LATE: {
    status: 422,
    'zh-CN': '容缺材料的补交期限不能超过承诺办结时限',
    en: 'The deadline for the missing materials may not be later than the promised decision',
  },
  APPLICATION_NO_TOLERANCE_PENDING: {
    status: 409,
    'zh-CN': '该办件没有待补交的容缺材料',
    en: 'No materials are owed under a commitment on this application',
  },
  APPLICATION_TOLERANCE_OVERDUE: {
    status: 409,
    'zh-CN': '容缺材料的补交期限已过，办件将终止办理',
    en: 'The deadline for the missing materials has passed: the application ends',
  },
  APPLICATION_ALREADY_EXTENDED: {
    status: 409,
    'zh-CN': '办理期限只能延长一次',
    en: 'The time limit may be extended only once',
  },
  APPLICATION_SPECIAL_STEP_UNKNOWN: {
    status: 422,
    'zh-CN': '本事项的办事指南没有列出这一特殊环节',
    en: 'The matter’s guide lists no such special step',
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
  APPLICATION_FORM_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '只有草稿或待补正的办件可以修改填报内容和材料',
    en: 'Only a draft, or an application asked for a supplement, can have its form and materials changed',
  },
  APPLICATION_INCOMPLETE: {
    status: 422,
    'zh-CN': '申请表或申请材料不完整，请按标出的项目补齐后再提交',
    en: 'The form or the materials are incomplete: complete the marked items, then submit',
  },
  MATERIAL_NOT_ASKED: {
    status: 422,
    'zh-CN': '该事项不要求提交这项材料',
    en: 'This matter does not ask for this material',
  },
  MATERIAL_REUSE_CONSENT_REQUIRED: {
    status: 422,
    'zh-CN': '复用以前提交过的文件，需要您同意',
    en: 'Reusing a file given before needs your consent',
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
  APPLICATION_PART_OF_BUNDLE: {
    status: 409,
    'zh-CN': '此办件是一件事申请的一部分，只能随一件事一并提交或撤回',
    en: 'This application is part of a bundle application: it is submitted and withdrawn with the bundle',
  },
  BUNDLE_APPLICATION_NOT_SUBMITTED: {
    status: 409,
    'zh-CN': '一件事申请尚未提交，不能撤回',
    en: 'The bundle application is not submitted, so there is nothing to withdraw',
  },
  BUNDLE_NOTHING_TO_WITHDRAW: {
    status: 409,
    'zh-CN': '一件事的各事项均已作出决定或已撤回，不能再撤回',
    en: 'Every part of the bundle is decided or withdrawn already; nothing is left to withdraw',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof servicesErrors, true> {}
}
