import { registerMessages } from '../../kernel/i18n'

/** The texts services sends (notifications), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.services.application_submitted.title': '办件已提交',
  'notify.services.application_submitted.body': '「{title}」已提交，请等待部门办理。',
  'services.promisedExceedsStatutory': '承诺办结时限不能超过法定办结时限',
  'notify.services.application_notice.title': '{notice}',
  'notify.services.application_notice.body': '「{title}」：{notice}已送达，请在办件详情中查看。',
  'services.review.delegateInvalid': '请选择本部门具有该环节角色的同事',
  'services.review.reasonRequired': '不予许可须写明理由',
  'services.review.legalBasisRequired': '不予许可须写明法律依据',
  'services.review.noteRequired': '退回须写明意见',
  'notify.services.application_approved.title': '办件已准予许可',
  'notify.services.application_approved.body':
    '「{title}」已准予行政许可，决定书和电子证照可在办件详情查看。',
  'notify.services.application_refused.title': '办件不予许可',
  'notify.services.application_refused.body': '「{title}」不予行政许可，理由、依据和救济途径见决定书。',
  'services.materialMissing': '请提交材料：{name}',
  'services.materialNotAsked': '不是该事项需要申请人提交的材料',
  'services.reuseConsentRequired': '请勾选同意复用该文件',
})
registerMessages('en', {
  'notify.services.application_submitted.title': 'Submitted',
  'notify.services.application_submitted.body': '“{title}” was submitted; the department will handle it.',
  'services.promisedExceedsStatutory': 'The promised time limit may not exceed the statutory one',
  'notify.services.application_notice.title': '{notice}',
  'notify.services.application_notice.body':
    '“{title}”: a notice ({notice}) was issued; see the application.',
  'services.review.delegateInvalid': 'Choose a colleague of the department holding the step’s role',
  'services.review.reasonRequired': 'A refusal states its reason',
  'services.review.legalBasisRequired': 'A refusal states its legal basis',
  'services.review.noteRequired': 'A return states why',
  'notify.services.application_approved.title': 'Approved',
  'notify.services.application_approved.body':
    '“{title}” was approved; the decision and any e-certificate are on its page.',
  'notify.services.application_refused.title': 'Refused',
  'notify.services.application_refused.body':
    '“{title}” was refused; the decision gives the reason, the legal basis and your remedies.',
  'services.materialMissing': 'Provide the material: {name}',
  'services.materialNotAsked': 'Not a material this matter asks the applicant for',
  'services.reuseConsentRequired': 'Tick the box to agree that the file is reused',
})
