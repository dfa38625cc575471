import { cityToday } from '../kernel/calendar/city-today'
import { systemActor } from '../kernel/auth/actor'
import { hashPassword } from '../kernel/auth/password'
import { writeAudit } from '../kernel/audit/audit'
import type { Tx } from '../kernel/db/database'
import type { AppDeps } from '../kernel/http/app-env'
import { cityCodeOf, loadFactSchema } from '../modules/facts/fact-schema'
import { seedFactCatalogue } from '../modules/facts/fact-definitions.service'
import { countFacts, insertDemoImport, seedInitialFacts } from '../modules/facts/enterprise-facts.service'
import { applyRegistryRecords } from '../modules/enterprises/enterprise-registry.service'
import { giveDemoAccounts } from '../modules/settlement-accounts/settlement-accounts.service'
import { MATCH_FULL_QUEUE } from '../modules/matching/matching.jobs'
import { createPublishedPolicy, expirePolicies } from '../modules/policies/policy-workflow.service'
import { addPublishedMatters, countMatters } from '../modules/services/matters.service'
import { DALIAN_MATTER_FORMS } from './cities/dalian-matter-forms'
import { addPublishedBundles, countBundles } from '../modules/services/bundles.service'
import { generateInitialPassword } from '../modules/users/initial-password'
import { seedFirstVersions } from '../modules/privacy/legal-documents.service'
import { seedDemoCertificates } from '../modules/certificates'
import { seedDemoRectifications } from '../modules/rectifications'
import { seedDemoExposuresIfEmpty } from '../modules/exposures'
import { seedDemoReportsIfEmpty } from '../modules/misconduct-reports'
import { seedDemoSupervisionCases } from '../modules/supervision'
import { seedDemoSelfInspections } from '../modules/self-inspections'
import { seedDemoBenchmarks } from '../modules/benchmarks'
import { seedDemoInspectionCapsIfEmpty } from '../modules/inspection-caps'
import { seedDemoCommitments } from '../modules/commitments'
import { seedDemoActionPlan } from '../modules/action-plans'
import { seedDemoInspections } from '../modules/inspections'
import { seedDemoInspectionResults } from '../modules/inspections'
import { seedDemoRandomDraw } from '../modules/random-draws'
import { rateCase } from '../modules/ratings/ratings.service'
import type { UserActor } from '../kernel/auth/actor'
import { loadCityDocuments } from './legal/city-documents'
import { dalian } from './cities/dalian'
import { DALIAN_BUNDLE_MATTERS, DALIAN_BUNDLES } from './cities/dalian-bundles'
import { demoLegalRepresentativePhone, generateDemoEnterprises } from './demo-enterprises'
import { generateDemoFacts } from './demo-facts'
import { demoSettlementAccount } from './demo-settlement-accounts'
import { loadDemoPolicies } from './policies/demo-policies'
import type { CitySeed } from './seed-types'
import * as q from './seed.queries'

const CITY_SEEDS: Record<string, CitySeed> = { dalian }

export type SeedResult = {
  seeded: boolean
  departments: number
  enterprises: number
  accounts: { role: string; login: string; password: string | null; department: string }[]
}

/** Every seed step that still has something to do: the city on first start, catalogues added later. */
export async function seedIfEmpty(
  deps: AppDeps,
  options: { demo: boolean; enterpriseCount: number; password?: string | undefined },
): Promise<SeedResult> {
  const result = await seedCityIfEmpty(deps, options)
  await seedAppealCatalogueIfEmpty(deps)
  await seedRoutingDataIfUnset(deps)
  await seedFactCatalogue(deps.db)
  await seedFactSourcesIfEmpty(deps)
  await seedLegalDocumentsIfEmpty(deps)
  if (options.demo) {
    await seedDemoRegistryIfEmpty(deps)
    await seedDemoSettlementAccounts(deps)
    await seedDemoPolicyData(deps)
    const city = CITY_SEEDS[deps.config.city]
    if (city) await seedDemoCertificates(deps, city.demoEnterprisePhone)
    await seedDemoServiceMattersIfEmpty(deps)
    await seedDemoBundlesIfEmpty(deps)
    // the supervision demo first: it seeds only an empty list, and the demo bad ratings open a case
    const departments = await q.findDepartmentIdsByCode(deps.db)
    await seedDemoSupervisionCases(deps, (code) => departments.get(code))
    if (city) await seedDemoRatingsIfEmpty(deps, city.demoEnterprisePhone)
    if (city) await seedDemoRectifications(deps, city.demoEnterprisePhone)
    await seedDemoReportsIfEmpty(deps)
    await seedDemoExposuresIfEmpty(deps)
    await seedDemoSelfInspectionsIfEmpty(deps)
    await seedDemoBenchmarksIfEmpty(deps)
    await seedDemoInspectionCapsIfEmpty(deps)
    if (city) await seedDemoCommitmentsIfEmpty(deps, city.demoEnterprisePhone)
    await seedDemoActionPlanIfEmpty(deps)
    if (city)
      await deps.db.transaction().execute(async (tx) => {
        await q.lockSeeding(tx)
        await seedDemoInspections(deps, tx, city.demoEnterprisePhone)
      })
    if (city) await seedDemoInspectionResults(deps, city.demoEnterprisePhone)
    // last: a published random draw, only when the inspectors registry has two certified inspectors
    await seedDemoRandomDraw(deps)
  }
  return result
}

