import { defineErrors } from '../../kernel/errors'

/** The error codes of policies: HTTP status and the message in each language. */
export const policiesErrors = defineErrors({
  POLICY_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '政策当前状态不能修改（审核中或已生效：已生效的政策请先“修订”）',
    en: 'The policy cannot be changed now (in review or in force: revise a policy in force first)',
  },
  POLICY_NOT_SUBMITTABLE: {
    status: 409,
    'zh-CN': '政策当前状态不能提交审核',
    en: 'The policy cannot be submitted for review now',
  },
  POLICY_NOT_IN_REVIEW: {
    status: 409,
    'zh-CN': '政策不在审核中',
    en: 'The policy is not in review',
  },
  POLICY_NOT_REVISABLE: {
    status: 409,
    'zh-CN': '只有生效中的政策可以修订，且一次只能有一个修订稿',
    en: 'Only a policy in force can be revised, one revision at a time',
  },
  POLICY_NOT_IN_FORCE: {
    status: 409,
    'zh-CN': '政策未生效',
    en: 'The policy is not in force',
  },
  POLICY_SAME_REVIEWER: {
    status: 409,
    'zh-CN': '提交审核的人不能自己审核发布（双人复核）',
    en: 'Whoever submitted it cannot review it (four eyes)',
  },
  POLICY_PREVIEW_STALE: {
    status: 409,
    'zh-CN': '预览之后，发布的影响有了变化：请查看最新的预览后再确认发布',
    en: 'What the publication would do has changed since the preview: look at the new preview, then confirm',
  },
  POLICY_PUSH_CONFIRMATION_REQUIRED: {
    status: 409,
    'zh-CN': '这次发布将推送给 {count} 家企业，超过 {threshold} 家：请再次确认推送的企业数',
    en: 'This publication would tell {count} enterprises, more than {threshold}: confirm the number again',
  },
})

declare module '../../kernel/errors' {
  interface ModuleErrorCodes extends Record<keyof typeof policiesErrors, true> {}
}
