import { requireRole, type Actor } from '../../kernel/auth/actor'
import { notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { suggestDepartments, trainRoutingModel, type RoutingModel } from './routing-model'
import * as q from './appeals.queries'
import type { AppealRow } from './appeals.queries'

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

/** Cold start: fixed priors, not learned — the category table first, a department the text names next, the fallback owner last. */
const COLD_START_PRIOR = { category: 0.7, mentioned: 0.2, fallback: 0.1 } as const

type Basis = 'model' | keyof typeof COLD_START_PRIOR
type Suggestion = { departmentId: string; confidence: number; basis: Basis }

/** Until the learned model has seen enough, up to three suggestions from what is known without history. */
async function coldStartSuggestions(deps: AppDeps, appeal: AppealRow): Promise<Suggestion[]> {
  const items: Suggestion[] = []
  const add = (departmentId: string | null | undefined, basis: keyof typeof COLD_START_PRIOR) => {
    if (departmentId && !items.some((i) => i.departmentId === departmentId))
      items.push({ departmentId, confidence: COLD_START_PRIOR[basis], basis })
  }
  add((await q.findCategory(deps.db, appeal.category_code))?.default_department_id, 'category')
  const text = `${appeal.title} ${appeal.body}`
  for (const d of await q.findRoutableDepartments(deps.db)) {
    if (items.length >= 2) break
    // 大连市住房和城乡建设局 is also written 住房和城乡建设局, or by its short name 市住建局
    const local = d.name.replace(/^[\p{Script=Han}]{2,3}市(?=.{4,})/u, '')
    const named = [d.name, local, d.short_name].filter((n): n is string => !!n && n.length >= 3)
    if (named.some((n) => text.includes(n))) add(d.id, 'mentioned')
  }
  add((await q.findFallbackOwner(deps.db))?.id, 'fallback')
  return items.slice(0, 3)
}

/**
 * The top three departments for an appeal, with confidence: from the learned model once it has seen
 * enough, else from the category table, the departments the text names and the fallback owner.
 */
export async function suggestForAppeal(deps: AppDeps, actor: Actor, id: string) {
  requireRole(actor, 'dispatcher')
  const appeal = await q.findAppeal(deps.db, id)
  if (!appeal) throw notFound()
  const stored = await q.findRoutingModel(deps.db)
  let items: Suggestion[] = []
  if (stored && stored.examples >= MIN_EXAMPLES) {
    items = suggestDepartments(stored.model as unknown as RoutingModel, {
      words: appeal.words,
      categoryCode: appeal.category_code,
    }).map((i) => ({ ...i, basis: 'model' as const }))
  }
  if (items.length === 0) items = await coldStartSuggestions(deps, appeal)
  const names = await q.findDepartmentNames(
    deps.db,
    items.map((i) => i.departmentId),
  )
  return {
    source: (items[0]?.basis === 'model'
      ? 'model'
      : items[0]?.basis === 'fallback'
        ? 'fallback'
        : 'category') as 'model' | 'category' | 'fallback',
    items: items.map((i) => ({
      departmentId: i.departmentId,
      departmentName: names.get(i.departmentId) ?? '',
      confidence: Math.round(i.confidence * 1000) / 1000,
      basis: i.basis,
    })),
  }
}