/** The (invented) registry file the demo enterprises' legal representatives are recorded as coming from. */
const DEMO_REGISTRY_FILE = '演示数据-市场监管部门登记注册信息.xlsx'

/**
 * The market-regulation registry of the demo enterprises, recorded as one import by that department's
 * demo staff (what a claim by the legal representative's code trusts). Once: a database with a
 * registry keeps it.
 */
export async function seedDemoRegistryIfEmpty(deps: AppDeps): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    if ((await q.countRegistryRecords(tx)) > 0) return 0
    const enterprises = await q.findDemoIdentities(tx)
    const sender = await q.findSourceSender(tx, 'market_regulation')
    if (!sender || enterprises.length === 0) return 0
    const importId = await insertDemoImport(tx, {
      source: 'market_regulation',
      departmentId: sender.departmentId,
      importedBy: sender.userId,
      fileName: DEMO_REGISTRY_FILE,
      rows: enterprises.length,
    })
    return applyRegistryRecords(
      tx,
      enterprises.map((e) => ({
        uscc: e.uscc,
        name: e.name,
        legalRepresentative: e.legal_representative,
        legalRepresentativePhone: demoLegalRepresentativePhone(e.uscc),
      })),
      importId,
    )
  })
}

/**
 * A settlement account for each demo enterprise, in its registered name (after the registry, whose
 * name it must carry), so the demo's 免申即享 consents work. Only demo enterprises that have none get
 * one: an account a demo user gave or changed is kept.
 */
export async function seedDemoSettlementAccounts(deps: AppDeps): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    return giveDemoAccounts(tx, demoSettlementAccount)
  })
}

/**
 * The city's sample of service matters, each published as its first version. Once: a database with
 * any matter keeps its catalogue.
 */
export async function seedDemoServiceMattersIfEmpty(deps: AppDeps): Promise<number> {
  const city = CITY_SEEDS[deps.config.city]
  if (!city) throw new Error(`No seed data for CITY=${deps.config.city}`)
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    if ((await countMatters(tx)) > 0) return 0
    const ids = await q.findDepartmentIdsByCode(tx)
    const department = (code: string) => {
      const id = ids.get(code)
      if (!id) throw new Error(`service matter: no department ${code}`)
      return id
    }
    return addPublishedMatters(
      tx,
      systemActor('seed'),
      city.serviceMatters.map((m) => ({
        code: m.code,
        departmentId: department(m.department),
        parentCode: m.parent,
        variant: m.variant,
        content: m.content,
        rules: city.matterRules?.[m.code],
        formSchema: DALIAN_MATTER_FORMS[m.code],
      })),
    )
  })
}

/** A self-inspection task issued to three departments, one of them answered (once). */
export async function seedDemoSelfInspectionsIfEmpty(deps: AppDeps): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    return seedDemoSelfInspections(deps, tx)
  })
}

/** Benchmark cities' values and Dalian's entered values, all labelled demo values (once). */
export async function seedDemoBenchmarksIfEmpty(deps: AppDeps): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    return seedDemoBenchmarks(deps, tx)
  })
}

/** The ledger's demo commitments and payables of the demo enterprise (commitments.demo.ts). */
async function seedDemoCommitmentsIfEmpty(deps: AppDeps, phone: string): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    return seedDemoCommitments(deps, tx, phone)
  })
}

/** The action plan's areas and demo tasks in every state (once). */
export async function seedDemoActionPlanIfEmpty(deps: AppDeps): Promise<number> {
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    return seedDemoActionPlan(deps, tx)
  })
}

