import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildEnterpriseUser, readSmsCode, signInAs, signInEnterprise } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import {
  buildBenefitWorld,
  corporateAccountNumber,
  FORM,
  giveAccount,
  key,
  PNG,
  runMatchJob,
  today,
  upload,
  type BenefitWorld,
  type Firm,
} from './benefits.factories'

/**
 * Money goes to the right account: no claim without the enterprise's settlement account, every payout
 * records the account it went to, everyone but the bank file reads the number masked.
 */
let t: TestApp
let w: BenefitWorld

beforeAll(async () => {
  t = await createTestApp()
  w = await buildBenefitWorld(t)
  await runMatchJob(t)
})
afterAll(() => t.close())

const consent = (f: Firm, itemId = w.items.noApp) =>
  f.client.post(`/api/v1/enterprises/${f.id}/claims/consent`, { itemId, idempotencyKey: key() })
const accountPath = (f: Firm) => `/api/v1/enterprises/${f.id}/settlement-account`

/** A workbook download with the client's session, opened. */
async function download(client: TestClient, path: string) {
  const res = await client.download(path)
  const book = new ExcelJS.Workbook()
  if (res.status === 200) await book.xlsx.load(await res.arrayBuffer())
  return { status: res.status, book }
}

async function fastMaterials(f: Firm) {
  return { license: [await upload(f.client)], bank_proof: [await upload(f.client, PNG, 'bank.png')] }
}

/** A manager of the firm changes its account the whole way: code, reason, number twice. */
async function changeAccount(f: Firm, accountNumber: string) {
  const manager = await buildEnterpriseUser(t, { enterpriseIds: [f.id], role: 'manager' })
  const client = await signInEnterprise(t, manager.phone)
  expect((await client.post(`${accountPath(f)}/change-code`)).status).toBe(202)
  const res = await client.put(accountPath(f), {
    accountName: f.name,
    bankName: '中国建设银行股份有限公司大连分行',
    accountNumber,
    accountNumberConfirm: accountNumber,
    reason: '更换开户行',
    code: await readSmsCode(t, manager.phone),
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.current.id as string
}

describe('no claim without a settlement account', () => {
  it('refuses a consent without one with a named code, and takes it once the account is given', async () => {
    const f = await w.firm(10_000_000, 50, { account: false })
    const refused = await consent(f)
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('SETTLEMENT_ACCOUNT_REQUIRED')
    expect(refused.body.error.message).toContain('结算账户')
    expect(
      await t.deps.db.selectFrom('benefit_claims').select('id').where('enterprise_id', '=', f.id).execute(),
    ).toEqual([])
    // An enterprise that may not claim at all is told that first, not sent to add an account.
    const big = await w.firm(10_000_000, 800, { account: false })
    expect((await consent(big)).body.error.code).toBe('BENEFIT_NOT_ELIGIBLE')
    await giveAccount(f)
    expect((await consent(f)).status).toBe(201)
  })

  it('refuses an application without one too', async () => {
    const f = await w.firm(10_000_000, 50, { account: false })
    const res = await f.client.post(`/api/v1/enterprises/${f.id}/claims/apply`, {
      itemId: w.items.fast,
      idempotencyKey: key(),
      form: FORM,
      materials: await fastMaterials(f),
    })
    expect(res.body.error.code).toBe('SETTLEMENT_ACCOUNT_REQUIRED')
  })

  it('answers a claim for an enterprise that does not exist with "not found" in the one error shape', async () => {
    const f = await w.firm(10_000_000)
    const nobody = crypto.randomUUID()
    const consented = await f.client.post(`/api/v1/enterprises/${nobody}/claims/consent`, {
      itemId: w.items.noApp,
      idempotencyKey: key(),
    })
    const applied = await f.client.post(`/api/v1/enterprises/${nobody}/claims/apply`, {
      itemId: w.items.fast,
      idempotencyKey: key(),
      form: FORM,
    })
    for (const res of [consented, applied]) {
      expect(res.status).toBe(404)
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: '未找到，或无权查看' } })
    }
  })

  it('refuses a claim once the registered name no longer matches the account, naming both', async () => {
    const f = await w.firm(10_000_000)
    const enterprise = (await f.client.get(`/api/v1/enterprises/${f.id}`)).body
    const renamed = await f.client.patch(`/api/v1/enterprises/${f.id}`, {
      version: enterprise.version,
      name: `${f.name.replace('有限公司', '')}控股有限公司`,
    })
    expect(renamed.status).toBe(200)
    const res = await consent(f)
    expect(res.body.error.code).toBe('SETTLEMENT_ACCOUNT_NAME_MISMATCH')
    expect(res.body.error.message).toContain(f.name)
    expect(res.body.error.message).toContain('控股有限公司')
    expect((await f.client.get(accountPath(f))).body.problem).toBe('name_mismatch')
  })

  it('the application form takes no bank account of its own: one given must be the settlement account’s', async () => {
    const f = await w.firm(10_000_000)
    const { accountNumber } = (await t.deps.db
      .selectFrom('settlement_accounts')
      .select('account_number as accountNumber')
      .where('enterprise_id', '=', f.id)
      .executeTakeFirstOrThrow()) as { accountNumber: string }
    const other = await f.client.post(`/api/v1/enterprises/${f.id}/claims/apply`, {
      itemId: w.items.fast,
      idempotencyKey: key(),
      form: { ...FORM, bankName: '某银行', bankAccount: '6222020000000000001' },
      materials: await fastMaterials(f),
    })
    expect(other.status).toBe(400)
    expect(Object.keys(other.body.error.fields)).toEqual(['form.bankAccount'])
    expect(other.body.error.fields['form.bankAccount']).toContain(`**** ${accountNumber.slice(-4)}`)
    // An older client sending the very number is accepted; the claim keeps no bank account.
    const same = await f.client.post(`/api/v1/enterprises/${f.id}/claims/apply`, {
      itemId: w.items.fast,
      idempotencyKey: key(),
      form: { ...FORM, bankName: '中国工商银行', bankAccount: accountNumber.replace(/(\d{4})/g, '$1 ') },
      materials: await fastMaterials(f),
    })
    expect(same.status, JSON.stringify(same.body)).toBe(201)
    expect(same.body.form).toEqual({ ...FORM, statement: '' })
    expect(same.body.settlementAccount).toMatchObject({
      problem: null,
      account: { lastFour: accountNumber.slice(-4) },
    })
    expect(JSON.stringify(same.body)).not.toContain(accountNumber)
  })
})

