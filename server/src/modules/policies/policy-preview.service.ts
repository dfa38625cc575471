import { cityToday } from '../../kernel/calendar/city-today'
import { currentLocale } from '../../kernel/context'
import type { Tx } from '../../kernel/db/database'
import { AppError, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import type { BenefitKind, BenefitMode } from '../../shared/policies'
import { dayNumber } from '../../shared/rules/dates'
import type { HolderExclusion } from './holder-exclusion'
import {
  andNot,
  CHUNK_BITS,
  combineConditions,
  countBits,
  findChunks,
  lockMatchState,
  setBits,
  sharedSubexpressions,
  syncPopulation,
  VectorEvaluator,
  type Bitmap,
  type CodeColumn,
  type Population,
} from '../matching'
import { loadCatalogue } from './policy-catalogue.service'
import { compileItemRules, isItemEffective, type ConditionSource } from './policy-rules'
import { problemFields } from './policy-editing.service'
import type { PolicyRow } from './policies.queries'
import { findSubscriptions } from './policy-needs.queries'
import type { ItemPreview, PublicationPreview } from './publication.schema'
import {
  budgetOf,
  countFalse,
  digestOf,
  estimateCost,
  storedBitmap,
  tallyOutcomes,
  type Counts,
} from './publication-preview'

/**
 * The engine run over the current population for items that are not in force yet — the working copy
 * of a policy, or one item as it stands in the editor — with nothing written: per item its outcomes in
 * total, by district and by size class, its estimated cost against the cap, who becomes eligible, and
 * whom publication would tell. The same compiled rules, the same column-wise evaluator and the same
 * in-memory population as a matching run (under the same lock), so the run that follows a publication
 * finds what the preview said.
 */
export type PreviewItemInput = {
  /** the saved item (its stored bitmaps say who is eligible already); null for an unsaved one */
  itemId: string | null
  code: string
  title: string
  benefitKind: BenefitKind
  amount: number | null
  amountFormula: string | null
  mode: BenefitMode
  budgetCap: number | null
  noCapReason: string | null
  conditions: ConditionSource[]
  exclusion: HolderExclusion | null
  effectiveFrom: string | null
  effectiveTo: string | null
  topics: string[]
  isPushEnabled: boolean
}

type Group = Counts & { code: string; name: string }

const UNKNOWN_GROUP = 'unknown'

function groupsOf(
  counts: Counts[],
  column: CodeColumn | null,
  nameOf: (code: string) => string,
  order: (code: string) => number | string,
): Group[] {
  const groups = counts.map((c, g) => {
    const code = column && g < column.dictionary.length ? column.dictionary[g]! : UNKNOWN_GROUP
    return {
      ...c,
      code,
      name: code === UNKNOWN_GROUP ? translate('policies.preview.notGiven') : nameOf(code),
    }
  })
  const rank = (g: Group) => (g.code === UNKNOWN_GROUP ? '~' : order(g.code))
  return groups
    .filter((g) => g.eligible + g.undetermined + g.ineligible > 0)
    .sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0))
}

const codeColumn = (population: Population, key: string): CodeColumn | null => {
  const column = population.columns.get(key)
  return column?.kind === 'code' ? column : null
}

type Entry = {
  preview: ItemPreview
  newly: Bitmap
  topics: string[]
  startsLater: boolean
}

/**
 * Refuses VALIDATION_FAILED with every rule problem at its field (`fieldPrefix` names the item:
 * `items.<code>.` for a policy, nothing for the editor's one item).
 */