/** The market-regulation matters the demo enterprise's decided applications were made on. */
const DEMO_RATINGS_DEPARTMENT = 'DL-SCJGJ'

/**
 * The ratings demo (issue 13): two approved applications of the demo enterprise user's first
 * enterprise, one waiting to be rated (待评价) and one rated through the ratings service (已评价).
 * Once: an enterprise that has any application keeps its own.
 */
export async function seedDemoRatingsIfEmpty(deps: AppDeps, phone: string): Promise<number> {
  const applicant = await q.findDemoApplicant(deps.db, phone)
  if (!applicant || applicant.has_applications) return 0
  const matters = await q.findPublishedMattersOf(deps.db, DEMO_RATINGS_DEPARTMENT, 2)
  if (matters.length < 2) return 0
  const day = 24 * 60 * 60 * 1000
  const now = Date.now()
  const ids = await deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    const made: string[] = []
    for (const [i, matter] of matters.entries()) {
      const decidedAt = new Date(now - (i + 1) * day)
      const id = await q.insertDecidedDemoApplication(tx, {
        enterpriseId: applicant.enterprise_id,
        createdBy: applicant.user_id,
        matter,
        receivedAt: new Date(decidedAt.getTime() - 3 * day),
        decidedAt,
      })
      await writeAudit(tx, systemActor('seed'), {
        action: 'application.seed',
        entityType: 'application',
        entityId: id,
        after: { status: 'approved', demo: true },
      })
      made.push(id)
    }
    return made
  })
  const enterpriseUser: UserActor = {
    kind: 'user',
    userId: applicant.user_id,
    userKind: 'enterprise',
    label: phone.replace(/^(\d{3})\d{4}/, '$1****'),
    departmentId: null,
    roles: [],
    sessionId: 'seed',
    mustChangePassword: false,
    consentPending: false,
  }
  await rateCase(deps, enterpriseUser, {
    subjectType: 'application',
    subjectId: ids[1]!,
    stage: 'final',
    level: 5,
    efficiency: 5,
    guideAccuracy: 4,
    convenience: 5,
    usability: 4,
    comment: '材料一次讲清，窗口办理很快。',
  })
  return ids.length
}

/** Each city's bundles (一件事一次办) and the matters they need that its catalogue sample lacks. */
const CITY_BUNDLES = { dalian: { matters: DALIAN_BUNDLE_MATTERS, bundles: DALIAN_BUNDLES } } as const

/**
 * The city's bundles, published, with the matters they add (after the catalogue sample, whose matters
 * they use). Once: a database with any bundle keeps its own.
 */
export async function seedDemoBundlesIfEmpty(deps: AppDeps): Promise<number> {
  const city = CITY_BUNDLES[deps.config.city as keyof typeof CITY_BUNDLES]
  if (!city) return 0
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    if ((await countBundles(tx)) > 0) return 0
    const ids = await q.findDepartmentIdsByCode(tx)
    const department = (code: string) => {
      const id = ids.get(code)
      if (!id) throw new Error(`bundle matter: no department ${code}`)
      return id
    }
    return addPublishedBundles(
      tx,
      systemActor('seed'),
      city.matters.map((m) => ({
        code: m.code,
        departmentId: department(m.department),
        parentCode: m.parent,
        variant: m.variant,
        content: m.content,
        form: m.form,
      })),
      city.bundles.map((b) => ({
        ...b,
        members: b.members.map((m) => ({ matterCode: m.matter, stage: m.stage })),
      })),
    )
  })
}

/**
 * Demo facts for the demo enterprises and the real policies of server/src/seed/policies/*.yaml, put
 * in force; then the first (baseline) matching run is queued. Once: a database that has facts or
 * policies keeps them.
 */
