import { defineErrors } from '../../kernel/errors'

/** The error codes of inspection caps: HTTP status and the message in each language. */
export const inspectionCapsErrors = defineErrors({
  INSPECTION_CAP_REACHED: {
    status: 409,
    'zh-CN':
      '超过检查频次上限：{cap}本年度已有 {count} 次，上限 {limit} 次。如确需检查，请注明豁免事由，或向营商局申请豁免',
    en: 'Over the inspection cap: {cap} has {count} this year, the limit is {limit}. Give a documented exemption or ask the bureau for one',
  },
  INSPECTION_CAP_NO_GRANTED_EXEMPTION: {
    status: 409,
    'zh-CN': '没有营商局已批准且未使用的豁免申请（同一企业、同一检查单位、同一年度）',
    en: 'There is no unused exemption granted by the bureau for this enterprise, body and year',
  },
  INSPECTION_CAP_EFFECTIVE_PAST: {
    status: 422,
    'zh-CN': '新的频次上限只能从今天或以后生效，不能改写过去',
    en: 'New caps take effect today or later: the past is not rewritten',
  },
  INSPECTION_CAP_VERSION_EXISTS: {
    status: 409,
    'zh-CN': '该生效日期已有一个版本，请另选日期',
    en: 'A version already takes effect on that date: choose another',
  },
  INSPECTION_CAP_NOT_YOUR_BODY: {
    status: 403,
    'zh-CN': '只能为本单位的检查申请豁免',
    en: 'You may ask for exemptions for your own body’s inspections only',
  },
  INSPECTION_CAP_UNKNOWN_TARGET: {
    status: 422,
    'zh-CN': '企业、检查单位或检查事项不存在，或事项不属于该单位',
    en: 'The enterprise, body or item does not exist, or the item is not the body’s',
  },
  INSPECTION_CAP_REQUEST_DECIDED: {
    status: 409,
    'zh-CN': '该豁免申请已处理或已被修改，请刷新后再试',
    en: 'The exemption request is decided or changed already: reload and try again',
  },
  INSPECTION_CAP_JOINT_NOT_MERGEABLE: {
    status: 409,
    'zh-CN': '只能合并同一企业、至少两个检查单位、待审批或已审批且未合并的检查',
    en: 'Only planned or approved inspections of one enterprise by at least two bodies, not merged yet, can be merged',
  },
  INSPECTION_CAP_JOINT_DATE_OUTSIDE_WINDOW: {
    status: 422,
    'zh-CN': '联合检查日期须在每一项被合并检查的时间窗口之内',
    en: 'The joint visit’s date must fall inside every merged inspection’s window',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof inspectionCapsErrors, true> {}
}