export async function computePreview(
  deps: AppDeps,
  tx: Tx,
  options: {
    policy: PolicyRow
    items: PreviewItemInput[]
    paid: ReadonlyMap<string, number>
    /** more enterprises told than this asks for a second confirmation (null: not asked) */
    threshold: number | null
    withPushes: boolean
    fieldPrefix: (item: PreviewItemInput) => string
  },
): Promise<PublicationPreview> {
  const started = performance.now()
  const { policy, items } = options
  await lockMatchState(tx)
  const today = cityToday(deps)
  const catalogue = await loadCatalogue(deps, tx)
  const loaded = catalogue.schema
  const resolve = loaded.resolveDivision
  const fields: FieldErrors = {}
  const compiled = items.map((item) => {
    const result = compileItemRules(item, loaded.schema, resolve)
    if (!result.ok) Object.assign(fields, problemFields(result.problems, options.fieldPrefix(item)))
    return result
  })
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })

  const { population } = await syncPopulation(deps, tx, loaded, today)
  const words = population.words
  const present = population.present.subarray(0, words)
  const nodes = compiled.flatMap((c) => (c.ok ? c.conditions.map((x) => x.node) : []))
  const evaluator = new VectorEvaluator(
    population,
    { schema: loaded.schema, derived: loaded.derived, today: dayNumber(today) },
    sharedSubexpressions(nodes),
  )
  const division = codeColumn(population, 'divisionCode')
  const size = codeColumn(population, 'sizeClass')
  const zh = currentLocale() === 'zh-CN'
  const sizeValues = loaded.schema.get('sizeClass')?.values ?? []
  const sizeName = (code: string) => {
    const v = sizeValues.find((x) => x.code === code)
    return v ? (zh ? v.zh : v.en) : code
  }
  const sizeRank = (code: string) => {
    const i = sizeValues.findIndex((x) => x.code === code)
    return String(i < 0 ? 99 : i).padStart(2, '0')
  }

  const entries: Entry[] = []
  for (const [k, item] of items.entries()) {
    const rules = compiled[k]!
    if (!rules.ok) continue
    const tris = rules.conditions.map((c) => evaluator.evaluateCondition(c.node))
    const bits = combineConditions(tris, population.present, words)
    const exclusionAt = rules.conditions.findIndex((c) => c.exclusion)
    const tallyBy = (column: CodeColumn | null) =>
      tallyOutcomes(
        present,
        bits.eligible,
        bits.undetermined,
        column?.data ?? null,
        column?.dictionary.length ?? 0,
      )
    const byDistrict = tallyBy(division)
    const bySize = tallyBy(size)
    const stored = item.itemId
      ? storedBitmap(
          (await findChunks(tx, item.itemId)).filter((c) => c.outcome === 1),
          words,
          CHUNK_BITS,
        )
      : new Uint32Array(words)
    const newly = andNot(bits.eligible, stored)
    const amount =
      item.benefitKind === 'amount'
        ? { fixed: item.amount ?? 0 }
        : item.benefitKind === 'formula' && rules.amountNode
          ? { values: evaluator.evaluateNumber(rules.amountNode) }
          : null
    const eligibleCost = amount ? estimateCost(bits.eligible, amount) : null
    const undeterminedCost = amount ? estimateCost(bits.undetermined, amount) : null
    const paid = item.itemId ? (options.paid.get(item.itemId) ?? 0) : 0
    const effectiveFrom = item.effectiveFrom ?? policy.effective_from
    const effectiveTo = item.effectiveTo ?? policy.effective_to
    entries.push({
      newly,
      topics: item.topics.length ? item.topics : policy.topics,
      startsLater: !!effectiveFrom && effectiveFrom > today && (!effectiveTo || effectiveTo >= effectiveFrom),
      preview: {
        itemId: item.itemId,
        code: item.code,
        title: item.title,
        benefitKind: item.benefitKind,
        mode: item.mode,
        isPushEnabled: item.isPushEnabled,
        isInEffect: isItemEffective({ effectiveFrom, effectiveTo }, today),
        effectiveFrom,
        effectiveTo,
        counts: byDistrict.total,
        byDistrict: groupsOf(
          byDistrict.byGroup,
          division,
          (code) => loaded.nameDivision(code) ?? code,
          (code) => code,
        ),
        bySize: groupsOf(bySize.byGroup, size, sizeName, sizeRank),
        heldAlready: exclusionAt >= 0 ? countFalse(present, tris[exclusionAt]!) : 0,
        newlyEligible: countBits(newly),
        cost:
          eligibleCost && undeterminedCost
            ? {
                perEnterprise: item.benefitKind === 'amount' ? (item.amount ?? 0) : null,
                eligible: eligibleCost.yuan,
                eligibleUnestimated: eligibleCost.unestimated,
                undetermined: undeterminedCost.yuan,
                undeterminedUnestimated: undeterminedCost.unestimated,
              }
            : null,
        budget: {
          cap: item.budgetCap,
          paid,
          noCapReason: item.noCapReason,
          ...budgetOf({
            cap: item.budgetCap,
            paid,
            cost: eligibleCost?.yuan ?? null,
            noCapReason: item.noCapReason,
          }),
        },
      },
    })
  }

  const pushes = options.withPushes
    ? await previewPushes(deps, tx, population, entries)
    : { newlyEligible: 0, told: 0, deferredByCap: 0, notSubscribed: 0, optedOut: 0, later: 0 }
  const previews = entries.map((e) => e.preview)
  const threshold = options.threshold ?? 0
  return {
    policyId: policy.id,
    policyVersion: policy.version,
    today,
    computedAt: new Date().toISOString(),
    computeMs: Math.round(performance.now() - started),
    enterprises: countBits(present),
    items: previews,
    pushes,
    threshold,
    needsConfirmation: options.threshold !== null && pushes.told + pushes.later > options.threshold,
    digest: digestOf({
      policyVersion: policy.version,
      threshold,
      items: previews.map((i) => ({
        itemId: i.itemId,
        code: i.code,
        isInEffect: i.isInEffect,
        counts: i.counts,
        byDistrict: i.byDistrict.map((g) => [g.code, g.eligible, g.undetermined, g.ineligible]),
        bySize: i.bySize.map((g) => [g.code, g.eligible, g.undetermined, g.ineligible]),
        heldAlready: i.heldAlready,
        newlyEligible: i.newlyEligible,
        cost: i.cost,
        // the reason for no cap is the publisher's to give: it does not make the numbers stale
        budget: { cap: i.budget.cap, paid: i.budget.paid, share: i.budget.share, isOver: i.budget.isOver },
      })),
      pushes,
    }),
  }
}

