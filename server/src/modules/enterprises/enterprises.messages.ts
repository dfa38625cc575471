import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'notify.enterprise.member_added.title': '您已可代表企业办事',
  'notify.enterprise.member_added.body': '您已被添加为「{enterprise}」的经办人，可登录营商通代表该企业办事。',
})
registerMessages('en', {
  'notify.enterprise.member_added.title': 'You can now act for an enterprise',
  'notify.enterprise.member_added.body':
    'You were added as an agent of "{enterprise}" and can act for it on Yingshang.',
})
