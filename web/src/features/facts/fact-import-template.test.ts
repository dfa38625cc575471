import { describe, expect, it } from 'vitest'
// The server's source as text (a Vite raw import): the web bundle never loads it.
import serverImporter from '@server/modules/facts/facts-import.service.ts?raw'
import type { FactDefinition } from './facts.api'
import {
  factTemplateCsv,
  factsForSource,
  PERIOD_COLUMN,
  sortReportRows,
  USCC_COLUMN,
} from './fact-import-template'

const def = (key: string, labelZh: string, sources: string[], formula: string | null = null) =>
  ({ key, labelZh, sources, formula, isActive: true }) as unknown as FactDefinition

describe('fact import template', () => {
  it('uses the column titles the server reads', () => {
    expect(serverImporter).toContain(`export const USCC_COLUMN = '${USCC_COLUMN}'`)
    expect(serverImporter).toContain(`export const PERIOD_COLUMN = '${PERIOD_COLUMN}'`)
  })

  it('lists the facts the source verifies, by their Chinese names', () => {
    const defs = [
      def('taxableIncome', '年度应纳税所得额', ['declared', 'tax']),
      def('layoffRate', '裁员率', ['declared', 'social_security']),
      def('rdRatio', '研发费用占比', [], '研发费用 / 年营业收入'),
      def('odd', '名称,带逗号', ['tax']),
    ]
    expect(factsForSource(defs, 'tax').map((d) => d.key)).toEqual(['taxableIncome', 'odd'])
    expect(factTemplateCsv(defs, 'tax')).toBe(
      '\uFEFF统一社会信用代码,所属年度,年度应纳税所得额,"名称,带逗号"\r\n',
    )
  })

  it('puts failed rows first', () => {
    const rows = [
      { row: 2, status: 'applied' },
      { row: 4, status: 'error' },
      { row: 3, status: 'unchanged' },
    ]
    expect(sortReportRows(rows).map((r) => r.row)).toEqual([4, 2, 3])
  })
})
