import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'departments.parentMissing': '上级部门不存在或已停用',
  'departments.parentKind': '部门和区县政府挂在市级之下，科室（处室）挂在部门或区县之下',
  'departments.unknownDivision': '不是 GB/T 2260 行政区划代码',
  'departments.formTaken': '已是「{name}」的名称或常用称呼，同一称呼不能指两个部门',
  'departments.formDuplicate': '与前面的称呼重复',
  'departments.formNoLetter': '称呼应含有文字',
})
registerMessages('en', {
  'departments.parentMissing': 'The parent does not exist or is inactive',
  'departments.parentKind':
    'Departments and districts sit under the city; divisions under a department or district',
  'departments.unknownDivision': 'Not a GB/T 2260 division code',
  'departments.formTaken': 'Already a name or common form of “{name}”: one form cannot name two departments',
  'departments.formDuplicate': 'Repeats an earlier form',
  'departments.formNoLetter': 'A form needs letters or characters, not only digits or punctuation',
})
