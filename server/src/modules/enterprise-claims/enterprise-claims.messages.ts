import { registerMessages } from '../../kernel/i18n'

registerMessages('zh-CN', {
  'enterpriseClaims.nameRequired': '请填写您的姓名（与身份证一致）',
  'enterpriseClaims.idNumberRequired': '请填写身份证号码，用于实名核验',
  'enterpriseClaims.licenceRequired': '请上传营业执照照片或 PDF',
  'enterpriseClaims.licenceNotYours': '营业执照文件不存在、不是您上传的，或已用于另一项认领',
  'enterpriseClaims.codeFormat': '验证码为 6 位数字',
  'enterpriseClaims.wrongCode': '验证码错误或已过期，请核对或重新获取',
  'enterpriseClaims.reasonRequired': '不同意时请写明理由，申请人会看到',
  'enterpriseClaims.idNumber.length': '身份证号码应为 18 位',
  'enterpriseClaims.idNumber.charset': '身份证号码只含数字，最后一位可以是 X',
  'enterpriseClaims.idNumber.birthDate': '身份证号码中的出生日期不存在',
  'enterpriseClaims.idNumber.checkDigit': '身份证号码最后一位校验码不符，请核对是否抄错',
  'notify.enterprise_claim.code.title': '企业认领验证码',
  'notify.enterprise_claim.code.body':
    '【营商通】验证码 {code}，{minutes} 分钟内有效：{claimant} 申请以贵企业“{enterprise}”名义使用营商通。如非您授权，请勿告知他人。',
  'notify.enterprise_claim.asked.title': '有人申请加入本企业',
  'notify.enterprise_claim.asked.body':
    '{claimant} 申请代表“{enterprise}”使用营商通，请在企业信息页同意或拒绝。',
  'notify.enterprise_claim.review.title': '企业认领待审核',
  'notify.enterprise_claim.review.body': '有人上传营业执照申请认领“{enterprise}”，请审核。',
  'notify.enterprise_claim.claimed_by_code.title': '本企业被认领',
  'notify.enterprise_claim.claimed_by_code.body':
    '{claimant} 经法定代表人手机确认，认领了“{enterprise}”并成为管理人员。如有异议，请在营商通提出争议。',
  'notify.enterprise_claim.approved.title': '企业认领已通过',
  'notify.enterprise_claim.approved.body': '您已可以代表“{enterprise}”使用营商通。',
  'notify.enterprise_claim.rejected.title': '企业认领未通过',
  'notify.enterprise_claim.rejected.body': '您认领“{enterprise}”的申请未通过：{note}',
  'notify.enterprise_claim.disputed.title': '企业归属争议待处理',
  'notify.enterprise_claim.disputed.body': '有人反映“{enterprise}”不是其在平台上登记的人员所属企业，请核查。',
  'notify.enterprise_claim.dispute_resolved.title': '企业归属争议已处理',
  'notify.enterprise_claim.dispute_resolved.body': '您就“{enterprise}”提出的争议已处理：{resolution}',
})

registerMessages('en', {
  'enterpriseClaims.nameRequired': 'Your name as on your identity card',
  'enterpriseClaims.idNumberRequired': 'Your identity card number, for the real-name check',
  'enterpriseClaims.licenceRequired': 'Upload a photo or PDF of the business licence',
  'enterpriseClaims.licenceNotYours':
    'The licence file does not exist, is not yours, or serves another claim',
  'enterpriseClaims.codeFormat': 'The code has 6 digits',
  'enterpriseClaims.wrongCode': 'Wrong or expired code: check it or ask for a new one',
  'enterpriseClaims.reasonRequired': 'Say why you refuse: the claimant reads it',
  'enterpriseClaims.idNumber.length': 'An identity card number has 18 characters',
  'enterpriseClaims.idNumber.charset': 'Digits only, the last may be X',
  'enterpriseClaims.idNumber.birthDate': 'The birth date in the number does not exist',
  'enterpriseClaims.idNumber.checkDigit': 'The last (check) character does not match: check for a typo',
  'notify.enterprise_claim.code.title': 'Enterprise claim code',
  'notify.enterprise_claim.code.body':
    '[Yingshang] Code {code}, valid {minutes} minutes: {claimant} asks to act for "{enterprise}" on Yingshang. If you did not agree to this, do not pass it on.',
  'notify.enterprise_claim.asked.title': 'Someone asks to join your enterprise',
  'notify.enterprise_claim.asked.body':
    '{claimant} asks to act for "{enterprise}": approve or refuse on the enterprise page.',
  'notify.enterprise_claim.review.title': 'Enterprise claim to review',
  'notify.enterprise_claim.review.body':
    'A business licence was uploaded to claim "{enterprise}": please review.',
  'notify.enterprise_claim.claimed_by_code.title': 'Your enterprise was claimed',
  'notify.enterprise_claim.claimed_by_code.body':
    '{claimant} claimed "{enterprise}" with the code sent to the legal representative and is now a manager. If this is wrong, raise a dispute on Yingshang.',
  'notify.enterprise_claim.approved.title': 'Claim approved',
  'notify.enterprise_claim.approved.body': 'You can now act for "{enterprise}" on Yingshang.',
  'notify.enterprise_claim.rejected.title': 'Claim not approved',
  'notify.enterprise_claim.rejected.body': 'Your claim to "{enterprise}" was not approved: {note}',
  'notify.enterprise_claim.disputed.title': 'Enterprise dispute to look into',
  'notify.enterprise_claim.disputed.body':
    'Someone says "{enterprise}" is held on the platform by the wrong people: please look into it.',
  'notify.enterprise_claim.dispute_resolved.title': 'Dispute resolved',
  'notify.enterprise_claim.dispute_resolved.body':
    'Your dispute about "{enterprise}" was resolved: {resolution}',
})
