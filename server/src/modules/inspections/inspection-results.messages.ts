import { registerMessages } from '../../kernel/i18n'

/** The texts of the inspection result in both languages (field messages); error texts are in its errors file. */
registerMessages('zh-CN', {
  'inspectionResults.entryCode': '编号须为 2–40 位大写字母、数字或连字符',
  'inspectionResults.conditionTwice': '同一条件只能列一次',
  'inspectionResults.entryRequired': '适用免罚须选择清单事项',
  'inspectionResults.noReasonWithLeniency': '适用免罚时不填不适用理由',
  'inspectionResults.noPenaltyWithLeniency': '适用免罚时不能同时处罚',
  'inspectionResults.reasonRequired': '不适用免罚或作出处罚须写明理由',
  'inspectionResults.penaltyRequired': '作出处罚须写明处罚内容',
  'inspectionResults.noPenaltyWhenNotApplied': '“不适用免罚”不填处罚内容；作出处罚请选“处罚”',
  'inspectionResults.problemsRequired': '发现问题须逐项列出',
  'inspectionResults.noProblemsExpected': '未发现问题时不列问题',
  'inspectionResults.entryUnknown': '清单事项不存在或当日尚未施行',
  'inspectionResults.conditionNotConfirmed': '未确认条件：{condition}',
  'inspectionResults.earlierOffence': '两年内已有同类违法记录（{number}），不属首违',
  'inspectionResults.notInForce': '该清单事项在检查结果当日尚未施行',
  'inspectionResults.unknownCondition': '该清单事项没有此条件：{condition}',
  'inspectionResults.recheckPurpose': '复查 {number} 责令改正事项的整改情况（不罚≠不管）',
  'inspectionResults.recheckExemption': '复查整改情况，按规定不计入检查频次',
})
registerMessages('en', {
  'inspectionResults.entryCode': 'The code is 2–40 capital letters, digits or hyphens',
  'inspectionResults.conditionTwice': 'A condition may be listed once',
  'inspectionResults.entryRequired': 'Leniency names the list entry it applies',
  'inspectionResults.noReasonWithLeniency': 'Leniency takes no reason for not applying it',
  'inspectionResults.noPenaltyWithLeniency': 'Leniency and a penalty exclude each other',
  'inspectionResults.reasonRequired': 'Not applying leniency, or a penalty, states its reason',
  'inspectionResults.penaltyRequired': 'A penalty states what it is',
  'inspectionResults.noPenaltyWhenNotApplied': '“Not applied” takes no penalty; choose “penalty” for one',
  'inspectionResults.problemsRequired': 'Problems found are listed one by one',
  'inspectionResults.noProblemsExpected': 'No problems are listed when none was found',
  'inspectionResults.entryUnknown': 'The list entry does not exist or is not in force that day',
  'inspectionResults.conditionNotConfirmed': 'Condition not confirmed: {condition}',
  'inspectionResults.earlierOffence':
    'An earlier offence of this kind within two years ({number}): not a first offence',
  'inspectionResults.notInForce': 'The list entry is not in force on the day of the result',
  'inspectionResults.unknownCondition': 'The list entry has no such condition: {condition}',
  'inspectionResults.recheckPurpose': 'Re-check of the corrections ordered by {number}',
  'inspectionResults.recheckExemption': 'A re-check of corrections: not counted against the caps',
})
