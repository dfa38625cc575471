import type { Generated } from 'kysely'
import type { CaseEventColumns } from '../../kernel/cases/timeline'
import type { Timestamp } from '../../kernel/db/schema'
import type { InspectionState } from './inspection-states'
// The result step's tables (issue 14 item 4) join DB with these (the row-types test reads this file).
import './inspection-results.tables'

/** Row types of the inspections module's tables, written to match server/migrations (change both in one commit). */

export type InspectionItemStatus = 'draft' | 'published' | 'withdrawn'
export type InspectionKind = 'routine' | 'case' | 'special' | 'random' | 'recheck' | 'service_visit'
export type VisitPurpose = 'research' | 'observation' | 'guidance'
export type CapExemption =
  'complaint' | 'assigned' | 'recheck' | 'own_request' | 'emergency' | 'bureau_granted'

export type InspectionItemsTable = {
  id: Generated<string>
  code: string
  name: string
  department_id: string
  basis: string
  content: Generated<string>
  status: Generated<InspectionItemStatus>
  published_at: Date | null
  withdrawn_at: Date | null
  /** 'YYYY-MM-DD', the city's date */
  last_used_on: string | null
  version: Generated<number>
  created_at: Timestamp
}

export type InspectorsTable = {
  user_id: string
  department_id: string
  certificate_no: string
  /** 'YYYY-MM-DD' */
  certified_until: string
  active: Generated<boolean>
  created_at: Timestamp
}

export type InspectorConflictsTable = {
  inspector_user_id: string
  enterprise_id: string
  reason: string
  declared_at: Timestamp
}

export type InspectionsTable = {
  id: Generated<string>
  number: string
  check_code: string
  kind: InspectionKind
  visit_purpose: VisitPurpose | null
  enterprise_id: string
  department_id: string
  /** 'YYYY-MM-DD', the city's date */
  planned_on: string
  window_ends_on: string
  purpose: string
  status: Generated<InspectionState>
  cap_exemption: CapExemption | null
  cap_exemption_note: string | null
  joint_visit_id: string | null
  draw_id: string | null
  parent_inspection_id: string | null
  planned_by: string
  approved_by: string | null
  approved_at: Date | null
  decision_note: string | null
  checked_in_at: Date | null
  checked_in_by: string | null
  closed_at: Date | null
  version: Generated<number>
  created_at: Timestamp
}

export type InspectionItemLinksTable = { inspection_id: string; item_id: string }
export type InspectionInspectorsTable = { inspection_id: string; inspector_user_id: string }
export type InspectionEventsTable = CaseEventColumns & { inspection_id: string }
export type InspectionVisitorsTable = { inspection_id: string; user_id: string }
export type InspectionCountersTable = { year: number; last_serial: number }

export type UnregisteredVisitReportsTable = {
  id: Generated<string>
  enterprise_id: string
  reported_by: string
  body_name: string
  note: Generated<string>
  presented_code: string | null
  /** 'YYYY-MM-DD', the city's date */
  visited_on: string
  reported_at: Timestamp
}

declare module '../../kernel/db/schema' {
  interface DB {
    inspection_items: InspectionItemsTable
    inspectors: InspectorsTable
    inspector_conflicts: InspectorConflictsTable
    inspections: InspectionsTable
    inspection_item_links: InspectionItemLinksTable
    inspection_inspectors: InspectionInspectorsTable
    inspection_events: InspectionEventsTable
    inspection_visitors: InspectionVisitorsTable
    inspection_counters: InspectionCountersTable
    unregistered_visit_reports: UnregisteredVisitReportsTable
  }
}
