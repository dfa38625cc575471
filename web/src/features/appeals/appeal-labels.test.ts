import { describe, expect, it } from 'vitest'
import { catalogs } from '../../app/catalogs'
import {
  APPEAL_STATUSES,
  clockPercent,
  clockState,
  currentResolutionClock,
  describeEvent,
  EVENT_KEYS,
  EVENT_TYPES,
  ratingReopens,
  workingTime,
  type Translate,
} from './appeal-labels'
import type { Clock } from './appeals.api'

const en = catalogs.en
const zhCN = catalogs['zh-CN']

function lookup(catalog: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog)
}

/** A translate function over a catalog that fails loudly on a missing key. */
function translator(catalog: object): Translate {
  return (key, params = {}) => {
    const message = lookup(catalog, key)
    if (typeof message !== 'string') throw new Error(`missing key ${key}`)
    return message.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => String(params[name] ?? ''))
  }
}

const zh = translator(zhCN)
const event = (type: string, data: Record<string, unknown> = {}, departmentName: string | null = null) => ({
  type,
  data,
  departmentName,
})

describe('appeal vocabulary', () => {
  it('names every status, tier, channel and clock in both languages', () => {
    for (const catalog of [zhCN, en]) {
      for (const status of APPEAL_STATUSES)
        expect(lookup(catalog, `appeals.status.${status}`)).toBeTypeOf('string')
      for (const key of EVENT_KEYS)
        expect({ key, found: typeof lookup(catalog, key) }).toEqual({ key, found: 'string' })
    }
    expect(zh('appeals.status.replied')).toBe('待评价')
    expect(zh('appeals.tiers.urgent')).toBe('特急')
  })

  it('describes each event type in words, with the data it carries', () => {
    for (const type of EVENT_TYPES) expect(describeEvent(event(type), zh)).not.toMatch(/appeals\./)
    expect(describeEvent(event('filed', { channel: 'mobile' }), zh)).toBe('企业通过移动端提交诉求')
    expect(
      describeEvent(event('dispatch', { lead: '大连市市场监督管理局', co: [], fallback: false }), zh),
    ).toBe('派单至 大连市市场监督管理局')
    expect(
      describeEvent(
        event('dispatch', { lead: '市市场监管局', co: ['市税务局', '市人社局'], fallback: false }),
        zh,
      ),
    ).toBe('派单至 市市场监管局（主办），协办：市税务局、市人社局')
    expect(describeEvent(event('dispatch', { lead: '市营商局', co: [], fallback: true }), zh)).toContain(
      '兜底单位',
    )
    expect(describeEvent(event('return', {}, '市市场监管局'), zh)).toBe('市市场监管局 退回专班')
    expect(describeEvent(event('pause', { reason: 'awaiting_enterprise' }), zh)).toBe(
      '挂起：等待企业补充材料或答复',
    )
    expect(describeEvent(event('reopen', { solved: false, level: null }), zh)).toBe(
      '企业反馈未解决，诉求重新办理',
    )
    expect(describeEvent(event('reopen', { solved: true, level: 2 }), zh)).toBe(
      '企业评价“不满意”，诉求重新办理',
    )
    expect(describeEvent(event('confirm', { solved: true, level: 4 }), zh)).toBe('企业确认已解决，评价：满意')
    expect(describeEvent(event('clock_breach', { clock: 'resolution' }), zh)).toBe('办结已超时')
    expect(describeEvent(event('something_new'), zh)).toBe('其他记录（something_new）')
    expect(describeEvent(event('filed', { channel: 'hotline' }), translator(en))).toBe(
      'Filed for the enterprise by the task force (Hotline)',
    )
    expect(describeEvent(event('filed', { channel: 'federation' }), zh)).toBe('专班代企业登记（工商联）')
    expect(describeEvent(event('filed', { channel: 'web' }), translator(en))).toBe(
      'Filed by the enterprise (Web)',
    )
  })

  it('says when a rating reopens the appeal, as the server decides it', () => {
    expect(ratingReopens(false, 5)).toBe(true)
    expect(ratingReopens(true, 2)).toBe(true)
    expect(ratingReopens(true, 3)).toBe(false)
    expect(ratingReopens(undefined, undefined)).toBe(false)
  })
})

const clock = (over: Partial<Clock>): Clock => ({
  kind: 'resolution',
  basis: 'working',
  cycle: 1,
  departmentId: 'd1',
  startedAt: '2026-03-02T01:00:00Z',
  dueAt: '2026-03-16T09:00:00Z',
  stoppedAt: null,
  pausedSince: null,
  budgetMinutes: 4800,
  usedMinutes: 1200,
  isMet: null,
  escalationLevel: 0,
  ...over,
})

describe('clocks', () => {
  const now = new Date('2026-03-10T00:00:00Z')
  it('tells met, missed, paused, overdue and running apart', () => {
    expect(clockState(clock({ isMet: true }), now)).toBe('met')
    expect(clockState(clock({ isMet: false }), now)).toBe('missed')
    expect(clockState(clock({ pausedSince: '2026-03-05T00:00:00Z' }), now)).toBe('paused')
    expect(clockState(clock({ dueAt: '2026-03-09T00:00:00Z' }), now)).toBe('overdue')
    expect(clockState(clock({}), now)).toBe('running')
  })

  it('measures working time used against the budget', () => {
    expect(clockPercent(clock({}))).toBe(25)
    expect(clockPercent(clock({ usedMinutes: 6000 }))).toBe(125)
  })

  it('writes working time as hours and minutes in both languages', () => {
    const english = translator(en)
    expect(workingTime(534, zh)).toBe('8 小时 54 分')
    expect(workingTime(534, english)).toBe('8 h 54 min')
    expect(workingTime(4800, zh)).toBe('80 小时')
    expect(workingTime(4800, english)).toBe('80 h')
    expect(workingTime(0.4, zh)).toBe('0 分')
    expect(workingTime(59.6, english)).toBe('1 h')
    expect(workingTime(30, english)).toBe('30 min')
    expect(workingTime(-3, zh)).toBe('0 分')
  })

  it('takes the resolution clock of the latest cycle', () => {
    const clocks = [
      clock({ cycle: 1 }),
      clock({ kind: 'sign_for', cycle: 2 }),
      clock({ cycle: 2, dueAt: 'later' }),
    ]
    expect(currentResolutionClock(clocks)?.dueAt).toBe('later')
    expect(currentResolutionClock([])).toBeUndefined()
  })
})
