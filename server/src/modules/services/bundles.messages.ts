import { registerMessages } from '../../kernel/i18n'

/** The texts of bundles (一件事一次办) in both languages; error texts are in the module's errors file. */
registerMessages('zh-CN', {
  'services.bundleMemberTwice': '同一事项只能列入一次',
  'services.bundleMemberUnavailable': '该事项不存在或尚未发布',
  'services.bundleLimitNotShorter': '须短于各事项承诺时限之和（{sum} 个工作日）',
  'services.bundleFieldConflict': '{matters}对该字段的要求不一致：{reason}',
  'services.bundleConflict.type': '类型不同',
  'services.bundleConflict.enum': '可选项不同',
  'services.bundleConflict.format': '格式不同',
  'services.bundleConflict.pattern': '格式规则不同',
  'services.bundleConflict.range': '取值范围没有交集',
  'services.bundleFieldNotAsked': '合并表单中没有这一项',
  'services.bundleFormTooLarge': '表单内容过多',
})
registerMessages('en', {
  'services.bundleMemberTwice': 'A matter may be listed once only',
  'services.bundleMemberUnavailable': 'This matter does not exist or is not published',
  'services.bundleLimitNotShorter':
    'Must be shorter than the matters’ promised limits added up ({sum} working days)',
  'services.bundleFieldConflict': '{matters} ask this field differently: {reason}',
  'services.bundleConflict.type': 'another type',
  'services.bundleConflict.enum': 'other choices',
  'services.bundleConflict.format': 'another format',
  'services.bundleConflict.pattern': 'another pattern',
  'services.bundleConflict.range': 'ranges with nothing in common',
  'services.bundleFieldNotAsked': 'The merged form does not ask this',
  'services.bundleFormTooLarge': 'Too much form content',
})
