import { createRequire } from 'node:module'

/**
 * Public holidays and make-up working days (调休) from the maintained `chinese-days` package, which
 * follows each year's State Council notice. Years it does not cover fall through to the admin-entered
 * notices, then to plain weekends.
 */
type PackageData = {
  holidays: Record<string, string>
  workdays: Record<string, string>
}

const require = createRequire(import.meta.url)
const data = require('chinese-days/dist/chinese-days.json') as PackageData

// The package shortens some names; the State Council notices use these.
const OFFICIAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' }

export type PackageDay = { isWorkingDay: boolean; nameZh: string; nameEn: string }

function parse(entry: string): { nameZh: string; nameEn: string } {
  const [en = '', zh = ''] = entry.split(',')
  return { nameZh: OFFICIAL_NAMES[zh] ?? zh, nameEn: en }
}

const coveredYears = new Set(Object.keys(data.holidays).map((d) => Number(d.slice(0, 4))))

export function packageCoversYear(year: number): boolean {
  return coveredYears.has(year)
}

export function packageYears(): number[] {
  return [...coveredYears].sort((a, b) => a - b)
}

/** The package's exception for a date, or undefined for an ordinary weekday/weekend. */
export function packageException(date: string): PackageDay | undefined {
  const holiday = data.holidays[date]
  if (holiday) return { isWorkingDay: false, ...parse(holiday) }
  const workday = data.workdays[date]
  if (workday) return { isWorkingDay: true, ...parse(workday) }
  return undefined
}
