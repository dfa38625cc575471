import type { z } from 'zod'
import type {
  EnterpriseResultAnswer,
  LeniencyLookupInput,
  LeniencyLookupSchema,
  RecordResultBody as RecordResultSchema,
  ResultWorklistSchema,
  StaffResultAnswer,
} from '@server/modules/inspections/inspection-results.schema'
import { api } from '../../app/api'

export type StaffResult = StaffResultAnswer
export type EnterpriseResult = EnterpriseResultAnswer
export type LeniencyLookup = z.infer<typeof LeniencyLookupSchema>
export type LeniencyLookupEntry = LeniencyLookup['entries'][number]
export type ResultWorklist = z.infer<typeof ResultWorklistSchema>
export type RecordResultBody = z.input<typeof RecordResultSchema>

const id = encodeURIComponent

/** Calls to the result step of the inspections module (issue 14 item 4), typed from its contract. */
export const inspectionResultsApi = {
  worklist: () => api.get<ResultWorklist>('/inspection-results/mine'),
  result: (inspectionId: string) => api.get<StaffResult>(`/inspection-results/${id(inspectionId)}`),
  lookup: (query: Partial<LeniencyLookupInput>) =>
    api.get<LeniencyLookup>('/inspection-results/leniency-lookup', query),
  record: (inspectionId: string, body: RecordResultBody) =>
    api.post<StaffResult>(`/inspections/${id(inspectionId)}/result`, body),
  /** the enterprise's own view (an allow-list) */
  enterpriseResult: (inspectionId: string) =>
    api.get<EnterpriseResult>(`/inspections/${id(inspectionId)}/result`),
  planRecheck: (inspectionId: string, version: number) =>
    api.post<StaffResult>(`/inspections/${id(inspectionId)}/recheck`, { version }),
}
