import type { z } from 'zod'
import type {
  AuditPageSchema,
  AuditRowSchema,
  CheckpointListSchema,
  CheckpointSchema,
  VerifyResultSchema,
} from '@server/modules/audit/audit.schema'
import { api, type Query } from '../../app/api'

export type AuditRow = z.infer<typeof AuditRowSchema>
export type AuditPage = z.infer<typeof AuditPageSchema>
export type VerifyResult = z.infer<typeof VerifyResultSchema>
export type Checkpoint = z.infer<typeof CheckpointSchema>
export type CheckpointList = z.infer<typeof CheckpointListSchema>

export type AuditFilter = {
  entityType?: string
  entityId?: string
  action?: string
  /** ISO instants */
  from?: string
  to?: string
}

export const auditApi = {
  /** a page older than `beforeId`; `beforeSeq` opens the list at a place in the chain (a broken row) */
  list: (filter: AuditFilter, cursor: { beforeId?: number; beforeSeq?: number } = {}, limit = 50) =>
    api.get<AuditPage>('/audit', { ...filter, ...cursor, limit } as Query),
  verify: () => api.post<VerifyResult>('/audit/verify'),
  checkpoints: () => api.get<CheckpointList>('/audit/checkpoints'),
  signCheckpoint: () => api.post<Checkpoint>('/audit/checkpoints'),
}

/** Entity types and actions the server writes today: suggestions for the filters, not a limit. */
export const AUDIT_ENTITY_TYPES = [
  'audit_checkpoint',
  'user',
  'department',
  'enterprise',
  'calendar',
  'calendar_day',
  'calendar_notice',
  'system',
]
export const AUDIT_ACTIONS = [
  'audit.checkpoint',
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.sign_out_everywhere',
  'calendar.put_notice',
  'calendar.remove_notice',
  'calendar.set_override',
  'calendar.remove_override',
  'calendar.update_working_hours',
  'department.create',
  'department.update',
  'enterprise.register',
  'enterprise.update_profile',
  'enterprise.add_member',
  'enterprise.remove_member',
  'system.seed',
  'user.create',
  'user.create_enterprise_account',
  'user.update',
  'user.change_password',
  'user.reset_password',
  'user.unlock',
  'user.revoke_sessions',
  'user.enable_totp',
  'user.disable_totp',
]
