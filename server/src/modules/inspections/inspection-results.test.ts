import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { localDate } from '../../kernel/calendar/zoned-time'
import { createTestApp, type TestApp } from '../../../test/harness'
import {
  buildResultWorld,
  checkInDirectly,
  insertInspection,
  type ResultWorld,
} from './inspection-results.factories'
import { planDueRechecks } from './inspection-results.service'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  findDepartmentByCode,
} from '../../../test/factories'
import { computeResultFigures, seedDemoInspectionResults } from './index'

/**
 * The result step through HTTP on a real database (issue 14 item 4): the lists and their look-up, the
 * result form's refusals (nothing written), leniency with its conditions and the earlier-offence rule,
 * the enterprise's view, the re-check sweep under a pinned clock and the chain that closes.
 */
const RESULTS = '/api/v1/inspection-results'
const INSPECTIONS = '/api/v1/inspections'
// Tuesday 10 March 2026, 10:00 in Dalian: no holiday in the next weeks.
const PINNED = new Date('2026-03-10T02:00:00Z')

let t: TestApp
let w: ResultWorld
let entries: { id: string; code: string; conditions: { key: string }[] }[]
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(PINNED)
  t = await createTestApp()
  w = await buildResultWorld(t)
  const res = await w.inspector.get(`${RESULTS}/leniency-lookup`)
  entries = res.body.entries
})
afterAll(async () => {
  vi.useRealTimers()
  await t.close()
})

const entry = (code: string) => entries.find((e) => e.code === code)!
const db = () => t.deps.db

/** What a refused request must leave as it was: the inspection, its result, its audit trail. */
async function snapshot(id: string) {
  const inspection = await db()
    .selectFrom('inspections')
    .select(['status', 'version'])
    .where('id', '=', id)
    .executeTakeFirst()
  const results = await db()
    .selectFrom('inspection_results')
    .select('inspection_id')
    .where('inspection_id', '=', id)
    .execute()
  const problems = await db()
    .selectFrom('inspection_problems')
    .select('id')
    .where('inspection_id', '=', id)
    .execute()
  const audit = await db().selectFrom('audit_log').select('id').where('entity_id', '=', id).execute()
  return { inspection, results: results.length, problems: problems.length, audit: audit.length }
}

const leniencyProblem = (over: Record<string, unknown> = {}) => ({
  description: '营业执照未置于经营场所醒目位置',
  provision: '《市场主体登记管理条例》第三十六条',
  decision: 'leniency',
  leniencyEntryId: entry('SAMR-FO-01').id,
  confirmedConditions: ['first_offence', 'minor_harm', 'corrected_in_time'],
  correction: '将营业执照正本悬挂于经营场所醒目位置',
  correctionWorkingDays: 5,
  ...over,
})

