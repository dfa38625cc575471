import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'notify.supervision.openedMany.title': '新的督办件',
  'notify.supervision.openedMany.body': '新立督办件 {count} 件，请被督办单位在期限内反馈办理情况。',
  'notify.supervision.opened.title': '新的督办件',
  'notify.supervision.opened.body': '已立督办件（{reason}），请被督办单位在期限内反馈办理情况。',
  'notify.supervision.responded.title': '督办件已反馈',
  'notify.supervision.responded.body': '督办件（{subject}）的被督办单位已反馈办理情况，请核验。',
  'notify.supervision.rejected.title': '督办反馈被退回',
  'notify.supervision.rejected.body': '督办件（{subject}）的反馈未通过核验：{note}',
  'notify.supervision.escalated.title': '督办件已升级',
  'notify.supervision.escalated.body': '督办件（{subject}）未在期限内反馈，已升级为{level}督办。',
  'notify.supervision.closed.title': '督办件已办结',
  'notify.supervision.closed.body': '督办件（{subject}）已办结：{note}',
  'supervision.unknownDepartment': '被督办单位不存在',
  'supervision.level.section': '科室级',
  'supervision.level.bureau': '局级',
  'supervision.level.city': '市级',
  'supervision.reason.bad_ratings': '同一单位短期内多次差评',
  'supervision.reason.deemed_accepted': '办件受理审查超期，视为受理',
  'supervision.reason.overdue': '诉求办理超时，逐级升级后仍未处理',
})
registerMessages('en', {
  'notify.supervision.openedMany.title': 'New supervision cases',
  'notify.supervision.openedMany.body':
    '{count} supervision cases were opened: the units concerned must respond by their deadlines.',
  'notify.supervision.opened.title': 'New supervision case',
  'notify.supervision.opened.body':
    'A supervision case was opened ({reason}); the unit must respond with what it did by the deadline.',
  'notify.supervision.responded.title': 'Supervision case responded',
  'notify.supervision.responded.body':
    'The unit responded to the supervision case ({subject}): please verify.',
  'notify.supervision.rejected.title': 'Supervision response sent back',
  'notify.supervision.rejected.body':
    'The response to the supervision case ({subject}) was not accepted: {note}',
  'notify.supervision.escalated.title': 'Supervision case escalated',
  'notify.supervision.escalated.body':
    'No response to the supervision case ({subject}) came in time: it is now at {level} level.',
  'notify.supervision.closed.title': 'Supervision case closed',
  'notify.supervision.closed.body': 'The supervision case ({subject}) was closed: {note}',
  'supervision.unknownDepartment': 'The unit to supervise does not exist',
  'supervision.level.section': 'section',
  'supervision.level.bureau': 'bureau',
  'supervision.level.city': 'city',
  'supervision.reason.bad_ratings': 'repeated bad ratings of one unit',
  'supervision.reason.deemed_accepted':
    'an application deemed accepted: its completeness check came too late',
  'supervision.reason.overdue': 'an appeal past its deadline after every escalation step',
})
