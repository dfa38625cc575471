import { describe, expect, it } from 'vitest'
import { CATEGORY_CODE, catalogueEntries, nextSortOrder, saveBody } from './category-catalogue'

const zh = [
  { code: 'tax', name: '税费办理与退税', defaultDepartmentId: 'd1', defaultTier: 'normal' as const },
  { code: 'labour', name: '用工与社会保险', defaultDepartmentId: null, defaultTier: 'fast' as const },
]
const en = [
  {
    code: 'labour',
    name: 'Employment and social insurance',
    defaultDepartmentId: null,
    defaultTier: 'fast' as const,
  },
  { code: 'tax', name: 'Taxes, fees and refunds', defaultDepartmentId: 'd1', defaultTier: 'normal' as const },
]

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
