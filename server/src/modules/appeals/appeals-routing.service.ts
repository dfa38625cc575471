import { requireRole, type Actor } from '../../kernel/auth/actor'
import { currentLocale } from '../../kernel/context'
import type { Executor } from '../../kernel/db/database'
import { notFound } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { cityNameOf } from '../../shared/department-names'
import {
  buildColdStartContext,
  suggestColdStart,
  type ColdStartContext,
  type ColdStartSuggestion,
  type Evidence,
} from './cold-start'
import { suggestDepartments, trainRoutingModel, type RoutingModel } from './routing-model'
import { wordBoundariesOf } from './words'
import { findAppeal } from './appeal-row.queries'
import { findDepartmentNames, findFallbackOwner } from './appeals-departments.queries'
import {
  findCityRoot,
  findRoutableDepartments,
  findRoutingCategories,
  findRoutingExamples,
  findRoutingModel,
  saveRoutingModel,
} from './appeals-routing.queries'

/** Enough history for the learned model to beat the cold start. */
const MIN_EXAMPLES = 30
const TOP = 3

/** Job: re-learn department routing from the latest kept dispatches. */
export async function retrainRouting(deps: AppDeps): Promise<{ examples: number }> {
  const rows = await findRoutingExamples(deps.db, 50_000)
  const model = trainRoutingModel(
    rows.map((r) => ({ words: r.words, categoryCode: r.category_code, departmentId: r.department_id })),
  )
  await saveRoutingModel(deps.db, model, rows.length)
  return { examples: rows.length }
}

export type RoutingCatalogue = ColdStartContext & {
  categoryNames: ReadonlyMap<string, { zh: string; en: string }>
}

/**
 * What the cold start reads from the database: the routable departments with their recognised
 * names, the catalogue's default departments and keywords (keywords of active categories only: a
 * retired category's words no longer describe anything the city offers), the fallback owner. The
 * bench loads it the same way.
 */
export async function loadRoutingCatalogue(db: Executor): Promise<RoutingCatalogue> {
  const [root, departments, categories, fallback] = await Promise.all([
    findCityRoot(db),
    findRoutableDepartments(db),
    findRoutingCategories(db),
    findFallbackOwner(db),
  ])
  const context = buildColdStartContext({
    cityName: root ? cityNameOf(root.name) : '',
    departments: departments.map((d) => ({
      id: d.id,
      name: d.name,
      shortName: d.short_name,
      recognisedNames: d.recognised_names ?? [],
    })),
    categories: categories.map((c) => ({
      code: c.code,
      defaultDepartmentId: c.default_department_id,
      keywords: c.is_active ? (c.keywords ?? []) : [],
    })),
    recipientIds: departments.filter((d) => d.is_recipient).map((d) => d.id),
    fallbackOwnerId: fallback?.id ?? null,
  })
  return {
    ...context,
    categoryNames: new Map(categories.map((c) => [c.code, { zh: c.name, en: c.name_en }])),
  }
}

/** The cold start for one appeal, exactly as suggestForAppeal runs it (the bench calls this too). */
export function suggestWithoutHistory(
  catalogue: ColdStartContext,
  appeal: { title: string; body: string; categoryCode: string },
  top = TOP,
): ColdStartSuggestion[] {
  const text = `${appeal.title}\n${appeal.body}`
  return suggestColdStart(
    catalogue,
    { text, categoryCode: appeal.categoryCode, boundaries: wordBoundariesOf(text) },
    top,
  )
}

type Basis = 'model' | ColdStartSuggestion['basis']
type Suggestion = { departmentId: string; confidence: number; basis: Basis; reason: string }

function reasonOf(evidence: readonly Evidence[], catalogue: RoutingCatalogue): string {
  const en = currentLocale() === 'en'
  return evidence
    .map((e) => {
      switch (e.basis) {
        case 'category': {
          const names = catalogue.categoryNames.get(e.categoryCode)
          return translate('appeals.routing.category', {
            name: (en ? names?.en : names?.zh) ?? e.categoryCode,
          })
        }
        case 'mentioned':
          return translate(e.count > 1 ? 'appeals.routing.mentionedTimes' : 'appeals.routing.mentioned', {
            form: e.form,
            count: e.count,
          })
        case 'keyword':
          return translate('appeals.routing.keyword', {
            words: e.keywords.join(translate('appeals.routing.listSeparator')),
          })
        case 'fallback':
          return translate('appeals.routing.fallback')
      }
    })
    .join(translate('appeals.routing.reasonSeparator'))
}

/**
 * The top three departments for an appeal, with confidence and why: from the learned model once it
 * has seen enough, filled up to three from the cold start (the category's department, departments
 * the text names, the departments whose function its words describe, the fallback owner last).
 */
export async function suggestForAppeal(deps: AppDeps, actor: Actor, id: string) {
  requireRole(actor, 'dispatcher')
  const appeal = await findAppeal(deps.db, id)
  if (!appeal) throw notFound()
  const [stored, catalogue] = await Promise.all([findRoutingModel(deps.db), loadRoutingCatalogue(deps.db)])
  const items: Suggestion[] = []
  if (stored && stored.examples >= MIN_EXAMPLES) {
    const reason = translate('appeals.routing.model', { examples: stored.examples })
    for (const s of suggestDepartments(
      stored.model as unknown as RoutingModel,
      { words: appeal.words, categoryCode: appeal.category_code },
      TOP,
    ))
      items.push({ ...s, basis: 'model', reason })
  }
  if (items.length < TOP) {
    const cold = suggestWithoutHistory(catalogue, {
      title: appeal.title,
      body: appeal.body,
      categoryCode: appeal.category_code,
    })
    for (const s of cold) {
      if (items.length >= TOP) break
      if (items.some((i) => i.departmentId === s.departmentId)) continue
      items.push({
        departmentId: s.departmentId,
        confidence: s.confidence,
        basis: s.basis,
        reason: reasonOf(s.evidence, catalogue),
      })
    }
  }
  const names = await findDepartmentNames(
    deps.db,
    items.map((i) => i.departmentId),
  )
  return {
    source: items[0]?.basis ?? ('fallback' as const),
    items: items.map((i) => ({
      departmentId: i.departmentId,
      departmentName: names.get(i.departmentId) ?? '',
      confidence: Math.round(i.confidence * 1000) / 1000,
      basis: i.basis,
      reason: i.reason,
    })),
  }
}
