import { registerMessages } from '../../kernel/i18n'

/** The texts services sends (notifications), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.services.application_submitted.title': '办件已提交',
  'notify.services.application_submitted.body': '「{title}」已提交，请等待部门办理。',
  'services.promisedExceedsStatutory': '承诺办结时限不能超过法定办结时限',
  'notify.services.application_notice.title': '{notice}',
  'notify.services.application_notice.body': '「{title}」：{notice}已送达，请在办件详情中查看。',
})
registerMessages('en', {
  'notify.services.application_submitted.title': 'Submitted',
  'notify.services.application_submitted.body': '“{title}” was submitted; the department will handle it.',
  'services.promisedExceedsStatutory': 'The promised time limit may not exceed the statutory one',
  'notify.services.application_notice.title': '{notice}',
  'notify.services.application_notice.body':
    '“{title}”: a notice ({notice}) was issued; see the application.',
})
