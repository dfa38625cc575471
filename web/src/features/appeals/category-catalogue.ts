import type { Category, SaveCategoryInput, Tier } from './appeals.api'

/**
 * One row of the admin's catalogue: the category with both its names. GET /appeals/categories
 * answers in one language and lists active categories only, ordered by their sort order without
 * stating it; the page asks twice and keeps the order as it came.
 */
export type CatalogueEntry = {
  code: string
  name: string
  nameEn: string
  defaultDepartmentId: string | null
  defaultTier: Tier
  /** The position in the answer, 1-based: the seeded sort order, which a save must keep. */
  sortOrder: number
  /** words that point to the category in cold-start routing */
  keywords: string[]
}

export const CATEGORY_CODE = /^[a-z][a-z0-9_]{1,39}$/
export const CATEGORY_NAME_MAX = 40
export const CATEGORY_NAME_EN_MAX = 80

export function catalogueEntries(zh: readonly Category[], en: readonly Category[]): CatalogueEntry[] {
  const english = new Map(en.map((category) => [category.code, category.name]))
  return zh.map((category, index) => ({
    code: category.code,
    name: category.name,
    nameEn: english.get(category.code) ?? category.name,
    defaultDepartmentId: category.defaultDepartmentId,
    defaultTier: category.defaultTier,
    sortOrder: index + 1,
    keywords: category.keywords,
  }))
}

/**
 * The body that saves an entry as it is (the server's PUT replaces every field but the keywords,
 * which it keeps when they are left out).
 */
export function saveBody(entry: CatalogueEntry): SaveCategoryInput {
  return {
    name: entry.name,
    nameEn: entry.nameEn,
    defaultDepartmentId: entry.defaultDepartmentId,
    defaultTier: entry.defaultTier,
    isActive: true,
    sortOrder: entry.sortOrder,
  }
}

/** A new category goes last. */
export function nextSortOrder(entries: readonly CatalogueEntry[]): number {
  return entries.reduce((max, entry) => Math.max(max, entry.sortOrder), 0) + 1
}
