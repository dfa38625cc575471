import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'calendar.toBeforeFrom': '结束日期早于开始日期',
  'calendar.rangeTooLong': '一次最多查询 {max} 天',
  'calendar.notInYear': '日期不在 {year} 年内',
  'calendar.holidayTooLong': '一段假期不超过 16 天',
  'calendar.makeUpIsHoliday': '调休上班日不能同时是放假日',
})
registerMessages('en', {
  'calendar.toBeforeFrom': 'The end date is before the start date',
  'calendar.rangeTooLong': 'At most {max} days at a time',
  'calendar.notInYear': 'The date is not in {year}',
  'calendar.holidayTooLong': 'A holiday lasts at most 16 days',
  'calendar.makeUpIsHoliday': 'A make-up working day cannot also be a holiday',
})
