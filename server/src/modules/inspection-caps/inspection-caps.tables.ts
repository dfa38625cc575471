import type { Generated } from 'kysely'
import type { Json, Timestamp } from '../../kernel/db/schema'

/** Row types of the inspection-caps module's tables, written to match server/migrations (change both in one commit). */

export type ExemptionRequestStatus = 'pending' | 'granted' | 'refused' | 'used'

export type InspectionCapVersionsTable = {
  id: Generated<string>
  /** 'YYYY-MM-DD', the city's date */
  effective_from: string
  /** a CapSettings document, validated on the way in and out */
  settings: Json<unknown>
  note: string
  created_by: string
  created_at: Timestamp
}

export type InspectionCapExemptionRequestsTable = {
  id: Generated<string>
  enterprise_id: string
  department_id: string
  item_ids: Generated<string[]>
  planned_on: string
  reason: string
  status: Generated<ExemptionRequestStatus>
  requested_by: string
  requested_at: Timestamp
  decided_by: string | null
  decided_at: Date | null
  decision_note: string | null
  used_at: Date | null
  used_by: string | null
  used_planned_on: string | null
  used_by_inspection_id: string | null
  version: Generated<number>
}

export type JointVisitsTable = {
  id: Generated<string>
  enterprise_id: string
  visit_on: string
  lead_department_id: string
  note: Generated<string>
  created_by: string
  created_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    inspection_cap_versions: InspectionCapVersionsTable
    inspection_cap_exemption_requests: InspectionCapExemptionRequestsTable
    joint_visits: JointVisitsTable
  }
}
