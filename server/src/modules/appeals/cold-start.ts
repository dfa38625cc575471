import {
  findMentions,
  indexDepartments,
  indexForms,
  scanForms,
  type FormIndex,
  type NamedDepartment,
} from '../../shared/department-names'

/**
 * Department suggestions without any history (docs/decisions/0020-cold-start-routing.md): what the
 * appeal itself says, weighed by fixed priors. Each department collects evidence —
 *
 *   category   the default department of the category the enterprise picked        0.45
 *   mentioned  the text names the department (城管, 税务局 …)                          0.35 (+0.05 if named again)
 *   keyword    words of a category's function (留抵退税, 施工许可 …), per department  0.40 × (1 − ½^distinct words)
 *   fallback   the fallback owner (兜底), so that something is always offered          0.05
 *
 * — and the departments are ranked by the sum. A department's confidence is its share of the sum
 * over every department with evidence, so the three shown are comparable with each other (not a
 * calibrated probability). Its basis is its heaviest piece of evidence.
 *
 * Why these numbers: the enterprise's category is the best single signal but is wrong or "other"
 * often enough that a department the text names, or two or three words of another department's
 * function, should be able to outrank it together but not alone (0.35 < 0.45; 0.35 + 0.30 > 0.45).
 * One keyword (0.20) alone never beats the category; three distinct ones (0.35) still do not, but
 * they do together with a mention. The units that receive every appeal (the bureau and its task
 * force) are not evidence when named: enterprises name them as the channel ("通过营商局反映过").
 */
export const COLD_START_PRIORS = {
  category: 0.45,
  mentioned: 0.35,
  mentionedAgain: 0.05,
  keyword: 0.4,
  fallback: 0.05,
} as const

export type ColdStartBasis = 'category' | 'mentioned' | 'keyword' | 'fallback'

export type Evidence =
  | { basis: 'category'; weight: number; categoryCode: string }
  | { basis: 'mentioned'; weight: number; form: string; count: number }
  | { basis: 'keyword'; weight: number; keywords: string[] }
  | { basis: 'fallback'; weight: number }

export type ColdStartSuggestion = {
  departmentId: string
  confidence: number
  basis: ColdStartBasis
  evidence: Evidence[]
}

export type ColdStartCategory = {
  code: string
  defaultDepartmentId: string | null
  keywords: readonly string[]
}

/** What the cold start knows of the city, built once from its catalogue and departments. */
export type ColdStartContext = {
  departments: FormIndex<string>
  keywords: FormIndex<string>
  categories: ReadonlyMap<string, ColdStartCategory>
  /** departments that receive every appeal: named in a text, they are not evidence */
  recipientIds: ReadonlySet<string>
  fallbackOwnerId: string | null
}

export function buildColdStartContext(input: {
  cityName: string
  departments: readonly NamedDepartment[]
  categories: readonly ColdStartCategory[]
  recipientIds: Iterable<string>
  fallbackOwnerId: string | null
}): ColdStartContext {
  return {
    departments: indexDepartments(input.departments, input.cityName),
    keywords: indexForms(input.categories.flatMap((c) => c.keywords.map((k) => [k, c.code] as const))),
    categories: new Map(input.categories.map((c) => [c.code, c])),
    recipientIds: new Set(input.recipientIds),
    fallbackOwnerId: input.fallbackOwnerId,
  }
}

const BASIS_ORDER: readonly ColdStartBasis[] = ['category', 'mentioned', 'keyword', 'fallback']

/**
 * Up to `top` departments for an appeal's text and chosen category, best first. `boundaries` are
 * the text's word boundaries (two-character department forms must sit on them).
 */
export function suggestColdStart(
  context: ColdStartContext,
  appeal: { text: string; categoryCode: string; boundaries?: ReadonlySet<number> | undefined },
  top = 3,
): ColdStartSuggestion[] {
  const evidence = new Map<string, { order: number; items: Evidence[] }>()
  const add = (departmentId: string | null | undefined, item: Evidence) => {
    if (!departmentId) return
    const entry = evidence.get(departmentId) ?? { order: evidence.size, items: [] }
    entry.items.push(item)
    evidence.set(departmentId, entry)
  }

  const category = context.categories.get(appeal.categoryCode)
  add(category?.defaultDepartmentId, {
    basis: 'category',
    weight: COLD_START_PRIORS.category,
    categoryCode: appeal.categoryCode,
  })

  for (const m of findMentions(appeal.text, context.departments, appeal.boundaries)) {
    if (context.recipientIds.has(m.departmentId)) continue
    add(m.departmentId, {
      basis: 'mentioned',
      weight: COLD_START_PRIORS.mentioned + (m.count > 1 ? COLD_START_PRIORS.mentionedAgain : 0),
      form: m.form,
      count: m.count,
    })
  }

  // Distinct keywords per department: a category's words count for its default department.
  const keywordsOf = new Map<string, Set<string>>()
  for (const match of scanForms(appeal.text, context.keywords)) {
    for (const code of match.owners) {
      const departmentId = context.categories.get(code)?.defaultDepartmentId
      if (!departmentId) continue
      const set = keywordsOf.get(departmentId) ?? new Set<string>()
      set.add(match.form)
      keywordsOf.set(departmentId, set)
    }
  }
  for (const [departmentId, words] of keywordsOf) {
    add(departmentId, {
      basis: 'keyword',
      weight: COLD_START_PRIORS.keyword * (1 - 0.5 ** words.size),
      keywords: [...words],
    })
  }

  add(context.fallbackOwnerId, { basis: 'fallback', weight: COLD_START_PRIORS.fallback })

  const scored = [...evidence].map(([departmentId, e]) => {
    const heaviest = [...e.items].sort(
      (a, b) => b.weight - a.weight || BASIS_ORDER.indexOf(a.basis) - BASIS_ORDER.indexOf(b.basis),
    )[0]!
    return {
      departmentId,
      score: e.items.reduce((sum, i) => sum + i.weight, 0),
      basis: heaviest.basis,
      order: e.order,
      evidence: e.items,
    }
  })
  const total = scored.reduce((sum, s) => sum + s.score, 0)
  return scored
    .sort(
      (a, b) =>
        b.score - a.score || BASIS_ORDER.indexOf(a.basis) - BASIS_ORDER.indexOf(b.basis) || a.order - b.order,
    )
    .slice(0, top)
    .map((s) => ({
      departmentId: s.departmentId,
      confidence: total > 0 ? s.score / total : 0,
      basis: s.basis,
      evidence: s.evidence,
    }))
}
