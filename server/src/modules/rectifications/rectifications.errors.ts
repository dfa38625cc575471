import { defineErrors } from '../../kernel/errors'

/** The error codes of rectifications and rating appeals: HTTP status and the message in each language. */
export const rectificationsErrors = defineErrors({
  RECTIFICATION_NOT_OPEN: {
    status: 409,
    'zh-CN': '整改已提交或已结束，不能再提交或补充材料',
    en: 'The rectification is no longer open for evidence',
  },
  RECTIFICATION_NOT_AWAITING_VERIFICATION: {
    status: 409,
    'zh-CN': '只有已提交整改材料的案件可以核实或退回',
    en: 'Only a rectification with submitted evidence can be verified or returned',
  },
  RECTIFICATION_NOT_VERIFIED: {
    status: 409,
    'zh-CN': '整改核实后才能向评价人反馈',
    en: 'The rater is told only after the fix was verified',
  },
  RECTIFICATION_NOT_RATEABLE: {
    status: 409,
    'zh-CN': '整改核实后才能评价整改结果',
    en: 'The fix can be rated only once it was verified',
  },
  RECTIFICATION_NOT_CLOSABLE: {
    status: 409,
    'zh-CN': '向评价人反馈后才能办结',
    en: 'A rectification closes only after the rater was told',
  },
  RECTIFICATION_NOT_WITHDRAWABLE: {
    status: 409,
    'zh-CN': '整改已结束，不能撤销',
    en: 'The rectification has ended and cannot be withdrawn',
  },
  RATING_APPEAL_ALREADY_OPEN: {
    status: 409,
    'zh-CN': '该评价已有待审核的申诉',
    en: 'This rating already has an appeal under review',
  },
  RATING_ALREADY_EXCLUDED: {
    status: 409,
    'zh-CN': '该评价已被剔除',
    en: 'This rating is already excluded',
  },
  RATING_APPEAL_DECIDED: {
    status: 409,
    'zh-CN': '申诉已审核',
    en: 'The appeal was already decided',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof rectificationsErrors, true> {}
}
