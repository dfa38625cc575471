import { registerMessages } from '../../kernel/i18n'

/**
 * The texts printed on a certificate's PDF. A certificate is one document for everyone, so it prints
 * both languages (Chinese first); error texts are in the errors file.
 */
registerMessages('zh-CN', {
  'certificates.pdf.heading': '电子证照',
  'certificates.pdf.subject': '电子证照（SM2 签名）',
  'certificates.pdf.holder': '持证主体',
  'certificates.pdf.uscc': '统一社会信用代码',
  'certificates.pdf.number': '证照编号',
  'certificates.pdf.issuer': '发证机关',
  'certificates.pdf.issuedOn': '发证日期',
  'certificates.pdf.validUntil': '有效期至',
  'certificates.pdf.scan': '扫描二维码核验证照真伪与状态',
  'certificates.pdf.signature': '本证照经 SM2/SM3 电子签名，可离线核验',
  'certificates.pdf.keyId': '密钥标识',
})
registerMessages('en', {
  'certificates.pdf.heading': 'Electronic Certificate',
  'certificates.pdf.subject': 'Electronic certificate (SM2 signed)',
  'certificates.pdf.holder': 'Holder',
  'certificates.pdf.uscc': 'Unified social credit code',
  'certificates.pdf.number': 'Certificate number',
  'certificates.pdf.issuer': 'Issued by',
  'certificates.pdf.issuedOn': 'Issued on',
  'certificates.pdf.validUntil': 'Valid until',
  'certificates.pdf.scan': 'Scan the QR code to check that it is genuine and in force',
  'certificates.pdf.signature': 'Signed with SM2/SM3; can be verified offline',
  'certificates.pdf.keyId': 'Key id',
})
