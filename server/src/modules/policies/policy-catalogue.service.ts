import type { Executor } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import type { RuleProblem } from '../../shared/rules/ast'
import type { BenefitKind, BenefitMode, PolicyLevel } from '../../shared/policies'
import { factReader, type RuleSchema } from '../facts'
import type { HolderExclusion } from './holder-exclusion'
import {
  compileItemRules,
  isItemEffective,
  type CompiledItem,
  type ConditionSource,
  type RequiredMaterial,
} from './policy-rules'
import * as vq from './policy-versions.queries'

/**
 * What is in force: the latest published version of every published or amended policy, its items'
 * rules compiled against the current fact schema. Cached per process and rebuilt when anything that
 * could change it changes (a publication, a status, a fact definition).
 */
export type SnapshotItem = {
  id: string
  code: string
  title: string
  summary: string
  benefitKind: BenefitKind
  amount: number | null
  amountFormula: string | null
  mode: BenefitMode
  departmentId: string
  budgetCap: number | null
  /** why a money item has no cap (absent in versions published before it was asked) */
  noCapReason?: string | null
  requiredMaterials: RequiredMaterial[]
  promisedWorkingDays: number
  conditions: ConditionSource[]
  /** absent in versions published before exclusions existed */
  exclusion?: HolderExclusion | null
  effectiveFrom: string | null
  effectiveTo: string | null
  topics: string[]
  isPushEnabled: boolean
  sortOrder: number
  ruleVersion: number
}

export type PolicySnapshot = {
  policy: {
    id: string
    title: string
    issuer: string
    documentNumber: string | null
    level: PolicyLevel
    issuedOn: string | null
    effectiveFrom: string | null
    effectiveTo: string | null
    summary: string
    fullText: string
    sourceUrl: string | null
    topics: string[]
    ownerDepartmentId: string
  }
  items: SnapshotItem[]
}

export type Catalogue = {
  stamp: string
  schema: RuleSchema
  snapshots: Map<string, PolicySnapshot & { versionNo: number }>
  items: CompiledItem[]
  byId: Map<string, CompiledItem>
  /** items whose rules no longer compile (a retired fact): left out of matching until fixed */
  broken: { itemId: string; problems: RuleProblem[] }[]
}

const cache = new WeakMap<object, Catalogue>()

export async function loadCatalogue(deps: AppDeps, db: Executor = deps.db): Promise<Catalogue> {
  const stamp = await vq.findCatalogueStamp(db)
  const cached = cache.get(deps)
  if (cached && cached.stamp === stamp) return cached
  const schema = await factReader(deps).schema(db)
  const snapshots = new Map<string, PolicySnapshot & { versionNo: number }>()
  const items: CompiledItem[] = []
  const broken: Catalogue['broken'] = []
  for (const row of await vq.findInForceSnapshots(db)) {
    const snapshot = row.snapshot as PolicySnapshot
    snapshots.set(row.id, { ...snapshot, versionNo: row.version_no })
    for (const item of snapshot.items) {
      const compiled = compileItemRules(item, schema.schema, schema.resolveDivision)
      if (!compiled.ok) {
        broken.push({
          itemId: item.id,
          problems: [...Object.values(compiled.problems.conditions).flat(), ...compiled.problems.amount],
        })
        continue
      }
      items.push({
        id: item.id,
        policyId: snapshot.policy.id,
        policyTitle: snapshot.policy.title,
        documentNumber: snapshot.policy.documentNumber,
        issuer: snapshot.policy.issuer,
        code: item.code,
        title: item.title,
        summary: item.summary,
        benefitKind: item.benefitKind,
        amount: item.amount,
        amountFormula: item.amountFormula,
        amountNode: compiled.amountNode,
        mode: item.mode,
        departmentId: item.departmentId,
        budgetCap: item.budgetCap,
        exclusion: item.exclusion ?? null,
        requiredMaterials: item.requiredMaterials,
        promisedWorkingDays: item.promisedWorkingDays,
        conditions: compiled.conditions,
        effectiveFrom: item.effectiveFrom ?? snapshot.policy.effectiveFrom,
        effectiveTo: item.effectiveTo ?? snapshot.policy.effectiveTo,
        topics: item.topics.length ? item.topics : snapshot.policy.topics,
        isPushEnabled: item.isPushEnabled,
        ruleVersion: item.ruleVersion,
      })
    }
  }
  const catalogue: Catalogue = {
    stamp,
    schema,
    snapshots,
    items,
    byId: new Map(items.map((i) => [i.id, i])),
    broken,
  }
  cache.set(deps, catalogue)
  return catalogue
}

/** The items that apply today. */
export function effectiveItems(catalogue: Catalogue, today: string): CompiledItem[] {
  return catalogue.items.filter((i) => isItemEffective(i, today))
}
