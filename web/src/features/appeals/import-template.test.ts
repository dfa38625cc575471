import { describe, expect, it } from 'vitest'
// The server's source as text (a Vite raw import): the web bundle never loads it.
import serverImporter from '@server/modules/appeals/appeals-import.service.ts?raw'
import {
  IMPORT_COLUMNS,
  importColumnTitle,
  importTemplateCsv,
  REQUIRED_IMPORT_COLUMNS,
  sortImportRows,
} from './import-template'

describe('federation import template', () => {
  it('uses the column titles the server reads files by', () => {
    expect(serverImporter).toContain("import { IMPORT_COLUMNS } from '../../shared/appeal-import'")
    expect(IMPORT_COLUMNS.uscc).toBe('统一社会信用代码')
  })

  it('requires the columns the server requires', () => {
    const required = serverImporter.match(/const missing = \(\[([^\]]*)\] as const\)/)?.[1] ?? ''
    expect(required.match(/'(\w+)'/g)?.map((quoted) => quoted.slice(1, -1))).toEqual([
      ...REQUIRED_IMPORT_COLUMNS,
    ])
  })

  it('writes the header row with a byte-order mark for Excel', () => {
    expect(importTemplateCsv()).toBe('\uFEFF统一社会信用代码,诉求类别,标题,诉求内容,联系电话,地址\r\n')
  })

  it('names the column of a row error', () => {
    expect(importColumnTitle('contactPhone')).toBe('联系电话')
    expect(importColumnTitle('row')).toBe('row')
  })

  it('lists failed rows first, each group in file order', () => {
    const rows = [
      { row: 2, status: 'filed' },
      { row: 5, status: 'error' },
      { row: 3, status: 'duplicate' },
      { row: 4, status: 'error' },
    ]
    expect(sortImportRows(rows).map((r) => r.row)).toEqual([4, 5, 2, 3])
  })
})
