import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Executor } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { RectificationSettings } from './rectifications.schema'
import * as q from './rectifications.queries'

/** Sichuan's practice: a bad rating is fixed within 15 working days; a city may promise 5–15. */
export const DEFAULT_DEADLINE_WORKING_DAYS = 15

/** The stored settings, or the defaults (version 0) when nobody changed them yet. */
export async function loadRectificationSettings(db: Executor): Promise<RectificationSettings> {
  const row = await q.findSettingsRow(db)
  if (!row) return { deadlineWorkingDays: DEFAULT_DEADLINE_WORKING_DAYS, version: 0 }
  return { deadlineWorkingDays: row.deadline_working_days, version: row.version }
}

export async function getRectificationSettings(deps: AppDeps, actor: Actor): Promise<RectificationSettings> {
  requireRole(actor, 'admin', 'dispatcher', 'bureau_leader')
  return loadRectificationSettings(deps.db)
}

/** Applies to rectifications opened from now on. Refuses: FORBIDDEN (not admin), VERSION_CONFLICT. */
export async function updateRectificationSettings(
  deps: AppDeps,
  actor: Actor,
  input: { deadlineWorkingDays: number; version: number },
): Promise<RectificationSettings> {
  const admin = requireRole(actor, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadRectificationSettings(tx)
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT')
    const saved = await q.saveSettings(tx, { ...input, by: admin.userId })
    if (saved === undefined) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, admin, {
      action: 'rectification.update_settings',
      entityType: 'rectification_settings',
      entityId: '1',
      before: { deadlineWorkingDays: before.deadlineWorkingDays },
      after: { deadlineWorkingDays: input.deadlineWorkingDays },
    })
    return { deadlineWorkingDays: input.deadlineWorkingDays, version: saved }
  })
}
