import { registerMessages } from '../../kernel/i18n'

/** The texts services sends (notifications), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.services.application_submitted.title': '办件已提交',
  'notify.services.application_submitted.body': '「{title}」已提交，请等待部门办理。',
  'services.promisedExceedsStatutory': '承诺办结时限不能超过法定办结时限',
  'services.figuresRange': '统计区间须为1至24个月，且结束月份不早于开始月份',
})
registerMessages('en', {
  'notify.services.application_submitted.title': 'Submitted',
  'notify.services.application_submitted.body': '“{title}” was submitted; the department will handle it.',
  'services.promisedExceedsStatutory': 'The promised time limit may not exceed the statutory one',
  'services.figuresRange': 'The period is 1 to 24 months, and ends no earlier than it starts',
})
