import { requireRole, requireStaff, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import type { Executor } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { DEFAULT_CAP_SETTINGS } from './cap-arithmetic'
import { CapSettingsSchema, type AddCapVersionInput, type CapSettings } from './inspection-caps.schema'
import * as q from './inspection-caps.queries'

/**
 * The cap rules as data, versioned by the date they take effect: staff read them (a planner needs
 * to know the limits); the administrator and the bureau's leadership add a version. A version is
 * never edited, and none takes effect in the past: a plan is always judged by the rules of its day.
 */

/** The rules in force on a city date; the defaults while no version has taken effect. */
export async function loadCapSettingsAt(
  db: Executor,
  cityDate: string,
): Promise<{ settings: CapSettings; versionId: string | null }> {
  const row = await q.findCapVersionAt(db, cityDate)
  return { settings: capSettingsOf(row?.settings), versionId: row?.id ?? null }
}

const presentVersion = definePresenter({
  id: 'id',
  effectiveFrom: 'effective_from',
  note: 'note',
  createdAt: 'created_at',
})

/** A stored version's rules; the defaults for none (or, defensively, for a document that no longer parses). */
export function capSettingsOf(stored: unknown): CapSettings {
  if (stored === null || stored === undefined) return DEFAULT_CAP_SETTINGS
  const parsed = CapSettingsSchema.safeParse(stored)
  return parsed.success ? parsed.data : DEFAULT_CAP_SETTINGS
}

export async function getCapSettings(deps: AppDeps, actor: Actor) {
  requireStaff(actor)
  const today = cityToday(deps)
  const current = await loadCapSettingsAt(deps.db, today)
  const versions = await q.findCapVersions(deps.db)
  return {
    current: current.settings,
    currentVersionId: current.versionId,
    versions: versions.map((v) => ({ ...presentVersion(v), settings: capSettingsOf(v.settings) })),
  }
}

/** Refuses: FORBIDDEN, INSPECTION_CAP_EFFECTIVE_PAST, INSPECTION_CAP_VERSION_EXISTS. */
export async function addCapVersion(deps: AppDeps, actor: Actor, input: AddCapVersionInput) {
  const user = requireRole(actor, 'admin', 'bureau_leader')
  if (input.effectiveFrom < cityToday(deps)) throw new AppError('INSPECTION_CAP_EFFECTIVE_PAST')
  await deps.db.transaction().execute(async (tx) => {
    const before = await loadCapSettingsAt(tx, input.effectiveFrom)
    const saved = await q.insertCapVersion(tx, {
      effectiveFrom: input.effectiveFrom,
      settings: input.settings,
      note: input.note,
      createdBy: user.userId,
    })
    if (!saved) throw new AppError('INSPECTION_CAP_VERSION_EXISTS')
    await writeAudit(tx, user, {
      action: 'inspection_caps.add_version',
      entityType: 'inspection_cap_version',
      entityId: saved.id,
      before: before.settings,
      after: { effectiveFrom: input.effectiveFrom, note: input.note, settings: input.settings },
    })
  })
  return getCapSettings(deps, actor)
}
