import { IMPORT_COLUMNS } from '@shared/appeal-import'

/**
 * The federation (工商联) batch file: its column titles, the very list the server reads files by
 * (server/src/shared/appeal-import.ts), and the template CSV.
 */
export { IMPORT_COLUMNS }
export type ImportColumn = keyof typeof IMPORT_COLUMNS
export const IMPORT_COLUMN_KEYS = Object.keys(IMPORT_COLUMNS) as ImportColumn[]
/** A file without these columns is refused as a whole; the others may be left out or blank. */
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = ['uscc', 'category', 'title', 'body']
export const IMPORT_ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
export const IMPORT_MAX_ROWS = 2000
export const IMPORT_TEMPLATE_FILE = 'federation-appeals-template.csv'

/**
 * The header row as CSV, with a byte-order mark so Excel opens the Chinese titles as UTF-8 (the
 * server strips it again).
 */
export function importTemplateCsv(): string {
  return `\uFEFF${IMPORT_COLUMN_KEYS.map((key) => IMPORT_COLUMNS[key]).join(',')}\r\n`
}

/** The column a row error is about, by the server's field name ('uscc' → 统一社会信用代码). */
export function importColumnTitle(field: string): string {
  return (IMPORT_COLUMNS as Record<string, string>)[field] ?? field
}

/** Rows with errors first (they need work), then the rest in file order. */
export function sortImportRows<T extends { row: number; status: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) => Number(b.status === 'error') - Number(a.status === 'error') || a.row - b.row,
  )
}
