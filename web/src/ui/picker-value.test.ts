import dayjs from 'dayjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DAY_FORMAT, fromPickerValue, LOCAL_MINUTE_FORMAT, toApiDay, toPickerValue } from './picker-value'

afterEach(() => vi.useRealTimers())

describe("the console's date pickers keep the form's string", () => {
  it('gives back the very day it was given (what the native date input sent)', () => {
    for (const day of ['2026-03-02', '2026-12-31', '2028-02-29', '2027-01-01'])
      expect(fromPickerValue(toPickerValue(day), DAY_FORMAT)).toBe(day)
  })

  it('writes a picked day as YYYY-MM-DD, whatever the language of the picker', () => {
    expect(fromPickerValue(dayjs('2026-03-02').locale('zh-cn'), DAY_FORMAT)).toBe('2026-03-02')
    expect(fromPickerValue(dayjs('2026-03-02').locale('en'), DAY_FORMAT)).toBe('2026-03-02')
  })

  it('gives back a local minute as the datetime-local input wrote it', () => {
    for (const minute of ['2026-03-02T09:30', '2026-12-31T23:59', '2027-01-01T00:00'])
      expect(fromPickerValue(toPickerValue(minute), LOCAL_MINUTE_FORMAT)).toBe(minute)
  })

  it('reads the local minute as the same instant the native input meant', () => {
    // the picker must not move the minute (the page then reads it on the city's clock: cityMinuteInstant)
    const minute = '2026-03-02T09:30'
    expect(toPickerValue(minute)!.toDate().toISOString()).toBe(new Date(minute).toISOString())
  })

  it('leaves an empty or cleared field empty, so a required rule still refuses it', () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T01:00:00Z') }) // "today" must not leak in
    expect(toPickerValue(undefined)).toBeNull()
    expect(toPickerValue('')).toBeNull()
    expect(toPickerValue(null)).toBeNull()
    expect(toPickerValue('not a date')).toBeNull()
    expect(fromPickerValue(null, DAY_FORMAT)).toBeUndefined()
    expect(fromPickerValue(undefined, DAY_FORMAT)).toBeUndefined()
    expect(toApiDay(null)).toBeNull()
    expect(toApiDay(toPickerValue('2028-02-29'))).toBe('2028-02-29')
  })
})
