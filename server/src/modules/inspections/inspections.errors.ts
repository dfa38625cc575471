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
  INSPECTION_ITEM_CODE_TAKEN: {
    status: 409,
    'zh-CN': '该检查事项编码已被使用',
    en: 'An inspection item with this code exists already',
  },
  INSPECTION_ITEM_NOT_PUBLISHABLE: {
    status: 409,
    'zh-CN': '只有草稿状态的检查事项可以发布',
    en: 'Only a draft inspection item can be published',
  },
  INSPECTION_ITEM_NOT_WITHDRAWABLE: {
    status: 409,
    'zh-CN': '只有已发布的检查事项可以撤回',
    en: 'Only a published inspection item can be withdrawn',
  },
  INSPECTION_ITEM_NOT_PUBLISHED: {
    status: 422,
    'zh-CN': '检查事项未发布或不属于本检查机关：未公布的事项不得检查',
    en: 'An inspection item is not published or not of the inspecting body: unpublished items may not be inspected',
  },
  INSPECTOR_USER_NOT_OF_BODY: {
    status: 422,
    'zh-CN': '该人员不是本机关的工作人员',
    en: 'The person is not on the staff of this body',
  },
  INSPECTOR_ALREADY_CERTIFIED: {
    status: 409,
    'zh-CN': '该人员已登记为执法人员，或执法证号已被使用',
    en: 'The person is a certified inspector already, or the certificate number is taken',
  },
  INSPECTOR_NOT_CERTIFIED: {
    status: 422,
    'zh-CN': '执法人员未持有有效执法证（未登记、已停用、证件到期或不属于本机关）',
    en: 'An inspector holds no valid certificate (not registered, deactivated, expired by the planned date, or of another body)',
  },
  INSPECTOR_IN_CONFLICT: {
    status: 422,
    'zh-CN': '执法人员已申报与该企业存在利害关系，应当回避',
    en: 'An inspector declared a conflict of interest with this enterprise and must stand aside',
  },
  INSPECTION_TOO_FEW_INSPECTORS: {
    status: 422,
    'zh-CN': '行政检查应当由两名以上执法人员实施',
    en: 'An inspection is made by at least two certified inspectors',
  },
  INSPECTION_VISITORS_REQUIRED: {
    status: 422,
    'zh-CN': '服务走访须列明本机关的走访人员，且不列执法人员',
    en: 'A service visit lists its visitors from the body’s staff, and no inspectors',
  },
  INSPECTION_PLANNER_NOT_CERTIFIED: {
    status: 403,
    'zh-CN': '只有本机关持证执法人员或部门负责人可以登记检查计划',
    en: 'Only a certified inspector of the body or its head may plan an inspection',
  },
  INSPECTION_WINDOW_PAST: {
    status: 422,
    'zh-CN': '检查时间窗口不能早于今天',
    en: 'The inspection window cannot start before today',
  },
  INSPECTION_CODE_NOT_VALID: {
    status: 404,
    'zh-CN': '检查码无效：未登记或不属于本企业。可以拒绝入企并一键举报',
    en: 'The check code does not verify: not registered or not for this enterprise. You may refuse the visit and report it',
  },
  INSPECTION_OUTSIDE_WINDOW: {
    status: 409,
    'zh-CN': '今天不在该检查的审批时间窗口内，检查码不可用',
    en: 'Today is outside the approved window of the inspection: the code cannot be used',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof inspectionsErrors, true> {}
}
