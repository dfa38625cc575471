import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { DEFAULT_APPEAL_SETTINGS } from './appeal-settings'
import { sweepAppealClocks } from './appeal-clock-sweep.service'
import { closeUnratedReplies } from './appeals-closing.service'
import { buildAppealWorld, fileAndDispatch, type AppealWorld } from './appeals.factories'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(() => t.close())

const DAY = 86_400_000

async function clocksOf(id: string) {
  return t.deps.db.selectFrom('appeal_clocks').selectAll().where('appeal_id', '=', id).execute()
}

describe('the deadline sweep', () => {
  it('warns, breaches, escalates one level at a time, and finally opens a bureau supervision case', async () => {
    const id = await fileAndDispatch(w, { categoryCode: 'utilities' }) // tier fast: 24 clock hours to resolve
    const resolution = (await clocksOf(id)).find((c) => c.kind === 'resolution')!
    expect(resolution.basis).toBe('elapsed')
    const seen: string[] = []
    // Step through time two hours at a time: each sweep acts on what came due since the last one.
    for (let hours = 2; hours <= 24 * 10; hours += 2) {
      await sweepAppealClocks(t.deps, new Date(resolution.started_at.getTime() + hours * 3_600_000))
      const row = (await clocksOf(id)).find((c) => c.kind === 'resolution')!
      for (const f of row.fired) if (!seen.includes(f)) seen.push(f)
      if (row.escalation_level === 3) break
    }
    expect(seen).toEqual(['warn50', 'warn80', 'breach', 'escalate2', 'escalate3'])
    const cases = await t.deps.db
      .selectFrom('supervision_cases')
      .selectAll()
      .where('appeal_id', '=', id)
      .execute()
    expect(cases).toHaveLength(1)
    const events = (await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.timeline.map(
      (e: { type: string }) => e.type,
    )
    expect(events).toEqual(
      expect.arrayContaining(['clock_warn50', 'clock_breach', 'clock_escalate2', 'clock_escalate3']),
    )
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    const handlerInbox = await w.handlerA.get('/api/v1/inbox')
    expect(handlerInbox.body.items.map((m: { title: string }) => m.title)).toEqual(
      expect.arrayContaining(['诉求办理时限提醒', '诉求已超时']),
    )
  })

  it('a paused appeal is never warned, however long it waits', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    await w.handlerA.post(`/api/v1/appeals/${id}/pause`, {
      reason: 'awaiting_third_party',
      note: '等待供电公司回复',
      noteAudience: 'internal',
    })
    await sweepAppealClocks(t.deps, new Date(Date.now() + 60 * DAY))
    const resolution = (await clocksOf(id)).find((c) => c.kind === 'resolution')!
    expect(resolution.fired).toEqual([])
    expect(resolution.next_check_at).toBeNull()
  })

  it('a paused clock stores why it is paused, until it resumes', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    await w.handlerA.post(`/api/v1/appeals/${id}/pause`, {
      reason: 'awaiting_enterprise',
      note: '请补充用电户号',
      noteAudience: 'enterprise',
    })
    const paused = (await clocksOf(id)).filter((c) => c.stopped_at === null)
    expect(paused.map((c) => c.pause_reason)).toEqual(paused.map(() => 'awaiting_enterprise'))
    expect(paused.every((c) => c.suspension_kind === null)).toBe(true)
    await w.handlerA.post(`/api/v1/appeals/${id}/resume`, {})
    expect((await clocksOf(id)).every((c) => c.pause_reason === null)).toBe(true)
  })

  it('two sweeps never act twice on one threshold', async () => {
    const id = await fileAndDispatch(w, { categoryCode: 'safety_emergency' }) // urgent
    const at = new Date(Date.now() + 30 * DAY)
    const [a, b] = await Promise.all([sweepAppealClocks(t.deps, at), sweepAppealClocks(t.deps, at)])
    expect(a.fired + b.fired).toBeGreaterThan(0)
    const cases = await t.deps.db
      .selectFrom('supervision_cases')
      .select('id')
      .where('appeal_id', '=', id)
      .execute()
    expect(cases.length).toBeLessThanOrEqual(1)
  })
})

describe('the overdue board', () => {
  it('lists open appeals past a deadline, nearest first', async () => {
    const id = await fileAndDispatch(w)
    const past = new Date(Date.now() - 3600_000)
    await t.deps.db
      .updateTable('appeal_clocks')
      .set({ due_at: past })
      .where('appeal_id', '=', id)
      .where('kind', '=', 'sign_for')
      .execute()
    await t.deps.db.updateTable('appeals').set({ next_due_at: past }).where('id', '=', id).execute() // the read model the board reads
    const board = await w.dispatcher.get('/api/v1/appeals/queue?view=overdue')
    expect(board.body.items.find((a: { id: string }) => a.id === id)).toMatchObject({ isOverdue: true })
  })
})

