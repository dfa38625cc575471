import { formatNumber } from '@shared/rules/render'

const MONEY = { type: 'money', unitZh: '元', unitEn: 'yuan' } as const

/** An amount in yuan as people read it: 300万元, 1.5亿元; 3,000,000 yuan (policies, benefit claims). */
export function formatAmount(yuan: number | null | undefined, language: string): string {
  if (yuan === null || yuan === undefined) return '—'
  return formatNumber(yuan, MONEY as never, language === 'en' ? 'en' : 'zh-CN')
}
