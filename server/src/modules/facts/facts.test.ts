import { cityYear } from '../../../test/city-clock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  findDepartmentByCode,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { cityCodeOf, keptFactSchema } from './fact-schema'
import { loadFactSheet, loadFactSheets } from './fact-sheets'
import * as q from './facts.queries'

let t: TestApp
let enterprise: { id: string; uscc: string }
let member: TestClient
let taxOfficer: TestClient
beforeAll(async () => {
  t = await createTestApp()
  enterprise = await buildEnterprise(t, { employees: 120 })
  member = await signInEnterprise(t, (await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })).phone)
  const tax = await findDepartmentByCode(t, 'DL-TAX')
  taxOfficer = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: tax.id }))
})
afterAll(() => t.close())

const thisYear = cityYear()
const lastYear = String(thisYear - 1)

function factOf(body: { facts: { key: string }[] }, key: string) {
  return body.facts.find((f) => f.key === key) as Record<string, unknown>
}

function csvFile(lines: string[], name = 'data.csv') {
  const form = new FormData()
  form.set('file', new File([lines.join('\n')], name))
  return form
}

describe('the fact schema', () => {
  it('is public, with the profile and what the demo policies ask about', async () => {
    const res = await t.anonymous().get('/api/v1/facts/definitions')
    expect(res.status).toBe(200)
    const keys = res.body.items.map((d: { key: string }) => d.key)
    expect(keys).toEqual(
      expect.arrayContaining(['employees', 'taxableIncome', 'totalAssets', 'rdExpense', 'layoffRate']),
    )
    const ratio = res.body.items.find((d: { key: string }) => d.key === 'rdExpenseRatio')
    expect(ratio).toMatchObject({ type: 'ratio', formula: '研发费用 / 年营业收入', sources: [] })
  })

  it('an administrator adds a derived fact; a formula over unknown facts or in a circle is refused', async () => {
    const admin = await signInAs(t, 'admin')
    const created = await admin.post('/api/v1/facts/definitions', {
      key: 'assetsPerEmployee',
      labelZh: '人均资产',
      labelEn: 'Assets per employee',
      type: 'money',
      unitZh: '元',
      formula: '资产总额 / 从业人数',
    })
    expect(created.status).toBe(201)
    const unknown = await admin.post('/api/v1/facts/definitions', {
      key: 'badFormula',
      labelZh: '错误公式',
      labelEn: 'Bad formula',
      type: 'number',
      formula: '营收 / 从业人数',
    })
    expect(unknown.body.error.fields.formula).toContain('营收')
    const first = await admin.post('/api/v1/facts/definitions', {
      key: 'loopA',
      labelZh: '循环甲',
      labelEn: 'Loop A',
      type: 'number',
      formula: '从业人数 + 1',
    })
    expect(first.status).toBe(201)
    const second = await admin.post('/api/v1/facts/definitions', {
      key: 'loopB',
      labelZh: '循环乙',
      labelEn: 'Loop B',
      type: 'number',
      formula: '循环甲 * 2',
    })
    expect(second.status).toBe(201)
    const closing = await admin.patch('/api/v1/facts/definitions/loopA', {
      version: 1,
      formula: '循环乙 + 1',
    })
    expect(closing.status).toBe(400)
    expect(closing.body.error.fields.formula).toMatch(/循环(甲|乙) → 循环(甲|乙) → 循环(甲|乙)/)
    const anyone = await member.post('/api/v1/facts/definitions', {
      key: 'mine',
      labelZh: '我的',
      labelEn: 'Mine',
      type: 'number',
    })
    expect(anyone.status).toBe(403)
  })
})

