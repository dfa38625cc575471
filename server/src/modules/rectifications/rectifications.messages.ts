import { registerMessages } from '../../kernel/i18n'

/** The texts rectifications sends (notifications, field messages), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.rectifications.opened.title': '收到差评，请按期整改',
  'notify.rectifications.opened.body':
    '「{title}」收到差评，已生成整改任务，请于 {due} 前提交整改措施和佐证材料。',
  'notify.rectifications.feedback.title': '差评整改结果反馈',
  'notify.rectifications.feedback.body': '「{title}」的整改已核实：{note}。欢迎您对整改结果再次评价。',
  'rectifications.contactNotConfirmed': '评价人未认可整改，请退回单位重新整改',
  'rectifications.contactInFuture': '联系时间不能晚于现在',
  'rectifications.notBadRating': '只能对本单位的评价提出申诉',
})
registerMessages('en', {
  'notify.rectifications.opened.title': 'A bad rating to put right',
  'notify.rectifications.opened.body':
    '"{title}" was rated badly: a rectification was opened. Submit the measures and evidence by {due}.',
  'notify.rectifications.feedback.title': 'What was done about your rating',
  'notify.rectifications.feedback.body':
    'The fix of “{title}” was verified: {note}. You are welcome to rate the fix.',
  'rectifications.contactNotConfirmed': 'The rater did not confirm the fix: return it to the unit',
  'rectifications.contactInFuture': 'The contact cannot be later than now',
  'rectifications.notBadRating': 'A unit can appeal only ratings of its own work',
})
