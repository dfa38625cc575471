import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'departments.parentMissing': '上级部门不存在或已停用',
  'departments.parentKind': '部门和区县政府挂在市级之下，科室（处室）挂在部门或区县之下',
  'departments.unknownDivision': '不是 GB/T 2260 行政区划代码',
})
registerMessages('en', {
  'departments.parentMissing': 'The parent does not exist or is inactive',
  'departments.parentKind':
    'Departments and districts sit under the city; divisions under a department or district',
  'departments.unknownDivision': 'Not a GB/T 2260 division code',
})
