import ExcelJS from 'exceljs'
import type { MatterContent } from './matters.schema'

/**
 * The catalogue as a workbook: one sheet of matters (one row each, its current version) and one of
 * materials (one row per material, in order). Enumerations are written as their codes, the
 * list-shaped parts (fees, special steps, FAQ, review steps, form, instant conditions, 容缺 materials)
 * as JSON, so what is exported reads back to exactly the same content. Pure: no database here.
 */

export const MATTERS_SHEET = '事项'
export const MATERIALS_SHEET = '材料'

/** Column key → header. The key is also the field an import error names. */
export const MATTER_COLUMNS = {
  code: '事项编码',
  parentCode: '上级事项编码',
  variant: '业务办理项类型',
  departmentCode: '部门编码',
  name: '事项名称',
  matterType: '事项类型',
  implementingBody: '实施主体',
  legalBasis: '设定依据',
  conditions: '受理条件',
  statutoryLimitDays: '法定办结时限（工作日）',
  promisedLimitDays: '承诺办结时限（工作日）',
  visitsNeeded: '到现场次数',
  onlineLevel: '网办深度',
  jointHandling: '联合办理',
  certificateKind: '证照类型',
  toleranceMaterials: '容缺材料（JSON）',
  fees: '收费（JSON）',
  specialSteps: '特别程序（JSON）',
  faq: '常见问题（JSON）',
  reviewSteps: '审查环节（JSON）',
  formSchema: '表单（JSON）',
  instantConditions: '即办条件（JSON）',
  version: '版本（仅供参考）',
} as const
export type MatterColumn = keyof typeof MATTER_COLUMNS

export const MATERIAL_COLUMNS = {
  code: '事项编码',
  name: '材料名称',
  platformSupplies: '由平台提供',
  notRequiredWhen: '免提交情形',
  templateFileId: '模板文件编号',
} as const
export type MaterialColumn = keyof typeof MATERIAL_COLUMNS

/** Columns an import cannot do without (the version column is only for the reader). */
export const REQUIRED_MATTER_COLUMNS = (Object.keys(MATTER_COLUMNS) as MatterColumn[]).filter(
  (k) => k !== 'version',
)

export type ExportedMatter = {
  code: string
  parentCode: string | null
  variant: string | null
  departmentCode: string
  versionLabel: string
  content: MatterContent
}

const YES = '是'
const NO = '否'

export async function writeCatalogueWorkbook(matters: ExportedMatter[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(MATTERS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = Object.entries(MATTER_COLUMNS).map(([key, header]) => ({ key, header, width: 18 }))
  const materials = book.addWorksheet(MATERIALS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] })
  materials.columns = Object.entries(MATERIAL_COLUMNS).map(([key, header]) => ({ key, header, width: 24 }))
  for (const m of matters) {
    const c = m.content
    sheet.addRow({
      code: m.code,
      parentCode: m.parentCode ?? '',
      variant: m.variant ?? '',
      departmentCode: m.departmentCode,
      name: c.name,
      matterType: c.matterType,
      implementingBody: c.implementingBody,
      legalBasis: c.legalBasis,
      conditions: c.conditions,
      statutoryLimitDays: c.statutoryLimitDays,
      promisedLimitDays: c.promisedLimitDays,
      visitsNeeded: c.visitsNeeded,
      onlineLevel: c.onlineLevel,
      jointHandling: c.jointHandling ? YES : NO,
      certificateKind: c.certificateKind ?? '',
      toleranceMaterials: JSON.stringify(c.toleranceMaterials),
      fees: JSON.stringify(c.fees),
      specialSteps: JSON.stringify(c.specialSteps),
      faq: JSON.stringify(c.faq),
      reviewSteps: JSON.stringify(c.reviewSteps),
      formSchema: JSON.stringify(c.formSchema),
      instantConditions: c.instantConditions === null ? '' : JSON.stringify(c.instantConditions),
      version: m.versionLabel,
    })
    for (const material of c.materials) {
      materials.addRow({
        code: m.code,
        name: material.name,
        platformSupplies: material.platformSupplies ? YES : NO,
        notRequiredWhen: material.notRequiredWhen ?? '',
        templateFileId: material.templateFileId ?? '',
      })
    }
  }
  sheet.getRow(1).font = { bold: true }
  materials.getRow(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** A sheet's data rows as cells by column key, each with the row number a person sees. */
export type SheetRows<K extends string> = {
  missingColumns: string[]
  rows: { row: number; cells: Record<K, string> }[]
}

export type CatalogueSheets =
  | { ok: true; matters: SheetRows<MatterColumn>; materials: SheetRows<MaterialColumn> }
  | { ok: false; missingSheet: string }

/** Reads both sheets; throws when the bytes are not an xlsx workbook. */
export async function readCatalogueWorkbook(bytes: Uint8Array): Promise<CatalogueSheets> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(bytes) as never)
  const matters = book.getWorksheet(MATTERS_SHEET)
  if (!matters) return { ok: false, missingSheet: MATTERS_SHEET }
  const materials = book.getWorksheet(MATERIALS_SHEET)
  if (!materials) return { ok: false, missingSheet: MATERIALS_SHEET }
  return {
    ok: true,
    matters: readSheet(matters, MATTER_COLUMNS, REQUIRED_MATTER_COLUMNS),
    materials: readSheet(materials, MATERIAL_COLUMNS, Object.keys(MATERIAL_COLUMNS) as MaterialColumn[]),
  }
}

function readSheet<K extends string>(
  sheet: ExcelJS.Worksheet,
  columns: Record<K, string>,
  required: NoInfer<K>[],
): SheetRows<K> {
  const header = new Map<string, number>()
  sheet.getRow(1).eachCell((cell, col) => header.set(cellText(cell.value).trim(), col))
  const missingColumns = required.filter((k) => !header.has(columns[k])).map((k) => columns[k])
  const rows: SheetRows<K>['rows'] = []
  if (missingColumns.length) return { missingColumns, rows }
  sheet.eachRow((row, number) => {
    if (number === 1) return
    const cells = {} as Record<K, string>
    for (const key of Object.keys(columns) as K[]) {
      const col = header.get(columns[key])
      cells[key] = col === undefined ? '' : cellText(row.getCell(col).value)
    }
    if (Object.values<string>(cells).every((v) => v.trim() === '')) return
    rows.push({ row: number, cells })
  })
  return { missingColumns, rows }
}

/** A cell's text whatever the spreadsheet made of it (number, rich text, formula result, date). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('result' in value)
      return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue)
    return ''
  }
  return String(value)
}

export const isYes = (text: string) => text.trim() === YES
export const isYesOrNo = (text: string) => text.trim() === YES || text.trim() === NO

/** JSON written with sorted keys: two contents are the same when these strings are. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  )
}
