import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'notify.supervision.closed.title': '督办件已办结',
  'notify.supervision.closed.body': '督办件（{subject}）已办结：{note}',
})
registerMessages('en', {
  'notify.supervision.closed.title': 'Supervision case closed',
  'notify.supervision.closed.body': 'The supervision case ({subject}) was closed: {note}',
})
