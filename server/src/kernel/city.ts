/**
 * The city a deployment serves. Dalian is the default; another city adds an entry here and its own
 * seed data (server/src/seed/cities/), and sets CITY.
 */
export type CityProfile = {
  key: string
  nameZh: string
  nameEn: string
  /** GB/T 2260 code of the city (six digits, ending 00). */
  divisionCode: string
  bureauNameZh: string
  bureauNameEn: string
  /** Prefix of appeal numbers: DL-2026-000123. */
  appealPrefix: string
}

const CITIES: Record<string, CityProfile> = {
  dalian: {
    key: 'dalian',
    nameZh: '大连市',
    nameEn: 'Dalian',
    divisionCode: '210200',
    bureauNameZh: '大连市营商环境建设局',
    bureauNameEn: 'Dalian Business Environment Bureau',
    appealPrefix: 'DL',
  },
}

export function cityProfile(key: string): CityProfile {
  const city = CITIES[key]
  if (!city) throw new Error(`Unknown CITY "${key}". Known: ${Object.keys(CITIES).join(', ')}`)
  return city
}
