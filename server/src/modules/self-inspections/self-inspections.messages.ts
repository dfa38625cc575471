import { registerMessages } from '../../kernel/i18n'

/** The texts self-inspections sends (notifications), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.self_inspections.issued.title': '新的自查自纠任务',
  'notify.self_inspections.issued.body':
    '营商局下发自查自纠任务「{title}」，请于 {deadline} 前提交自查报告。',
  'notify.self_inspections.returned.title': '自查报告被退回',
  'notify.self_inspections.returned.body': '「{title}」的自查报告被退回：{note}',
  'notify.self_inspections.accepted.title': '自查报告已通过',
  'notify.self_inspections.accepted.body':
    '「{title}」的自查报告已通过，{rectifications} 项问题转入整改跟踪。',
  'notify.self_inspections.deadline_near.title': '自查任务即将到期',
  'notify.self_inspections.deadline_near.body': '「{title}」将于 {deadline} 截止，请尽快提交自查报告。',
  'notify.self_inspections.rectification_reopened.title': '整改未通过确认',
  'notify.self_inspections.rectification_reopened.body': '「{title}」的一项整改被退回：{note}',
})
registerMessages('en', {
  'notify.self_inspections.issued.title': 'New self-inspection task',
  'notify.self_inspections.issued.body':
    'The bureau issued the self-inspection task “{title}”; submit your answer by {deadline}.',
  'notify.self_inspections.returned.title': 'Self-inspection answer returned',
  'notify.self_inspections.returned.body': 'Your answer to “{title}” was returned: {note}',
  'notify.self_inspections.accepted.title': 'Self-inspection answer accepted',
  'notify.self_inspections.accepted.body':
    'Your answer to “{title}” was accepted; {rectifications} problem(s) are now tracked rectifications.',
  'notify.self_inspections.deadline_near.title': 'Self-inspection task due soon',
  'notify.self_inspections.deadline_near.body': '“{title}” is due on {deadline}; please submit your answer.',
  'notify.self_inspections.rectification_reopened.title': 'Rectification not confirmed',
  'notify.self_inspections.rectification_reopened.body': 'A rectification of “{title}” was sent back: {note}',
})
