import { describe, expect, it } from 'vitest'
import {
  cityDateOf,
  cityInstant,
  cityMinuteInstant,
  cityMinuteOf,
  formatBytes,
  formatDateTime,
} from './format'

describe('city time', () => {
  it('reads the date in Asia/Shanghai, not the device zone', () => {
    expect(cityDateOf(new Date('2026-01-31T16:30:00Z'))).toBe('2026-02-01')
  })

  it('writes wall-clock times with the +08:00 offset', () => {
    expect(cityInstant('2026-03-02', '09:30')).toBe('2026-03-02T09:30:00+08:00')
    expect(cityInstant('2026-03-02', '23:59:59')).toBe('2026-03-02T23:59:59+08:00')
  })

  it.each([
    ['2026-03-02T01:30:00Z', '2026-03-02T09:30'],
    ['2026-03-01T16:00:00Z', '2026-03-02T00:00'], // the city's midnight is UTC's afternoon before
    ['2026-12-31T15:59:00Z', '2026-12-31T23:59'],
  ])('reads and writes a picked minute on the city clock: %s ↔ %s', (instant, minute) => {
    expect(cityMinuteOf(new Date(instant))).toBe(minute)
    expect(cityMinuteInstant(minute).toISOString()).toBe(new Date(instant).toISOString())
  })

  it('formats instants in city time', () => {
    expect(formatDateTime('2026-01-31T16:30:00Z', 'zh-CN')).toContain('00:30')
  })

  it('shows English dates as YYYY-MM-DD, at the city hour', () => {
    expect(formatDateTime('2026-01-31T16:30:00Z', 'en')).toBe('2026-02-01 00:30')
    expect(formatDateTime('2026-03-02T01:05:00Z', 'en')).toBe('2026-03-02 09:05')
    expect(formatDateTime('2026-03-02T01:05:00Z', 'zh-CN')).toMatch(/^2026\D03\D02 09:05$/)
  })
})

describe('file sizes', () => {
  it('writes sizes people read', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(2048)).toBe('2 KB')
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB')
  })
})
