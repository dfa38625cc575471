import { registerMessages } from '../../kernel/i18n'

/** The field messages of random draws, in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'fields.randomDraws.divisionCode': '请填写 6 位行政区划代码',
  'fields.randomDraws.industryCode': '请填写国民经济行业分类代码（如 C、C39、C3911）',
  'fields.randomDraws.sha256': '承诺值须为 64 位小写十六进制 SHA-256 值',
  'fields.randomDraws.secret': '秘密值须为 16–128 位字母、数字、下划线或短横线',
  'fields.randomDraws.beacon': '公共信标值须为 1–200 位字母、数字或 . _ : -',
  'fields.randomDraws.parties': '请指定至少三位不同的参与方',
  'fields.randomDraws.ratioBounds': '{tier} 类企业的抽查比例须在 {min}% 至 {max}% 之间',
  'fields.randomDraws.inspectByPast': '检查截止日期不能早于今天',
  'fields.randomDraws.tooFewInspectors':
    '企业 {enterpriseId} 只有 {eligible} 名无利害关系的持证执法人员可选，至少需要 {needed} 名',
  'fields.randomDraws.revealMismatch': '该秘密值的 SHA-256 与您提交的承诺值不一致',
  'notify.randomDraws.publicationLate.title': '抽查结果逾期未公示',
  'notify.randomDraws.publicationLate.body':
    '「{title}」的抽取结果应于 {due} 前向社会公示，至今未公示，请尽快公示。',
})
registerMessages('en', {
  'fields.randomDraws.divisionCode': 'Enter a six-digit division code',
  'fields.randomDraws.industryCode': 'Enter an industry code (e.g. C, C39, C3911)',
  'fields.randomDraws.sha256': 'A commitment is a SHA-256 value: 64 lowercase hex digits',
  'fields.randomDraws.secret': 'A secret is 16–128 letters, digits, underscores or hyphens',
  'fields.randomDraws.beacon': 'A beacon value is 1–200 letters, digits or . _ : -',
  'fields.randomDraws.parties': 'Name at least three different parties',
  'fields.randomDraws.ratioBounds': 'The ratio for tier {tier} must lie between {min}% and {max}%',
  'fields.randomDraws.inspectByPast': 'The last day of the inspections cannot be before today',
  'fields.randomDraws.tooFewInspectors':
    'Enterprise {enterpriseId} has only {eligible} certified inspectors without a conflict; {needed} are needed',
  'fields.randomDraws.revealMismatch': 'The SHA-256 of this secret does not match your commitment',
  'notify.randomDraws.publicationLate.title': 'Draw result not published in time',
  'notify.randomDraws.publicationLate.body':
    'The result of “{title}” was due to be published by {due} and still is not; please publish it.',
})