/**
 * Whom publication would tell, as deliverPushes will: one message per enterprise however many items it
 * gains, for items that push; not those that opted out or subscribed to other topics. Of those told,
 * the ones at their weekly contact cap now wait for a free slot. Items that start later tell their
 * newly eligible on their first day (counted with today's facts).
 */
async function previewPushes(deps: AppDeps, tx: Tx, population: Population, entries: Entry[]) {
  const newlyEligible = entries
    .filter((e) => e.preview.isInEffect)
    .reduce((sum, e) => sum + e.preview.newlyEligible, 0)
  const collect = (which: Entry[]) => {
    const topicsOf = new Map<number, string[][]>()
    for (const e of which)
      for (const index of setBits(e.newly)) topicsOf.set(index, [...(topicsOf.get(index) ?? []), e.topics])
    return topicsOf
  }
  const pushing = entries.filter((e) => e.preview.isPushEnabled)
  const now = collect(pushing.filter((e) => e.preview.isInEffect))
  const later = collect(pushing.filter((e) => e.startsLater))
  const ids = [...new Set([...now.keys(), ...later.keys()])].map((i) => population.ids[i]!)
  const subscriptions = new Map((await findSubscriptions(tx, ids)).map((s) => [s.enterprise_id, s]))
  const atCap = await deps.notifier.findEnterprisesAtCap(tx)
  const verdict = (id: string, topicLists: string[][]) => {
    const sub = subscriptions.get(id)
    if (sub && !sub.is_push_enabled) return 'opted_out'
    if (sub && sub.topics.length && !topicLists.some((t) => t.some((x) => sub.topics.includes(x))))
      return 'not_subscribed'
    return 'notified'
  }
  const result = { newlyEligible, told: 0, deferredByCap: 0, notSubscribed: 0, optedOut: 0, later: 0 }
  const toldNow = new Set<string>()
  for (const [index, topicLists] of now) {
    const id = population.ids[index]!
    const v = verdict(id, topicLists)
    if (v === 'opted_out') result.optedOut++
    else if (v === 'not_subscribed') result.notSubscribed++
    else {
      result.told++
      toldNow.add(id)
      if (atCap.has(id)) result.deferredByCap++
    }
  }
  for (const [index, topicLists] of later) {
    const id = population.ids[index]!
    if (!toldNow.has(id) && verdict(id, topicLists) === 'notified') result.later++
  }
  return result
}
