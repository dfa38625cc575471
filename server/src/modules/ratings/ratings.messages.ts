import { registerMessages } from '../../kernel/i18n'

/** The texts ratings sends (notifications, field messages), in both languages; error texts are in its errors file. */
registerMessages('zh-CN', {
  'notify.rating.invitation.title': '邀请您评价',
  'notify.rating.invitation.body': '「{title}」{number}已办结，请花一分钟评价办理情况（好差评）。',
  'ratings.figuresRange': '统计区间须为1至24个月',
})

registerMessages('en', {
  'notify.rating.invitation.title': 'Please rate',
  'notify.rating.invitation.body':
    '“{title}” {number} is finished: please take a minute to rate how it was handled.',
  'ratings.figuresRange': 'The range must cover 1 to 24 months',
})
