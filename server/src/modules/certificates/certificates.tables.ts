import type { Generated } from 'kysely'
import type { Timestamp } from '../../kernel/db/schema'

/** Row types of the certificates module's tables, written to match server/migrations (change both in one commit). */

export type CertificateKind = 'licence' | 'approval' | 'filing' | 'other'
/** Stored states; "expired" is derived from valid_until when read. */
export type CertificateStoredStatus = 'active' | 'suspended' | 'revoked'

export type CertificatesTable = {
  id: Generated<string>
  number: string
  kind: CertificateKind
  enterprise_id: string
  holder_name: string
  holder_uscc: string
  title: string
  issuing_department_id: string
  issuing_department_name: string
  issued_on: string
  valid_until: string
  application_id: string | null
  status: Generated<CertificateStoredStatus>
  status_reason: string | null
  status_changed_at: Date | null
  payload: string
  key_id: string
  issued_by: string | null
  created_at: Timestamp
  version: Generated<number>
}

declare module '../../kernel/db/schema' {
  interface DB {
    certificates: CertificatesTable
  }
}
