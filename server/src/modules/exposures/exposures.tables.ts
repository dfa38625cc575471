import type { Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the exposures module's tables, written to match server/migrations (change both in one commit). */

export type ExposureState = 'proposed' | 'approved' | 'rejected' | 'published' | 'rectified'
export type ExposureSource = 'misconduct_report' | 'supervision_case' | 'manual'

export type ExposuresTable = {
  id: Generated<string>
  source: ExposureSource
  source_id: string | null
  unit_name: string
  department_id: string | null
  title: string
  conduct: string
  public_title: string | null
  public_conduct: string | null
  rectification: string | null
  status: Generated<ExposureState>
  proposed_by: string
  proposed_at: Timestamp
  reviewed_by: string | null
  reviewed_at: Date | null
  review_note: string | null
  published_by: string | null
  published_at: Date | null
  rectified_at: Date | null
  version: Generated<number>
}

export type ExposureEventsTable = CaseEventColumns & { exposure_id: string }

declare module '../../kernel/db/schema' {
  interface DB {
    exposures: ExposuresTable
    exposure_events: ExposureEventsTable
  }
}
