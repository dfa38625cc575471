import ExcelJS from 'exceljs'
import { departmentsWhere, hasRole, requireStaff, type Actor } from '../../kernel/auth/actor'
import { zonedInstant } from '../../kernel/calendar/zoned-time'
import { AppError } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { departmentScope } from '../departments'
import { countMatches, countPushes, findEvaluationItems, findFirstPushes } from '../policies'
import type { EvaluationInput, EvaluationView } from './benefits.schema'
import * as q from './benefits.queries'
import { workingDaysBetween } from './claim-clock'
import {
  addDistributions,
  addFunnels,
  EMPTY_FUNNEL,
  median,
  rate,
  ratingDistribution,
  satisfactionOf,
  type FunnelCounts,
  type RatingDistribution,
} from './evaluation'
import './benefits.messages'

/**
 * The effect of each policy and item (政策效果评估), as a funnel: matched → pushed → viewed →
 * consented / applied → approved → paid, the amount paid, the median working days from eligibility to
 * cash, and the ratings. The bureau sees every item; a department the items it pays. The match and
 * push figures come from the policies module's read functions (policy-evaluation.queries.ts).
 */

type Scope = 'all' | string[]

async function scopeOf(deps: AppDeps, actor: Actor): Promise<Scope> {
  const user = requireStaff(actor)
  if (hasRole(user, 'bureau_leader') || hasRole(user, 'dispatcher') || hasRole(user, 'admin')) return 'all'
  const roots = [...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')]
  if (roots.length === 0) throw new AppError('FORBIDDEN')
  return departmentScope(deps.db, roots)
}

type Figures = FunnelCounts & { days: number[]; ratings: RatingDistribution }

function present(f: Figures) {
  const claimed = f.consented + f.applied
  return {
    matched: f.matched,
    pushed: f.pushed,
    viewed: f.viewed,
    consented: f.consented,
    applied: f.applied,
    approved: f.approved,
    rejected: f.rejected,
    withdrawn: f.withdrawn,
    excluded: f.excluded,
    paid: f.paid,
    amountPaid: f.amountPaid,
    medianWorkingDaysToCash: median(f.days),
    ratings: f.ratings,
    satisfaction: satisfactionOf(f.ratings),
    rates: {
      viewed: rate(f.viewed, f.pushed),
      claimed: rate(claimed, f.matched),
      paid: rate(f.paid, claimed),
    },
  }
}

/** Refuses: FORBIDDEN (not the bureau, not department staff). */
export async function evaluateBenefits(
  deps: AppDeps,
  actor: Actor,
  input: EvaluationInput,
): Promise<EvaluationView> {
  const scope = await scopeOf(deps, actor)
  const items = await findEvaluationItems(deps.db, {
    policyId: input.policyId,
    itemIds: input.items?.split(',').map((id) => id.toLowerCase()),
    departmentIds: scope,
  })
  const ids = items.map((i) => i.itemId)
  const [matches, pushes, claims, ratings, paid, calendar] = await Promise.all([
    countMatches(deps.db, ids),
    countPushes(deps.db, ids),
    q.countClaimsByItem(deps.db, ids),
    q.countRatingsByItem(deps.db, ids),
    q.findPaidClaims(deps.db, ids),
    deps.calendar.calendar(deps.db),
  ])
  const firstPushes = new Map(
    (await findFirstPushes(deps.db, ids, [...new Set(paid.map((p) => p.enterprise_id))])).map((p) => [
      `${p.itemId}:${p.enterpriseId}`,
      p.firstAt,
    ]),
  )
  const endOfDay = calendar.slots.at(-1)!.end
  const daysOf = (itemId: string) =>
    paid
      .filter((p) => p.item_id === itemId)
      .map((p) => {
        const pushed = firstPushes.get(`${itemId}:${p.enterprise_id}`)
        // Eligibility starts at the first push; a claim made before the matching run noticed is earlier still.
        const start = pushed && pushed < p.created_at ? pushed : p.created_at
        return workingDaysBetween(calendar, start, zonedInstant(p.paid_on, endOfDay, deps.config.timeZone))
      })

  const figuresOf = (itemId: string): Figures => {
    const m = matches.find((r) => r.itemId === itemId)
    const p = pushes.find((r) => r.itemId === itemId)
    let f: FunnelCounts = {
      ...EMPTY_FUNNEL,
      matched: m?.eligible ?? 0,
      pushed: p?.pushed ?? 0,
      viewed: p?.viewed ?? 0,
    }
    for (const c of claims.filter((r) => r.item_id === itemId)) {
      const isConsent = c.mode === 'no_application'
      f = addFunnels(f, {
        ...EMPTY_FUNNEL,
        consented: isConsent ? c.claims : 0,
        applied: isConsent ? 0 : c.claims,
        // a consent is approved when the department puts it on a payout list
        approved: isConsent ? c.paid : c.approved_applications,
        rejected: c.rejected,
        withdrawn: c.withdrawn,
        excluded: c.excluded,
        paid: c.paid,
        amountPaid: Number(c.amount_paid),
      })
    }
    const levels = ratings
      .filter((r) => r.item_id === itemId)
      .flatMap((r) => Array.from({ length: r.n }, () => r.rating_level!))
    return { ...f, days: daysOf(itemId), ratings: ratingDistribution(levels) }
  }

  const perItem = items.map((i) => ({ item: i, figures: figuresOf(i.itemId) }))
  const policies = new Map<string, { row: (typeof items)[number]; figures: Figures; itemCount: number }>()
  for (const { item, figures } of perItem) {
    const prev = policies.get(item.policyId)
    policies.set(item.policyId, {
      row: prev?.row ?? item,
      itemCount: (prev?.itemCount ?? 0) + 1,
      figures: prev
        ? {
            ...addFunnels(prev.figures, figures),
            days: [...prev.figures.days, ...figures.days],
            ratings: addDistributions(prev.figures.ratings, figures.ratings),
          }
        : figures,
    })
  }
  return {
    items: perItem.map(({ item, figures }) => ({
      itemId: item.itemId,
      code: item.code,
      title: item.title,
      mode: item.mode,
      departmentId: item.departmentId,
      departmentName: item.departmentName,
      budgetCap: item.budgetCap,
      policyId: item.policyId,
      policyTitle: item.policyTitle,
      documentNumber: item.documentNumber,
      ...present(figures),
    })),
    policies: [...policies.values()].map(({ row, figures, itemCount }) => ({
      policyId: row.policyId,
      policyTitle: row.policyTitle,
      documentNumber: row.documentNumber,
      itemCount,
      ...present(figures),
    })),
    generatedAt: new Date().toISOString(),
  }
}

const pct = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`)

/** The evaluation as an xlsx workbook: items side by side, policies, and the definitions. */
export async function evaluationWorkbook(
  deps: AppDeps,
  actor: Actor,
  input: EvaluationInput,
): Promise<Uint8Array> {
  const view = await evaluateBenefits(deps, actor, input)
  const t = (key: string) => translate(`benefits.xlsx.${key}`)
  const book = new ExcelJS.Workbook()
  book.creator = '营商通 Yingshang'
  const funnelColumns = [
    { header: t('matched'), key: 'matched', width: 12 },
    { header: t('pushed'), key: 'pushed', width: 10 },
    { header: t('viewed'), key: 'viewed', width: 10 },
    { header: t('consented'), key: 'consented', width: 14 },
    { header: t('applied'), key: 'applied', width: 10 },
    { header: t('approved'), key: 'approved', width: 10 },
    { header: t('rejected'), key: 'rejected', width: 10 },
    { header: t('paid'), key: 'paid', width: 12 },
    { header: t('amountPaid'), key: 'amountPaid', width: 16 },
    { header: t('medianDays'), key: 'medianDays', width: 22 },
    { header: t('ratings'), key: 'ratings', width: 18 },
    { header: t('satisfaction'), key: 'satisfaction', width: 10 },
  ]
  const funnelOf = (r: EvaluationView['items'][number] | EvaluationView['policies'][number]) => ({
    matched: r.matched,
    pushed: r.pushed,
    viewed: r.viewed,
    consented: r.consented,
    applied: r.applied,
    approved: r.approved,
    rejected: r.rejected,
    paid: r.paid,
    amountPaid: r.amountPaid,
    medianDays: r.medianWorkingDaysToCash ?? '—',
    ratings: (['1', '2', '3', '4', '5'] as const).map((k) => r.ratings[k]).join('/'),
    satisfaction: pct(r.satisfaction),
  })

  const items = book.addWorksheet(t('items'))
  items.columns = [
    { header: t('policy'), key: 'policy', width: 36 },
    { header: t('item'), key: 'item', width: 30 },
    { header: t('mode'), key: 'mode', width: 12 },
    { header: t('department'), key: 'department', width: 20 },
    { header: t('budgetCap'), key: 'budgetCap', width: 16 },
    ...funnelColumns,
  ]
  for (const r of view.items)
    items.addRow({
      policy: r.policyTitle,
      item: `${r.code} ${r.title}`,
      mode: translate(`benefits.mode.${r.mode}`),
      department: r.departmentName ?? '',
      budgetCap: r.budgetCap ?? '—',
      ...funnelOf(r),
    })
  items.getRow(1).font = { bold: true }

  const policies = book.addWorksheet(t('policies'))
  policies.columns = [
    { header: t('policy'), key: 'policy', width: 36 },
    { header: t('documentNumber'), key: 'documentNumber', width: 28 },
    ...funnelColumns,
  ]
  for (const r of view.policies)
    policies.addRow({ policy: r.policyTitle, documentNumber: r.documentNumber ?? '', ...funnelOf(r) })
  policies.getRow(1).font = { bold: true }

  const formulas = book.addWorksheet(t('formulas'))
  formulas.columns = [
    { header: t('name'), key: 'name', width: 22 },
    { header: t('formula'), key: 'formula', width: 110 },
  ]
  for (const [name, formula] of [
    ['matched', 'matched'],
    ['pushed', 'pushed'],
    ['viewed', 'viewed'],
    ['applied', 'claimed'],
    ['approved', 'approved'],
    ['paid', 'paid'],
    ['medianDays', 'medianDays'],
    ['satisfaction', 'satisfaction'],
  ] as const)
    formulas.addRow({ name: t(name), formula: translate(`benefits.formula.${formula}`) })
  formulas.getRow(1).font = { bold: true }
  return new Uint8Array(await book.xlsx.writeBuffer())
}