describe('the no-penalty lists', () => {
  it('holds the national lists: 8 first-offence and 4 minor-offence types, each with its conditions', async () => {
    const national = entries.filter((e) => e.code.startsWith('SAMR-'))
    expect(national.filter((e) => e.code.startsWith('SAMR-FO-'))).toHaveLength(8)
    expect(national.filter((e) => e.code.startsWith('SAMR-MO-'))).toHaveLength(4)
    for (const e of national) expect(e.conditions.length).toBeGreaterThanOrEqual(3)
    const found = await w.inspector.get(
      `${RESULTS}/leniency-lookup?q=${encodeURIComponent('营业执照')}&list=first_offence`,
    )
    expect(found.body.entries.map((e: { code: string }) => e.code)).toContain('SAMR-FO-01')
    expect(found.body.entries.every((e: { list: string }) => e.list === 'first_offence')).toBe(true)
    expect((await w.member.get(`${RESULTS}/leniency-lookup`)).status).toBe(403)
  })

  it('lets the administrator add a local entry and version it from an effective date', async () => {
    const local = {
      code: 'DL-FO-01',
      list: 'first_offence',
      scope: 'municipal',
      title: '户外广告设施未按规定设置安全警示标识',
      provision: '《大连市户外广告设施管理条例》第十九条',
      conditions: [
        { key: 'first_offence', text: '两年内无同类违法记录' },
        { key: 'no_harm', text: '未造成安全事故' },
      ],
      source: '大连市市场监管领域首违不罚清单（测试）',
      issuer: '大连市市场监督管理局',
      effectiveOn: '2026-01-01',
    }
    expect((await w.inspector.post(`${RESULTS}/leniency-entries`, local)).status).toBe(403)
    const v1 = await w.admin.post(`${RESULTS}/leniency-entries`, local)
    expect(v1.status).toBe(201)
    expect(v1.body).toMatchObject({ code: 'DL-FO-01', version: 1, scope: 'municipal', textVerified: false })
    const v2 = await w.admin.post(`${RESULTS}/leniency-entries`, {
      ...local,
      title: '户外广告设施未按规定设置安全警示标识（修订）',
      effectiveOn: '2026-06-01',
    })
    expect(v2.body.version).toBe(2)
    const before = await w.inspector.get(`${RESULTS}/leniency-lookup?q=DL-FO-01&on=2026-03-10`)
    expect(before.body.entries.map((e: { version: number }) => e.version)).toEqual([1])
    const after = await w.inspector.get(`${RESULTS}/leniency-lookup?q=DL-FO-01&on=2026-07-01`)
    expect(after.body.entries.map((e: { version: number }) => e.version)).toEqual([2])
    // A national code is not versioned here; a condition named twice is a field error.
    expect(
      (await w.admin.post(`${RESULTS}/leniency-entries`, { ...local, code: 'SAMR-FO-01' })).body.error.code,
    ).toBe('LENIENCY_ENTRY_NATIONAL')
    const twice = await w.admin.post(`${RESULTS}/leniency-entries`, {
      ...local,
      conditions: [local.conditions[0], local.conditions[0]],
    })
    expect(twice.body.error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(Object.keys(twice.body.error.fields)).toEqual(['conditions'])
  })
})

describe('recording a result', () => {
  it('refuses the wrong role, the wrong state, an unknown entry, unconfirmed conditions and a missing reason — writing nothing', async () => {
    const insp = await insertInspection(t, w)
    const planned = await insertInspection(t, w, { status: 'approved' })
    const before = await snapshot(insp.id)
    const body = { version: insp.version, outcome: 'problem_found', problems: [leniencyProblem()] }
    const code = async (client: typeof w.inspector, id: string, b: unknown) =>
      (await client.post(`${INSPECTIONS}/${id}/result`, b)).body.error

    expect((await code(w.handler, insp.id, body)).code).toBe('FORBIDDEN')
    expect((await code(w.member, insp.id, body)).code).toBe('FORBIDDEN')
    // An inspector who is not on the inspection does not learn that it exists.
    expect((await code(w.outsider, insp.id, body)).code).toBe('NOT_FOUND')
    expect((await code(w.inspector, planned.id, { ...body, version: planned.version })).code).toBe(
      'INSPECTION_NOT_CHECKED_IN',
    )
    expect((await code(w.inspector, insp.id, { ...body, version: insp.version + 1 })).code).toBe(
      'VERSION_CONFLICT',
    )
    const unknown = await code(w.inspector, insp.id, {
      ...body,
      problems: [leniencyProblem({ leniencyEntryId: crypto.randomUUID() })],
    })
    expect(unknown).toMatchObject({ code: 'LENIENCY_ENTRY_UNKNOWN' })
    expect(Object.keys(unknown.fields)).toEqual(['problems.0.leniencyEntryId'])
    const unconfirmed = await code(w.inspector, insp.id, {
      ...body,
      problems: [leniencyProblem({ confirmedConditions: ['first_offence', 'minor_harm'] })],
    })
    expect(unconfirmed.code).toBe('LENIENCY_CONDITIONS_NOT_MET')
    expect(unconfirmed.fields['problems.0.confirmedConditions']).toContain('在责令改正期限内改正')
    const noReason = await code(w.inspector, insp.id, {
      ...body,
      problems: [leniencyProblem({ decision: 'not_applied' })],
    })
    expect(noReason.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(noReason.fields)).toEqual(['problems.0.reason'])
    const penaltyWithoutWhat = await code(w.inspector, insp.id, {
      ...body,
      problems: [leniencyProblem({ decision: 'penalty', leniencyEntryId: undefined, reason: '拒不改正' })],
    })
    expect(Object.keys(penaltyWithoutWhat.fields)).toEqual(['problems.0.penalty'])
    const noProblems = await code(w.inspector, insp.id, { version: insp.version, outcome: 'problem_found' })
    expect(Object.keys(noProblems.fields)).toEqual(['problems'])

    expect(await snapshot(insp.id)).toEqual(before)
    expect(await snapshot(planned.id)).toMatchObject({ results: 0, problems: 0, audit: 0 })
  })

  it('closes an inspection with no problem at once', async () => {
    const insp = await insertInspection(t, w)
    const res = await w.inspector2.post(`${INSPECTIONS}/${insp.id}/result`, {
      version: insp.version,
      outcome: 'no_problem',
      summary: '经营场所、证照公示均符合要求',
    })
    expect(res.status).toBe(200)
    expect(res.body.inspection.status).toBe('closed')
    expect(res.body.result).toMatchObject({ outcome: 'no_problem', recheckDueAt: null, problems: [] })
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', insp.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['inspection.record_result', 'inspection.close'])
  })

  it('records leniency and a penalty, gives every problem a correction deadline in working days, and shows the enterprise an allow-list', async () => {
    const insp = await insertInspection(t, w)
    const res = await w.inspector.post(`${INSPECTIONS}/${insp.id}/result`, {
      version: insp.version,
      outcome: 'problem_found',
      summary: '发现两项问题，已当场责令改正',
      internalNote: '店主态度配合；第二项系上次约谈后仍未整改（内部）',
      problems: [
        leniencyProblem(),
        {
          description: '销售过期预包装食品',
          provision: '《食品安全法》第三十四条',
          decision: 'penalty',
          reason: '涉及食品安全底线，不属免罚情形',
          penalty: '没收违法所得，罚款 5000 元',
          correction: '下架并销毁过期食品，建立临期食品检查台账',
          correctionWorkingDays: 10,
        },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.body.inspection.status).toBe('result_recorded')
    const [p1, p2] = res.body.result.problems
    expect(p1).toMatchObject({ decision: 'leniency', earlierProblemId: null, correctionStatus: 'open' })
    expect(p1.leniencyEntry).toMatchObject({ code: 'SAMR-FO-01', version: 1 })
    expect(p2).toMatchObject({ decision: 'penalty', reason: '涉及食品安全底线，不属免罚情形' })
    // 5 and 10 working days from Tuesday 10 March: Tuesday 17 and Tuesday 24 March (city dates).
    expect(localDate(new Date(p1.correctionDueAt), 'Asia/Shanghai')).toBe('2026-03-17')
    expect(localDate(new Date(p2.correctionDueAt), 'Asia/Shanghai')).toBe('2026-03-24')
    expect(res.body.result.recheckDueAt).toBe(p2.correctionDueAt)
    expect(res.body.result.internalNote).toContain('内部')

    const seen = await w.member.get(`${INSPECTIONS}/${insp.id}/result`)
    expect(seen.status).toBe(200)
    expect(JSON.stringify(seen.body)).not.toContain('内部')
    expect(Object.keys(seen.body).sort()).toEqual(
      ['inspectionId', 'number', 'outcome', 'problems', 'recheckPlannedOn', 'recordedAt', 'summary'].sort(),
    )
    expect(seen.body.problems[0].leniency).toMatchObject({
      list: 'first_offence',
      conditions: ['两年内无同类违法记录', '危害后果轻微', '在责令改正期限内改正'],
    })
    expect(seen.body.problems[0]).not.toHaveProperty('earlierProblemId')
    // the enterprise was told, and its history says a result is there to read
    const told = await db()
      .selectFrom('notifications')
      .select(['template', 'params'])
      .where('recipient_enterprise_id', '=', w.enterpriseId)
      .where('template', 'like', 'inspections.result%')
      .execute()
    expect(told.at(-1)).toMatchObject({ template: 'inspections.resultProblems', params: { count: 2 } })
    const mine = await w.member.get(`${INSPECTIONS}/mine`)
    expect(mine.body.items.find((i: { id: string }) => i.id === insp.id)).toMatchObject({ hasResult: true })
    expect((await w.otherMember.get(`${INSPECTIONS}/${insp.id}/result`)).status).toBe(404)
    expect((await w.outsider.get(`${RESULTS}/${insp.id}`)).status).toBe(404)
    expect((await w.head.get(`${RESULTS}/${insp.id}`)).body.actions).toEqual(['plan_recheck'])
  })

  it('refuses first-offence leniency when the enterprise has an earlier offence of the kind, and the look-up says so', async () => {
    const insp = await insertInspection(t, w)
    const lookup = await w.inspector.get(`${RESULTS}/leniency-lookup?q=SAMR-FO-01&inspectionId=${insp.id}`)
    expect(lookup.body.entries[0].earlierOffence).toMatchObject({
      provision: '《市场主体登记管理条例》第三十六条',
    })
    const other = await w.inspector.get(`${RESULTS}/leniency-lookup?q=SAMR-FO-05&inspectionId=${insp.id}`)
    expect(other.body.entries[0].earlierOffence).toBeNull()
    expect((await w.outsider.get(`${RESULTS}/leniency-lookup?inspectionId=${insp.id}`)).status).toBe(404)

    const refused = await w.inspector.post(`${INSPECTIONS}/${insp.id}/result`, {
      version: insp.version,
      outcome: 'problem_found',
      problems: [leniencyProblem()],
    })
    expect(refused.body.error.code).toBe('LENIENCY_CONDITIONS_NOT_MET')
    expect(refused.body.error.fields['problems.0.confirmedConditions']).toContain('同类违法记录')
    // Another enterprise has no such record: the same problem is a first offence there.
    const clean = await insertInspection(t, w, { enterpriseId: w.otherEnterpriseId })
    const ok = await w.inspector.post(`${INSPECTIONS}/${clean.id}/result`, {
      version: clean.version,
      outcome: 'problem_found',
      problems: [leniencyProblem()],
    })
    expect(ok.status).toBe(200)
  })
})

describe('the re-check (不罚≠不管)', () => {
  it('is planned by the sweep once the deadline passes, and closes the original when it finds the correction made', async () => {
    const insp = await insertInspection(t, w, { enterpriseId: w.otherEnterpriseId })
    const recorded = await w.inspector.post(`${INSPECTIONS}/${insp.id}/result`, {
      version: insp.version,
      outcome: 'problem_found',
      problems: [
        leniencyProblem({
          decision: 'not_applied',
          confirmedConditions: [],
          reason: '当事人一年内已因同类问题被责令改正',
          provision: '《市场主体登记管理条例》第二十四条',
          description: '经营场所变更后未办理变更登记',
          leniencyEntryId: entry('SAMR-FO-03').id,
        }),
      ],
    })
    expect(recorded.status).toBe(200)
    const due = new Date(recorded.body.result.recheckDueAt)

    // The sweep runs at explicit instants (the sessions stay on the pinned clock): the day before the
    // deadline nothing is due; a minute after it, the re-checks due; then nothing again.
    const after = new Date(due.getTime() + 60_000)
    expect(await planDueRechecks(t.deps, new Date(due.getTime() - 86_400_000))).toEqual({ planned: 0 })
    {
      expect((await planDueRechecks(t.deps, after)).planned).toBeGreaterThanOrEqual(1)
      expect(await planDueRechecks(t.deps, after)).toEqual({ planned: 0 })
      const staff = await w.inspector.get(`${RESULTS}/${insp.id}`)
      const recheckId = staff.body.result.recheckInspectionId as string
      const recheck = await db()
        .selectFrom('inspections')
        .selectAll()
        .where('id', '=', recheckId)
        .executeTakeFirstOrThrow()
      expect(recheck).toMatchObject({
        kind: 'recheck',
        status: 'planned',
        parent_inspection_id: insp.id,
        department_id: w.bodyId,
        enterprise_id: w.otherEnterpriseId,
        cap_exemption: 'recheck',
        planned_by: w.inspectorIds[0],
      })
      const inspectors = await db()
        .selectFrom('inspection_inspectors')
        .select('inspector_user_id')
        .where('inspection_id', '=', recheckId)
        .execute()
      expect(inspectors.map((i) => i.inspector_user_id).sort()).toEqual([...w.inspectorIds].sort())
      expect((await w.member.get(`${INSPECTIONS}/${insp.id}/result`)).status).toBe(404)

      // The body's head approves it; its code is in the door's format, so the enterprise's scan finds
      // it (here before its window opens: found, and refused as too early — not "no such code").
      expect(recheck.check_code).toMatch(/^[A-Z2-7]{26}$/)
      const approved = await w.head.post(`${INSPECTIONS}/${recheckId}/approve`, { version: recheck.version })
      expect(approved.body).toMatchObject({ status: 'approved' })
      const atDoor = await w.otherMember.get(`${INSPECTIONS}/check/${recheck.check_code.toLowerCase()}`)
      expect(atDoor.body.error.code).toBe('INSPECTION_OUTSIDE_WINDOW')
      const { version } = await checkInDirectly(t, recheckId)
      const closed = await w.inspector2.post(`${INSPECTIONS}/${recheckId}/result`, {
        version,
        outcome: 'no_problem',
        summary: '已办理变更登记，整改到位',
      })
      expect(closed.body.inspection.status).toBe('closed')
      const original = await w.inspector.get(`${RESULTS}/${insp.id}`)
      expect(original.body.inspection.status).toBe('closed')
      expect(original.body.result.problems[0].correctionStatus).toBe('corrected')
      const seen = await w.otherMember.get(`${INSPECTIONS}/${insp.id}/result`)
      expect(seen.body.problems[0]).toMatchObject({ decision: 'not_applied', correctionStatus: 'corrected' })
      expect(seen.body.recheckPlannedOn).toBe(recheck.planned_on)
      expect(recheck.planned_on).toBe(localDate(after, 'Asia/Shanghai'))
    }
  })

  it('can be planned by hand before the deadline, once, by an inspector on it or its body’s head', async () => {
    const insp = await insertInspection(t, w, { enterpriseId: w.otherEnterpriseId })
    const recorded = await w.inspector.post(`${INSPECTIONS}/${insp.id}/result`, {
      version: insp.version,
      outcome: 'problem_found',
      problems: [
        {
          description: '未明码标价',
          provision: '《价格法》第十三条',
          decision: 'penalty',
          reason: '拒不改正',
          penalty: '警告',
          correction: '全部商品明码标价',
          correctionWorkingDays: 3,
        },
      ],
    })
    const version = recorded.body.inspection.version
    expect((await w.handler.post(`${INSPECTIONS}/${insp.id}/recheck`, { version })).status).toBe(404)
    const planned = await w.head.post(`${INSPECTIONS}/${insp.id}/recheck`, { version })
    expect(planned.status).toBe(200)
    expect(planned.body.result.recheckInspectionId).toBeTruthy()
    expect(planned.body.actions).toEqual([])
    expect((await w.head.post(`${INSPECTIONS}/${insp.id}/recheck`, { version })).body.error.code).toBe(
      'INSPECTION_RECHECK_NOT_NEEDED',
    )
    // A re-check that finds it not corrected leaves the original open, its problem not corrected.
    const recheckId = planned.body.result.recheckInspectionId as string
    const { version: v } = await checkInDirectly(t, recheckId)
    const notCorrected = await w.inspector.post(`${INSPECTIONS}/${recheckId}/result`, {
      version: v,
      outcome: 'problem_found',
      problems: [
        {
          description: '仍未明码标价',
          provision: '《价格法》第十三条',
          decision: 'penalty',
          reason: '复查仍未改正',
          penalty: '罚款 2000 元',
          correction: '全部商品明码标价',
          correctionWorkingDays: 3,
        },
      ],
    })
    expect(notCorrected.body.inspection.status).toBe('result_recorded')
    const original = await w.inspector.get(`${RESULTS}/${insp.id}`)
    expect(original.body.inspection.status).toBe('result_recorded')
    expect(original.body.result.problems[0].correctionStatus).toBe('not_corrected')
    expect(notCorrected.body.result.problems[0].earlierProblemId).toBe(original.body.result.problems[0].id)
  })
})

describe('figures', () => {
  it('counts the share closed with leniency by entry and body, and the re-checks done on time', async () => {
    const figures = await computeResultFigures(t.deps, { from: '2026-03-01', to: '2026-04-01' }, PINNED)
    const body = figures.byBody.find((b) => b.departmentId === w.bodyId)!
    expect(body.problems).toBeGreaterThanOrEqual(5)
    expect(body.leniency).toBe(2)
    expect(figures.byEntry.find((e) => e.code === 'SAMR-FO-01')?.leniency).toBe(2)
    // The sweep also planned the re-check of the other enterprise's first-offence result (due that day).
    expect(figures.rechecks).toMatchObject({ done: 2, onTime: 2, onTimeRate: 1 })
    expect(figures.rechecks.planned).toBeGreaterThanOrEqual(2)
    expect((await w.dispatcher.get(`${RESULTS}/figures?from=2026-03-01&to=2026-04-01`)).status).toBe(200)
    expect((await w.inspector.get(`${RESULTS}/figures?from=2026-03-01&to=2026-04-01`)).status).toBe(403)
  })
})

describe('the demo', () => {
  it('records a first offence let off under SAMR-FO-01 and leaves one inspection waiting for its result, once', async () => {
    const enterprise = await buildEnterprise(t)
    const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    // The demo city's inspector and administrator (the test database has the city, not its demo staff).
    const market = await findDepartmentByCode(t, 'DL-SCJGJ')
    await buildStaff(t, { username: 'inspector', roles: ['inspector'], departmentId: market.id })
    await buildStaff(t, { username: 'admin', roles: ['admin'], departmentId: market.id })
    // The demo seeds an empty list of results once (this is the file's last test: it clears them).
    await db().deleteFrom('inspection_problems').execute()
    await db().deleteFrom('inspection_results').execute()
    expect(await seedDemoInspectionResults(t.deps, user.phone)).toBe(1)
    expect(await seedDemoInspectionResults(t.deps, user.phone)).toBe(0)
    const rows = await db()
      .selectFrom('inspections')
      .select(['number', 'status'])
      .where('enterprise_id', '=', enterprise.id)
      .orderBy('number')
      .execute()
    expect(rows).toEqual([
      { number: 'JC-DEMO-2101-0001', status: 'result_recorded' },
      { number: 'JC-DEMO-2101-0002', status: 'checked_in' },
    ])
    const problems = await db().selectFrom('inspection_problems').select('decision').execute()
    expect(problems).toEqual([{ decision: 'leniency' }])
  })
})
