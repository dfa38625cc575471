import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { signInAs } from '../../../test/factories'
import { buildSelfInspectionWorld, issueTask, type SelfInspectionWorld } from './self-inspections.factories'
import { remindNearDeadlines } from './self-inspections.service'
import { selfInspectionFigures } from './index'

/** Self-inspection through HTTP on a real database: issue → answer → return → answer → accept → rectify. */
const API = '/api/v1/self-inspections'
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])

let t: TestApp
let w: SelfInspectionWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildSelfInspectionWorld(t)
})
afterAll(() => t.close())

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

describe('self-inspection', () => {
  it('runs a task from issue to a confirmed rectification, each move by its role', async () => {
    const task = await issueTask(w)
    expect(task.board.map((r) => r.status)).toEqual(['not_started', 'not_started'])
    expect(await notificationsOf(w.headAId, 'self_inspections.issued')).toHaveLength(1)
    const answerId = task.board.find((r) => r.departmentId === w.departments.a.id)!.answerId
    const [item1, item2] = task.items.map((i) => i.id) as [string, string]

    // Department A sees its copy in its list; department B's staff get "not found".
    const mine = await w.handlerA.get(`${API}/answers`)
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(answerId)
    expect((await w.handlerB.get(`${API}/answers/${answerId}`)).status).toBe(404)
    expect(
      (await w.headB.put(`${API}/answers/${answerId}/findings`, { version: 1, findings: [] })).status,
    ).toBe(404)
    const listB = await w.handlerB.get(`${API}/answers`)
    expect(listB.body.items.map((a: { id: string }) => a.id)).not.toContain(answerId)
    // Neither department reads the bureau's board; an inspector reads nothing.
    expect((await w.headA.get(`${API}/tasks/${task.id}`)).status).toBe(403)
    expect((await w.inspector.get(`${API}/answers`)).status).toBe(403)

    // A handler uploads evidence and drafts; the head cannot submit with an item unanswered.
    const form = new FormData()
    form.set('answerId', answerId)
    form.set('file', new File([PNG], '收费目录.png'))
    const file = await w.handlerA.post(`${API}/files`, form)
    expect(file.status).toBe(201)
    const drafted = await w.handlerA.put(`${API}/answers/${answerId}/findings`, {
      version: 1,
      findings: [
        {
          itemId: item1,
          finding: 'no_problem',
          description: '已核对 12 项收费',
          evidenceIds: [file.body.id],
        },
      ],
    })
    expect(drafted.body).toMatchObject({ status: 'draft', version: 2, actions: ['save'] })
    expect((await w.handlerA.post(`${API}/answers/${answerId}/submit`, { version: 2 })).body.error.code).toBe(
      'FORBIDDEN',
    )
    expect((await w.headA.post(`${API}/answers/${answerId}/submit`, { version: 2 })).body.error.code).toBe(
      'SELF_INSPECTION_ANSWER_INCOMPLETE',
    )
    // Evidence of another copy, an item of another task, a stale version: refused, nothing written.
    expect(
      (
        await w.handlerA.put(`${API}/answers/${answerId}/findings`, {
          version: 2,
          findings: [{ itemId: item2, finding: 'no_problem', evidenceIds: [crypto.randomUUID()] }],
        })
      ).body.error.code,
    ).toBe('SELF_INSPECTION_FILE_UNKNOWN')
    expect(
      (
        await w.handlerA.put(`${API}/answers/${answerId}/findings`, {
          version: 2,
          findings: [{ itemId: crypto.randomUUID(), finding: 'no_problem' }],
        })
      ).body.error.code,
    ).toBe('SELF_INSPECTION_ITEM_UNKNOWN')
    expect(
      (await w.handlerA.put(`${API}/answers/${answerId}/findings`, { version: 1, findings: [] })).body.error
        .code,
    ).toBe('VERSION_CONFLICT')

    const full = await w.headA.put(`${API}/answers/${answerId}/findings`, {
      version: 2,
      findings: [
        {
          itemId: item2,
          finding: 'problem',
          description: '某审批环节推荐指定测绘机构',
          plan: { measure: '取消指定，公开中介超市选取', owner: '审批科', dueDate: '2099-07-31' },
        },
      ],
    })
    const submitted = await w.headA.post(`${API}/answers/${answerId}/submit`, { version: full.body.version })
    expect(submitted.body).toMatchObject({ status: 'submitted', actions: [] })
    expect(
      (
        await w.handlerA.put(`${API}/answers/${answerId}/findings`, {
          version: submitted.body.version,
          findings: [],
        })
      ).body.error.code,
    ).toBe('SELF_INSPECTION_ANSWER_NOT_EDITABLE')

    // The bureau returns it with a note on item 2; the head hears of it.
    expect(
      (
        await w.headA.post(`${API}/answers/${answerId}/return`, {
          version: submitted.body.version,
          note: '请补充',
        })
      ).status,
    ).toBe(403)
    const returned = await w.dispatcher.post(`${API}/answers/${answerId}/return`, {
      version: submitted.body.version,
      note: '整改期限过长，请压缩',
      itemNotes: [{ itemId: item2, note: '期限请不超过一个月' }],
    })
    expect(returned.body).toMatchObject({ status: 'returned', reviewNote: '整改期限过长，请压缩' })
    expect(returned.body.items[1].answer.returnNote).toBe('期限请不超过一个月')
    expect(await notificationsOf(w.headAId, 'self_inspections.returned')).toHaveLength(1)

    // The department corrects (it stays "returned" until submitted) and submits again.
    const corrected = await w.handlerA.put(`${API}/answers/${answerId}/findings`, {
      version: returned.body.version,
      findings: [
        {
          itemId: item2,
          finding: 'problem',
          description: '某审批环节推荐指定测绘机构',
          plan: { measure: '取消指定，公开中介超市选取', owner: '审批科', dueDate: '2099-07-15' },
        },
      ],
    })
    expect(corrected.body.status).toBe('returned')
    const again = await w.headA.post(`${API}/answers/${answerId}/submit`, { version: corrected.body.version })
    expect(again.body.status).toBe('submitted')

    // The leader accepts: the problem becomes an open rectification.
    const accepted = await w.leader.post(`${API}/answers/${answerId}/accept`, { version: again.body.version })
    expect(accepted.body.status).toBe('accepted')
    expect(accepted.body.rectifications).toEqual([
      expect.objectContaining({
        status: 'open',
        measure: '取消指定，公开中介超市选取',
        dueDate: '2099-07-15',
      }),
    ])
    const rect = accepted.body.rectifications[0]
    expect(
      (await w.dispatcher.post(`${API}/answers/${answerId}/accept`, { version: accepted.body.version })).body
        .error.code,
    ).toBe('SELF_INSPECTION_ANSWER_NOT_UNDER_REVIEW')

    // Department B sees none of A's rectifications; A reports it done; the bureau reopens, then confirms.
    const rectsB = await w.headB.get(`${API}/rectifications`)
    expect(rectsB.body.items.map((r: { id: string }) => r.id)).not.toContain(rect.id)
    expect(
      (await w.headB.post(`${API}/rectifications/${rect.id}/done`, { version: 1, note: '已整改完毕' }))
        .status,
    ).toBe(404)
    expect(
      (await w.dispatcher.post(`${API}/rectifications/${rect.id}/confirm`, { version: 1 })).body.error.code,
    ).toBe('SELF_INSPECTION_RECTIFICATION_NOT_DONE')
    const done = await w.handlerA.post(`${API}/rectifications/${rect.id}/done`, {
      version: 1,
      note: '已取消指定，改为中介超市选取',
      evidenceIds: [file.body.id],
    })
    expect(done.body).toMatchObject({ status: 'done', doneEvidenceIds: [file.body.id] })
    const reopened = await w.dispatcher.post(`${API}/rectifications/${rect.id}/reopen`, {
      version: done.body.version,
      note: '请附选取记录',
    })
    expect(reopened.body.status).toBe('open')
    const doneAgain = await w.headA.post(`${API}/rectifications/${rect.id}/done`, {
      version: reopened.body.version,
      note: '附中介超市选取记录',
    })
    const confirmed = await w.dispatcher.post(`${API}/rectifications/${rect.id}/confirm`, {
      version: doneAgain.body.version,
    })
    expect(confirmed.body).toMatchObject({ status: 'confirmed', overdue: false })

    // The board and the timeline tell the story; every move is audited.
    const board = await w.dispatcher.get(`${API}/tasks/${task.id}`)
    expect(board.body.board.find((r: { answerId: string }) => r.answerId === answerId)).toMatchObject({
      status: 'accepted',
      problems: 1,
      openRectifications: 0,
    })
    expect(await audit(answerId)).toEqual([
      'self_inspection_file.upload',
      'self_inspection_answer.save',
      'self_inspection_answer.save',
      'self_inspection_answer.submit',
      'self_inspection_answer.return',
      'self_inspection_answer.save',
      'self_inspection_answer.submit',
      'self_inspection_answer.accept',
    ])
    expect(await audit(rect.id)).toEqual([
      'self_inspection_rectification.mark_done',
      'self_inspection_rectification.reopen',
      'self_inspection_rectification.mark_done',
      'self_inspection_rectification.confirm',
    ])
    const detail = await w.headA.get(`${API}/answers/${answerId}`)
    expect(detail.body.events.map((e: { type: string }) => e.type)).toContain('rectification.confirm')
    // The file is the department's and the bureau's to read, nobody else's.
    expect((await w.dispatcher.get(`${API}/files/${file.body.id}`)).status).toBe(200)
    expect((await w.handlerB.get(`${API}/files/${file.body.id}`)).status).toBe(404)

    const figures = await selfInspectionFigures(t.deps.db, {
      from: new Date(0),
      to: new Date(Date.now() + 60_000),
    })
    expect(figures.tasks).toBeGreaterThanOrEqual(1)
    expect(figures.rectificationsConfirmed).toBeGreaterThanOrEqual(1)
  })

  it('only the bureau issues, to departments that exist, with a deadline not past', async () => {
    const body = {
      title: '行政审批体外循环自查',
      scope: '线下受理、体外流转情况',
      basis: '大连市营商局通知',
      deadline: '2099-01-01',
      items: [{ text: '是否存在线下受理' }],
      departmentIds: [w.departments.a.id],
    }
    expect((await w.headA.post(`${API}/tasks`, body)).status).toBe(403)
    expect(
      (await w.dispatcher.post(`${API}/tasks`, { ...body, deadline: '2001-01-01' })).body.error.code,
    ).toBe('SELF_INSPECTION_DEADLINE_PAST')
    expect(
      (await w.dispatcher.post(`${API}/tasks`, { ...body, departmentIds: [crypto.randomUUID()] })).body.error
        .code,
    ).toBe('SELF_INSPECTION_DEPARTMENT_UNKNOWN')
    const bad = await w.dispatcher.post(`${API}/tasks`, { ...body, items: [] })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('VALIDATION_FAILED')
    const admin = await signInAs(t, 'admin')
    expect((await admin.get(`${API}/tasks`)).status).toBe(403)
  })

  it('reminds the heads of a department still owing its copy once, near the deadline', async () => {
    // Instants are passed to the sweep (the database's now() does not follow a pinned clock).
    const task = await issueTask(w, '2099-06-05') // a Friday
    const answerA = task.board.find((r) => r.departmentId === w.departments.a.id)!.answerId
    const before = (await notificationsOf(w.headAId, 'self_inspections.deadline_near')).length
    // Monday: five working days left, no reminder yet.
    await remindNearDeadlines(t.deps, new Date('2099-06-01T02:00:00Z'))
    expect(await notificationsOf(w.headAId, 'self_inspections.deadline_near')).toHaveLength(before)
    // Wednesday: three left; reminded once, not again on Thursday.
    await remindNearDeadlines(t.deps, new Date('2099-06-03T02:00:00Z'))
    await remindNearDeadlines(t.deps, new Date('2099-06-04T02:00:00Z'))
    expect(await notificationsOf(w.headAId, 'self_inspections.deadline_near')).toHaveLength(before + 1)
    expect(await audit(answerA)).toContain('self_inspection_answer.remind')
    // After the deadline both copies count as overdue.
    const figures = await selfInspectionFigures(t.deps.db, {
      from: new Date(Date.now() - 60_000),
      to: new Date(Date.now() + 60_000),
      now: new Date('2099-06-08T02:00:00Z'),
    })
    expect(figures.copiesOverdue).toBeGreaterThanOrEqual(2)
  })
})
