import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'settlementAccount.number.charset': '账号只能是数字（可用空格或短横线分隔）',
  'settlementAccount.number.length': '账号应为 9 到 30 位数字',
  'settlementAccount.bankName': '请填写开户银行全称，例如“中国工商银行股份有限公司大连中山支行”',
  'settlementAccount.confirmMismatch': '两次输入的账号不一致，请核对',
  'settlementAccount.codeFormat': '请输入 6 位数字验证码',
  'settlementAccount.nameMismatch':
    '户名「{given}」与企业登记名称「{registered}」不一致：结算账户须是本企业名下的账户，户名与登记名称相同',
  'settlementAccount.sameAsCurrent': '与当前结算账户相同，无需变更',
  'settlementAccount.wrongCode': '验证码错误或已过期，请重新获取',
  'settlementAccount.warning.cardCheckDigit':
    '这个账号像是个人银行卡号，但校验位对不上，可能输错了一位：请对照开户资料核对。对公账户没有这种校验位，如确认无误可不理会',
  'notify.settlement_account.set.title': '企业结算账户已填写',
  'notify.settlement_account.set.body':
    '「{enterprise}」的结算账户已由 {who} 填写：{bank} {number}。政策资金将付到这个账户；如非本企业操作，请立即在营商通变更并联系兑现部门。',
  'notify.settlement_account.changed.title': '企业结算账户已变更',
  'notify.settlement_account.changed.body':
    '「{enterprise}」的结算账户已由 {who} 从 {oldBank} {oldNumber} 变更为 {bank} {number}。如非本企业操作，请立即登录营商通改回，并联系兑现部门暂停付款。',
  'notify.settlement_account.code.title': '变更结算账户验证码',
  'notify.settlement_account.code.body':
    '验证码 {code}：您正在变更「{enterprise}」的结算账户，{minutes} 分钟内有效。如非本人操作，请勿告诉任何人。',
})

registerMessages('en', {
  'settlementAccount.number.charset':
    'An account number has digits only (spaces or hyphens may separate them)',
  'settlementAccount.number.length': 'An account number has 9 to 30 digits',
  'settlementAccount.bankName':
    'Give the full name of the bank and branch, e.g. "Industrial and Commercial Bank of China, Dalian Zhongshan Branch"',
  'settlementAccount.confirmMismatch': 'The two account numbers differ: check them',
  'settlementAccount.codeFormat': 'Enter the 6-digit code',
  'settlementAccount.nameMismatch':
    'The account name "{given}" is not the enterprise’s registered name "{registered}": the settlement account must be held in the enterprise’s own name',
  'settlementAccount.sameAsCurrent': 'This is the current settlement account: nothing to change',
  'settlementAccount.wrongCode': 'The code is wrong or expired: ask for a new one',
  'settlementAccount.warning.cardCheckDigit':
    'This looks like a personal bank card number, but its check digit does not fit: a digit may be mistyped. Corporate accounts have no such check digit; if it is right, ignore this',
  'notify.settlement_account.set.title': 'Settlement account added',
  'notify.settlement_account.set.body':
    '{who} added the settlement account of "{enterprise}": {bank} {number}. Benefits will be paid to it; if nobody in the enterprise did this, change it on Yingshang now and call the paying department.',
  'notify.settlement_account.changed.title': 'Settlement account changed',
  'notify.settlement_account.changed.body':
    '{who} changed the settlement account of "{enterprise}" from {oldBank} {oldNumber} to {bank} {number}. If nobody in the enterprise did this, sign in to Yingshang and change it back now, and ask the paying department to hold payments.',
  'notify.settlement_account.code.title': 'Code to change the settlement account',
  'notify.settlement_account.code.body':
    'Code {code}: you are changing the settlement account of "{enterprise}"; valid for {minutes} minutes. If this is not you, tell nobody.',
})
