import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'errors.POLICY_NOT_EDITABLE': '政策当前状态不能修改（审核中或已生效：已生效的政策请先“修订”）',
  'errors.POLICY_NOT_SUBMITTABLE': '政策当前状态不能提交审核',
  'errors.POLICY_NOT_IN_REVIEW': '政策不在审核中',
  'errors.POLICY_NOT_REVISABLE': '只有生效中的政策可以修订，且一次只能有一个修订稿',
  'errors.POLICY_NOT_IN_FORCE': '政策未生效',
  'errors.POLICY_SAME_REVIEWER': '提交审核的人不能自己审核发布（双人复核）',
  'policies.endBeforeStart': '截止日期早于生效日期',
  'policies.unknownDepartment': '部门不存在或已停用',
  'policies.itemCodeTaken': '同一政策中已有该条款编号',
  'policies.amountRequired': '定额兑现需要填写金额',
  'policies.formulaRequired': '按公式兑现需要填写计算公式',
  'policies.duplicateConditionIds': '条件编号重复',
  'policies.effectiveFromRequired': '发布前请填写生效日期',
  'policies.noItems': '发布前至少要有一个兑现事项',
  'policies.noConditions': '兑现事项至少要有一个申报条件',
  'policies.noteRequired': '请填写说明',
  'notify.policies.push.title': '有新的惠企政策可以享受',
  'notify.policies.push.body':
    '您的企业“{enterprise}”符合“{title}”等 {count} 项政策条件，打开营商通查看并确认。',
  'notify.policies.need_answered.title': '您提出的需求有了回复',
  'notify.policies.need_answered.body': '关于“{topic}”的需求：{answer}',
})
registerMessages('en', {
  'errors.POLICY_NOT_EDITABLE':
    'The policy cannot be changed now (in review or in force: revise a policy in force first)',
  'errors.POLICY_NOT_SUBMITTABLE': 'The policy cannot be submitted for review now',
  'errors.POLICY_NOT_IN_REVIEW': 'The policy is not in review',
  'errors.POLICY_NOT_REVISABLE': 'Only a policy in force can be revised, one revision at a time',
  'errors.POLICY_NOT_IN_FORCE': 'The policy is not in force',
  'errors.POLICY_SAME_REVIEWER': 'Whoever submitted it cannot review it (four eyes)',
  'policies.endBeforeStart': 'The end date is before the start date',
  'policies.unknownDepartment': 'The department does not exist or is inactive',
  'policies.itemCodeTaken': 'This policy already has an item with this clause number',
  'policies.amountRequired': 'A fixed benefit needs its amount',
  'policies.formulaRequired': 'A benefit by formula needs its formula',
  'policies.duplicateConditionIds': 'Condition ids repeat',
  'policies.effectiveFromRequired': 'Give the date the policy applies from before publishing',
  'policies.noItems': 'A policy needs at least one benefit item to be published',
  'policies.noConditions': 'A benefit item needs at least one condition',
  'policies.noteRequired': 'Give a note',
  'notify.policies.push.title': 'New policy benefits for you',
  'notify.policies.push.body':
    '"{enterprise}" meets the conditions of {count} policy items, among them "{title}". Open Yingshang to see and confirm.',
  'notify.policies.need_answered.title': 'Your need was answered',
  'notify.policies.need_answered.body': 'About "{topic}": {answer}',
})
