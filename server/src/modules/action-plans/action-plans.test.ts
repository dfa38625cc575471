import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { signInAs } from '../../../test/factories'
import { buildActionPlanWorld, createArea, createTask, type ActionPlanWorld } from './action-plans.factories'
import { sweepPlanTasks } from './action-plans.service'
import { actionPlanFigures } from './index'

/** The action plan through HTTP on a real database, on a pinned clock (a Monday, 10:00 in Dalian). */
const API = '/api/v1/action-plans'
const PUBLIC = '/api/v1/public/action-plan'
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
const MONDAY = new Date('2026-06-01T02:00:00Z')

let t: TestApp
let w: ActionPlanWorld
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(MONDAY)
  t = await createTestApp()
  w = await buildActionPlanWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function notificationsOf(userId: string, template: string) {
  return t.deps.db
    .selectFrom('notifications')
    .select('params')
    .where('recipient_user_id', '=', userId)
    .where('template', '=', template)
    .execute()
}

async function audit(entityId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

async function upload(client: ActionPlanWorld['handlerA'], taskId: string, bytes: Uint8Array = PNG) {
  const form = new FormData()
  form.set('taskId', taskId)
  form.set('file', new File([bytes], '一件事清单.png'))
  return client.post(`${API}/files`, form)
}

type PublicPlan = {
  areas: { id: string; tasks: { id: string; status: string; progress: number; [k: string]: unknown }[] }[]
}
async function publicTask(id: string) {
  const res = await t.anonymous().get<PublicPlan>(PUBLIC)
  expect(res.status).toBe(200)
  const plan = res.body
  return plan.areas.flatMap((a) => a.tasks).find((task) => task.id === id)!
}

describe('the action plan', () => {
  it('runs a task from the plan to accepted, each move by its role, and shows it publicly', async () => {
    const task = await createTask(w)
    expect(task.status).toBe('not_started')
    expect(await notificationsOf(w.headAId, 'action_plans.assigned')).toHaveLength(1)

    // Another unit's staff get "not found"; an inspector reads nothing but the public view.
    expect((await w.headB.get(`${API}/tasks/${task.id}`)).status).toBe(404)
    const listB = await w.headB.get(`${API}/tasks`)
    expect(listB.body.items.map((x: { id: string }) => x.id)).not.toContain(task.id)
    expect((await w.inspector.get(`${API}/tasks`)).status).toBe(403)
    expect((await w.headA.get(`${API}/figures`)).status).toBe(403)

    // The unit's handler uploads evidence and reports progress; the bureau may not report.
    const file = await upload(w.handlerA, task.id)
    expect(file.status).toBe(201)
    expect((await upload(w.headB, task.id)).status).toBe(404)
    expect(
      (await w.dispatcher.post(`${API}/tasks/${task.id}/progress`, { version: 1, percent: 10, text: '启动' }))
        .body.error.code,
    ).toBe('FORBIDDEN')
    const progress = await w.handlerA.post(`${API}/tasks/${task.id}/progress`, {
      version: 1,
      percent: 40,
      text: '已梳理高频事项 18 项',
      evidenceIds: [file.body.id],
    })
    expect(progress.body).toMatchObject({ status: 'in_progress', progress: 40, version: 2 })
    expect(progress.body.actions).toEqual(['report', 'submit'])
    expect((await publicTask(task.id)).status).toBe('in_progress')

    // Reporting done needs evidence of this task and the version read.
    const submitBody = { version: 2, text: '已上线 32 项“一件事”', evidenceIds: [file.body.id] }
    expect(
      (await w.headA.post(`${API}/tasks/${task.id}/submit`, { ...submitBody, evidenceIds: [] })).body.error
        .code,
    ).toBe('VALIDATION_FAILED')
    expect(
      (
        await w.headA.post(`${API}/tasks/${task.id}/submit`, {
          ...submitBody,
          evidenceIds: [crypto.randomUUID()],
        })
      ).body.error.code,
    ).toBe('PLAN_TASK_FILE_UNKNOWN')
    expect(
      (await w.headA.post(`${API}/tasks/${task.id}/submit`, { ...submitBody, version: 1 })).body.error.code,
    ).toBe('VERSION_CONFLICT')
    const submitted = await w.headA.post(`${API}/tasks/${task.id}/submit`, submitBody)
    expect(submitted.body).toMatchObject({ status: 'submitted', progress: 100, actions: [] })
    expect((await publicTask(task.id)).status).toBe('under_review')
    expect(
      (await w.handlerA.post(`${API}/tasks/${task.id}/progress`, { version: 3, percent: 50, text: '补充' }))
        .body.error.code,
    ).toBe('PLAN_TASK_NOT_REPORTABLE')
    expect((await upload(w.handlerA, task.id)).body.error.code).toBe('PLAN_TASK_NOT_REPORTABLE')

    // The bureau returns it with a note: the unit hears of it; the public never sees the note.
    expect((await w.headA.post(`${API}/tasks/${task.id}/accept`, { version: 3 })).body.error.code).toBe(
      'FORBIDDEN',
    )
    const returned = await w.leader.post(`${API}/tasks/${task.id}/return`, {
      version: 3,
      note: '请附上线运行数据',
    })
    expect(returned.body).toMatchObject({ status: 'returned', reviewNote: '请附上线运行数据', progress: 40 })
    expect(await notificationsOf(w.headAId, 'action_plans.returned')).toHaveLength(1)
    const seen = await publicTask(task.id)
    expect(seen).toMatchObject({ status: 'in_progress', progress: 40 })
    expect(JSON.stringify(seen)).not.toContain('请附上线运行数据')
    expect(Object.keys(seen).sort()).toEqual(
      ['deadline', 'expectedOutput', 'id', 'overdue', 'ownerName', 'progress', 'status', 'title'].sort(),
    )

    // The unit adds evidence and submits again; the task force accepts.
    const more = await upload(w.headA, task.id)
    const again = await w.headA.post(`${API}/tasks/${task.id}/submit`, {
      version: returned.body.version,
      text: '附 5 月运行数据：办件 1,204 件',
      evidenceIds: [file.body.id, more.body.id],
    })
    expect(again.body.status).toBe('submitted')
    const accepted = await w.dispatcher.post(`${API}/tasks/${task.id}/accept`, {
      version: again.body.version,
      note: '佐证充分',
    })
    expect(accepted.body).toMatchObject({
      status: 'accepted',
      progress: 100,
      reviewNote: null,
      overdue: false,
    })
    expect(await notificationsOf(w.headAId, 'action_plans.accepted')).toHaveLength(1)
    expect(
      (await w.dispatcher.post(`${API}/tasks/${task.id}/accept`, { version: accepted.body.version })).body
        .error.code,
    ).toBe('PLAN_TASK_NOT_UNDER_REVIEW')
    expect((await publicTask(task.id)).status).toBe('done')

    // The reports, evidence and timeline tell the story; every move is audited.
    const detail = await w.handlerA.get(`${API}/tasks/${task.id}`)
    expect(detail.body.reports.map((r: { kind: string }) => r.kind)).toEqual([
      'progress',
      'completion',
      'completion',
    ])
    expect(detail.body.files).toHaveLength(2)
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual([
      'create',
      'report',
      'submit',
      'return',
      'submit',
      'accept',
    ])
    expect(await audit(task.id)).toEqual([
      'plan_task.create',
      'plan_task_file.upload',
      'plan_task.report',
      'plan_task.submit',
      'plan_task.return',
      'plan_task_file.upload',
      'plan_task.submit',
      'plan_task.accept',
    ])
    // The file is the unit's and the bureau's to read, nobody else's.
    expect((await w.dispatcher.get(`${API}/files/${file.body.id}`)).status).toBe(200)
    expect((await w.headB.get(`${API}/files/${file.body.id}`)).status).toBe(404)

    const figures = await w.leader.get(`${API}/figures`)
    const unitA = figures.body.units.find(
      (u: { departmentId: string }) => u.departmentId === w.departments.a.id,
    )
    expect(unitA).toMatchObject({ accepted: 1, acceptedOnTime: 1, onTimeRate: 1 })
  })

  it('refuses bad input with a named error and writes nothing', async () => {
    const area = await createArea(w)
    const body = {
      areaId: area.id,
      title: '推行包容审慎监管',
      expectedOutput: '不予处罚清单',
      ownerDepartmentId: w.departments.a.id,
      deadline: '2026-09-30',
    }
    const before = await t.deps.db
      .selectFrom('plan_tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect((await w.headA.post(`${API}/tasks`, body)).status).toBe(403)
    expect(
      (await w.dispatcher.post(`${API}/tasks`, { ...body, areaId: crypto.randomUUID() })).body.error.code,
    ).toBe('PLAN_AREA_UNKNOWN')
    expect(
      (await w.dispatcher.post(`${API}/tasks`, { ...body, ownerDepartmentId: crypto.randomUUID() })).body
        .error.code,
    ).toBe('PLAN_TASK_OWNER_UNKNOWN')
    expect(
      (await w.dispatcher.post(`${API}/tasks`, { ...body, deadline: '2026-05-31' })).body.error.code,
    ).toBe('PLAN_TASK_DEADLINE_PAST')
    for (const bad of [
      { ...body, title: '' },
      { ...body, deadline: '2026-02-30' },
      { ...body, title: '<script>' },
      { ...body, extra: 1 },
      { ...body, areaId: 'not-a-uuid' },
    ]) {
      const res = await w.dispatcher.post(`${API}/tasks`, bad)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    const after = await t.deps.db
      .selectFrom('plan_tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))

    expect((await w.dispatcher.post(`${API}/areas`, { name: area.name })).body.error.code).toBe(
      'PLAN_AREA_NAME_TAKEN',
    )
    const task = await createTask(w)
    for (const bad of [
      { version: 1, percent: 100, text: '已完成' }, // 100 % is a completion: submit it
      { version: 1, percent: -1, text: '开始' },
      { version: 1, percent: 12.5, text: '开始' },
      { version: 1, percent: 10 },
    ]) {
      const res = await w.handlerA.post(`${API}/tasks/${task.id}/progress`, bad)
      expect(res.status).toBe(400)
    }
    const text = await upload(w.handlerA, task.id, new TextEncoder().encode('plain text, not evidence'))
    expect(text.body.error.code).toBe('ATTACHMENT_REJECTED')
    expect((await w.handlerA.get(`${API}/tasks/not-a-uuid`)).status).toBe(400)
    expect((await w.handlerA.get(`${API}/tasks/${crypto.randomUUID()}`)).status).toBe(404)
    expect(await audit(task.id)).toEqual(['plan_task.create'])
    const admin = await signInAs(t, 'admin')
    expect((await admin.get(`${API}/tasks`)).status).toBe(403)
    // Anonymous: the public view only.
    expect((await t.anonymous().get(`${API}/tasks`)).status).toBe(401)
  })

  it('reminds the owner unit once near the deadline and escalates an overdue task once', async () => {
    // Instants are passed to the sweep (the database's now() does not follow a pinned clock).
    const task = await createTask(w, '2026-06-12', '社保业务全程网办') // a Friday
    const reminders = async () => (await notificationsOf(w.handlerAId, 'action_plans.deadline_near')).length
    const before = await reminders()
    // Monday 1 June: ten working days left, nothing yet.
    expect(await sweepPlanTasks(t.deps, new Date('2026-06-01T02:00:00Z'))).toMatchObject({ escalated: 0 })
    expect(await reminders()).toBe(before)
    // Monday 8 June: five left; reminded once, not again on Tuesday.
    await sweepPlanTasks(t.deps, new Date('2026-06-08T02:00:00Z'))
    await sweepPlanTasks(t.deps, new Date('2026-06-09T02:00:00Z'))
    expect(await reminders()).toBe(before + 1)
    // Friday 12 June, the deadline day: still in time.
    await sweepPlanTasks(t.deps, new Date('2026-06-12T15:00:00Z'))
    expect((await w.dispatcher.get(`${API}/tasks/${task.id}`)).body.escalated).toBe(false)
    // Monday 15 June: overdue; escalated once to the supervision ladder against the owner unit.
    const first = await sweepPlanTasks(t.deps, new Date('2026-06-15T02:00:00Z'))
    expect(first.escalated).toBeGreaterThanOrEqual(1)
    expect((await sweepPlanTasks(t.deps, new Date('2026-06-16T02:00:00Z'))).escalated).toBe(0)
    const detail = await w.dispatcher.get(`${API}/tasks/${task.id}`)
    expect(detail.body).toMatchObject({ escalated: true })
    const supervision = await t.deps.db
      .selectFrom('supervision_cases')
      .select(['department_id', 'source', 'subject_type', 'subject_id', 'reason'])
      .where('id', '=', detail.body.supervisionCaseId)
      .executeTakeFirstOrThrow()
    expect(supervision).toMatchObject({
      department_id: w.departments.a.id,
      source: 'overdue_plan_task',
      subject_type: 'plan_task',
      subject_id: task.id,
    })
    expect(supervision.reason).toContain('社保业务全程网办')
    expect(await audit(task.id)).toEqual(['plan_task.create', 'plan_task.remind', 'plan_task.escalate'])
    expect(detail.body.events.map((e: { type: string }) => e.type)).toEqual(['create', 'remind', 'escalate'])

    // The figures on the day after: the task is overdue and pulls department A's on-time rate down.
    const figures = await actionPlanFigures(t.deps.db, { now: new Date('2026-06-15T02:00:00Z') })
    const unitA = figures.units.find((u) => u.departmentId === w.departments.a.id)!
    expect(unitA.overdue).toBeGreaterThanOrEqual(1)
    expect(figures.escalated).toBeGreaterThanOrEqual(1)
    expect(unitA.onTimeRate).toBeLessThan(1)
    // The public view reads the pinned Monday, 1 June: before the deadline, so not overdue there.
    expect((await publicTask(task.id)).overdue).toBe(false)
  })
})