describe('replies nobody rates', () => {
  it('close as "no rating" after the working days are up — never as satisfied — and get a return visit', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '已按规定办理完毕，请查收。',
      attachmentIds: [],
    })
    expect(await closeUnratedReplies(t.deps, new Date(Date.now() + DAY))).toBe(0)
    await closeUnratedReplies(t.deps, new Date(Date.now() + 30 * DAY))
    const seen = await w.enterpriseUser.get(`/api/v1/appeals/${id}`)
    expect(seen.body).toMatchObject({ status: 'closed', closeReason: 'no_rating', ratings: [] })
    const visits = await w.dispatcher.get('/api/v1/appeals/return-visits?status=pending')
    const visit = visits.body.items.find((v: { appealId: string }) => v.appealId === id)
    expect(visit.sampleReason).toBe('no_rating')
    // The enterprise is offered the survey, and answers it in the app.
    expect((await w.enterpriseUser.get(`/api/v1/appeals/${id}`)).body.allowedActions).toContain(
      'answer_return_visit',
    )
    expect(
      (await w.enterpriseUser.post(`/api/v1/appeals/${id}/return-visit`, { solved: true, level: 4 })).status,
    ).toBe(200)
    expect(
      (await w.enterpriseUser.post(`/api/v1/appeals/${id}/return-visit`, { solved: true, level: 4 })).status,
    ).toBe(404)
  })
})

describe('return visits and the contact cap', () => {
  it('replies are solicited and never deferred; return-visit surveys count against the cap', async () => {
    const rows = await t.deps.db
      .selectFrom('notifications')
      .select(['template', 'is_solicited'])
      .where('recipient_enterprise_id', '=', w.enterprise.id)
      .execute()
    const byTemplate = (name: string) => rows.filter((r) => r.template === name)
    expect(byTemplate('appeal.replied').every((r) => r.is_solicited)).toBe(true)
    expect(byTemplate('appeal.received').every((r) => r.is_solicited)).toBe(true)
    expect(byTemplate('appeal.return_visit').length).toBeGreaterThan(0)
    expect(byTemplate('appeal.return_visit').every((r) => !r.is_solicited)).toBe(true)
  })

  it('the task force records a phone visit; the department cannot', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '已按规定办理完毕，请查收。',
      attachmentIds: [],
    })
    await w.enterpriseUser.post(`/api/v1/appeals/${id}/rating`, { solved: true, level: 3 }) // fairly satisfied: always visited
    const visit = (await w.dispatcher.get('/api/v1/appeals/return-visits?status=pending')).body.items.find(
      (v: { appealId: string }) => v.appealId === id,
    )
    expect(visit.sampleReason).toBe('low_rating')
    expect(
      (
        await w.handlerA.post(`/api/v1/appeals/return-visits/${visit.id}`, {
          status: 'done',
          solved: true,
          level: 5,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await w.dispatcher.post(`/api/v1/appeals/return-visits/${visit.id}`, {
          status: 'done',
          solved: false,
          level: 2,
          note: '企业称问题依旧',
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await w.dispatcher.post(`/api/v1/appeals/return-visits/${visit.id}`, {
          status: 'done',
          solved: true,
          level: 5,
        })
      ).body.error.code,
    ).toBe('RETURN_VISIT_ALREADY_DONE')
  })
})

describe('reply approval', () => {
  it('with approval on, a reply waits for the department head before the enterprise sees it', async () => {
    const admin = await signInAs(t, 'admin')
    const current = await admin.get('/api/v1/appeals/settings')
    const saved = await admin.put('/api/v1/appeals/settings', {
      version: current.body.version,
      settings: { ...DEFAULT_APPEAL_SETTINGS, replyNeedsApproval: true },
    })
    expect(saved.status).toBe(200)
    try {
      const id = await fileAndDispatch(w)
      await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
      const pending = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
        body: '拟答复：已协调办理。',
        attachmentIds: [],
      })
      expect(pending.body.status).toBe('awaiting_approval')
      expect((await w.enterpriseUser.get(`/api/v1/appeals/${id}`)).body.replies).toEqual([])
      const replyId = pending.body.replies[0].id
      expect(
        (await w.handlerA.post(`/api/v1/appeals/${id}/replies/${replyId}/decision`, { approve: true }))
          .status,
      ).toBe(403)
      const approved = await w.headA.post(`/api/v1/appeals/${id}/replies/${replyId}/decision`, {
        approve: true,
      })
      expect(approved.body.status).toBe('replied')
      expect((await w.enterpriseUser.get(`/api/v1/appeals/${id}`)).body.replies).toHaveLength(1)
    } finally {
      const now = await admin.get('/api/v1/appeals/settings')
      await admin.put('/api/v1/appeals/settings', {
        version: now.body.version,
        settings: DEFAULT_APPEAL_SETTINGS,
      })
    }
  })
})
