import type {
  Cockpit,
  CockpitCases,
  DrillMetric,
  FigureKey,
  RateKey,
} from '@server/modules/cockpit/cockpit.schema'
import { api, API_BASE, buildQuery } from '../../app/api'

export type { Cockpit, CockpitCases, DrillMetric, FigureKey, RateKey }
export type Period = { from: string; to: string }
export type DrillQuery = {
  metric: DrillMetric
  month?: string
  from?: string
  to?: string
  departmentId?: string
  offset?: number
}
export type OpenDataIndex = { months: { month: string; json: string; csv: string }[]; licence: string }

export const cockpitApi = {
  read: (period: Period) => api.get<Cockpit>('/cockpit', period),
  cases: (query: DrillQuery) => api.get<CockpitCases>('/cockpit/cases', { ...query, limit: 50 }),
  openData: () => api.get<OpenDataIndex>('/open-data/monthly'),
}

/** A plain link: the browser downloads the workbook with the session cookie. */
export const cockpitXlsxUrl = (period: Period) => `${API_BASE}/cockpit.xlsx${buildQuery(period)}`
