import { defineErrors } from '../../kernel/errors'

/** The error codes of random draws: HTTP status and the message in each language. */
export const randomDrawsErrors = defineErrors({
  RANDOM_DRAW_TOO_FEW_PARTIES: {
    status: 400,
    'zh-CN': '随机种子至少需要三方共同生成，且各方须为不同的工作人员',
    en: 'The seed needs at least three parties, each a different member of staff',
  },
  RANDOM_DRAW_PARTY_UNKNOWN: {
    status: 400,
    'zh-CN': '参与方必须是在职的工作人员',
    en: 'Every party must be an active member of staff',
  },
  RANDOM_DRAW_RATIO_OUT_OF_BOUNDS: {
    status: 400,
    'zh-CN': '抽查比例超出该信用等级允许的范围',
    en: 'A sample ratio is outside the bounds of its credit tier',
  },
  RANDOM_DRAW_ITEM_NOT_PUBLISHED: {
    status: 400,
    'zh-CN': '只能选择本部门已公布的检查事项',
    en: 'Only published inspection items of the inspecting body may be chosen',
  },
  RANDOM_DRAW_NOT_COMMITTING: {
    status: 409,
    'zh-CN': '名单已冻结，不能再提交承诺值',
    en: 'The list is frozen: no commitment can be made any more',
  },
  RANDOM_DRAW_ALREADY_COMMITTED: {
    status: 409,
    'zh-CN': '您已提交承诺值，不能更改',
    en: 'You have already committed; a commitment cannot be changed',
  },
  RANDOM_DRAW_COMMITMENTS_MISSING: {
    status: 409,
    'zh-CN': '尚有参与方未提交承诺值，不能冻结名单',
    en: 'Some parties have not committed yet: the list cannot be frozen',
  },
  RANDOM_DRAW_NO_ENTERPRISES: {
    status: 409,
    'zh-CN': '按筛选条件没有可抽取的企业',
    en: 'No enterprise matches the target filter',
  },
  RANDOM_DRAW_TOO_FEW_INSPECTORS: {
    status: 409,
    'zh-CN': '检查对象的可选执法人员不足（须至少两名持证且无利害关系的执法人员）',
    en: 'Too few eligible inspectors for a target (at least two certified inspectors without a conflict)',
  },
  RANDOM_DRAW_NOT_REVEALING: {
    status: 409,
    'zh-CN': '当前不在揭示阶段',
    en: 'The draw is not in its reveal step',
  },
  RANDOM_DRAW_ALREADY_REVEALED: {
    status: 409,
    'zh-CN': '您已揭示秘密值',
    en: 'You have already revealed your secret',
  },
  RANDOM_DRAW_REVEAL_MISMATCH: {
    status: 400,
    'zh-CN': '揭示的秘密值与承诺值不符',
    en: 'The secret does not match your commitment',
  },
  RANDOM_DRAW_REVEALS_MISSING: {
    status: 409,
    'zh-CN': '尚有参与方未揭示秘密值，不能抽取',
    en: 'Some parties have not revealed their secrets: the draw cannot be made',
  },
  RANDOM_DRAW_NOT_DRAWN: {
    status: 409,
    'zh-CN': '尚未抽取或已公示',
    en: 'The draw has not been made, or its result is already published',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof randomDrawsErrors, true> {}
}