export async function seedDemoPolicyData(deps: AppDeps): Promise<{ facts: number; policies: number }> {
  const loaded = await loadFactSchema(deps.db, cityCodeOf(deps))
  const year = Number(cityToday(deps).slice(0, 4))
  const seeded = await deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    let facts = 0
    let policies = 0
    if ((await countFacts(tx)) === 0) {
      const profiles = await q.findDemoProfiles(tx)
      const demoFacts = profiles.flatMap((p) =>
        generateDemoFacts(
          {
            uscc: p.uscc,
            sizeClass: p.size_class,
            employees: p.employees,
            annualRevenue: p.annual_revenue,
            industryCode: p.industry_code,
            tags: p.tags,
            foundedOn: p.founded_on,
          },
          year,
        ).map((f) => ({ enterpriseId: p.id, ...f })),
      )
      facts = await seedInitialFacts(tx, loaded, [
        ...demoFacts.filter((f) => f.source !== 'market_regulation'),
        ...(await withDemoImport(tx, 'market_regulation', DEMO_CREDIT_FILE, demoFacts)),
      ])
    }
    if ((await q.countPolicies(tx)) === 0) {
      const ids = await q.findDepartmentIdsByCode(tx)
      for (const demo of loadDemoPolicies()) {
        const department = (code: string) => {
          const id = ids.get(code)
          if (!id) throw new Error(`${demo.file}: no department ${code}`)
          return id
        }
        await createPublishedPolicy(
          deps,
          tx,
          {
            title: demo.policy.title,
            issuer: demo.policy.issuer,
            documentNumber: demo.policy.documentNumber,
            level: demo.policy.level,
            issuedOn: demo.policy.issuedOn ?? null,
            effectiveFrom: demo.policy.effectiveFrom,
            effectiveTo: demo.policy.effectiveTo ?? null,
            summary: demo.policy.summary,
            fullText: demo.policy.fullText,
            sourceUrl: null,
            topics: demo.policy.topics,
            ownerDepartmentId: department(demo.policy.owner),
            items: demo.items.map((item, i) => ({
              code: item.code,
              title: item.title,
              summary: item.summary ?? '',
              benefitKind: item.kind,
              amount: item.amount ?? null,
              amountFormula: item.amountFormula ?? null,
              mode: item.mode,
              departmentId: department(item.department),
              budgetCap: item.budgetCap ?? null,
              noCapReason: item.noCapReason ?? null,
              requiredMaterials: (item.materials ?? []).map((m) => ({
                ...m,
                isRequired: m.isRequired ?? true,
              })),
              promisedWorkingDays: item.promisedWorkingDays ?? 10,
              conditions: item.conditions.map((c) => ({ ...c, note: c.note ?? null })),
              exclusion: item.exclusion
                ? {
                    clause: item.exclusion.clause,
                    tag: item.exclusion.tag,
                    sinceFact: item.exclusion.sinceFact ?? null,
                    validYears: item.exclusion.validYears ?? null,
                  }
                : null,
              effectiveFrom: null,
              effectiveTo: null,
              topics: item.topics ?? [],
              isPushEnabled: true,
              sortOrder: i,
            })),
          },
          'seed',
        )
        policies++
      }
      await deps.jobs.send(tx, MATCH_FULL_QUEUE, {})
    }
    return { facts, policies }
  })
  // Statistics for the tables just filled: without them the planner guesses thousands of facts per
  // enterprise and starts a parallel worker for every fact-sheet lookup (measured at 100,000 demo
  // enterprises: 9.8 ms a sheet before the first autovacuum).
  if (seeded.facts) await q.analyzeFactTables(deps.db)
  if (seeded.policies) await expirePolicies(deps)
  return seeded
}

/** The (invented) data file the demo credit tiers are recorded as coming from; the name says it is demo data. */
const DEMO_CREDIT_FILE = '演示数据-市场监管部门企业信用风险分类结果.xlsx'

/**
 * The demo facts of one department's source, recorded as one import sent by a member of that
 * department's staff. With nobody to have sent it, they are left out: a value never appears
 * without its source.
 */
async function withDemoImport<F extends { source: string }>(
  tx: Tx,
  source: 'market_regulation',
  fileName: string,
  facts: F[],
): Promise<(F & { importId: string; recordedBy: string })[]> {
  const mine = facts.filter((f) => f.source === source)
  const sender = await q.findSourceSender(tx, source)
  if (!sender || mine.length === 0) return []
  const importId = await insertDemoImport(tx, {
    source,
    departmentId: sender.departmentId,
    importedBy: sender.userId,
    fileName,
    rows: mine.length,
  })
  return mine.map((f) => ({ ...f, importId, recordedBy: sender.userId }))
}

/**
 * The city's privacy notice, terms of use and staff notice as their first versions, in effect from
 * today, when there are none (a database seeded before they existed gets them on its next start).
 */
export async function seedLegalDocumentsIfEmpty(deps: AppDeps): Promise<number> {
  const documents = loadCityDocuments(deps.config.city)
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    const seeded = await seedFirstVersions(deps, tx, documents)
    if (seeded)
      await writeAudit(tx, systemActor('seed'), {
        action: 'legal_document.seed',
        entityType: 'legal_document',
        after: { kinds: documents.map((d) => d.kind), city: deps.config.city },
      })
    return seeded
  })
}

