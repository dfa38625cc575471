import { defineErrors } from '../../kernel/errors'

/** The error codes of appeals: HTTP status and the message in each language. */
export const appealsErrors = defineErrors({
  APPEAL_NOT_ACCEPTABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能受理',
    en: 'The appeal cannot be accepted in its current state',
  },
  APPEAL_NOT_REJECTABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能作无效处理',
    en: 'The appeal cannot be rejected in its current state',
  },
  APPEAL_NOT_MERGEABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能合并',
    en: 'The appeal cannot be merged in its current state',
  },
  APPEAL_NOT_DISPATCHABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能派单',
    en: 'The appeal cannot be dispatched in its current state',
  },
  APPEAL_NOT_IN_ARBITRATION: {
    status: 409,
    'zh-CN': '诉求不在仲裁中',
    en: 'The appeal is not in arbitration',
  },
  APPEAL_NOT_SIGNABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能签收',
    en: 'The appeal cannot be signed for in its current state',
  },
  APPEAL_NOT_RETURNABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能退回',
    en: 'The appeal cannot be returned in its current state',
  },
  APPEAL_ASSIGNMENT_BINDING: {
    status: 409,
    'zh-CN': '专班已仲裁，本次派单不能再退回',
    en: 'The task force arbitrated: this assignment cannot be returned',
  },
  APPEAL_NOT_PAUSABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能挂起',
    en: 'The appeal cannot be paused in its current state',
  },
  APPEAL_NOT_PAUSED: {
    status: 409,
    'zh-CN': '诉求未挂起',
    en: 'The appeal is not paused',
  },
  APPEAL_NOT_EXTENDABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能申请延期',
    en: 'An extension cannot be requested in the current state',
  },
  APPEAL_NOT_CONTACTABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能记录联系',
    en: 'A contact cannot be recorded in the current state',
  },
  APPEAL_NOT_REPLIABLE: {
    status: 409,
    'zh-CN': '诉求当前状态不能答复，请先签收',
    en: 'The appeal cannot be answered in its current state; sign for it first',
  },
  APPEAL_NO_REPLY_TO_APPROVE: {
    status: 409,
    'zh-CN': '没有待审核的答复',
    en: 'There is no reply waiting for approval',
  },
  APPEAL_NOT_CONFIRMABLE: {
    status: 409,
    'zh-CN': '诉求尚未答复，不能评价',
    en: 'The appeal has not been answered yet',
  },
  APPEAL_NOT_WITHDRAWABLE: {
    status: 409,
    'zh-CN': '诉求已答复或已办结，不能撤回',
    en: 'The appeal was already answered or closed',
  },
  APPEAL_PART_NOT_ACCEPTED: {
    status: 409,
    'zh-CN': '牵头部门已答复或诉求已办结，协办意见不能再提交',
    en: 'The lead has answered or the appeal is closed: no more co-handling parts',
  },
  APPEAL_PART_ALREADY_SUBMITTED: {
    status: 409,
    'zh-CN': '本部门本轮的协办意见已经提交过',
    en: 'Your department already submitted its part for this round',
  },
  APPEAL_PARTS_MISSING: {
    status: 409,
    'zh-CN': '协办部门（{departments}）尚未提交协办意见：请等待，或填写不等待的理由后再答复',
    en: 'Co-handlers ({departments}) have not submitted their parts: wait for them, or give the reason for not waiting',
  },
  EXTENSION_ALREADY_DECIDED: {
    status: 409,
    'zh-CN': '该延期申请已处理',
    en: 'The extension request was already decided',
  },
  EXTENSION_TOO_LATE: {
    status: 409,
    'zh-CN': '办结时限已过，不能再申请延期；逾期已如实记录',
    en: 'The resolution deadline has passed: an extension can no longer be requested, and the breach stands',
  },
  RETURN_VISIT_ALREADY_DONE: {
    status: 409,
    'zh-CN': '该回访已完成',
    en: 'The return visit is already done',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof appealsErrors, true> {}
}
