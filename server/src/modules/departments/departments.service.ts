import { requireRole, requireStaff, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { definePresenter } from '../../kernel/present'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { cityNameOf, departmentUsingForm, phraseProblems } from '../../shared/department-names'
import { findDivision } from '../reference'
import type { CreateDepartmentInput, Department, UpdateDepartmentInput } from './departments.schema'
import * as q from './departments.queries'

type Row = NonNullable<Awaited<ReturnType<typeof q.findDepartmentById>>>

const presentColumns = definePresenter({
  id: 'id',
  code: 'code',
  name: 'name',
  shortName: 'short_name',
  kind: 'kind',
  parentId: 'parent_id',
  divisionCode: 'division_code',
  isBureau: 'is_bureau',
  isFallbackOwner: 'is_fallback_owner',
  isActive: 'is_active',
  sortOrder: 'sort_order',
  version: 'version',
})

function present(row: Row, userCount = 0): Department {
  return { ...presentColumns(row), recognisedNames: row.recognised_names ?? [], userCount }
}

function snapshot(row: Row) {
  const { created_at: _c, updated_at: _u, ...rest } = row
  return rest
}

/** Every department, flat with parent ids (the client draws the tree). Staff only. */
export async function listDepartments(deps: AppDeps, actor: Actor): Promise<Department[]> {
  requireStaff(actor)
  const rows = await q.findAllDepartments(deps.db)
  return rows.map((r) => present(r, Number(r.user_count ?? 0)))
}

/** A city has departments and district governments under it; divisions sit under either. */
async function assertParentFits(db: Executor, kind: string, parentId: string): Promise<void> {
  const parent = await q.findDepartmentById(db, parentId)
  if (!parent || !parent.is_active)
    throw new AppError('VALIDATION_FAILED', { fields: { parentId: translate('departments.parentMissing') } })
  const fits = kind === 'division' ? parent.kind !== 'city' : parent.kind === 'city'
  if (!fits)
    throw new AppError('VALIDATION_FAILED', { fields: { parentId: translate('departments.parentKind') } })
}

function assertDivisionCode(code: string | null | undefined): void {
  if (code && !findDivision(code)) {
    throw new AppError('VALIDATION_FAILED', {
      fields: { divisionCode: translate('departments.unknownDivision') },
    })
  }
}

/**
 * Recognised forms must name this department only: no form twice, each with a letter, none that
 * another active department already answers to (its name, short name, forms, or those without the
 * city) — a shared form would name neither in an appeal. Every bad entry is listed.
 */
async function assertRecognisedNamesFree(db: Executor, names: readonly string[], selfId: string | null) {
  if (names.length === 0) return
  const rows = await q.findNamedDepartments(db, selfId)
  const root = rows.find((r) => r.kind === 'city')
  const cityName = root ? cityNameOf(root.name) : ''
  const others = rows
    .filter((r) => r.kind !== 'city')
    .map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.short_name,
      recognisedNames: r.recognised_names ?? [],
    }))
  const fields: Record<string, string> = {}
  const problems = phraseProblems(names)
  names.forEach((name, i) => {
    const problem = problems.get(i)
    if (problem) {
      fields[`recognisedNames.${i}`] = translate(
        problem === 'duplicate' ? 'departments.formDuplicate' : 'departments.formNoLetter',
      )
      return
    }
    const owner = departmentUsingForm(name, others, cityName)
    if (owner) fields[`recognisedNames.${i}`] = translate('departments.formTaken', { name: owner.name })
  })
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
}

/** Refuses: FORBIDDEN (not admin), VALIDATION_FAILED (parent, division code, recognised names), DEPARTMENT_CODE_TAKEN. */
export async function createDepartment(
  deps: AppDeps,
  actor: Actor,
  input: CreateDepartmentInput,
): Promise<Department> {
  const admin = requireRole(actor, 'admin')
  assertDivisionCode(input.divisionCode)
  return deps.db.transaction().execute(async (tx) => {
    await assertParentFits(tx, input.kind, input.parentId)
    if (await q.findDepartmentByCode(tx, input.code)) throw new AppError('DEPARTMENT_CODE_TAKEN')
    await assertRecognisedNamesFree(tx, input.recognisedNames, null)
    const row = await q.insertDepartment(tx, {
      code: input.code,
      name: input.name,
      short_name: input.shortName,
      recognised_names: input.recognisedNames,
      kind: input.kind,
      parent_id: input.parentId,
      division_code: input.divisionCode,
      is_fallback_owner: input.isFallbackOwner,
      sort_order: input.sortOrder,
    })
    await writeAudit(tx, admin, {
      action: 'department.create',
      entityType: 'department',
      entityId: row.id,
      after: snapshot(row),
    })
    return present(row)
  })
}

/**
 * Renames, moves, (de)activates a department, changes the forms it is recognised by.
 * Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, VALIDATION_FAILED (recognised names taken,
 * repeated or without a letter, parent, division code), DEPARTMENT_CYCLE (moving under
 * its own descendant), DEPARTMENT_NOT_EMPTY (deactivating with active sub-departments or people).
 */
export async function updateDepartment(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: UpdateDepartmentInput,
): Promise<Department> {
  const admin = requireRole(actor, 'admin')
  assertDivisionCode(input.divisionCode)
  return deps.db.transaction().execute(async (tx) => {
    const row = await q.findDepartmentById(tx, id)
    if (!row) throw notFound()
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
    if (input.parentId !== undefined && input.parentId !== row.parent_id) {
      if (row.kind === 'city')
        throw new AppError('VALIDATION_FAILED', { fields: { parentId: translate('departments.parentKind') } })
      if ((await q.findSubtreeIds(tx, id)).includes(input.parentId)) throw new AppError('DEPARTMENT_CYCLE')
      await assertParentFits(tx, row.kind, input.parentId)
    }
    if (input.recognisedNames !== undefined) await assertRecognisedNamesFree(tx, input.recognisedNames, id)
    if (input.isActive === false && row.is_active) {
      if (row.kind === 'city') throw new AppError('DEPARTMENT_NOT_EMPTY')
      if ((await q.countActiveChildren(tx, id)) > 0 || (await q.countActiveUsers(tx, id)) > 0) {
        throw new AppError('DEPARTMENT_NOT_EMPTY')
      }
    }
    const updated = await q.updateDepartmentIfVersion(tx, id, input.version, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
      ...(input.recognisedNames !== undefined ? { recognised_names: input.recognisedNames } : {}),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
      ...(input.divisionCode !== undefined ? { division_code: input.divisionCode } : {}),
      ...(input.isFallbackOwner !== undefined ? { is_fallback_owner: input.isFallbackOwner } : {}),
      ...(input.isActive !== undefined ? { is_active: input.isActive } : {}),
      ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
    })
    if (!updated) throw new AppError('VERSION_CONFLICT')
    await writeAudit(tx, admin, {
      action: 'department.update',
      entityType: 'department',
      entityId: id,
      before: snapshot(row),
      after: snapshot(updated),
    })
    return present(updated, await q.countActiveUsers(tx, id))
  })
}

/** Every department id at or below the given ones: the reach of a department-scoped role. */
export async function departmentScope(db: Executor, rootIds: string[]): Promise<string[]> {
  const all = new Set<string>()
  for (const id of rootIds) for (const d of await q.findSubtreeIds(db, id)) all.add(d)
  return [...all]
}
