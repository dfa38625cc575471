import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInEnterprise,
  findDepartmentByCode,
  signInAs,
} from '../../test/factories'
import { createTestApp, type TestApp } from '../../test/harness'
import { isRegistrationDivision } from '../modules/reference/divisions'
import { checkUscc } from '../shared/uscc'
import { dalian } from './cities/dalian'
import { demoLegalRepresentativePhone, generateDemoEnterprises } from './demo-enterprises'
import { generateDemoFacts } from './demo-facts'
import { demoSettlementAccount } from './demo-settlement-accounts'
import {
  seedDemoPolicyData,
  seedDemoRatingsIfEmpty,
  seedDemoRegistryIfEmpty,
  seedDemoServiceMattersIfEmpty,
  seedDemoSettlementAccounts,
} from './seed'
import { checkAccountNumber, isPlausibleBankName, isSameAccountName } from '../shared/settlement-account'

describe('the demo city', () => {
  const enterprises = generateDemoEnterprises(2000, dalian.enterpriseWeights)

  it('is the same every time', () => {
    expect(generateDemoEnterprises(2000, dalian.enterpriseWeights)).toEqual(enterprises)
  })

  it('has credit codes that pass the complete check, with the real division table', () => {
    const failing = enterprises.filter((e) => !checkUscc(e.uscc, isRegistrationDivision).ok)
    expect(failing).toEqual([])
    // issued by the authority of the district each enterprise is in
    expect(enterprises.every((e) => e.uscc.slice(2, 8) === e.divisionCode)).toBe(true)
  })

  it('never has an enterprise declare its own credit tier', () => {
    const tiers = enterprises
      .flatMap((e) => generateDemoFacts({ ...e, annualRevenue: e.annualRevenue }, 2025))
      .filter((f) => f.key === 'creditTier')
    expect(tiers.length).toBeGreaterThan(1000)
    expect(new Set(tiers.map((f) => f.source))).toEqual(new Set(['market_regulation']))
  })
})

describe('seeding the demo data', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('gives credit tiers only through an import recorded as the market-regulation department’s', async () => {
    const market = await findDepartmentByCode(t, 'DL-SCJGJ')
    const sender = await buildStaff(t, { roles: ['handler'], departmentId: market.id })
    const companies = await Promise.all(
      [1, 2, 3, 4, 5].map(() => buildEnterprise(t, { is_demo: true, tags: ['private'] })),
    )
    const individual = await buildEnterprise(t, { is_demo: true, tags: ['individual_business'] })
    await seedDemoPolicyData(t.deps)

    const admin = await signInAs(t, 'admin')
    const imports = (await admin.get('/api/v1/facts/imports')).body.items
    expect(imports).toHaveLength(1)
    expect(imports[0]).toMatchObject({
      source: 'market_regulation',
      fileName: expect.stringContaining('演示数据'),
    })
    const importRow = await t.deps.db
      .selectFrom('fact_imports')
      .select(['department_id', 'imported_by'])
      .executeTakeFirstOrThrow()
    expect(importRow).toEqual({ department_id: market.id, imported_by: sender.id })

    // A company may be left unrated (about one in ten: all five, once in 100,000 runs); an individual
    // business always is. Every tier there is cites the import.
    const tiers = (await Promise.all(companies.map((c) => admin.get(`/api/v1/enterprises/${c.id}`)))).map(
      (r) => r.body.creditTier,
    )
    expect(tiers.filter(Boolean).length).toBeGreaterThan(0)
    for (const tier of tiers.filter(Boolean))
      expect(tier).toMatchObject({ source: 'market_regulation', importId: imports[0].id })
    expect((await admin.get(`/api/v1/enterprises/${individual.id}`)).body.creditTier).toBeNull()
  })
})

describe('seeding the demo registry', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('records every demo enterprise’s legal representative and phone as the market-regulation department’s import, once', async () => {
    const market = await findDepartmentByCode(t, 'DL-SCJGJ')
    await buildStaff(t, { roles: ['handler'], departmentId: market.id })
    const demo = await Promise.all([1, 2, 3].map(() => buildEnterprise(t, { is_demo: true })))
    await buildEnterprise(t) // not demo: not in the demo registry
    expect(await seedDemoRegistryIfEmpty(t.deps)).toBe(3)
    expect(await seedDemoRegistryIfEmpty(t.deps)).toBe(0)
    const rows = await t.deps.db.selectFrom('enterprise_registry').selectAll().execute()
    expect(rows.map((r) => r.uscc).sort()).toEqual(demo.map((e) => e.uscc).sort())
    for (const row of rows) {
      expect(row.legal_representative_phone).toBe(demoLegalRepresentativePhone(row.uscc))
      expect(row.legal_representative_phone).toMatch(/^147\d{8}$/)
    }
    const imported = await t.deps.db
      .selectFrom('fact_imports')
      .select(['source', 'file_name', 'department_id'])
      .where('id', '=', rows[0]!.import_id!)
      .executeTakeFirstOrThrow()
    expect(imported).toMatchObject({ source: 'market_regulation', department_id: market.id })
    expect(imported.file_name).toContain('演示数据')
  })
})

describe('seeding the demo settlement accounts', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('gives every demo enterprise an account in its registered name that passes the form’s checks, once', async () => {
    const demo = await Promise.all([1, 2, 3].map(() => buildEnterprise(t, { is_demo: true })))
    const other = await buildEnterprise(t) // not demo: no demo account
    expect(await seedDemoSettlementAccounts(t.deps)).toBe(3)
    expect(await seedDemoSettlementAccounts(t.deps)).toBe(0)
    const rows = await t.deps.db.selectFrom('settlement_accounts').selectAll().execute()
    expect(rows.map((r) => r.enterprise_id).sort()).toEqual(demo.map((e) => e.id).sort())
    expect(rows.some((r) => r.enterprise_id === other.id)).toBe(false)
    for (const row of rows) {
      const enterprise = demo.find((e) => e.id === row.enterprise_id)!
      expect(isSameAccountName(row.account_name, enterprise.name)).toBe(true)
      expect(row).toMatchObject({ version: 1, is_demo: true, set_by: null, superseded_at: null })
      expect(checkAccountNumber(row.account_number)).toMatchObject({ ok: true, digits: row.account_number })
      expect(isPlausibleBankName(row.bank_name)).toBe(true)
      expect(demoSettlementAccount(enterprise.uscc).accountNumber).toBe(row.account_number)
    }
  })
})

describe('seeding the demo ratings', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  it('gives the demo enterprise one decided application to rate and one rated, once', async () => {
    await seedDemoServiceMattersIfEmpty(t.deps)
    const enterprise = await buildEnterprise(t, { is_demo: true })
    const { phone } = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    expect(await seedDemoRatingsIfEmpty(t.deps, phone)).toBe(2)
    expect(await seedDemoRatingsIfEmpty(t.deps, phone)).toBe(0)
    const user = await signInEnterprise(t, phone)
    const res = await user.get(`/api/v1/ratings/mine?enterpriseId=${enterprise.id}`)
    expect(res.status).toBe(200)
    const body = res.body as { toRate: unknown[]; rated: { level: number }[] }
    expect(body.toRate).toHaveLength(1)
    expect(body.rated.map((r) => r.level)).toEqual([5])
  })
})