/** Which departments verify which fact source, once (an administrator changes it afterwards). */
export async function seedFactSourcesIfEmpty(deps: AppDeps): Promise<void> {
  const city = CITY_SEEDS[deps.config.city]!
  await deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    if ((await q.countFactSourceDepartments(tx)) > 0) return
    const ids = await q.findDepartmentIdsByCode(tx)
    await q.insertFactSourceDepartments(
      tx,
      Object.entries(city.factSources).flatMap(([source, codes]) =>
        (codes ?? []).filter((c) => ids.has(c)).map((c) => ({ source, department_id: ids.get(c)! })),
      ),
    )
  })
}

/**
 * The appeal catalogue, when there is none yet (a database seeded before appeals existed gets it on
 * its next start). Departments the catalogue names must exist; a missing one leaves the category
 * unrouted (the fallback owner takes it).
 */
export async function seedAppealCatalogueIfEmpty(deps: AppDeps): Promise<number> {
  const city = CITY_SEEDS[deps.config.city]
  if (!city) throw new Error(`No seed data for CITY=${deps.config.city}`)
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    if ((await q.countAppealCategories(tx)) > 0) return 0
    await q.insertAppealCategories(tx, catalogueRows(city, await q.findDepartmentIdsByCode(tx)))
    return city.appealCategories.length
  })
}

function catalogueRows(city: CitySeed, ids: Map<string, string>) {
  return city.appealCategories.map((c, i) => ({
    code: c.code,
    name: c.name,
    name_en: c.nameEn,
    default_department_id: c.department ? (ids.get(c.department) ?? null) : null,
    default_tier: c.tier ?? ('normal' as const),
    sort_order: i + 1,
    keywords: c.keywords ?? [],
  }))
}

/**
 * Once, for a database made before routing data existed (docs/decisions/0020-cold-start-routing.md):
 * the city's categories it lacks are added, and every department's recognised names and every
 * category's keywords that were never set (NULL) get the city's. What an administrator saved is
 * never touched: a save writes an array, never NULL. Returns how many rows changed.
 */
export async function seedRoutingDataIfUnset(deps: AppDeps): Promise<number> {
  const city = CITY_SEEDS[deps.config.city]
  if (!city) throw new Error(`No seed data for CITY=${deps.config.city}`)
  return deps.db.transaction().execute(async (tx) => {
    await q.lockSeeding(tx)
    let changed = 0
    const unsetCategories = await q.findCategoriesWithoutKeywords(tx)
    if (unsetCategories.length) {
      const rows = catalogueRows(city, await q.findDepartmentIdsByCode(tx))
      await q.insertAppealCategories(tx, rows)
      const keywords = new Map(rows.map((r) => [r.code, r.keywords]))
      for (const code of unsetCategories)
        await q.setCategoryKeywordsIfUnset(tx, code, keywords.get(code) ?? [])
      changed += unsetCategories.length
    }
    const names = recognisedNamesByCode(city)
    for (const d of await q.findDepartmentsWithoutRecognisedNames(tx)) {
      await q.setRecognisedNamesIfUnset(tx, d.id, names.get(d.code) ?? [])
      changed++
    }
    if (changed)
      await writeAudit(tx, systemActor('seed'), {
        action: 'system.seed_routing_data',
        entityType: 'system',
        entityId: deps.config.city,
        after: { categories: unsetCategories.length, departments: changed - unsetCategories.length },
      })
    return changed
  })
}

function recognisedNamesByCode(city: CitySeed): Map<string, string[]> {
  const names = new Map<string, string[]>()
  for (const d of city.departments) {
    names.set(d.code, d.recognisedNames ?? [])
    for (const division of d.divisions ?? []) names.set(division.code, division.recognisedNames ?? [])
  }
  for (const d of city.districts) names.set(d.code, d.recognisedNames ?? [])
  return names
}

/**
 * First start only (no departments yet): the city's department tree, and with demo data on, an
 * account for each role and a few thousand enterprises. Runs in one transaction: a crash leaves
 * an empty database that the next start seeds again.
 */
