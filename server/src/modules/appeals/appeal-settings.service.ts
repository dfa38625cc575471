import { currentLocale } from '../../kernel/context'
import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Executor } from '../../kernel/db/database'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { phraseProblems } from '../../shared/department-names'
import { AppealSettingsSchema, DEFAULT_APPEAL_SETTINGS, type AppealSettings } from './appeal-settings'
import { recomputeAppealReadModel } from './appeal-read-model.queries'
import { findCategory, findSettingsRow, upsertCategory, upsertSettings } from './appeals-catalogue.queries'
import { findActiveDepartments } from './appeals-departments.queries'

/** The stored settings, or the defaults when nobody changed them yet. */
export async function loadAppealSettings(
  db: Executor,
): Promise<{ settings: AppealSettings; version: number }> {
  const row = await findSettingsRow(db)
  if (!row) return { settings: DEFAULT_APPEAL_SETTINGS, version: 0 }
  const parsed = AppealSettingsSchema.safeParse(row.settings)
  return { settings: parsed.success ? parsed.data : DEFAULT_APPEAL_SETTINGS, version: row.version }
}

export async function getAppealSettings(deps: AppDeps, actor: Actor) {
  requireRole(actor, 'admin', 'dispatcher', 'bureau_leader')
  return loadAppealSettings(deps.db)
}

/** Refuses: FORBIDDEN (not admin), VERSION_CONFLICT. */
export async function updateAppealSettings(
  deps: AppDeps,
  actor: Actor,
  input: { version: number; settings: AppealSettings },
) {
  const admin = requireRole(actor, 'admin')
  return deps.db.transaction().execute(async (tx) => {
    const before = await loadAppealSettings(tx)
    if (before.version !== input.version) throw new AppError('VERSION_CONFLICT')
    const saved =
      before.version === 0
        ? await upsertSettings(tx, input.settings, admin.userId, null)
        : await upsertSettings(tx, input.settings, admin.userId, input.version)
    if (!saved) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, admin, {
      action: 'appeal.update_settings',
      entityType: 'appeal_settings',
      entityId: '1',
      before: before.settings,
      after: input.settings,
    })
    return { settings: input.settings, version: saved.version }
  })
}

/**
 * Adds or changes a category of the catalogue (a retired one is deactivated, never deleted: old
 * appeals keep it), with the keywords that point to it. Refuses: FORBIDDEN (not admin),
 * VALIDATION_FAILED (an inactive or unknown department, a keyword repeated or without a letter).
 */
export async function saveCategory(
  deps: AppDeps,
  actor: Actor,
  code: string,
  input: {
    name: string
    nameEn: string
    defaultDepartmentId: string | null
    defaultTier: 'urgent' | 'fast' | 'normal' | 'complex'
    isActive: boolean
    sortOrder: number
    keywords?: string[] | undefined
  },
) {
  const admin = requireRole(actor, 'admin')
  assertKeywords(input.keywords ?? [])
  return deps.db.transaction().execute(async (tx) => {
    if (
      input.defaultDepartmentId &&
      (await findActiveDepartments(tx, [input.defaultDepartmentId])).length === 0
    ) {
      throw new AppError('VALIDATION_FAILED', {
        fields: { defaultDepartmentId: translate('appeals.unknownDepartment') },
      })
    }
    const before = await findCategory(tx, code)
    const row = await upsertCategory(tx, {
      code,
      name: input.name,
      name_en: input.nameEn,
      default_department_id: input.defaultDepartmentId,
      default_tier: input.defaultTier,
      is_active: input.isActive,
      sort_order: input.sortOrder,
      keywords: input.keywords,
    })
    await writeAudit(tx, admin, {
      action: 'appeal.save_category',
      entityType: 'appeal_category',
      entityId: code,
      before: before ?? null,
      after: row,
    })
    return {
      code: row.code,
      name: currentLocale() === 'en' ? row.name_en : row.name,
      nameZh: row.name,
      nameEn: row.name_en,
      isActive: row.is_active,
      sortOrder: row.sort_order,
      defaultDepartmentId: row.default_department_id,
      defaultTier: row.default_tier,
      keywords: row.keywords ?? [],
    }
  })
}

/** Each keyword once, and with a letter (a number or punctuation would match everywhere). */
function assertKeywords(keywords: readonly string[]): void {
  const problems = phraseProblems(keywords)
  if (problems.size === 0) return
  const fields: Record<string, string> = {}
  for (const [i, problem] of problems)
    fields[`keywords.${i}`] = translate(
      problem === 'duplicate' ? 'appeals.keywordDuplicate' : 'appeals.keywordNoLetter',
    )
  throw new AppError('VALIDATION_FAILED', { fields })
}

/** Maintenance (bulk loads, repairs): rebuilds the appeals' read model from their history. No caller check: not an endpoint. */
export async function rebuildAppealReadModel(deps: Pick<AppDeps, 'db'>): Promise<void> {
  await recomputeAppealReadModel(deps.db)
}
