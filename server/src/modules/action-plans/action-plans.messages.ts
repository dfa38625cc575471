import { registerMessages } from '../../kernel/i18n'

/** The texts the action plan sends (notifications), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.action_plans.assigned.title': '新的行动方案任务',
  'notify.action_plans.assigned.body':
    '营商局将行动方案任务「{title}」交由本单位牵头落实，完成时限 {deadline}。',
  'notify.action_plans.submitted.title': '行动方案任务报完成',
  'notify.action_plans.submitted.body': '{unit}报送「{title}」已完成，请审核佐证材料。',
  'notify.action_plans.returned.title': '行动方案任务被退回',
  'notify.action_plans.returned.body': '「{title}」的完成报送被退回：{note}',
  'notify.action_plans.accepted.title': '行动方案任务已验收',
  'notify.action_plans.accepted.body': '「{title}」已通过营商局验收。',
  'notify.action_plans.deadline_near.title': '行动方案任务即将到期',
  'notify.action_plans.deadline_near.body': '「{title}」将于 {deadline} 到期，请抓紧推进并报送进展。',
})
registerMessages('en', {
  'notify.action_plans.assigned.title': 'New action plan task',
  'notify.action_plans.assigned.body':
    'The bureau assigned the action plan task “{title}” to your unit; it is due on {deadline}.',
  'notify.action_plans.submitted.title': 'Action plan task reported done',
  'notify.action_plans.submitted.body': '{unit} reported “{title}” done; please review the evidence.',
  'notify.action_plans.returned.title': 'Action plan task returned',
  'notify.action_plans.returned.body': 'The report that “{title}” is done was returned: {note}',
  'notify.action_plans.accepted.title': 'Action plan task accepted',
  'notify.action_plans.accepted.body': 'The bureau accepted “{title}” as done.',
  'notify.action_plans.deadline_near.title': 'Action plan task due soon',
  'notify.action_plans.deadline_near.body':
    '“{title}” is due on {deadline}; please move it on and report progress.',
})
