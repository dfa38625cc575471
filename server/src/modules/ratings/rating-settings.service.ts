import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Executor } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { DEFAULT_RATING_SETTINGS, RatingSettingsSchema, type RatingSettings } from './rating-settings'
import { findSettingsRow, upsertSettings } from './ratings.queries'

/** The stored settings, or the defaults when nobody changed them yet. */
export async function loadRatingSettings(
  db: Executor,
): Promise<{ settings: RatingSettings; version: number }> {
  const row = await findSettingsRow(db)
  if (!row) return { settings: DEFAULT_RATING_SETTINGS, version: 0 }
  const parsed = RatingSettingsSchema.safeParse(row.settings)
  return { settings: parsed.success ? parsed.data : DEFAULT_RATING_SETTINGS, version: row.version }
}

export async function getRatingSettings(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'admin', 'dispatcher', 'bureau_leader')
  return loadRatingSettings(deps.db)
}

/** Refuses: FORBIDDEN (not admin), VERSION_CONFLICT. */
export async function updateRatingSettings(
  deps: AppDeps,
  actor: Actor,
  input: { version: number; settings: RatingSettings },
) {
  const admin = requireRole(actor, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadRatingSettings(tx)
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT')
    const saved = await upsertSettings(
      tx,
      input.settings,
      admin.userId,
      before.version === 0 ? null : input.version,
    )
    if (!saved) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, admin, {
      action: 'rating.update_settings',
      entityType: 'rating_settings',
      entityId: '1',
      before: before.settings,
      after: input.settings,
    })
    return { settings: input.settings, version: saved.version }
  })
}
