import { registerMessages } from '../../kernel/i18n'

/** The texts inspection caps sends (the plan's notes, the cap names, field messages), in both languages. */
registerMessages('zh-CN', {
  'inspectionCaps.cap.per_body': '本单位对该企业的检查',
  'inspectionCaps.cap.total': '各单位对该企业的检查合计',
  'inspectionCaps.cap.item': '该检查事项对该企业的检查',
  'inspectionCaps.cap.service_visit': '本季度对该企业的服务走访',
  'inspectionCaps.jointNote':
    '综合查一次：该企业在前后 {days} 天内已有 {count} 项其他单位的检查（{numbers}），建议合并为一次联合检查',
  'inspectionCaps.perBodyOverTotal': '单个单位的上限不能大于合计上限',
  'inspectionCaps.itemTwice': '每个检查事项只能设一个上限',
})

registerMessages('en', {
  'inspectionCaps.cap.per_body': 'this body’s inspections of the enterprise',
  'inspectionCaps.cap.total': 'all bodies’ inspections of the enterprise',
  'inspectionCaps.cap.item': 'inspections of the enterprise under this item',
  'inspectionCaps.cap.service_visit': 'service visits to the enterprise this quarter',
  'inspectionCaps.jointNote':
    'Inspect once: the enterprise has {count} inspections by other bodies within {days} days ({numbers}); merge them into one joint visit',
  'inspectionCaps.perBodyOverTotal': 'A body’s cap cannot exceed the total cap',
  'inspectionCaps.itemTwice': 'One cap per item',
})
