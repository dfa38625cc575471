import type { FactDefinition, ImportSource } from './facts.api'

/**
 * A department's data file: the credit code, the fiscal year, then one column per fact titled
 * with its Chinese name, as the server reads them (USCC_COLUMN and PERIOD_COLUMN in
 * server/src/modules/facts/facts-import.service.ts; fact-import-template.test.ts keeps them in step).
 */
export const USCC_COLUMN = '统一社会信用代码'
export const PERIOD_COLUMN = '所属年度'
export const FACT_IMPORT_ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
export const FACT_IMPORT_MAX_ROWS = 20_000

/** The facts a source may verify: those whose definition names it (never computed ones). */
export function factsForSource(
  definitions: readonly FactDefinition[],
  source: ImportSource,
): FactDefinition[] {
  return definitions.filter((d) => d.isActive && !d.formula && d.sources.includes(source))
}

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

/** The header row as CSV with a byte-order mark, so Excel opens the Chinese titles as UTF-8. */
export function factTemplateCsv(definitions: readonly FactDefinition[], source: ImportSource): string {
  const titles = [USCC_COLUMN, PERIOD_COLUMN, ...factsForSource(definitions, source).map((d) => d.labelZh)]
  return `\uFEFF${titles.map(csvCell).join(',')}\r\n`
}

export const templateFileName = (source: ImportSource) => `facts-${source}-template.csv`

/** Rows with errors first (they need work), then the rest in file order. */
export function sortReportRows<T extends { row: number; status: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) => Number(b.status === 'error') - Number(a.status === 'error') || a.row - b.row,
  )
}
