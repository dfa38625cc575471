import { defineErrors } from '../../kernel/errors'

/** The error codes of the exposure board: HTTP status and the message in each language. */
export const exposuresErrors = defineErrors({
  EXPOSURE_NOT_PROPOSED: {
    status: 409,
    'zh-CN': '该曝光提议已审核',
    en: 'The exposure proposal has been reviewed already',
  },
  EXPOSURE_NOT_REVIEWED: {
    status: 409,
    'zh-CN': '未经第二人审核通过，不能发布',
    en: 'Not approved by a second reviewer: it cannot be published',
  },
  EXPOSURE_NOT_PUBLISHED: {
    status: 409,
    'zh-CN': '该曝光尚未发布',
    en: 'The exposure is not published',
  },
  EXPOSURE_OWN_PROPOSAL: {
    status: 409,
    'zh-CN': '提议人不能审核自己的提议，须由另一人审核',
    en: 'The proposer may not review their own proposal: another person must',
  },
  EXPOSURE_PERSONAL_DATA: {
    status: 400,
    'zh-CN': '公开文本中仍有电话或身份证号，请先隐去',
    en: 'The public text still holds a phone or ID number: remove it first',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof exposuresErrors, true> {}
}
