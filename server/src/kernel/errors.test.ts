import { describe, expect, it } from 'vitest'
import { AppError, formatWait } from './errors'
import { runInRequestContext } from './context'
import './i18n'

const inEnglish = <T>(fn: () => T) =>
  runInRequestContext({ requestId: 'test', locale: 'en', ip: '127.0.0.1' }, fn)

describe('a wait reads as words in the largest whole unit, rounded up', () => {
  it.each([
    [0.2, '1 秒', '1 second'],
    [1, '1 秒', '1 second'],
    [45, '45 秒', '45 seconds'],
    [60, '1 分钟', '1 minute'],
    [61, '2 分钟', '2 minutes'],
    [900, '15 分钟', '15 minutes'],
    [7140, '119 分钟', '119 minutes'],
    [7199, '2 小时', '2 hours'],
    [7200, '2 小时', '2 hours'],
    [86400, '24 小时', '24 hours'],
  ])('%s seconds → %s / %s', (seconds, zh, en) => {
    expect(formatWait(seconds)).toBe(zh)
    expect(inEnglish(() => formatWait(seconds))).toBe(en)
  })

  it('puts the words in a rate-limit message, and keeps the seconds for machines', () => {
    expect(new AppError('RATE_LIMITED', { params: { seconds: 900 } }).toBody().error.message).toBe(
      '操作过于频繁，请 15 分钟后再试',
    )
  })
})
