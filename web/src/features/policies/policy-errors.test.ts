import { describe, expect, it } from 'vitest'
import { conditionErrors, groupPolicyErrors } from './policy-errors'
import { formatAmount, topicName } from './policy-labels'

describe('policy errors by place', () => {
  it('puts each publication problem at its item and condition', () => {
    const grouped = groupPolicyErrors(
      {
        effectiveFrom: '发布前请填写生效日期',
        'items.1.1.conditions.2.rule': '不认识“注册资本”',
        'items.1.10.conditions': '至少要有一个申报条件',
        items: '至少要有一个兑现事项',
      },
      ['1.1', '1.10'],
    )
    expect(grouped.policy).toEqual({ effectiveFrom: '发布前请填写生效日期', items: '至少要有一个兑现事项' })
    expect(grouped.items).toEqual({
      '1.1': { 'conditions.2.rule': '不认识“注册资本”' },
      '1.10': { conditions: '至少要有一个申报条件' },
    })
    expect(conditionErrors(grouped.items['1.1'], 2)).toEqual({ rule: '不认识“注册资本”' })
    expect(conditionErrors(grouped.items['1.1'], 0)).toEqual({})
    expect(conditionErrors(undefined, 0)).toEqual({})
  })
})

describe('labels', () => {
  it('names topics in both languages', () => {
    expect(topicName('tax_relief', 'zh-CN')).toBe('税费减免')
    expect(topicName('tax_relief', 'en')).toBe('Tax relief')
    expect(topicName('nope', 'en')).toBe('nope')
  })

  it('reads amounts in 万元', () => {
    expect(formatAmount(3_000_000, 'zh-CN')).toBe('300万元')
    expect(formatAmount(150_000_000, 'zh-CN')).toBe('1.5亿元')
    expect(formatAmount(3_000_000, 'en')).toBe('3,000,000 yuan')
    expect(formatAmount(null, 'en')).toBe('—')
  })
})