describe('a payout records the account it was paid to', () => {
  let a: Firm
  let b: Firm
  let aNumber: string
  let claimA: string
  let claimB: string

  beforeAll(async () => {
    a = await w.firm(10_000_000, 50, { account: false })
    aNumber = (await giveAccount(a)).accountNumber
    b = await w.firm(20_000_000)
    claimA = (await consent(a)).body.id
    claimB = (await consent(b)).body.id
  })

  it('the payout list shows where each consent would be paid, masked', async () => {
    const list = await w.head.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)
    const row = list.body.claims.find((c: { claimId: string }) => c.claimId === claimA)
    expect(row).toMatchObject({
      accountProblem: null,
      account: { bankName: '中国工商银行股份有限公司大连中山支行', lastFour: aNumber.slice(-4), version: 1 },
    })
    expect(row.account.accountNumberMasked).toBe(`3400 **** **** ${aNumber.slice(-4)}`)
    expect(JSON.stringify(list.body)).not.toContain(aNumber)
  })

  it('refuses a list whose account changed since the head read it, and pays nothing', async () => {
    const list = await w.head.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)
    const seen = list.body.claims.map((c: { claimId: string; account: { id: string } }) => ({
      claimId: c.claimId,
      accountId: c.account.id,
    }))
    await changeAccount(b, corporateAccountNumber())
    const res = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      paidOn: today(),
      claimIds: [claimA, claimB],
      accounts: seen,
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('SETTLEMENT_ACCOUNT_CHANGED')
    expect(Object.keys(res.body.error.fields)).toEqual(['claimIds.1'])
    expect(await t.deps.db.selectFrom('benefit_payouts').select('id').execute()).toEqual([])
  })

  it('refuses a consent whose account no longer carries the registered name, naming the claim', async () => {
    const c = await w.firm(10_000_000)
    const claimC = (await consent(c)).body.id
    const enterprise = (await c.client.get(`/api/v1/enterprises/${c.id}`)).body
    await c.client.patch(`/api/v1/enterprises/${c.id}`, { version: enterprise.version, name: `${c.name}二` })
    const list = await w.head.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)
    expect(list.body.claims.find((x: { claimId: string }) => x.claimId === claimC).accountProblem).toBe(
      'name_mismatch',
    )
    const res = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      paidOn: today(),
      claimIds: [claimA, claimC],
    })
    expect(res.body.error.code).toBe('SETTLEMENT_ACCOUNT_REQUIRED')
    expect(res.body.error.fields).toEqual({ 'claimIds.1': expect.stringContaining(`${c.name}二`) })
    await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      paidOn: today(),
      exclusions: [{ claimId: claimC, reason: '账户户名与登记名称不一致' }],
    })
  })

  it('a confirmed list keeps each account as it was; the page’s next read is already the new state', async () => {
    const list = await w.head.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)
    const accounts = list.body.claims
      .filter((c: { claimId: string }) => c.claimId === claimA || c.claimId === claimB)
      .map((c: { claimId: string; account: { id: string } }) => ({
        claimId: c.claimId,
        accountId: c.account.id,
      }))
    const res = await w.head.post(`/api/v1/benefits/items/${w.items.noApp}/payout-batches`, {
      paidOn: today(),
      claimIds: [claimA, claimB],
      accounts,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const payout = await t.deps.db
      .selectFrom('benefit_payouts')
      .selectAll()
      .where('claim_id', '=', claimA)
      .executeTakeFirstOrThrow()
    expect(payout).toMatchObject({
      account_version: 1,
      account_name: a.name,
      bank_name: '中国工商银行股份有限公司大连中山支行',
      account_number: aNumber,
    })
    // The next read answers the new state: nothing waiting, the amount paid counted.
    const after = await w.head.get(`/api/v1/benefits/items/${w.items.noApp}/payout-list`)
    expect(after.body.totals.claims).toBe(list.body.totals.claims - 2)
    expect(after.body.claims.map((c: { claimId: string }) => c.claimId)).not.toContain(claimA)
    expect(after.body.budget.used).toBe(100_000)
    const evaluation = await w.head.get('/api/v1/benefits/evaluation')
    const item = evaluation.body.items.find((i: { itemId: string }) => i.itemId === w.items.noApp)
    expect(item).toMatchObject({ paid: 2, amountPaid: 100_000 })

    // A later change of the account never rewrites where the money went.
    const newNumber = corporateAccountNumber()
    await changeAccount(a, newNumber)
    const mine = await a.client.get(`/api/v1/enterprises/${a.id}/claims/${claimA}`)
    expect(mine.body.payout.account).toMatchObject({
      version: 1,
      accountNumberMasked: `3400 **** **** ${aNumber.slice(-4)}`,
      bankName: '中国工商银行股份有限公司大连中山支行',
    })
    expect(mine.body.settlementAccount.account).toMatchObject({ version: 2, lastFour: newNumber.slice(-4) })
    const pay = mine.body.timeline.find((e: { type: string }) => e.type === 'pay')
    expect(pay.data).toEqual({
      amount: 50_000,
      paidOn: today(),
      bankName: '中国工商银行股份有限公司大连中山支行',
      accountNumberMasked: `3400 **** **** ${aNumber.slice(-4)}`,
    })
    expect(JSON.stringify(mine.body)).not.toContain(aNumber)
    const staff = await w.head.get(`/api/v1/benefits/claims/${claimA}`)
    expect(staff.body.payout.account.version).toBe(1)
    expect(JSON.stringify(staff.body)).not.toContain(aNumber)
  })

  it('the bank file carries the whole number for the paying department only, and its export is audited', async () => {
    const batch = await t.deps.db
      .selectFrom('benefit_payouts')
      .select('batch_id')
      .where('claim_id', '=', claimA)
      .executeTakeFirstOrThrow()
    const res = await download(w.head, `/api/v1/benefits/payouts.xlsx?batchId=${batch.batch_id}`)
    expect(res.status).toBe(200)
    const sheet = res.book.worksheets[0]!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(header).toContain('账号')
    const numbers: string[] = []
    sheet.eachRow((row, i) => {
      if (i > 1) numbers.push(String(row.getCell(7).value))
    })
    expect(numbers).toContain(aNumber)
    expect(numbers).toHaveLength(2)
    const other = await download(w.otherHead, `/api/v1/benefits/payouts.xlsx?batchId=${batch.batch_id}`)
    expect(other.book.worksheets[0]!.rowCount).toBe(1)
    expect((await a.client.get(`/api/v1/benefits/payouts.xlsx?batchId=${batch.batch_id}`)).status).toBe(403)
    const dispatcher = await signInAs(t, 'dispatcher')
    expect((await dispatcher.get('/api/v1/benefits/payouts.xlsx')).status).toBe(403)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('action', '=', 'benefit_payouts.export_ledger')
      .execute()
    expect(audit[0]!.after).toMatchObject({ batchId: batch.batch_id, payouts: 2 })
  })

  it('a single payout records the account too, and refuses one the payer did not see', async () => {
    const f = await w.firm(10_000_000)
    const applied = await f.client.post(`/api/v1/enterprises/${f.id}/claims/apply`, {
      itemId: w.items.fast,
      idempotencyKey: key(),
      form: FORM,
      materials: await fastMaterials(f),
    })
    expect(applied.status, JSON.stringify(applied.body)).toBe(201)
    const id = applied.body.id
    expect((await w.handler.post(`/api/v1/benefits/claims/${id}/decision`, { approve: true })).status).toBe(
      200,
    )
    const seen = (await w.handler.get(`/api/v1/benefits/claims/${id}`)).body.settlementAccount.account.id
    const newNumber = corporateAccountNumber()
    const changed = await changeAccount(f, newNumber)
    const stale = await w.handler.post(`/api/v1/benefits/claims/${id}/payout`, {
      paidOn: today(),
      accountId: seen,
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('SETTLEMENT_ACCOUNT_CHANGED')
    const paid = await w.handler.post(`/api/v1/benefits/claims/${id}/payout`, {
      paidOn: today(),
      accountId: changed,
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(200)
    expect(paid.body.payout.account).toMatchObject({
      accountId: changed,
      version: 2,
      lastFour: newNumber.slice(-4),
    })
    const row = await t.deps.db
      .selectFrom('benefit_payouts')
      .select(['account_number', 'account_version'])
      .where('claim_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ account_number: newNumber, account_version: 2 })
  })
})
