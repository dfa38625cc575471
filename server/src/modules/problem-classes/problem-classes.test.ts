import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { appealBody, buildAppealWorld, type AppealWorld } from '../appeals/appeals.factories'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { problemClassFigures } from '.'
import { CLUSTER_QUEUE } from './problem-classes.service'

let t: TestApp
let w: AppealWorld
let leader: TestClient
let inspector: TestClient
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
  leader = await signInAs(t, 'bureau_leader')
  inspector = await signInAs(t, 'inspector')
})
afterAll(() => t.close())

const MONTH = '2026-03'
/** In the middle of March in Beijing: the month the run reads. */
const IN_MONTH = new Date('2026-03-10T02:00:00Z')

const PERMITS = [
  ['施工许可证审批太慢', '甘井子区施工许可证审批太慢，窗口反复要求补充材料，项目迟迟不能开工'],
  ['施工许可审批时间长', '施工许可证审批时间太长，甘井子区窗口多次让补充材料，工程无法开工'],
  ['施工许可证补材料', '甘井子区办理施工许可证要反复补充材料，审批拖了两个月项目不能开工'],
] as const

/** Files the appeals, dispatched, and dates them in the month the run reads. */
async function fileMonth(texts: readonly (readonly [string, string])[], department: 'a' | 'b' = 'a') {
  const ids: string[] = []
  for (const [title, body] of texts) {
    const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id, { title, body }))
    await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, {
      leadDepartmentId: w.departments[department].id,
    })
    ids.push(filed.body.id)
  }
  await t.deps.db.updateTable('appeals').set({ created_at: IN_MONTH }).where('id', 'in', ids).execute()
  return ids
}

async function runMonth(month = MONTH) {
  const run = await w.dispatcher.post('/api/v1/problem-classes/runs', { month })
  expect(run.status).toBe(202)
  expect(run.body).toMatchObject({ month, status: 'queued' })
  await t.deps.jobs.runQueued(CLUSTER_QUEUE)
  return (await w.dispatcher.get(`/api/v1/problem-classes/proposals?month=${month}&status=open`)).body
}

