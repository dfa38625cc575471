import { requireRole, type Actor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { addFieldError, AppError, notFound, type FieldErrors } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { matterSearchWords } from './matter-words'
import * as q from './matters.queries'
import {
  MATTER_VARIANTS,
  MatterContentBody,
  type CatalogueImportReport,
  type MatterContent,
  type MatterVariant,
} from './matters.schema'
import { editableDepartments, presentContent } from './matters.service'
import {
  canonicalJson,
  isYes,
  isYesOrNo,
  MATERIAL_COLUMNS,
  MATTER_COLUMNS,
  readCatalogueWorkbook,
  writeCatalogueWorkbook,
  type CatalogueSheets,
  type MatterColumn,
} from './matters-workbook'
import './services.messages'

/**
 * The catalogue in and out of a spreadsheet (decision 0045). Export: the user's departments' matters
 * (the bureau: all, or one department) with their current version. Import: all or nothing — every
 * bad cell of every row is reported at once, and nothing is written unless none is bad; a matter
 * gets a draft (a new one, or its open draft rewritten), never a change to a published version, and
 * a row whose content is what the matter already says writes nothing.
 */

const EDITOR_ROLES = ['handler', 'department_head', 'admin', 'bureau_leader'] as const
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
export const MAX_IMPORT_MATTERS = 2000

/** Refuses: FORBIDDEN (not an editor), NOT_FOUND (a department the user does not edit). */
export async function exportCatalogue(
  deps: AppDeps,
  actor: Actor,
  filter: { departmentId?: string },
): Promise<Buffer> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  const mine = editableDepartments(user)
  if (filter.departmentId !== undefined && mine !== null && !mine.includes(filter.departmentId))
    throw notFound()
  const departments = filter.departmentId !== undefined ? [filter.departmentId] : mine
  const rows = await q.findExportRows(deps.db, departments)
  return writeCatalogueWorkbook(
    rows.map((r) => ({
      code: r.code,
      parentCode: r.parent_code,
      variant: r.variant,
      departmentCode: r.department_code,
      versionLabel: `v${r.number} ${r.status === 'published' ? '已发布' : '草稿'}`,
      content: presentContent(r),
    })),
  )
}

type ParsedMatter = {
  row: number
  code: string
  parentCode: string | null
  variant: MatterVariant | null
  departmentCode: string
  content: MatterContent
}

