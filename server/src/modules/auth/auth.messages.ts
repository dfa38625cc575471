import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'notify.auth.sign_in_code.title': '登录验证码',
  'notify.auth.sign_in_code.body': '您的登录验证码是 {code}，{minutes} 分钟内有效。请勿告诉他人。',
  'password.unchanged': '新密码不能与当前密码相同',
  'auth.wait.second': '1 秒',
  'auth.wait.seconds': '{n} 秒',
  'auth.wait.minute': '1 分钟',
  'auth.wait.minutes': '{n} 分钟',
})

registerMessages('en', {
  'notify.auth.sign_in_code.title': 'Sign-in code',
  'notify.auth.sign_in_code.body':
    'Your sign-in code is {code}, valid for {minutes} minutes. Do not share it.',
  'password.unchanged': 'The new password must differ from the current one',
  'auth.wait.second': '1 second',
  'auth.wait.seconds': '{n} seconds',
  'auth.wait.minute': '1 minute',
  'auth.wait.minutes': '{n} minutes',
})
