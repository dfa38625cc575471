import { describe, expect, it } from 'vitest'
import { CATEGORY_CODE, catalogueEntries, nextSortOrder, saveBody } from './category-catalogue'

// The catalogue answers both names, whether a category is in use and its order (the schema's fields).
const names = {
  tax: { nameZh: '税费办理与退税', nameEn: 'Taxes, fees and refunds' },
  labour: { nameZh: '用工与社会保险', nameEn: 'Employment and social insurance' },
}
const entry = (code: 'tax' | 'labour', name: string, sortOrder: number) => ({
  code,
  name,
  ...names[code],
  defaultDepartmentId: code === 'tax' ? 'd1' : null,
  defaultTier: code === 'tax' ? ('normal' as const) : ('fast' as const),
  isActive: true,
  sortOrder,
  keywords: code === 'tax' ? ['退税'] : [],
})
const zh = [entry('tax', names.tax.nameZh, 1), entry('labour', names.labour.nameZh, 2)]
const en = [entry('labour', names.labour.nameEn, 2), entry('tax', names.tax.nameEn, 1)]

describe('category catalogue', () => {
  it('joins both names by code and keeps the order of the answer', () => {
    const entries = catalogueEntries(zh, en)
    expect(entries.map((e) => [e.code, e.nameEn, e.sortOrder])).toEqual([
      ['tax', 'Taxes, fees and refunds', 1],
      ['labour', 'Employment and social insurance', 2],
    ])
    expect(nextSortOrder(entries)).toBe(3)
    expect(nextSortOrder([])).toBe(1)
  })

  it('saves an entry with every field the PUT replaces', () => {
    expect(saveBody(catalogueEntries(zh, en)[1]!)).toEqual({
      name: '用工与社会保险',
      nameEn: 'Employment and social insurance',
      defaultDepartmentId: null,
      defaultTier: 'fast',
      isActive: true,
      sortOrder: 2,
    })
  })

  it('accepts the codes the server accepts', () => {
    expect(CATEGORY_CODE.test('land_planning')).toBe(true)
    expect(CATEGORY_CODE.test('Tax')).toBe(false)
    expect(CATEGORY_CODE.test('t')).toBe(false)
    expect(CATEGORY_CODE.test('9tax')).toBe(false)
  })
})
