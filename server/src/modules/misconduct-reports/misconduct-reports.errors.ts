import { defineErrors } from '../../kernel/errors'

/** The error codes of misconduct reports: HTTP status and the message in each language. */
export const misconductReportsErrors = defineErrors({
  REPORT_NOT_RECEIVED: {
    status: 409,
    'zh-CN': '该举报已作出受理决定',
    en: 'The report has been decided on already',
  },
  REPORT_NOT_ACCEPTED: {
    status: 409,
    'zh-CN': '该举报未受理或已办结',
    en: 'The report is not accepted, or is finished',
  },
  REPORT_NOT_INVESTIGATING: {
    status: 409,
    'zh-CN': '该举报不在核查中',
    en: 'The report is not under investigation',
  },
  REPORT_NOT_CLOSED: {
    status: 409,
    'zh-CN': '该举报尚未办结',
    en: 'The report is not closed yet',
  },
  REPORT_NOT_TRANSFERABLE: {
    status: 409,
    'zh-CN': '该举报已办结或已转送，不能转送',
    en: 'The report is finished or transferred: it can no longer be transferred',
  },
  REPORT_NO_FINDINGS: {
    status: 409,
    'zh-CN': '该举报尚无核查结果',
    en: 'The report has no findings yet',
  },
  REPORT_NO_ACCUSED_DEPARTMENT: {
    status: 409,
    'zh-CN': '该举报未关联被举报部门，不能转为督办',
    en: 'The report names no department: it cannot become a supervision case',
  },
  REPORT_ALREADY_LINKED: {
    status: 409,
    'zh-CN': '该举报已转为督办件或曝光提议',
    en: 'The report has become a supervision case or exposure proposal already',
  },
  REPORT_NO_IDENTITY: {
    status: 404,
    'zh-CN': '该举报为匿名举报，没有举报人信息',
    en: 'The report is anonymous: there is no reporter to show',
  },
  REPORTER_CONSENT_MISSING: {
    status: 409,
    'zh-CN': '举报人未同意公开其身份，不能向他人提供举报人信息',
    en: 'The reporter has not agreed to be named: their identity may not be given to anyone',
  },
  REPORT_IDENTITY_REQUIRED: {
    status: 400,
    'zh-CN': '实名举报须填写姓名和手机号',
    en: 'A real-name report needs a name and a mobile number',
  },
  REPORT_TOO_MANY_FILES: {
    status: 400,
    'zh-CN': '证据材料最多 5 个文件',
    en: 'At most 5 evidence files',
  },
  REPORT_TOO_LARGE: {
    status: 413,
    'zh-CN': '举报内容和证据材料合计不能超过 25 MB',
    en: 'A report and its evidence may not exceed 25 MB together',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof misconductReportsErrors, true> {}
}
