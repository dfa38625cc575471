import crypto from 'node:crypto'

/**
 * Invented settlement accounts for the demo enterprises: branches of banks that have them in Dalian,
 * numbers of the length each bank's corporate accounts have (12 to 20 digits), made from the credit
 * code so every start gives the same. They are demo data (is_demo) and pay nobody.
 */
const BANKS = [
  { name: '中国工商银行股份有限公司大连中山支行', prefix: '3400', length: 19 },
  { name: '中国建设银行股份有限公司大连西岗支行', prefix: '2105', length: 20 },
  { name: '中国银行股份有限公司大连沙河口支行', prefix: '3019', length: 12 },
  { name: '中国农业银行股份有限公司大连甘井子支行', prefix: '3401', length: 15 },
  { name: '招商银行股份有限公司大连分行营业部', prefix: '4119', length: 15 },
  { name: '大连银行股份有限公司高新园区支行', prefix: '8001', length: 18 },
] as const

export function demoSettlementAccount(uscc: string): { bankName: string; accountNumber: string } {
  const digest = crypto.createHash('sha256').update(`settlement:${uscc}`).digest()
  const bank = BANKS[digest[0]! % BANKS.length]!
  let digits = ''
  for (let i = 1; digits.length < bank.length - bank.prefix.length; i++) digits += String(digest[i]! % 10)
  return { bankName: bank.name, accountNumber: bank.prefix + digits }
}
