import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'notify.enterprise.member_added.title': '您已可代表企业办事',
  'notify.enterprise.member_added.body': '您已被添加为「{enterprise}」的经办人，可登录营商通代表该企业办事。',
  'enterprise.outOfCityReasonRequired':
    '统一社会信用代码第 3–8 位（{code}）显示登记机关在{division}，不在{city}：请选择在本市使用平台的原因',
  'enterprise.outOfCityNoteRequired': '请简要说明企业与本市的关系，例如在本市的经营地址、项目或迁入进度',
  'enterprise.outOfCityNotNeeded': '统一社会信用代码显示在{city}登记，无需说明外地登记的原因',
  'enterprise.creditTierFromImport': '信用等级只来自市场监管部门的数据（数据导入），不能在这里填写或修改',
})
registerMessages('en', {
  'notify.enterprise.member_added.title': 'You can now act for an enterprise',
  'notify.enterprise.member_added.body':
    'You were added as an agent of "{enterprise}" and can act for it on Yingshang.',
  'enterprise.outOfCityReasonRequired':
    'Characters 3–8 of the credit code ({code}) say it was registered in {division}, not in {city}: choose why the enterprise uses this city’s platform',
  'enterprise.outOfCityNoteRequired':
    'Say briefly how the enterprise is tied to this city, e.g. its address, project or the progress of its move here',
  'enterprise.outOfCityNotNeeded':
    'The credit code says the enterprise was registered in {city}: no reason for registering elsewhere is needed',
  'enterprise.creditTierFromImport':
    'The credit tier comes only from the market-regulation department’s data (an import); it cannot be set here',
})
