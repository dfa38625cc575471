import { registerMessages } from '../../kernel/i18n'

/** The texts services sends (notifications), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.services.application_submitted.title': '办件已提交',
  'notify.services.application_submitted.body': '「{title}」已提交，请等待部门办理。',
  'services.promisedExceedsStatutory': '承诺办结时限不能超过法定办结时限',
  'services.materialMissing': '请提交材料：{name}',
  'services.materialNotAsked': '不是该事项需要申请人提交的材料',
  'services.reuseConsentRequired': '请勾选同意复用该文件',
})
registerMessages('en', {
  'notify.services.application_submitted.title': 'Submitted',
  'notify.services.application_submitted.body': '“{title}” was submitted; the department will handle it.',
  'services.promisedExceedsStatutory': 'The promised time limit may not exceed the statutory one',
  'services.materialMissing': 'Provide the material: {name}',
  'services.materialNotAsked': 'Not a material this matter asks the applicant for',
  'services.reuseConsentRequired': 'Tick the box to agree that the file is reused',
})