/** Refuses: FORBIDDEN (not an editor), VALIDATION_FAILED listing every bad row and column. */
export async function importCatalogue(
  deps: AppDeps,
  actor: Actor,
  file: { name: string; bytes: Uint8Array },
): Promise<CatalogueImportReport> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  const fileError = (key: string, params?: Record<string, string | number>) =>
    new AppError('VALIDATION_FAILED', { fields: { file: translate(key, params) } })
  if (file.bytes.length > MAX_IMPORT_BYTES)
    throw fileError('services.import.tooLarge', { max: MAX_IMPORT_BYTES / 1024 / 1024 })
  let sheets: CatalogueSheets
  try {
    sheets = await readCatalogueWorkbook(file.bytes)
  } catch {
    throw fileError('services.import.unreadable')
  }
  if (!sheets.ok) throw fileError('services.import.missingSheet', { sheet: sheets.missingSheet })
  const missing = [...sheets.matters.missingColumns, ...sheets.materials.missingColumns]
  if (missing.length) throw fileError('services.import.missingColumns', { columns: missing.join('、') })
  if (sheets.matters.rows.length > MAX_IMPORT_MATTERS)
    throw fileError('services.import.tooManyRows', { max: MAX_IMPORT_MATTERS })

  const errors: FieldErrors = {}
  const matterError = (row: number, column: MatterColumn, message: string) =>
    addFieldError(errors, `matters.${row}.${column}`, `${MATTER_COLUMNS[column]}：${message}`)
  const materialError = (row: number, column: keyof typeof MATERIAL_COLUMNS, message: string) =>
    addFieldError(errors, `materials.${row}.${column}`, `${MATERIAL_COLUMNS[column]}：${message}`)

  // materials by matter code, each with its row so a bad one is reported where it is written
  const codes = new Set(sheets.matters.rows.map((r) => r.cells.code.trim()))
  const materialsOf = new Map<string, { row: number; material: Record<string, unknown> }[]>()
  for (const { row, cells } of sheets.materials.rows) {
    const code = cells.code.trim()
    if (!codes.has(code)) materialError(row, 'code', translate('services.import.unknownMatter'))
    if (!isYesOrNo(cells.platformSupplies))
      materialError(row, 'platformSupplies', translate('services.import.badBoolean'))
    const list = materialsOf.get(code) ?? []
    list.push({
      row,
      material: {
        name: cells.name,
        platformSupplies: isYes(cells.platformSupplies),
        notRequiredWhen: cells.notRequiredWhen.trim() === '' ? null : cells.notRequiredWhen,
        templateFileId: cells.templateFileId.trim() === '' ? null : cells.templateFileId.trim(),
      },
    })
    materialsOf.set(code, list)
  }

  const parsed: ParsedMatter[] = []
  const seen = new Set<string>()
  for (const { row, cells } of sheets.matters.rows) {
    const code = cells.code.trim()
    if (seen.has(code)) matterError(row, 'code', translate('services.import.duplicateCode'))
    seen.add(code)
    const json = (column: MatterColumn, empty: unknown) => {
      const text = cells[column].trim()
      if (text === '') return empty
      try {
        return JSON.parse(text) as unknown
      } catch {
        matterError(row, column, translate('services.import.badJson'))
        return empty
      }
    }
    const whole = (column: MatterColumn) => {
      const text = cells[column].trim()
      if (!/^\d{1,4}$/.test(text)) {
        matterError(row, column, translate('services.import.badNumber'))
        return 0
      }
      return Number(text)
    }
    if (!isYesOrNo(cells.jointHandling))
      matterError(row, 'jointHandling', translate('services.import.badBoolean'))
    const materialRows = materialsOf.get(code) ?? []
    const raw = {
      name: cells.name,
      matterType: cells.matterType.trim(),
      implementingBody: cells.implementingBody,
      legalBasis: cells.legalBasis,
      conditions: cells.conditions,
      materials: materialRows.map((m) => m.material),
      fees: json('fees', []),
      statutoryLimitDays: whole('statutoryLimitDays'),
      promisedLimitDays: whole('promisedLimitDays'),
      specialSteps: json('specialSteps', []),
      visitsNeeded: whole('visitsNeeded'),
      onlineLevel: cells.onlineLevel.trim(),
      faq: json('faq', []),
      reviewSteps: json('reviewSteps', undefined),
      formSchema: json('formSchema', {}),
      instantConditions: json('instantConditions', null),
      toleranceMaterials: json('toleranceMaterials', []),
      jointHandling: isYes(cells.jointHandling),
      certificateKind: cells.certificateKind.trim() === '' ? null : cells.certificateKind.trim(),
    }
    const result = MatterContentBody.safeParse(raw)
    if (!result.success) {
      for (const issue of result.error.issues) {
        const [field, index, sub] = issue.path
        if (field === 'materials' && typeof index === 'number' && materialRows[index]) {
          const column = (sub === undefined ? 'name' : String(sub)) as keyof typeof MATERIAL_COLUMNS
          materialError(materialRows[index].row, column in MATERIAL_COLUMNS ? column : 'name', issue.message)
        } else {
          const column = (field === undefined ? 'name' : String(field)) as MatterColumn
          const detail = issue.path.length > 1 ? ` (${issue.path.slice(1).join('.')})` : ''
          matterError(row, column in MATTER_COLUMNS ? column : 'name', `${issue.message}${detail}`)
        }
      }
    }
    const variantText = cells.variant.trim()
    const variant = (MATTER_VARIANTS as readonly string[]).includes(variantText)
      ? (variantText as MatterVariant)
      : null
    if (variantText !== '' && variant === null)
      matterError(row, 'variant', translate('services.import.parentInvalid'))
    if (result.success)
      parsed.push({
        row,
        code,
        parentCode: cells.parentCode.trim() === '' ? null : cells.parentCode.trim(),
        variant,
        departmentCode: cells.departmentCode.trim(),
        content: result.data,
      })
  }

  const mine = editableDepartments(user)
  return deps.db.transaction().execute(async (tx) => {
    const departments = new Map(
      (await q.findDepartmentsByCodes(tx, [...new Set(parsed.map((p) => p.departmentCode))])).map((d) => [
        d.code,
        d.id,
      ]),
    )
    const allCodes = [
      ...new Set([...parsed.map((p) => p.code), ...parsed.flatMap((p) => p.parentCode ?? [])]),
    ]
    const existing = new Map((await q.findMattersByCodes(tx, allCodes)).map((m) => [m.code, m]))
    const inFile = new Map(parsed.map((p) => [p.code, p]))

    for (const p of parsed) {
      const departmentId = departments.get(p.departmentCode)
      if (departmentId === undefined) {
        matterError(p.row, 'departmentCode', translate('services.import.unknownDepartment'))
        continue
      }
      if (mine !== null && !mine.includes(departmentId)) {
        matterError(p.row, 'departmentCode', translate('services.import.notYours'))
        continue
      }
      const matter = existing.get(p.code)
      if (matter) {
        if (matter.department_id !== departmentId)
          matterError(p.row, 'departmentCode', translate('services.import.departmentChanged'))
        if ((matter.parent_code ?? null) !== p.parentCode || matter.variant !== p.variant)
          matterError(p.row, 'parentCode', translate('services.import.parentChanged'))
        continue
      }
      if (p.parentCode === null) {
        if (p.variant !== null) matterError(p.row, 'variant', translate('services.import.parentInvalid'))
        continue
      }
      const parentInDb = existing.get(p.parentCode)
      const parentInFile = inFile.get(p.parentCode)
      const parentOk = parentInDb
        ? parentInDb.department_id === departmentId && parentInDb.variant === null
        : parentInFile !== undefined &&
          parentInFile.departmentCode === p.departmentCode &&
          parentInFile.variant === null
      if (!parentOk) matterError(p.row, 'parentCode', translate('services.import.parentInvalid'))
    }
    if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', { fields: errors })

    const report: CatalogueImportReport = { created: [], updated: [], unchanged: [] }
    const ids = new Map([...existing].map(([code, m]) => [code, m.id]))
    // parents first: a new matter's parent must exist before it (it may be further down the sheet)
    const pending = [...parsed]
    while (pending.length) {
      const index = pending.findIndex((p) => p.parentCode === null || ids.has(p.parentCode))
      const [p] = pending.splice(index < 0 ? 0 : index, 1)
      if (!p) break
      const words = matterSearchWords(p.content)
      const matterId = ids.get(p.code)
      if (matterId === undefined) {
        const id = await q.insertMatter(tx, {
          code: p.code,
          parentId: p.parentCode === null ? null : ids.get(p.parentCode)!,
          variant: p.variant,
          departmentId: departments.get(p.departmentCode)!,
          createdBy: user.userId,
        })
        ids.set(p.code, id)
        await q.writeDraft(tx, id, p.content, words, user.userId)
        report.created.push(p.code)
        continue
      }
      await q.lockMatter(tx, matterId)
      const latest = (await q.findDraft(tx, matterId)) ?? (await q.findCurrentVersion(tx, matterId))
      if (latest && canonicalJson(presentContent(latest)) === canonicalJson(p.content)) {
        report.unchanged.push(p.code)
        continue
      }
      await q.writeDraft(tx, matterId, p.content, words, user.userId)
      report.updated.push(p.code)
    }
    await writeAudit(tx, user, {
      action: 'service_matter.import',
      entityType: 'service_matter',
      entityId: null,
      after: { file: file.name.slice(0, 200), created: report.created, updated: report.updated },
    })
    return report
  })
}