async function seedCityIfEmpty(
  deps: AppDeps,
  options: { demo: boolean; enterpriseCount: number; password?: string | undefined },
): Promise<SeedResult> {
  const city = CITY_SEEDS[deps.config.city]
  if (!city) throw new Error(`No seed data for CITY=${deps.config.city}`)
  const nothing: SeedResult = { seeded: false, departments: 0, enterprises: 0, accounts: [] }
  if ((await q.countDepartments(deps.db)) > 0) return nothing

  const password = options.password ?? generateInitialPassword()
  const passwordHash = options.demo ? await hashPassword(password) : ''
  const demoEnterprises = options.demo
    ? generateDemoEnterprises(options.enterpriseCount, city.enterpriseWeights)
    : []

  return deps.db.transaction().execute(async (tx) => {
    // Several nodes may start on an empty PostgreSQL at once: one seeds, the others find it done.
    await q.lockSeeding(tx)
    if ((await q.countDepartments(tx)) > 0) return nothing
    const ids = await seedDepartments(tx, city)
    const accounts: SeedResult['accounts'] = []
    let enterpriseCount = 0
    if (options.demo) {
      for (const account of city.demoAccounts) {
        const departmentId = ids.get(account.department)!
        const userId = await q.insertDemoStaff(tx, {
          username: account.username,
          displayName: account.displayName,
          departmentId,
          passwordHash,
        })
        await q.insertRoleRows(
          tx,
          account.roles.map((role) => ({ user_id: userId, role, department_id: departmentId })),
        )
        accounts.push({
          role: account.roles.join(','),
          login: account.username,
          password,
          department: account.department,
        })
      }
      const enterpriseIds = await q.insertEnterpriseBatch(
        tx,
        demoEnterprises.map((e) => ({
          uscc: e.uscc,
          name: e.name,
          legal_representative: e.legalRepresentative,
          division_code: e.divisionCode,
          industry_code: e.industryCode,
          size_class: e.sizeClass,
          founded_on: e.foundedOn,
          employees: e.employees,
          annual_revenue: e.annualRevenue,
          tags: e.tags,
          address: e.address,
          is_demo: true,
        })),
        demoEnterprises.map((e) => ({ ...e, contactPhone: null })),
      )
      enterpriseCount = enterpriseIds.length
      const enterpriseUser = await q.insertDemoEnterpriseUser(tx, city.demoEnterprisePhone, '演示企业经办人')
      await q.insertMemberRows(
        tx,
        enterpriseIds
          .slice(0, 3)
          .map((id) => ({ enterprise_id: id, user_id: enterpriseUser, role: 'manager' as const })),
      )
      accounts.push({ role: 'enterprise', login: city.demoEnterprisePhone, password: null, department: '-' })
    }
    await writeAudit(tx, systemActor('seed'), {
      action: 'system.seed',
      entityType: 'system',
      entityId: deps.config.city,
      after: { departments: ids.size, demoAccounts: accounts.length, demoEnterprises: enterpriseCount },
    })
    return { seeded: true, departments: ids.size, enterprises: enterpriseCount, accounts }
  })
}

async function seedDepartments(tx: Tx, city: CitySeed): Promise<Map<string, string>> {
  const ids = new Map<string, string>()
  const rootId = await q.insertDepartmentRow(tx, {
    code: city.root.code,
    name: city.root.name,
    kind: 'city',
    division_code: city.root.divisionCode,
    recognised_names: [],
  })
  ids.set(city.root.code, rootId)
  let order = 0
  for (const d of city.departments) {
    const id = await q.insertDepartmentRow(tx, {
      code: d.code,
      name: d.name,
      short_name: d.shortName ?? null,
      recognised_names: d.recognisedNames ?? [],
      kind: 'department',
      parent_id: rootId,
      division_code: city.root.divisionCode,
      is_bureau: d.isBureau ?? false,
      is_fallback_owner: d.isFallbackOwner ?? false,
      sort_order: ++order,
    })
    ids.set(d.code, id)
    for (const division of d.divisions ?? []) {
      ids.set(
        division.code,
        await q.insertDepartmentRow(tx, {
          code: division.code,
          name: division.name,
          recognised_names: division.recognisedNames ?? [],
          kind: 'division',
          parent_id: id,
          sort_order: ++order,
        }),
      )
    }
  }
  for (const d of city.districts) {
    ids.set(
      d.code,
      await q.insertDepartmentRow(tx, {
        code: d.code,
        name: d.name,
        recognised_names: d.recognisedNames ?? [],
        kind: 'district',
        parent_id: rootId,
        division_code: d.divisionCode,
        sort_order: ++order,
      }),
    )
  }
  return ids
}
