import { writeAudit } from '../../kernel/audit/audit'
import { systemActor } from '../../kernel/auth/actor'
import { cityYear } from '../../kernel/calendar/city-today'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import * as q from './benchmarks.queries'

/**
 * Demo benchmarks for Dalian: benchmark cities' values (杭州, 上海, 北京, 深圳) and Dalian's entered
 * values for the last two years. We could not attribute these exact numbers to a published source,
 * so every city value is flagged `is_demo` (the page labels it 演示数据) and every source says so:
 * the bureau replaces them with the figures its evaluation reports publish. Once: a database with any
 * city value keeps its own.
 */
const DEMO_SOURCE = {
  source_organisation: '演示数据（非官方公布值）',
  source_document: '示例数值，仅供演示对标功能；请以各地公布的营商环境评价报告替换',
  note: '演示数据',
}

type Demo = [indicatorKey: string, city: string, older: number, newer: number]

const CITY_VALUES: Demo[] = [
  ['zeroVisitRate', '杭州', 92, 95],
  ['zeroVisitRate', '上海', 90, 94],
  ['zeroVisitRate', '深圳', 91, 93],
  ['appealResolutionRate', '北京', 93, 95],
  ['appealResolutionRate', '杭州', 91, 94],
  ['daysToCash', '深圳', 12, 9],
  ['daysToCash', '上海', 15, 11],
  ['daysToDecision', '杭州', 4.5, 3.8],
  ['inspectionsPerEnterprise', '上海', 0.9, 0.7],
  ['daysToStartBusiness', '上海', 1.5, 1],
  ['daysToStartBusiness', '北京', 1.5, 1],
  ['daysToStartBusiness', '杭州', 2, 1],
  ['daysToConnectElectricity', '深圳', 5, 4],
  ['daysToConnectElectricity', '北京', 6, 5],
  ['daysToRegisterProperty', '北京', 3, 1],
  ['daysToRegisterProperty', '杭州', 2, 1],
  ['taxHoursPerYear', '上海', 110, 98],
  ['arrearsDays', '杭州', 20, 12],
  ['exportClearanceHours', '深圳', 1.5, 1.2],
  ['labourArbitrationDays', '杭州', 38, 35],
  ['electronicBiddingRate', '上海', 98, 100],
  ['minorityInvestorScore', '上海', 88, 90],
  ['highValuePatentsPer10k', '深圳', 95, 110],
  ['rdIntensity', '北京', 6.5, 6.7],
  ['breadyBusinessEntryServices', '杭州', 78, 84],
]

const OUR_VALUES: [indicatorKey: string, older: number, newer: number][] = [
  ['daysToStartBusiness', 2, 1.5],
  ['daysToConnectElectricity', 8, 6],
  ['daysToRegisterProperty', 3, 2],
  ['taxHoursPerYear', 130, 120],
  ['exportClearanceHours', 2.1, 1.8],
  ['labourArbitrationDays', 45, 42],
  ['electronicBiddingRate', 95, 98],
  ['highValuePatentsPer10k', 14, 16],
  ['rdIntensity', 2.7, 2.9],
  ['breadyBusinessEntryServices', 70, 76],
]

export async function seedDemoBenchmarks(deps: AppDeps, tx: Tx): Promise<number> {
  if ((await q.countCityValues(tx)) > 0) return 0
  const newer = cityYear(deps) - 1
  const at = new Date()
  const sourceDate = (year: number) => `${year + 1}-03-31`
  let count = 0
  for (const [indicatorKey, city, older, latest] of CITY_VALUES)
    for (const [year, value] of [
      [newer - 1, older],
      [newer, latest],
    ] as const) {
      await q.insertCityValue(tx, {
        indicator_key: indicatorKey,
        city,
        year,
        value,
        is_demo: true,
        ...DEMO_SOURCE,
        source_date: sourceDate(year),
        entered_by: null,
        entered_at: at,
      })
      count++
    }
  for (const [indicatorKey, older, latest] of OUR_VALUES)
    for (const [year, value] of [
      [newer - 1, older],
      [newer, latest],
    ] as const) {
      await q.insertEntry(tx, {
        indicator_key: indicatorKey,
        year,
        month: null,
        value,
        ...DEMO_SOURCE,
        source_date: sourceDate(year),
        entered_by: null,
        entered_at: at,
      })
      count++
    }
  await writeAudit(tx, systemActor('seed'), {
    action: 'benchmark_city_value.seed_demo',
    entityType: 'benchmark_city_value',
    after: { values: count, demo: true },
  })
  return count
}
