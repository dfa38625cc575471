import { describe, expect, it } from 'vitest'
import { catalogs } from '../../app/catalogs'
import { CLAIM_EVENT_TYPES, CLAIM_STATUS_LIST, describeClaimEvent, type Translate } from './claim-labels'
import { CLAIM_VIEWS } from './benefits.api'

const en = catalogs.en
const zhCN = catalogs['zh-CN']

function lookup(catalog: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog)
}

function translator(catalog: object): Translate {
  return (key, params = {}) => {
    const message = lookup(catalog, key)
    if (typeof message !== 'string') throw new Error(`missing key ${key}`)
    return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(params[name] ?? ''))
  }
}

const zh = translator(zhCN)
const event = (type: string, data: Record<string, unknown> = {}) => ({ type, data })

describe('benefit vocabulary', () => {
  it('names every status, view and event in both languages', () => {
    for (const catalog of [zhCN, en]) {
      for (const status of CLAIM_STATUS_LIST) {
        expect(lookup(catalog, `benefits.status.${status}`)).toBeTypeOf('string')
        expect(lookup(catalog, `benefits.statusHint.${status}`)).toBeTypeOf('string')
      }
      for (const view of CLAIM_VIEWS) {
        expect(lookup(catalog, `benefits.staff.views.${view}`)).toBeTypeOf('string')
        expect(lookup(catalog, `benefits.staff.empty.${view}.why`)).toBeTypeOf('string')
      }
      const t = translator(catalog)
      for (const type of CLAIM_EVENT_TYPES)
        expect(describeClaimEvent(event(type), t, 'zh-CN')).not.toMatch(/benefits\./)
    }
  })

  it('describes events with the amount, date and level they carry', () => {
    expect(describeClaimEvent(event('consent', { amount: 20000 }), zh, 'zh-CN')).toBe(
      '企业确认享受，预计 2万元',
    )
    expect(describeClaimEvent(event('pay', { amount: 8000, paidOn: '2026-12-01' }), zh, 'zh-CN')).toBe(
      '已兑现 8000元（2026-12-01）',
    )
    expect(
      describeClaimEvent(
        event('pay', {
          amount: 8000,
          paidOn: '2026-12-01',
          bankName: '中国工商银行股份有限公司大连中山支行',
          accountNumberMasked: '3400 **** **** 2345',
        }),
        zh,
        'zh-CN',
      ),
    ).toBe('已兑现 8000元（2026-12-01），付至 中国工商银行股份有限公司大连中山支行 3400 **** **** 2345')
    expect(describeClaimEvent(event('approve', { amount: 3000, isLate: true }), zh, 'zh-CN')).toBe(
      '申请获批准，核定金额 3000元（超过承诺时限）',
    )
    expect(describeClaimEvent(event('rate', { level: 5 }), zh, 'zh-CN')).toBe('企业评价：非常满意')
    expect(describeClaimEvent(event('resubmit', { round: 2 }), zh, 'zh-CN')).toBe('企业补交材料（第 2 轮）')
    expect(describeClaimEvent(event('something_new'), zh, 'zh-CN')).toBe('其他操作（something_new）')
  })
})
