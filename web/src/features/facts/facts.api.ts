import type { z } from 'zod'
import type {
  EnterpriseFactsSchema,
  FactHistorySchema,
  ImportListSchema,
  ImportReportSchema,
} from '@server/modules/facts/facts.schema'
import { api } from '../../app/api'
import { factsApi as sharedFactsApi } from '../../app/shared-api/facts'

export type { FactDefinition, RawFactValue } from '../../app/shared-api/facts'
import type { RawFactValue } from '../../app/shared-api/facts'

export type FactSheet = z.infer<typeof EnterpriseFactsSchema>
export type SheetFact = FactSheet['facts'][number]
export type FactHistoryItem = z.infer<typeof FactHistorySchema>['items'][number]
export type FactImportReport = z.infer<typeof ImportReportSchema>
export type FactImportRow = FactImportReport['rows'][number]
export type FactImportSummary = z.infer<typeof ImportListSchema>['items'][number]
export type Declaration = { key: string; period?: string; value: RawFactValue | null }

/** The departments' sources an import can carry (declared and profile values come from the enterprise). */
export const IMPORT_SOURCES = [
  'tax',
  'social_security',
  'market_regulation',
  'science',
  'statistics',
  'other_department',
] as const
export type ImportSource = (typeof IMPORT_SOURCES)[number]

const enterprisePath = (id: string) => `/enterprises/${encodeURIComponent(id)}`

export const factsApi = {
  ...sharedFactsApi,
  sheet: (enterpriseId: string) => api.get<FactSheet>(`${enterprisePath(enterpriseId)}/facts`),
  history: (enterpriseId: string) =>
    api.get<{ items: FactHistoryItem[] }>(`${enterprisePath(enterpriseId)}/facts/history`),
  declare: (enterpriseId: string, facts: Declaration[]) =>
    api.post<FactSheet & { changed: number }>(`${enterprisePath(enterpriseId)}/facts`, { facts }),
  importFile: (source: ImportSource, file: File, onProgress?: (fraction: number) => void) => {
    const form = new FormData()
    form.set('file', file, file.name)
    return api.upload<FactImportReport>(`/facts/imports?source=${encodeURIComponent(source)}`, form, {
      onProgress,
    })
  },
  /** The market-regulation registry: credit code, name, legal representative and their phone. */
  importRegistry: (file: File, onProgress?: (fraction: number) => void) => {
    const form = new FormData()
    form.set('file', file, file.name)
    return api.upload<FactImportReport>('/facts/registry-imports', form, { onProgress })
  },
  imports: () => api.get<{ items: FactImportSummary[] }>('/facts/imports'),
  /** The sources the caller may import (an administrator every department source, others their department's). */
  importSources: () => api.get<{ items: ImportSource[] }>('/facts/imports/sources'),
}
