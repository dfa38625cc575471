import { registerMessages } from '../../kernel/i18n'

/** The texts {{module}} sends (notifications), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.{{moduleSnake}}.{{caseSnake}}_submitted.title': '{{caseLabelZh}}已提交',
  'notify.{{moduleSnake}}.{{caseSnake}}_submitted.body': '「{title}」已提交，请等待部门办理。',
})
registerMessages('en', {
  'notify.{{moduleSnake}}.{{caseSnake}}_submitted.title': 'Submitted',
  'notify.{{moduleSnake}}.{{caseSnake}}_submitted.body': '“{title}” was submitted; the department will handle it.',
})