describe('an enterprise declares its facts', () => {
  it('with the fiscal year they refer to; the profile is a fact too', async () => {
    const res = await member.post(`/api/v1/enterprises/${enterprise.id}/facts`, {
      facts: [
        { key: 'taxableIncome', period: lastYear, value: 2_500_000 },
        { key: 'totalAssets', period: lastYear, value: 30_000_000 },
        { key: 'isSmallScaleTaxpayer', value: false },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.body.changed).toBe(3)
    expect(factOf(res.body, 'taxableIncome')).toMatchObject({
      value: 2_500_000,
      period: lastYear,
      source: 'declared',
      isVerified: false,
      isStale: false,
    })
    expect(factOf(res.body, 'employees')).toMatchObject({ value: 120, source: 'profile' })
    const again = await member.post(`/api/v1/enterprises/${enterprise.id}/facts`, {
      facts: [{ key: 'taxableIncome', period: lastYear, value: 2_500_000 }],
    })
    expect(again.body.changed).toBe(0)
  })

  it('refuses every bad fact at once and writes none of them', async () => {
    const res = await member.post(`/api/v1/enterprises/${enterprise.id}/facts`, {
      facts: [
        { key: 'rdExpense', period: lastYear, value: 100 },
        { key: 'noSuchFact', value: 1 },
        { key: 'employees', value: 10 },
        { key: 'totalAssets', value: 1 },
        { key: 'layoffRate', period: lastYear, value: 1.5 },
        { key: 'rdExpenseRatio', period: lastYear, value: 0.1 },
        { key: 'taxableIncome', period: lastYear, value: '很多' },
      ],
    })
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields).sort()).toEqual([
      'facts.1.key',
      'facts.2.key',
      'facts.3.period',
      'facts.4.value',
      'facts.5.key',
      'facts.6.value',
    ])
    const sheet = await member.get(`/api/v1/enterprises/${enterprise.id}/facts`)
    expect(factOf(sheet.body, 'rdExpense').value).toBeNull()
  })

  it('a value too old to count is marked stale and read as missing', async () => {
    const res = await member.post(`/api/v1/enterprises/${enterprise.id}/facts`, {
      facts: [{ key: 'rdExpense', period: String(thisYear - 5), value: 800_000 }],
    })
    expect(factOf(res.body, 'rdExpense')).toMatchObject({ value: 800_000, isStale: true })
  })

  it('another enterprise cannot read or write them; staff can read', async () => {
    const other = await buildEnterprise(t)
    const stranger = await signInEnterprise(
      t,
      (await buildEnterpriseUser(t, { enterpriseIds: [other.id] })).phone,
    )
    expect((await stranger.get(`/api/v1/enterprises/${enterprise.id}/facts`)).status).toBe(404)
    expect(
      (
        await stranger.post(`/api/v1/enterprises/${enterprise.id}/facts`, {
          facts: [{ key: 'isSmallScaleTaxpayer', value: true }],
        })
      ).status,
    ).toBe(404)
    expect((await taxOfficer.get(`/api/v1/enterprises/${enterprise.id}/facts`)).status).toBe(200)
    expect(
      (
        await taxOfficer.post(`/api/v1/enterprises/${enterprise.id}/facts`, {
          facts: [{ key: 'isSmallScaleTaxpayer', value: true }],
        })
      ).status,
    ).toBe(403)
  })
})

