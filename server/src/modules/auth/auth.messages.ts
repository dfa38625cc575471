import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'notify.auth.sign_in_code.title': '登录验证码',
  'notify.auth.sign_in_code.body': '您的登录验证码是 {code}，{minutes} 分钟内有效。请勿告诉他人。',
  'password.unchanged': '新密码不能与当前密码相同',
})

registerMessages('en', {
  'notify.auth.sign_in_code.title': 'Sign-in code',
  'notify.auth.sign_in_code.body':
    'Your sign-in code is {code}, valid for {minutes} minutes. Do not share it.',
  'password.unchanged': 'The new password must differ from the current one',
})
