import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import {
  buildEnterprise,
  buildEnterpriseUser,
  readSmsCode,
  signInAs,
  signInEnterprise,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

let t: TestApp

beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const NUMBER = '3400200009100012345'
const OTHER = '2100013409024567891'
const BANK = '中国工商银行股份有限公司大连中山支行'
const path = (id: string) => `/api/v1/enterprises/${id}/settlement-account`

type Member = { client: TestClient; phone: string; userId: string }

async function member(enterpriseId: string, role: 'manager' | 'agent'): Promise<Member> {
  const user = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId], role })
  return { client: await signInEnterprise(t, user.phone), phone: user.phone, userId: user.id }
}

async function enterpriseWith(name = `大连结算测试${crypto.randomBytes(3).toString('hex')}有限公司`) {
  const e = await buildEnterprise(t, { name })
  return { id: e.id, name: e.name, uscc: e.uscc }
}

const body = (accountName: string, accountNumber = NUMBER, more: Record<string, unknown> = {}) => ({
  accountName,
  bankName: BANK,
  accountNumber,
  accountNumberConfirm: accountNumber,
  ...more,
})

async function inboxTitles(client: TestClient) {
  await t.deps.jobs.runQueued(DELIVER_QUEUE)
  return ((await client.get('/api/v1/inbox')).body.items as { title: string; body: string }[]).map(
    (n) => `${n.title}：${n.body}`,
  )
}

describe('giving the first settlement account', () => {
  it('refuses an account in another name, naming both names', async () => {
    const e = await enterpriseWith()
    const { client } = await member(e.id, 'manager')
    const res = await client.post(path(e.id), body('大连别家贸易有限公司'))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(res.body.error.fields)).toEqual(['accountName'])
    expect(res.body.error.fields.accountName).toContain('大连别家贸易有限公司')
    expect(res.body.error.fields.accountName).toContain(e.name)
    client.locale = 'en'
    const en = await client.post(path(e.id), body('张三'))
    expect(en.body.error.fields.accountName).toContain('is not the enterprise’s registered name')
    expect((await client.get(path(e.id))).body.current).toBeNull()
  })

  it('refuses bad numbers, a mistyped confirmation and a bank that is not a bank, every field at once', async () => {
    const e = await enterpriseWith()
    const { client } = await member(e.id, 'manager')
    const letters = await client.post(path(e.id), {
      accountName: e.name,
      bankName: '工行',
      accountNumber: '3400A00009100012345',
      accountNumberConfirm: '3400A00009100012345',
    })
    expect(letters.status).toBe(400)
    expect(Object.keys(letters.body.error.fields).sort()).toEqual(['accountNumber', 'bankName'])
    expect(letters.body.error.fields.accountNumber).toBe('账号只能是数字（可用空格或短横线分隔）')
    const short = await client.post(path(e.id), body(e.name, '12345678'))
    expect(short.body.error.fields).toEqual({ accountNumber: '账号应为 9 到 30 位数字' })
    const long = await client.post(path(e.id), body(e.name, '1'.repeat(31)))
    expect(Object.keys(long.body.error.fields)).toEqual(['accountNumber'])
    const mismatch = await client.post(path(e.id), {
      ...body(e.name),
      accountNumberConfirm: `${NUMBER.slice(0, -1)}6`,
    })
    expect(mismatch.body.error.fields).toEqual({ accountNumberConfirm: '两次输入的账号不一致，请核对' })
    const missing = await client.post(path(e.id), {})
    expect(Object.keys(missing.body.error.fields).sort()).toEqual([
      'accountName',
      'accountNumber',
      'accountNumberConfirm',
      'bankName',
    ])
  })

  it('takes the registered name however its brackets and spaces are typed; the number masked in every answer', async () => {
    const e = await enterpriseWith(`大连海港（集团）${crypto.randomBytes(2).toString('hex')}有限公司`)
    const manager = await member(e.id, 'manager')
    const typed = ` ${e.name.replace('（', '(').replace('）', ')')} `
    const res = await manager.client.post(path(e.id), body(typed, '3400 2000-0910 0012 345'))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      registeredName: e.name,
      problem: null,
      canSet: false,
      canChange: true,
      warnings: [],
      current: {
        version: 1,
        bankName: BANK,
        accountNumberMasked: '3400 **** **** 2345',
        lastFour: '2345',
        supersededAt: null,
        changeReason: null,
      },
      history: [],
    })
    expect(JSON.stringify(res.body)).not.toContain(NUMBER)
    const stored = await t.deps.db
      .selectFrom('settlement_accounts')
      .selectAll()
      .where('enterprise_id', '=', e.id)
      .executeTakeFirstOrThrow()
    expect(stored.account_number).toBe(NUMBER)
    // Members and staff read it masked; nobody else finds it.
    const read = await manager.client.get(path(e.id))
    expect(read.body.current.accountNumberMasked).toBe('3400 **** **** 2345')
    const staff = await signInAs(t, 'dispatcher')
    const staffRead = await staff.get(path(e.id))
    expect(staffRead.status).toBe(200)
    expect(staffRead.body).toMatchObject({ canSet: false, canChange: false })
    expect(JSON.stringify(staffRead.body)).not.toContain(NUMBER)
    const outsider = await signInAs(t, 'enterprise')
    expect((await outsider.get(path(e.id))).body.error.code).toBe('NOT_FOUND')
    // Given once: a second is refused, and the audit trail holds the masked number only.
    const again = await manager.client.post(path(e.id), body(e.name, OTHER))
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('SETTLEMENT_ACCOUNT_EXISTS')
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', e.id)
      .where('action', 'like', 'settlement_account.%')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['settlement_account.set'])
    expect(JSON.stringify(audit)).not.toContain(NUMBER)
  })

  it('an agent gives it too, and every manager is told', async () => {
    const e = await enterpriseWith()
    const manager = await member(e.id, 'manager')
    const agent = await member(e.id, 'agent')
    const res = await agent.client.post(path(e.id), body(e.name))
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ canSet: false, canChange: false })
    const told = await inboxTitles(manager.client)
    expect(told.some((n) => n.includes('企业结算账户已填写') && n.includes('3400 **** **** 2345'))).toBe(true)
  })

  it('warns of a card number whose check digit does not fit, and refuses nothing for it', async () => {
    const e = await enterpriseWith()
    const { client } = await member(e.id, 'manager')
    const res = await client.post(path(e.id), body(e.name, '6222021234567890123'))
    expect(res.status).toBe(201)
    expect(res.body.warnings).toEqual([
      { field: 'accountNumber', message: expect.stringContaining('校验位') },
    ])
  })

  it('compares with the market-regulation registry’s name, which a member cannot edit', async () => {
    const e = await enterpriseWith()
    await t.deps.db
      .insertInto('enterprise_registry')
      .values({
        uscc: e.uscc,
        name: `${e.name.replace('有限公司', '')}科技有限公司`,
        legal_representative: '张三',
      })
      .execute()
    const { client } = await member(e.id, 'manager')
    const profileName = await client.post(path(e.id), body(e.name))
    expect(profileName.status).toBe(400)
    expect(profileName.body.error.fields.accountName).toContain('科技有限公司')
    const registryName = await client.post(path(e.id), body(`${e.name.replace('有限公司', '')}科技有限公司`))
    expect(registryName.status).toBe(201)
  })

  it('answers a claim on an enterprise that does not exist with "not found" in the one error shape', async () => {
    const client = await signInAs(t, 'enterprise')
    const missing = crypto.randomUUID()
    for (const res of [
      await client.get(path(missing)),
      await client.post(path(missing), body('大连某某有限公司')),
    ]) {
      expect(res.status).toBe(404)
      expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
    }
    const bad = await client.get(path('not-a-uuid'))
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.fields)).toEqual(['id'])
  })
})

