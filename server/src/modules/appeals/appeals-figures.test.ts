import { cityDate } from '../../../test/city-clock'
import ExcelJS from 'exceljs'
import { rebuildAppealReadModel } from './appeal-settings.service'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appealBody, buildAppealWorld, fileAndDispatch, type AppealWorld } from './appeals.factories'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

/**
 * A month in which everything that counts happens once, checked against docs/METRICS.md by hand:
 *   1 solved and rated 5 · 2 reopened, then solved and rated 4 · 3 returned by A, re-dispatched to B
 *   4 withdrawn · 5 solved and rated 3
 */
let t: TestApp
let w: AppealWorld
let leader: TestClient
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
  leader = await signInAs(t, 'bureau_leader')

  const reply = (id: string) =>
    w.handlerA.post(`/api/v1/appeals/${id}/reply`, { body: '已办理完毕，答复如下。', attachmentIds: [] })
  const one = await fileAndDispatch(w)
  await w.handlerA.post(`/api/v1/appeals/${one}/sign-for`)
  await w.handlerA.post(`/api/v1/appeals/${one}/contact`, {
    method: 'phone',
    contactPerson: '王经理',
    note: '已电话联系',
    noteAudience: 'internal',
  })
  await reply(one)
  await w.enterpriseUser.post(`/api/v1/appeals/${one}/rating`, { solved: true, level: 5 })

  const two = await fileAndDispatch(w)
  await w.handlerA.post(`/api/v1/appeals/${two}/sign-for`)
  await reply(two)
  await w.enterpriseUser.post(`/api/v1/appeals/${two}/rating`, {
    solved: false,
    level: null,
    comment: '没有解决',
  })
  await reply(two)
  await w.enterpriseUser.post(`/api/v1/appeals/${two}/rating`, { solved: true, level: 4 })

  const three = await fileAndDispatch(w)
  await w.handlerA.post(`/api/v1/appeals/${three}/return`, { reason: '不属于本部门' })
  await w.dispatcher.post(`/api/v1/appeals/${three}/dispatch`, { leadDepartmentId: w.departments.b.id })

  const four = await fileAndDispatch(w)
  await w.enterpriseUser.post(`/api/v1/appeals/${four}/withdraw`, { reason: '已自行解决' })

  const five = await fileAndDispatch(w)
  await w.handlerA.post(`/api/v1/appeals/${five}/sign-for`)
  await reply(five)
  await w.enterpriseUser.post(`/api/v1/appeals/${five}/rating`, { solved: true, level: 3 })
})
afterAll(() => t.close())

const today = () => cityDate(0)
const tomorrow = () => cityDate(1)
const month = () => today().slice(0, 7)

describe('the figures', () => {
  it('are the published formulas applied to what happened', async () => {
    const res = await leader.get(`/api/v1/appeals/figures?from=${today()}&to=${tomorrow()}`)
    expect(res.status).toBe(200)
    const a = res.body.departments.find(
      (d: { departmentId: string }) => d.departmentId === w.departments.a.id,
    )
    expect(a).toMatchObject({
      dispatched: 4,
      withdrawn: 1,
      response: { numerator: 3, denominator: 3, value: 1 }, // the withdrawn appeal's clock is void, not "met"
      resolution: { numerator: 3, denominator: 3, value: 1 },
      satisfaction: { numerator: 3, denominator: 3, value: 1 },
      ratingCoverage: { numerator: 3, denominator: 3, value: 1 },
      reopen: { numerator: 1, denominator: 3 },
      bounce: { numerator: 1, denominator: 5 },
      onTime: { numerator: 4, denominator: 4, value: 1 },
      ratings: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 },
      score: 100,
    })
    const b = res.body.departments.find(
      (d: { departmentId: string }) => d.departmentId === w.departments.b.id,
    )
    expect(b).toMatchObject({
      dispatched: 1,
      bounce: { numerator: 0, denominator: 1 },
      resolution: { denominator: 0, value: null },
      score: null,
    })
    expect(res.body.city).toMatchObject({
      dispatched: 5,
      withdrawn: 1,
      bounce: { numerator: 1, denominator: 6 },
    })
    expect(res.body.weights).toEqual({ response: 0.1, resolution: 0.45, satisfaction: 0.45 })
  })

  it('the read model rebuilt from history gives the same figures as the one kept on every write', async () => {
    const url = `/api/v1/appeals/figures?from=${today()}&to=${tomorrow()}`
    const kept = (await leader.get(url)).body
    await t.deps.db
      .updateTable('appeals')
      .set({
        lead_department_id: null,
        next_due_at: null,
        latest_solved: null,
        latest_level: null,
        first_contact_met: null,
        resolution_met: 0,
        resolution_missed: 0,
      })
      .execute()
    await rebuildAppealReadModel(t.deps)
    expect((await leader.get(url)).body).toEqual(kept)
  })

  it('a department head sees the city and their own department only', async () => {
    const res = await w.headA.get(`/api/v1/appeals/figures?from=${today()}&to=${tomorrow()}`)
    expect(res.body.departments.map((d: { departmentId: string }) => d.departmentId)).toEqual([
      w.departments.a.id,
    ])
    expect(res.body.city.dispatched).toBe(5)
    expect((await w.handlerA.get(`/api/v1/appeals/figures?from=${today()}&to=${tomorrow()}`)).status).toBe(
      403,
    )
  })

  it('ranks the month with raw numbers and exports the same rows and the formulas to xlsx', async () => {
    const ranking = await leader.get(`/api/v1/appeals/ranking?month=${month()}`)
    expect(ranking.body.rows[0]).toMatchObject({ rank: 1, departmentId: w.departments.a.id, score: 100 })
    const res = await leader.download(`/api/v1/appeals/ranking.xlsx?month=${month()}`)
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(await res.arrayBuffer())
    const sheet = book.worksheets[0]!
    expect(sheet.getRow(2).getCell(2).value).toBe(w.departments.a.name)
    expect(sheet.getRow(2).getCell(3).value).toBe(4)
    expect(book.worksheets[1]!.name).toBe('公式')
    // The columns read as the figures page does.
    const headers = (sheet.getRow(1).values as unknown[]).filter(Boolean)
    expect(headers.slice(0, 5)).toEqual(['名次', '部门', '派单量', '综合得分', '响应率'])
    expect(headers).toContain('评价覆盖率')
    // …in the caller's language.
    const english = await leader.download(`/api/v1/appeals/ranking.xlsx?month=${month()}`, {
      'accept-language': 'en',
    })
    const englishBook = new ExcelJS.Workbook()
    await englishBook.xlsx.load(await english.arrayBuffer())
    expect((englishBook.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean).slice(0, 3)).toEqual([
      'Rank',
      'Department',
      'Dispatched',
    ])
  })

  it('lists withdrawals per department for audit', async () => {
    const res = await leader.get(`/api/v1/appeals/withdrawals?from=${today()}&to=${tomorrow()}`)
    expect(res.body.items[0]).toMatchObject({ departmentId: w.departments.a.id, count: 1 })
    expect(res.body.items[0].appeals[0].reason).toBe('已自行解决')
  })

  it('refuses a period that is empty or longer than a year', async () => {
    expect((await leader.get(`/api/v1/appeals/figures?from=${today()}&to=${today()}`)).status).toBe(400)
    expect((await leader.get('/api/v1/appeals/figures?from=2024-01-01&to=2026-01-01')).status).toBe(400)
  })
})

void appealBody
