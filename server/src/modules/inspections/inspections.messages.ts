import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  // the record of a service visit as one contact of the platform's contact cap (decision 0005)
  'notify.inspections.serviceVisitContact.title': '服务走访',
  'notify.inspections.serviceVisitContact.body': '服务走访 {number}（{from} 至 {to}）',
  'notify.inspections.planned.title': '新的检查计划待审批',
  'notify.inspections.planned.body': '检查计划 {number} 已登记，请审批。',
  'notify.inspections.drawPlanned.title': '随机抽查的检查计划待审批',
  'notify.inspections.drawPlanned.body': '随机抽查“{title}”已抽取，生成 {count} 项检查计划，请审批。',
  'notify.inspections.approved.title': '检查已登记并获批',
  'notify.inspections.approved.body':
    '{body}将于 {from} 至 {to} 入企开展检查（{number}），检查事项：{items}。入企时请扫描执法人员出示的检查码核验；无码检查可拒绝并一键举报。',
  'notify.inspections.resultNoProblem.title': '检查结果：未发现问题',
  'notify.inspections.resultNoProblem.body':
    '检查 {number} 的结果已录入：未发现问题。可在“检查记录”中查看并评价。',
  'notify.inspections.resultProblems.title': '检查结果：发现问题，请按期整改',
  'notify.inspections.resultProblems.body':
    '检查 {number} 的结果已录入：发现 {count} 项问题。请在“检查记录”中查看处理决定和整改期限，到期将复查。',
  'notify.inspections.refused.title': '企业拒绝了入企检查',
  'notify.inspections.refused.body': '检查 {number} 被企业拒绝入企：{reason}',
  'notify.inspections.unregistered_reported.title': '企业举报未登记检查',
  'notify.inspections.unregistered_reported.body':
    '有企业拒绝了一次未出示有效检查码的入企（自称{body}），请核查。',
})

registerMessages('en', {
  'notify.inspections.serviceVisitContact.title': 'Service visit',
  'notify.inspections.serviceVisitContact.body': 'Service visit {number} ({from} to {to})',
  'notify.inspections.planned.title': 'An inspection plan awaits approval',
  'notify.inspections.planned.body': 'Inspection plan {number} was registered: please approve or reject it.',
  'notify.inspections.drawPlanned.title': 'Inspection plans from a random draw await approval',
  'notify.inspections.drawPlanned.body':
    'The random draw "{title}" was made and planned {count} inspections: please approve or reject them.',
  'notify.inspections.approved.title': 'An inspection was registered and approved',
  'notify.inspections.approved.body':
    '{body} will visit between {from} and {to} ({number}) to inspect: {items}. Scan the check code the inspectors show at the door; you may refuse and report a visit without a code.',
  'notify.inspections.resultNoProblem.title': 'Inspection result: no problem found',
  'notify.inspections.resultNoProblem.body':
    'The result of inspection {number} was recorded: no problem found. See it and rate the visit under Inspections.',
  'notify.inspections.resultProblems.title': 'Inspection result: problems to correct',
  'notify.inspections.resultProblems.body':
    'The result of inspection {number} was recorded: {count} problem(s) found. See the decisions and correction deadlines under Inspections; a re-check follows.',
  'notify.inspections.refused.title': 'An enterprise refused a visit',
  'notify.inspections.refused.body': 'The enterprise refused inspection {number} at the door: {reason}',
  'notify.inspections.unregistered_reported.title': 'An unregistered visit was reported',
  'notify.inspections.unregistered_reported.body':
    'An enterprise refused a visit that showed no valid check code (the visitors said they were {body}): please look into it.',
})