describe('problem classes', () => {
  let appealIds: string[]
  let classId: string
  let version: number

  it('a month is clustered into proposals: similar appeals and bad ratings together, across departments', async () => {
    appealIds = [...(await fileMonth(PERMITS.slice(0, 2))), ...(await fileMonth(PERMITS.slice(2), 'b'))]
    await fileMonth([['园区路灯损坏', '园区道路路灯损坏，夜间员工下班不安全']])
    // A bad rating's comment on another appeal of the month, and an appeal of another month.
    await t.deps.db
      .insertInto('ratings')
      .values({
        subject_type: 'appeal',
        subject_id: appealIds[0]!,
        department_id: w.departments.a.id,
        enterprise_id: w.enterprise.id,
        level: 1,
        comment: '施工许可证审批还是太慢，补充材料反复折腾，项目开工遥遥无期',
        rated_at: IN_MONTH,
      })
      .execute()
    const [other] = await fileMonth([PERMITS[0]])
    await t.deps.db
      .updateTable('appeals')
      .set({ created_at: new Date('2026-05-10T02:00:00Z') })
      .where('id', '=', other!)
      .execute()

    const page = await runMonth()
    expect(page.run).toMatchObject({ status: 'done', itemCount: 5, proposalCount: 1 })
    expect(page.items).toHaveLength(1)
    const [proposal] = page.items
    expect(proposal).toMatchObject({ size: 4, status: 'open', rank: 1 })
    expect(proposal.topWords).toEqual(expect.arrayContaining(['施工']))
    expect(proposal.departments.map((d: { id: string }) => d.id).sort()).toEqual(
      [w.departments.a.id, w.departments.b.id].sort(),
    )
    expect(
      proposal.cases
        .filter((c: { source: string }) => c.source === 'appeal')
        .map((c: { appealId: string }) => c.appealId)
        .sort(),
    ).toEqual([...appealIds].sort())
    expect(proposal.cases.find((c: { source: string }) => c.source === 'rating')).toMatchObject({
      appealId: appealIds[0],
      subjectType: 'appeal',
    })

    // A new run of the month replaces its open proposals.
    const again = await runMonth()
    expect(again.items).toHaveLength(1)
    expect(again.items[0].id).not.toBe(proposal.id)
    expect((await w.dispatcher.get(`/api/v1/problem-classes/proposals/${proposal.id}`)).body.status).toBe(
      'dismissed',
    )
  })

  it('the bureau accepts a proposal as a named class, leaving out what does not belong', async () => {
    const page = await w.dispatcher.get(`/api/v1/problem-classes/proposals?month=${MONTH}&status=open`)
    const proposal = page.body.items[0]
    const rating = proposal.cases.find((c: { source: string }) => c.source === 'rating')
    // Only the bureau, with a name, and not everything left out.
    expect(
      (await w.headA.post(`/api/v1/problem-classes/proposals/${proposal.id}/accept`, { name: '施工许可' }))
        .status,
    ).toBe(403)
    expect(
      (await w.dispatcher.post(`/api/v1/problem-classes/proposals/${proposal.id}/accept`, { name: '' })).body
        .error,
    ).toMatchObject({ code: 'VALIDATION_FAILED', fields: { name: expect.any(String) } })
    expect(
      (
        await w.dispatcher.post(`/api/v1/problem-classes/proposals/${proposal.id}/accept`, {
          name: '施工许可审批慢',
          excludeItemIds: proposal.cases.map((c: { id: string }) => c.id),
        })
      ).body.error.code,
    ).toBe('PROBLEM_CLASS_EMPTY')

    const accepted = await w.dispatcher.post(`/api/v1/problem-classes/proposals/${proposal.id}/accept`, {
      name: '施工许可审批慢',
      description: '施工许可反复补充材料',
      excludeItemIds: [rating.id],
    })
    expect(accepted.status).toBe(201)
    expect(accepted.body).toMatchObject({
      name: '施工许可审批慢',
      status: 'open',
      caseCount: 3,
      enterpriseCount: 1,
    })
    classId = accepted.body.id
    version = accepted.body.version
    expect(
      (
        await w.dispatcher.post(`/api/v1/problem-classes/proposals/${proposal.id}/accept`, {
          name: '再来一次',
        })
      ).body.error.code,
    ).toBe('PROBLEM_PROPOSAL_DECIDED')
    expect((await w.dispatcher.get(`/api/v1/problem-classes/proposals/${proposal.id}`)).body).toMatchObject({
      status: 'accepted',
      classId,
    })
  })

  it('the appeal shows its class to the enterprise and to the staff who read it, to nobody else', async () => {
    const mine = await w.enterpriseUser.get(`/api/v1/problem-classes/of-appeal/${appealIds[0]}`)
    expect(mine.body.items).toMatchObject([{ id: classId, name: '施工许可审批慢', status: 'open' }])
    expect(
      (await w.handlerA.get(`/api/v1/problem-classes/of-appeal/${appealIds[0]}`)).body.items,
    ).toHaveLength(1)
    expect((await inspector.get(`/api/v1/problem-classes/of-appeal/${appealIds[0]}`)).status).toBe(404)
  })

  it('split: a case that does not belong is taken out, on the version read', async () => {
    const cls = (await w.dispatcher.get(`/api/v1/problem-classes/${classId}`)).body
    const out = cls.cases.find((c: { appealId: string }) => c.appealId === appealIds[2])
    expect(
      (
        await w.dispatcher.post(`/api/v1/problem-classes/${classId}/remove-cases`, {
          version: 99,
          itemIds: [out.id],
        })
      ).body.error.code,
    ).toBe('VERSION_CONFLICT')
    const removed = await w.dispatcher.post(`/api/v1/problem-classes/${classId}/remove-cases`, {
      version,
      itemIds: [out.id],
    })
    expect(removed.body.caseCount).toBe(2)
    version = removed.body.version
    expect(
      (await w.enterpriseUser.get(`/api/v1/problem-classes/of-appeal/${appealIds[2]}`)).body.items,
    ).toEqual([])
  })

  it('the monthly problem: an owner unit, tasks done with evidence, outputs; closing tells the enterprises', async () => {
    // A unit sees nothing of a class until it is the month's problem with the unit in it.
    expect((await w.headA.get(`/api/v1/problem-classes/${classId}`)).status).toBe(404)
    expect(
      (
        await w.dispatcher.post(`/api/v1/problem-classes/${classId}/tasks`, {
          title: '梳理材料',
          ownerDepartmentId: w.departments.a.id,
          dueOn: '2026-04-10',
        })
      ).body.error.code,
    ).toBe('PROBLEM_CLASS_NOT_MONTHLY')
    const monthly = await leader.post(`/api/v1/problem-classes/${classId}/monthly`, {
      version,
      month: '2026-04',
      ownerDepartmentId: w.departments.a.id,
    })
    expect(monthly.body).toMatchObject({
      status: 'monthly',
      monthlyMonth: '2026-04',
      ownerDepartmentId: w.departments.a.id,
    })
    version = monthly.body.version
    expect((await w.headA.get(`/api/v1/problem-classes/${classId}`)).status).toBe(200)
    expect(
      (await w.headA.get('/api/v1/problem-classes')).body.items.map((c: { id: string }) => c.id),
    ).toEqual([classId])
    expect((await w.handlerB.get(`/api/v1/problem-classes/${classId}`)).status).toBe(404)
    expect((await inspector.get('/api/v1/problem-classes')).status).toBe(403)

    const withTask = await w.dispatcher.post(`/api/v1/problem-classes/${classId}/tasks`, {
      title: '精简施工许可申请材料',
      ownerDepartmentId: w.departments.a.id,
      // due far ahead: it is done today (the wall clock), on time whenever the test runs
      dueOn: '2099-04-20',
    })
    const task = withTask.body.tasks[0]
    expect(task).toMatchObject({ title: '精简施工许可申请材料', doneAt: null })
    expect(
      (
        await w.dispatcher.post(`/api/v1/problem-classes/${classId}/tasks`, {
          title: '另一项',
          ownerDepartmentId: crypto.randomUUID(),
          dueOn: '2026-04-20',
        })
      ).body.error,
    ).toMatchObject({ code: 'VALIDATION_FAILED', fields: { ownerDepartmentId: expect.any(String) } })

    // Closing waits for the tasks.
    expect(
      (
        await w.dispatcher.post(`/api/v1/problem-classes/${classId}/close`, {
          version,
          summary: '材料精简为三项',
        })
      ).body.error.code,
    ).toBe('PROBLEM_CLASS_TASKS_OPEN')
    // Another unit's staff cannot do the task; the owner unit's handler does, once.
    expect(
      (
        await w.handlerB.post(`/api/v1/problem-classes/${classId}/tasks/${task.id}/done`, {
          evidence: '已完成材料清单',
        })
      ).status,
    ).toBe(404)
    const done = await w.handlerA.post(`/api/v1/problem-classes/${classId}/tasks/${task.id}/done`, {
      evidence: '新版材料清单已印发，由七项减为三项',
    })
    expect(done.body.tasks[0]).toMatchObject({ evidence: '新版材料清单已印发，由七项减为三项' })
    expect(done.body.tasks[0].doneAt).toBeTruthy()
    expect(
      (
        await w.handlerA.post(`/api/v1/problem-classes/${classId}/tasks/${task.id}/done`, {
          evidence: '再交一次证明',
        })
      ).body.error.code,
    ).toBe('PROBLEM_TASK_DONE')

    expect(
      (await w.dispatcher.post(`/api/v1/problem-classes/${classId}/outputs`, { note: '没有引用' })).body.error
        .code,
    ).toBe('VALIDATION_FAILED')
    expect(
      (
        await w.dispatcher.post(`/api/v1/problem-classes/${classId}/outputs`, {
          policyId: crypto.randomUUID(),
        })
      ).body.error,
    ).toMatchObject({ code: 'VALIDATION_FAILED', fields: { policyId: expect.any(String) } })
    const output = await w.dispatcher.post(`/api/v1/problem-classes/${classId}/outputs`, {
      reference: '大住建发〔2026〕12号 施工许可材料清单',
      note: '材料由七项减为三项',
    })
    expect(output.body.outputs).toMatchObject([
      { reference: '大住建发〔2026〕12号 施工许可材料清单', policyId: null },
    ])

    const closed = await w.dispatcher.post(`/api/v1/problem-classes/${classId}/close`, {
      version,
      summary: '施工许可申请材料由七项减为三项，窗口一次告知',
    })
    expect(closed.body).toMatchObject({
      status: 'closed',
      closingSummary: '施工许可申请材料由七项减为三项，窗口一次告知',
    })
    expect(
      (
        await w.dispatcher.post(`/api/v1/problem-classes/${classId}/close`, {
          version: closed.body.version,
          summary: '再关一次',
        })
      ).body.error.code,
    ).toBe('PROBLEM_CLASS_CLOSED')

    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    const inbox = await w.enterpriseUser.get('/api/v1/inbox')
    expect(JSON.stringify(inbox.body)).toContain('施工许可申请材料由七项减为三项')
    expect(
      (await w.enterpriseUser.get(`/api/v1/problem-classes/of-appeal/${appealIds[0]}`)).body.items[0],
    ).toMatchObject({
      status: 'closed',
    })

    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=problem_class&entityId=${classId}`)
    expect(audit.body.items.map((r: { action: string }) => r.action).sort()).toEqual([
      'problem_class.add_output',
      'problem_class.add_task',
      'problem_class.close',
      'problem_class.complete_task',
      'problem_class.create',
      'problem_class.make_monthly',
      'problem_class.remove_cases',
    ])
  })

  it('a proposal is dismissed once; enterprises, inspectors and units cannot touch proposals', async () => {
    await fileMonth(PERMITS, 'a')
    const page = await runMonth('2026-03')
    const id = page.items[0].id
    for (const client of [w.enterpriseUser, inspector, w.headA])
      expect((await client.get(`/api/v1/problem-classes/proposals?month=${MONTH}`)).status).toBe(403)
    expect((await w.dispatcher.post(`/api/v1/problem-classes/proposals/${id}/dismiss`)).body.status).toBe(
      'dismissed',
    )
    expect((await w.dispatcher.post(`/api/v1/problem-classes/proposals/${id}/dismiss`)).body.error.code).toBe(
      'PROBLEM_PROPOSAL_DECIDED',
    )
  })

  it('figures for the cockpit', async () => {
    const figures = await problemClassFigures(t.deps.db, {
      from: new Date('2000-01-01T00:00:00Z'),
      to: new Date('2100-01-01T00:00:00Z'),
    })
    expect(figures).toMatchObject({
      classesClosed: 1,
      appealsInClosed: 2,
      enterprisesTold: 1,
      tasksDue: 1,
      tasksDoneOnTime: 1,
    })
    expect(figures.classesCreated).toBeGreaterThanOrEqual(1)
  })
})
