import type {
  Benchmarks,
  CityValue,
  EnterOurValueInput,
  IndicatorRow,
  OurEntry,
  SaveCityValueInput,
} from '@server/modules/benchmarks/benchmarks.schema'
import { api } from '../../app/api'

export type { Benchmarks, CityValue, IndicatorRow, OurEntry }
export type OurValueBody = Omit<EnterOurValueInput, 'month' | 'note'> & {
  month?: number | null
  note?: string
}
export type CityValueBody = Omit<SaveCityValueInput, 'isDemo' | 'note'> & { isDemo?: boolean; note?: string }

/** Calls to the benchmarks module, typed from its contract. */
export const benchmarksApi = {
  read: (year: number) => api.get<Benchmarks>('/benchmarks', { year }),
  enterOurValue: (body: OurValueBody) => api.put<OurEntry>('/benchmarks/entries', body),
  saveCityValue: (body: CityValueBody) => api.put<CityValue>('/benchmarks/city-values', body),
  deleteCityValue: (id: string) =>
    api.delete<{ deleted: true }>(`/benchmarks/city-values/${encodeURIComponent(id)}`),
}
