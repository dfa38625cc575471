import { defineErrors } from '../../kernel/errors'

/** The error codes of commitments: HTTP status and the message in each language. */
export const commitmentsErrors = defineErrors({
  COMMITMENT_NOT_PAYABLE_NOW: {
    status: 409,
    'zh-CN': '该承诺已结清或已转入还款计划，不能再登记付款',
    en: 'This commitment is settled or carried by a repayment plan; no payment can be recorded',
  },
  COMMITMENT_NOT_OPEN: { status: 409, 'zh-CN': '该承诺已结清', en: 'This commitment is already settled' },
  COMMITMENT_NOT_OVERDUE: {
    status: 409,
    'zh-CN': '只有逾期的账款可以约定还款计划',
    en: 'Only an overdue payable can be rescheduled into a repayment plan',
  },
  COMMITMENT_NOT_A_PAYABLE: {
    status: 409,
    'zh-CN': '该承诺不是账款，不能登记付款或还款计划',
    en: 'This commitment is not a payable: it has no payments or repayment plan',
  },
  COMMITMENT_IS_A_PAYABLE: {
    status: 409,
    'zh-CN': '账款以付款结清，请登记付款',
    en: 'A payable is settled by payment: record the payment instead',
  },
  PAYMENT_TERM_OVER_MAXIMUM: {
    status: 422,
    'zh-CN':
      '付款期限超过法定上限：自交付或验收之日起 30 日；大型企业约定的最长 60 日（保障中小企业款项支付条例）',
    en: 'The payment term exceeds the legal maximum: 30 days from delivery or acceptance, at most 60 days by agreement for a large buyer',
  },
  INTEREST_BELOW_FLOOR: {
    status: 422,
    'zh-CN': '约定的逾期利率不得低于合同订立时一年期贷款市场报价利率（LPR）',
    en: 'The agreed overdue interest rate may not be below the one-year LPR at signing',
  },
  COMMITMENT_PAYMENT_TOO_LARGE: {
    status: 422,
    'zh-CN': '付款本金超过尚未支付的无争议金额',
    en: 'The principal paid exceeds the undisputed amount still unpaid',
  },
  COMMITMENT_DATE_INVALID: {
    status: 422,
    'zh-CN': '日期不合理：付款日不能早于验收日，也不能晚于今天',
    en: 'The date is not plausible: a payment cannot precede the acceptance or lie in the future',
  },
  COMMITMENT_DISPUTE_TOO_LARGE: {
    status: 422,
    'zh-CN': '有争议金额不能超过合同金额',
    en: 'The disputed part cannot exceed the amount',
  },
  COMMITMENT_PLAN_MISMATCH: {
    status: 422,
    'zh-CN': '还款计划各期金额之和必须等于尚欠的无争议本金，且各期日期须晚于今天',
    en: 'The instalments must add up to the undisputed principal still owed and fall after today',
  },
  COMMITMENT_UNIT_UNKNOWN: {
    status: 422,
    'zh-CN': '承诺单位或企业不存在',
    en: 'The owning unit or the enterprise does not exist',
  },
  COMPLAINT_ALREADY_DECIDED: {
    status: 409,
    'zh-CN': '该投诉已核实办结',
    en: 'This complaint has already been verified',
  },
  COMPLAINT_ALREADY_OPEN: {
    status: 409,
    'zh-CN': '该事项已有正在核实的投诉',
    en: 'A complaint about this commitment is already being verified',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof commitmentsErrors, true> {}
}
