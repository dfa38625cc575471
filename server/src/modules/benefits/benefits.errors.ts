import { defineErrors } from '../../kernel/errors'

/** The error codes of benefits: HTTP status and the message in each language. */
export const benefitsErrors = defineErrors({
  BENEFIT_NOT_ELIGIBLE: {
    status: 409,
    'zh-CN': '不符合该事项的条件：{reasons}',
    en: 'Not eligible for this benefit: {reasons}',
  },
  BENEFIT_ALREADY_CLAIMED: {
    status: 409,
    'zh-CN': '本企业已确认或申报过该事项，不能重复办理',
    en: 'The enterprise has already consented to or applied for this benefit',
  },
  BENEFIT_WRONG_MODE: {
    status: 409,
    'zh-CN': '办理方式不对：免申即享事项只需确认，快申快享和标准申报事项需要提交申请',
    en: 'Wrong way to claim: a no-application benefit takes a consent; fast and standard applications take an application',
  },
  CLAIM_NOT_DECIDABLE: {
    status: 409,
    'zh-CN': '申请当前状态不能作出决定（标准申报须先由经办人审核并提出意见）',
    en: 'The claim cannot be decided now (a standard application needs the handler’s recommendation first)',
  },
  CLAIM_NOT_WITHDRAWABLE: {
    status: 409,
    'zh-CN': '已作出决定或已兑现，不能撤回',
    en: 'Decided or paid: it can no longer be withdrawn',
  },
  CLAIM_NOT_PAYABLE: {
    status: 409,
    'zh-CN': '当前状态不能兑现或排除',
    en: 'The claim cannot be paid or excluded now',
  },
  CLAIM_NOT_RATABLE: {
    status: 409,
    'zh-CN': '只能对已兑现或未获批准的事项评价一次',
    en: 'Only a paid or rejected claim can be rated, once',
  },
  BUDGET_EXCEEDED: {
    status: 409,
    'zh-CN': '超出预算上限：上限 {cap} 元，已兑现 {used} 元，本次 {adding} 元，超出 {over} 元',
    en: 'Over the budget cap: cap {cap} yuan, paid {used} yuan, this payout {adding} yuan, {over} yuan over',
  },
  CLAIM_NOT_REVIEWABLE: {
    status: 409,
    'zh-CN': '申请当前状态不能审核或要求补正',
    en: 'The application cannot be reviewed or sent back for a supplement now',
  },
  CLAIM_NOT_RESUBMITTABLE: {
    status: 409,
    'zh-CN': '申请不在补正中，不能补交材料',
    en: 'No supplement was requested: nothing to resubmit',
  },
  CLAIM_SAME_REVIEWER: {
    status: 409,
    'zh-CN': '提出审核意见的人不能自己作出决定（双人复核）',
    en: 'Whoever recommended it cannot decide it too (four eyes)',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof benefitsErrors, true> {}
}
