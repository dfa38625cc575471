import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  findDepartmentByCode,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

// The credit tier is never invented: unknown until the market-regulation department's data gives it.
let t: TestApp
let enterprise: { id: string; uscc: string }
let member: TestClient
let marketOfficer: TestClient
let taxOfficer: TestClient
beforeAll(async () => {
  t = await createTestApp()
  enterprise = await buildEnterprise(t)
  member = await signInEnterprise(t, (await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })).phone)
  const market = await findDepartmentByCode(t, 'DL-SCJGJ')
  marketOfficer = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: market.id }))
  const tax = await findDepartmentByCode(t, 'DL-TAX')
  taxOfficer = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: tax.id }))
})
afterAll(() => t.close())

function csvFile(lines: string[]) {
  const form = new FormData()
  form.set('file', new File([lines.join('\n')], 'credit.csv'))
  return form
}

const factOf = (body: { facts: { key: string }[] }, key: string) =>
  body.facts.find((f) => f.key === key) as Record<string, unknown>

/** What the rule editor's preview says of 信用等级 = A级 for the enterprise: pass, fail or missing. */
async function previewTierA(): Promise<string> {
  const res = await taxOfficer.post('/api/v1/policies/rules/check', {
    rule: '信用等级 = A级',
    enterpriseId: enterprise.id,
  })
  expect(res.status).toBe(200)
  return res.body.preview.result
}

describe('the credit tier', () => {
  it('is unknown by default: no tier on the enterprise, none among its facts, and a rule on it is undetermined', async () => {
    expect((await member.get(`/api/v1/enterprises/${enterprise.id}`)).body.creditTier).toBeNull()
    const sheet = await member.get(`/api/v1/enterprises/${enterprise.id}/facts`)
    expect(factOf(sheet.body, 'creditTier')).toMatchObject({ value: null, source: null })
    expect(await previewTierA()).toBe('missing')
  })

  it('the enterprise cannot declare it, and cannot set it on its profile', async () => {
    const declared = await member.post(`/api/v1/enterprises/${enterprise.id}/facts`, {
      facts: [{ key: 'creditTier', value: 'A' }],
    })
    expect(declared.status).toBe(400)
    expect(Object.keys(declared.body.error.fields)).toEqual(['facts.0.key'])
    const patched = await member.patch(`/api/v1/enterprises/${enterprise.id}`, {
      version: 1,
      creditTier: 'A',
    })
    expect(patched.status).toBe(400)
    expect(Object.keys(patched.body.error.fields)).toEqual(['creditTier'])
    expect((await member.get(`/api/v1/enterprises/${enterprise.id}`)).body.creditTier).toBeNull()
  })

  it('another department’s data file cannot carry it', async () => {
    const res = await taxOfficer.post(
      '/api/v1/facts/imports?source=tax',
      csvFile(['统一社会信用代码,信用等级', `${enterprise.uscc},A`]),
    )
    expect(res.status).toBe(400)
    expect(res.body.error.fields.file).toContain('信用等级')
  })

  it('is set by the market-regulation department’s import, and shows where it came from', async () => {
    const other = await buildEnterprise(t)
    const res = await marketOfficer.post(
      '/api/v1/facts/imports?source=market_regulation',
      csvFile(['统一社会信用代码,信用等级', `${enterprise.uscc},A级`, `${other.uscc},E`]),
    )
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ rowsApplied: 1, rowsFailed: 1 })
    expect(Object.keys(res.body.rows[1].errors)).toEqual(['信用等级'])

    const shown = await member.get(`/api/v1/enterprises/${enterprise.id}`)
    expect(shown.body.creditTier).toEqual({
      tier: 'A',
      source: 'market_regulation',
      importId: res.body.id,
      recordedAt: expect.any(String),
    })
    const sheet = await member.get(`/api/v1/enterprises/${enterprise.id}/facts`)
    expect(factOf(sheet.body, 'creditTier')).toMatchObject({
      value: 'A',
      source: 'market_regulation',
      isVerified: true,
    })
    expect(await previewTierA()).toBe('pass')
    // the refused row set nothing
    expect((await taxOfficer.get(`/api/v1/enterprises/${other.id}`)).body.creditTier).toBeNull()
  })

  it('a later import replaces it, and the history keeps both with their imports', async () => {
    const res = await marketOfficer.post(
      '/api/v1/facts/imports?source=market_regulation',
      csvFile(['统一社会信用代码,信用等级', `${enterprise.uscc},C`]),
    )
    expect(res.body.rowsApplied).toBe(1)
    const shown = await taxOfficer.get(`/api/v1/enterprises/${enterprise.id}`)
    expect(shown.body.creditTier).toMatchObject({ tier: 'C', importId: res.body.id })
    expect(await previewTierA()).toBe('fail')
    const history = await member.get(`/api/v1/enterprises/${enterprise.id}/facts/history?key=creditTier`)
    expect(
      history.body.items.map((i: { value: string; isCurrent: boolean }) => [i.value, i.isCurrent]),
    ).toEqual([
      ['C', true],
      ['A', false],
    ])
  })
})
