import type {
  FollowedReport,
  Report,
  Reporter,
  ReportSummary,
} from '@server/modules/misconduct-reports/misconduct-reports.schema'
import { REPORT_AREAS } from '@server/modules/misconduct-reports/misconduct-reports.schema'
import { api } from '../../app/api'

export type { FollowedReport, Report, Reporter, ReportSummary }
export { REPORT_AREAS }
export type ReportArea = Report['area']
export type ReportStatus = Report['status']

const reportPath = (id: string) => `/misconduct-reports/${encodeURIComponent(id)}`

export const reportsApi = {
  /** Anyone: the report as JSON in `report`, the evidence in `files`. */
  file: (report: Record<string, unknown>, files: File[]) => {
    const form = new FormData()
    form.set('report', JSON.stringify(report))
    for (const file of files) form.append('files', file)
    return api.upload<{ receiptCode: string; filedAt: string; evidenceCount: number }>(
      '/public/misconduct-reports',
      form,
    )
  },
  follow: (receiptCode: string) =>
    api.post<FollowedReport>('/public/misconduct-reports/follow', { receiptCode }),
  list: (query: { status?: ReportStatus; overdue?: 'true'; limit: number; offset: number }) =>
    api.get<{ items: ReportSummary[]; total: number }>('/misconduct-reports', query),
  get: (id: string) => api.get<Report>(reportPath(id)),
  evidenceUrl: (id: string, evidenceId: string) =>
    `/api/v1${reportPath(id)}/evidence/${encodeURIComponent(evidenceId)}`,
  revealReporter: (id: string) => api.post<Reporter>(`${reportPath(id)}/reporter`),
  move: (id: string, move: ReportMove, body: Record<string, unknown>) =>
    api.post<Report>(`${reportPath(id)}/${move}`, body),
}

export type ReportMove =
  | 'accept'
  | 'not-accept'
  | 'transfer'
  | 'investigate'
  | 'findings'
  | 'close'
  | 'result-notice'
  | 'supervision'
  | 'exposure-proposal'
