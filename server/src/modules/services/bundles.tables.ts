import type { Generated } from 'kysely'
import type { Json, Timestamp } from '../../kernel/db/schema'

/** Row types of the bundle tables (migration 0038; change both in one commit). */

export type ServiceBundlesTable = {
  id: Generated<string>
  code: string
  name: string
  description: Generated<string>
  promised_limit_days: number
  members_limit_days: number
  is_published: Generated<boolean>
  published_at: Date | null
  published_by: string | null
  created_by: string | null
  created_at: Timestamp
  updated_at: Timestamp
}

export type ServiceBundleMembersTable = {
  bundle_id: string
  matter_id: string
  position: number
  stage: Generated<number>
}

export type BundleApplicationsTable = {
  id: Generated<string>
  bundle_id: string
  enterprise_id: string
  created_by: string
  status: Generated<'draft' | 'submitted'>
  form_data: Json<Record<string, unknown>>
  created_at: Timestamp
  saved_at: Timestamp
  submitted_at: Date | null
  promised_due_at: Date | null
  version: Generated<number>
}

export type BundleApplicationPartsTable = {
  bundle_application_id: string
  application_id: string
  matter_id: string
  department_id: string
  position: number
  stage: number
}

declare module '../../kernel/db/schema' {
  interface DB {
    service_bundles: ServiceBundlesTable
    service_bundle_members: ServiceBundleMembersTable
    bundle_applications: BundleApplicationsTable
    bundle_application_parts: BundleApplicationPartsTable
  }
}
