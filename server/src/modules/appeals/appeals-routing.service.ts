import { requireRole, type Actor } from '../../kernel/auth/actor'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { suggestDepartments, trainRoutingModel, type RoutingModel } from './routing-model'
import * as q from './appeals.queries'

/** Enough history for the learned model to beat the category table. */
const MIN_EXAMPLES = 30

/** Job: re-learn department routing from the latest kept dispatches. */
export async function retrainRouting(deps: AppDeps): Promise<{ examples: number }> {
  const rows = await q.findRoutingExamples(deps.db, 50_000)
  const model = trainRoutingModel(
    rows.map((r) => ({ words: r.words, categoryCode: r.category_code, departmentId: r.department_id })),
  )
  await q.saveRoutingModel(deps.db, model, rows.length)
  return { examples: rows.length }
}

/**
 * The top three departments for an appeal, with confidence: from the learned model once it has seen
 * enough, else the category's department (cold start), else the fallback owner.
 */
export async function suggestForAppeal(deps: AppDeps, actor: Actor, id: string) {
  requireRole(actor, 'dispatcher')
  const appeal = await q.findAppeal(deps.db, id)
  if (!appeal) throw notFound()
  const stored = await q.findRoutingModel(deps.db)
  let source: 'model' | 'category' | 'fallback' = 'fallback'
  let items: { departmentId: string; confidence: number }[] = []
  if (stored && stored.examples >= MIN_EXAMPLES) {
    items = suggestDepartments(stored.model as unknown as RoutingModel, {
      words: appeal.words,
      categoryCode: appeal.category_code,
    })
    source = 'model'
  }
  if (items.length === 0) {
    const category = await q.findCategory(deps.db, appeal.category_code)
    if (category?.default_department_id) {
      items = [{ departmentId: category.default_department_id, confidence: 1 }]
      source = 'category'
    } else {
      const fallback = await q.findFallbackOwner(deps.db)
      items = fallback ? [{ departmentId: fallback.id, confidence: 1 }] : []
      source = 'fallback'
    }
  }
  const names = await q.findDepartmentNames(
    deps.db,
    items.map((i) => i.departmentId),
  )
  return {
    source,
    items: items.map((i) => ({
      departmentId: i.departmentId,
      departmentName: names.get(i.departmentId) ?? '',
      confidence: Math.round(i.confidence * 1000) / 1000,
    })),
  }
}