describe('a department’s data verifies facts', () => {
  it('imports row by row: a verified value wins over the declared one for the same year', async () => {
    const bad = await buildEnterprise(t)
    const file = csvFile([
      '统一社会信用代码,所属年度,年度应纳税所得额,资产总额',
      `${enterprise.uscc},${lastYear},"3,200,000",2800万`,
      `${bad.uscc},${lastYear},很多,100`,
      `91210200MA0000000X,${lastYear},100,100`,
      `${bad.uscc},1990,100,100`,
    ])
    const res = await taxOfficer.post('/api/v1/facts/imports?source=tax', file)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ rowsTotal: 4, rowsApplied: 1, rowsFailed: 3 })
    expect(res.body.rows[0]).toMatchObject({ row: 2, status: 'applied', facts: 2 })
    expect(Object.keys(res.body.rows[1].errors)).toEqual(['年度应纳税所得额'])
    expect(Object.keys(res.body.rows[2].errors)).toEqual(['统一社会信用代码'])
    expect(Object.keys(res.body.rows[3].errors)).toEqual(['所属年度'])

    const sheet = await member.get(`/api/v1/enterprises/${enterprise.id}/facts`)
    expect(factOf(sheet.body, 'taxableIncome')).toMatchObject({
      value: 3_200_000,
      source: 'tax',
      isVerified: true,
      declared: { value: 2_500_000, period: lastYear },
    })
    expect(factOf(sheet.body, 'totalAssets')).toMatchObject({ value: 28_000_000, isVerified: true })
    // The bad row's enterprise got nothing (never half a row).
    const badSheet = await taxOfficer.get(`/api/v1/enterprises/${bad.id}/facts`)
    expect(factOf(badSheet.body, 'totalAssets').value).toBeNull()

    const again = await taxOfficer.post('/api/v1/facts/imports?source=tax', file)
    expect(again.body.rows[0].status).toBe('unchanged')

    const history = await member.get(`/api/v1/enterprises/${enterprise.id}/facts/history?key=taxableIncome`)
    expect(history.body.items.map((h: { source: string }) => h.source)).toEqual(['tax', 'declared'])
  })

  it('applies a file in bulk with every kind of value, the last of two rows for one enterprise winning', async () => {
    const firm = await buildEnterprise(t)
    const other = await buildEnterprise(t)
    const scj = await findDepartmentByCode(t, 'DL-SCJGJ')
    const officer = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: scj.id }))
    const file = csvFile([
      '统一社会信用代码,信用等级,从事国家限制和禁止行业,企业标签,成立日期,所属行业',
      `${firm.uscc},B级,是,high_tech,2010/3/5,C13`,
      `${other.uscc},A,否,"high_tech、gazelle",2012-01-09,i65`,
      `${firm.uscc},C,否,,,`,
    ])
    const res = await officer.post('/api/v1/facts/imports?source=market_regulation', file)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ rowsTotal: 3, rowsApplied: 3, rowsFailed: 0 })
    const mine = await officer.get(`/api/v1/enterprises/${firm.id}/facts`)
    expect(factOf(mine.body, 'creditTier')).toMatchObject({ value: 'C', source: 'market_regulation' })
    expect(factOf(mine.body, 'isRestrictedIndustry')).toMatchObject({ value: false, isVerified: true })
    expect(factOf(mine.body, 'tags')).toMatchObject({ value: ['high_tech'] })
    expect(factOf(mine.body, 'foundedOn')).toMatchObject({ value: '2010-03-05' })
    expect(factOf(mine.body, 'industryCode')).toMatchObject({ value: 'C13' })
    const theirs = await officer.get(`/api/v1/enterprises/${other.id}/facts`)
    expect(factOf(theirs.body, 'tags')).toMatchObject({ value: ['gazelle', 'high_tech'] }) // kept sorted
    expect(factOf(theirs.body, 'isRestrictedIndustry')).toMatchObject({ value: false })
    const history = await officer.get(`/api/v1/enterprises/${firm.id}/facts/history?key=creditTier`)
    expect(history.body.items).toHaveLength(1) // one value per enterprise, fact and year: the file's last row
    const again = await officer.post('/api/v1/facts/imports?source=market_regulation', file)
    expect(again.body.rows.map((r: { status: string }) => r.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
    ])
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res.body.id)
      .execute()
    expect(audit).toHaveLength(1) // one audit row for the import, with its counts
  })

  it('a column the source does not verify, or a department that does not verify the source, is refused', async () => {
    const wrongColumn = await taxOfficer.post(
      '/api/v1/facts/imports?source=tax',
      csvFile(['统一社会信用代码,所属年度,裁员率', `${enterprise.uscc},${lastYear},1%`]),
    )
    expect(wrongColumn.status).toBe(400)
    expect(wrongColumn.body.error.fields.file).toContain('裁员率')
    const notMine = await taxOfficer.post(
      '/api/v1/facts/imports?source=social_security',
      csvFile(['统一社会信用代码,所属年度,裁员率', `${enterprise.uscc},${lastYear},1%`]),
    )
    expect(notMine.status).toBe(403)
    const hr = await findDepartmentByCode(t, 'DL-RSJ')
    const hrOfficer = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: hr.id }))
    const ok = await hrOfficer.post(
      '/api/v1/facts/imports?source=social_security',
      csvFile(['统一社会信用代码,所属年度,裁员率,参保职工人数', `${enterprise.uscc},${lastYear},1.2%,118`]),
    )
    expect(ok.body.rows[0].status).toBe('applied')
    const list = await hrOfficer.get('/api/v1/facts/imports')
    expect(list.body.items.map((i: { source: string }) => i.source)).toEqual(['social_security'])
  })
})

// One enterprise's sheet is read in one statement (the instant decision's), many in three per 500
// (payout lists, matching): both must give the same sheet, for every enterprise the tests above made.
describe('one enterprise’s fact sheet in one read', () => {
  it('is the sheet the three reads make, for every demo enterprise', async () => {
    const db = t.deps.db
    const loaded = await keptFactSchema(db, db, cityCodeOf(t.deps), 0)
    const ids = (await db.selectFrom('enterprises').select('id').execute()).map((r) => r.id)
    const today = '2026-12-07'
    const many = await loadFactSheets(db, loaded, ids, today)
    let values = 0
    let own = 0
    for (const id of ids) {
      const rows = await q.findSheetRowsOf(db, id)
      expect(rows?.profile).toEqual((await q.findProfiles(db, [id]))[0])
      const byKey = <T extends { fact_key: string; period: string }>(list: T[]) =>
        [...list].sort((a, b) => `${a.fact_key}|${a.period}`.localeCompare(`${b.fact_key}|${b.period}`))
      expect(byKey(rows!.values)).toEqual(byKey(await q.findCurrentValues(db, [id])))
      expect(byKey(rows!.own)).toEqual(byKey(await q.findOwnDeclarations(db, [id])))
      values += rows!.values.length
      own += rows!.own.length
      const one = await loadFactSheet(db, loaded, id, today)
      const batch = many.get(id)!
      expect(one!.entries).toEqual(batch.entries)
      expect(one!.matchIndex).toBe(batch.matchIndex)
      for (const def of loaded.definitions) expect(one!.lookup(def.key)).toEqual(batch.lookup(def.key))
    }
    // the tests above stored values and own declarations, so both were compared, not only profiles
    expect(ids.length).toBeGreaterThan(0)
    expect(values).toBeGreaterThan(0)
    expect(own).toBeGreaterThan(0)
  })

  it('answers nothing for an enterprise that does not exist', async () => {
    expect(await q.findSheetRowsOf(t.deps.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined()
  })
})