describe('changing it: a manager, with a reason and the code from their own phone', () => {
  let e: { id: string; name: string; uscc: string }
  let manager: Member
  let otherManager: Member
  let agent: Member

  beforeAll(async () => {
    e = await enterpriseWith()
    manager = await member(e.id, 'manager')
    otherManager = await member(e.id, 'manager')
    agent = await member(e.id, 'agent')
    expect((await agent.client.post(path(e.id), body(e.name))).status).toBe(201)
  })

  const change = (client: TestClient, code: string, more: Record<string, unknown> = {}) =>
    client.put(path(e.id), body(e.name, OTHER, { reason: '原开户行网点撤并', code, ...more }))

  it('refuses an agent, and a change without an account to change', async () => {
    expect((await agent.client.post(`${path(e.id)}/change-code`)).status).toBe(403)
    expect((await change(agent.client, '123456')).body.error.code).toBe('FORBIDDEN')
    const bare = await enterpriseWith()
    const bareManager = await member(bare.id, 'manager')
    const res = await bareManager.client.post(`${path(bare.id)}/change-code`)
    expect(res.body.error.code).toBe('SETTLEMENT_ACCOUNT_NOT_SET')
  })

  it('sends the code to the manager’s own phone, once a minute', async () => {
    const sent = await manager.client.post(`${path(e.id)}/change-code`)
    expect(sent.status).toBe(202)
    expect(sent.body.sentTo).toBe(`${manager.phone.slice(0, 3)}****${manager.phone.slice(-4)}`)
    const again = await manager.client.post(`${path(e.id)}/change-code`)
    expect(again.status).toBe(429)
    expect(again.body.error.code).toBe('RATE_LIMITED')
  })

  it('refuses another name and the same account again without spending the code; a wrong code counts', async () => {
    const code = await readSmsCode(t, manager.phone)
    const otherName = await change(manager.client, code, { accountName: '大连别家贸易有限公司' })
    expect(otherName.status).toBe(400)
    expect(otherName.body.error.fields.accountName).toContain(e.name)
    const same = await manager.client.put(path(e.id), body(e.name, NUMBER, { reason: '核对', code }))
    expect(Object.keys(same.body.error.fields)).toEqual(['accountNumber'])
    const noCode = await manager.client.put(path(e.id), body(e.name, OTHER, { reason: '原开户行网点撤并' }))
    expect(Object.keys(noCode.body.error.fields)).toEqual(['code'])
    const wrong = await change(manager.client, code === '000000' ? '111111' : '000000')
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.fields).toEqual({ code: '验证码错误或已过期，请重新获取' })
    const row = await t.deps.db
      .selectFrom('settlement_account_codes')
      .select(['attempts', 'used_at'])
      .where('user_id', '=', manager.userId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ attempts: 1, used_at: null })
  })

  it('changes it: the old account kept, every manager told, the audit masked', async () => {
    const code = await readSmsCode(t, manager.phone)
    const res = await change(manager.client, code)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.current).toMatchObject({
      version: 2,
      accountNumberMasked: '2100 **** **** 7891',
      changeReason: '原开户行网点撤并',
    })
    expect(res.body.history).toEqual([
      expect.objectContaining({
        version: 1,
        accountNumberMasked: '3400 **** **** 2345',
        supersededAt: expect.any(String),
      }),
    ])
    const rows = await t.deps.db
      .selectFrom('settlement_accounts')
      .select(['version', 'account_number', 'superseded_at'])
      .where('enterprise_id', '=', e.id)
      .orderBy('version')
      .execute()
    expect(rows.map((r) => [r.version, r.account_number, r.superseded_at !== null])).toEqual([
      [1, NUMBER, true],
      [2, OTHER, false],
    ])
    // The code is spent.
    expect(
      (await change(manager.client, code, { accountNumber: NUMBER, accountNumberConfirm: NUMBER })).status,
    ).toBe(400)
    for (const m of [manager, otherManager]) {
      const told = await inboxTitles(m.client)
      expect(told.some((n) => n.includes('企业结算账户已变更') && n.includes('2100 **** **** 7891'))).toBe(
        true,
      )
    }
    const sms = (await t.anonymous().get('/api/v1/dev/inbox')).body.items as { to: string; text: string }[]
    expect(
      sms.some(
        (m) =>
          m.to === otherManager.phone &&
          m.text.includes('变更为 中国工商银行股份有限公司大连中山支行 2100 **** **** 7891'),
      ),
    ).toBe(true)
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', e.id)
      .where('action', '=', 'settlement_account.change')
      .executeTakeFirstOrThrow()
    expect(audit.before).toMatchObject({ version: 1, accountNumber: '3400 **** **** 2345' })
    expect(audit.after).toMatchObject({
      version: 2,
      accountNumber: '2100 **** **** 7891',
      reason: '原开户行网点撤并',
    })
    expect(JSON.stringify(audit)).not.toContain(OTHER)
  })

  it('an expired code and a code after five wrong tries are refused', async () => {
    // A minute later, another code: expire it in the database, as ten minutes would.
    await t.deps.db
      .updateTable('settlement_account_codes')
      .set({ sent_at: new Date(Date.now() - 120_000) })
      .where('user_id', '=', otherManager.userId)
      .execute()
    expect((await otherManager.client.post(`${path(e.id)}/change-code`)).status).toBe(202)
    const code = await readSmsCode(t, otherManager.phone)
    const back = () =>
      otherManager.client.put(path(e.id), body(e.name, NUMBER, { reason: '改回原账户', code }))
    await t.deps.db
      .updateTable('settlement_account_codes')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', otherManager.userId)
      .execute()
    expect((await back()).body.error.fields).toEqual({ code: '验证码错误或已过期，请重新获取' })
    await t.deps.db
      .updateTable('settlement_account_codes')
      .set({ expires_at: new Date(Date.now() + 60_000), attempts: 5 })
      .where('user_id', '=', otherManager.userId)
      .execute()
    expect((await back()).status).toBe(400)
    const current = await otherManager.client.get(path(e.id))
    expect(current.body.current.version).toBe(2)
  })
})
