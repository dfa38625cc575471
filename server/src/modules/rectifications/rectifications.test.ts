import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../../kernel/calendar/zoned-time'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInStaff,
  TEST_PASSWORD,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { rateableSubject } from '../ratings/ratings-registry'
import { seedDemoRectifications } from './rectifications-demo'
import { tellUnitsOfOpenedRectifications } from './rectification-unit-notices'
import { buildRatingWorld, rectificationOf, recordRating, type RatingWorld } from './rectifications.factories'

/**
 * Rectifications (差评整改) and rating appeals (评价申诉) through HTTP on a real database: a bad rating
 * opens a rectification in its own transaction, due in working days; the unit rectifies, the bureau
 * verifies with the rater, tells the rater, and the rater's rating of the fix closes it; an upheld
 * appeal excludes the rating and withdraws the rectification. The unit never sees who rated while
 * the case runs.
 */
const BASE = '/api/v1/rectifications'
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
const contact = (outcome = 'confirmed') => ({
  // a fixed past instant (the server only refuses a contact in the future): no wall-clock date
  contactedAt: '2026-03-02T09:00:00+08:00',
  outcome,
  note: '电话回访，企业认可整改',
})

let t: TestApp
let w: RatingWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildRatingWorld(t)
})
afterAll(() => t.close())

const badRating = (extra: Partial<Parameters<typeof recordRating>[1]> = {}) =>
  recordRating(t, {
    departmentId: w.unitId,
    enterpriseId: w.enterpriseId,
    ratedBy: w.raterId,
    level: 1,
    ...extra,
  })

async function openedBy(ratingId: string) {
  const row = await rectificationOf(t, ratingId)
  if (!row) throw new Error('no rectification was opened')
  return row.id
}

function upload(caseId: string) {
  const form = new FormData()
  form.set('caseId', caseId)
  form.set('file', new File([PNG], '整改照片.png'))
  return form
}

async function auditActions(id: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

async function move(client: TestClient, id: string, name: string, body: Record<string, unknown> = {}) {
  const current = await t.deps.db
    .selectFrom('rectifications')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return client.post(`${BASE}/${id}/${name}`, { version: current.version, ...body })
}

describe('opening', () => {
  it('a given bad rating opens a rectification owned by the handling unit, due in 15 working days', async () => {
    const ratingId = await badRating({ level: 2 })
    const row = await rectificationOf(t, ratingId)
    expect(row).toMatchObject({ status: 'open', department_id: w.unitId, deadline_working_days: 15 })
    expect(await auditActions(row!.id)).toEqual(['rectification.open'])
  })

  it('tells the unit’s handlers and heads, once, with the case and the deadline but not who rated', async () => {
    const ratingId = await badRating({ level: 1 })
    const row = (await rectificationOf(t, ratingId))!
    expect(await tellUnitsOfOpenedRectifications(t.deps)).toBeGreaterThanOrEqual(1)
    expect(await tellUnitsOfOpenedRectifications(t.deps)).toBe(0)
    const told = await t.deps.db
      .selectFrom('notifications as n')
      .innerJoin('user_roles as r', 'r.user_id', 'n.recipient_user_id')
      .select(['r.role', 'r.department_id', 'n.params'])
      .where('n.template', '=', 'rectifications.opened')
      .where(sql<boolean>`n.params->>'title' = ${row.subject_title ?? row.subject_number ?? ''}`)
      .execute()
    expect(new Set(told.map((n) => n.role))).toEqual(new Set(['handler', 'department_head']))
    expect(told.every((n) => n.department_id === w.unitId)).toBe(true)
    expect(JSON.stringify(told.map((n) => n.params))).not.toContain(w.raterPhone)
    expect((told[0]!.params as { due: string }).due).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('a good rating, a default rating and a rating of a fix open none', async () => {
    expect(await rectificationOf(t, await badRating({ level: 3 }))).toBeUndefined()
    expect(await rectificationOf(t, await badRating({ kind: 'default', ratedBy: null }))).toBeUndefined()
  })

  it('counts the deadline on working days of the kernel calendar (国庆 2026 and its make-up Saturday)', async () => {
    const admin = await signInStaff(t, {
      username: (await buildStaff(t, { roles: ['admin'] })).username,
      password: TEST_PASSWORD,
    })
    const read = await admin.get(`${BASE}/settings`)
    expect(read.body).toEqual({ deadlineWorkingDays: 15, version: 0 })
    expect((await admin.put(`${BASE}/settings`, { deadlineWorkingDays: 4, version: 0 })).status).toBe(400)
    const saved = await admin.put(`${BASE}/settings`, { deadlineWorkingDays: 5, version: 0 })
    expect(saved.body).toEqual({ deadlineWorkingDays: 5, version: 1 })
    expect(
      (await admin.put(`${BASE}/settings`, { deadlineWorkingDays: 6, version: 0 })).body.error.code,
    ).toBe('VERSION_CONFLICT')
    expect((await w.dispatcher.put(`${BASE}/settings`, { deadlineWorkingDays: 6, version: 1 })).status).toBe(
      403,
    )
    // Monday 28 September 2026: 29, 30 September, (1–7 October off), 8, 9 and Saturday 10 October (调休)
    const ratingId = await badRating({ ratedAt: new Date('2026-09-28T02:00:00Z') })
    const row = await rectificationOf(t, ratingId)
    expect(row!.deadline_working_days).toBe(5)
    expect(localDate(row!.due_at, 'Asia/Shanghai')).toBe('2026-10-10')
    await admin.put(`${BASE}/settings`, { deadlineWorkingDays: 15, version: 1 })
  })
})

describe('the life of a rectification', () => {
  it('unit rectifies, the bureau returns, verifies with the rater and tells them; the rating of the fix closes it', async () => {
    const id = await openedBy(await badRating({ comment: '窗口推诿' }))

    const attached = await w.handler.post(`${BASE}/evidence-uploads`, upload(id))
    expect(attached.status).toBe(201)
    expect(attached.body).toMatchObject({ fileName: '整改照片.png', contentType: 'image/png' })
    const submitted = await move(w.handler, id, 'submit-evidence', {
      measures: '已对窗口人员批评教育并公开承诺',
    })
    expect(submitted.status).toBe(200)
    expect(submitted.body).toMatchObject({ status: 'evidence_submitted', allowedActions: [] })
    expect(submitted.body.files).toHaveLength(1)

    const staffView = await w.dispatcher.get(`${BASE}/${id}`)
    expect(staffView.body.allowedActions).toEqual(['return', 'verify'])
    const returned = await move(w.dispatcher, id, 'return', { reason: '缺少整改前后对比材料' })
    expect(returned.body).toMatchObject({ status: 'open', returnedCount: 1 })
    await move(w.head, id, 'submit-evidence', { measures: '补充：整改前后对比照片' })

    const verified = await move(w.dispatcher, id, 'verify', contact())
    expect(verified.body).toMatchObject({ status: 'verified', contact: { outcome: 'confirmed' } })
    expect(verified.body.verifiedAt).toEqual(expect.any(String))
    const subject = rateableSubject('rectification')!
    expect(await subject.resolve(t.deps.db, id, 'final')).toMatchObject({ rateable: true, closed: false })
    expect(subject.acceptsStage('final')).toBe(true)
    expect(subject.acceptsStage('cycle-2')).toBe(false)

    const feedback = await move(w.dispatcher, id, 'feedback', { note: '已整改窗口服务并公开承诺' })
    expect(feedback.body).toMatchObject({
      status: 'feedback_given',
      feedbackNote: '已整改窗口服务并公开承诺',
    })
    const inbox = await t.deps.db
      .selectFrom('notifications')
      .select('template')
      .where('recipient_enterprise_id', '=', w.enterpriseId)
      .where('template', '=', 'rectifications.feedback')
      .execute()
    expect(inbox.length).toBeGreaterThan(0)

    const mine = await w.rater.get(`${BASE}/mine/${id}`)
    expect(mine.body).toMatchObject({
      status: 'feedback_given',
      canRateFix: true,
      feedbackNote: '已整改窗口服务并公开承诺',
    })
    expect(mine.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'open',
      'submit_evidence',
      'submit_evidence',
      'verify',
      'give_feedback',
    ])
    // the unit's measures and the bureau's return reason are staff notes: not on the phone
    expect(JSON.stringify(mine.body)).not.toContain('对比')

    await recordRating(t, {
      departmentId: w.unitId,
      enterpriseId: w.enterpriseId,
      ratedBy: w.raterId,
      level: 4,
      subjectType: 'rectification',
      subjectId: id,
    })
    const closed = await w.dispatcher.get(`${BASE}/${id}`)
    expect(closed.body).toMatchObject({ status: 'closed', finalLevel: 4 })
    expect(await subject.resolve(t.deps.db, id, 'final')).toMatchObject({ rateable: false, closed: true })
    expect(await auditActions(id)).toEqual([
      'rectification.open',
      'rectification.attach_evidence',
      'rectification.submit_evidence',
      'rectification.return',
      'rectification.submit_evidence',
      'rectification.verify',
      'rectification.give_feedback',
      'rectification.rate_fix',
    ])
  })

  it('refuses moves out of turn with the table’s refusal, and writes nothing', async () => {
    const id = await openedBy(await badRating())
    expect((await move(w.dispatcher, id, 'verify', contact())).body.error.code).toBe(
      'RECTIFICATION_NOT_AWAITING_VERIFICATION',
    )
    expect((await move(w.dispatcher, id, 'feedback', { note: '过早' })).body.error.code).toBe(
      'RECTIFICATION_NOT_VERIFIED',
    )
    expect((await move(w.dispatcher, id, 'close', {})).body.error.code).toBe('RECTIFICATION_NOT_CLOSABLE')
    await move(w.handler, id, 'submit-evidence', { measures: '措施' })
    expect((await move(w.handler, id, 'submit-evidence', { measures: '再交' })).body.error.code).toBe(
      'RECTIFICATION_NOT_OPEN',
    )
    expect((await w.handler.post(`${BASE}/${id}/verify`, { ...contact(), version: 1 })).body.error.code).toBe(
      'FORBIDDEN',
    )
    expect(await auditActions(id)).toEqual(['rectification.open', 'rectification.submit_evidence'])
    const stale = await openedBy(await badRating())
    expect(
      (await w.handler.post(`${BASE}/${stale}/submit-evidence`, { measures: 'x', version: 9 })).body.error
        .code,
    ).toBe('VERSION_CONFLICT')
  })

  it('keeps the verification contact from the handling unit, and each unit to its own', async () => {
    const id = await openedBy(await badRating())
    await move(w.handler, id, 'submit-evidence', { measures: '措施' })
    // the unit's own staff cannot verify — not even one who is also a dispatcher
    const both = await buildStaff(t, { roles: ['handler', 'dispatcher'], departmentId: w.unitId })
    const dual = await signInStaff(t, { username: both.username, password: TEST_PASSWORD })
    expect((await move(dual, id, 'verify', contact())).body.error.code).toBe('FORBIDDEN')
    expect((await move(w.head, id, 'verify', contact())).body.error.code).toBe('FORBIDDEN')
    expect((await move(w.leader, id, 'verify', contact())).body.error.code).toBe('FORBIDDEN')
    // another unit: not found, and not in its list
    expect((await w.otherHandler.get(`${BASE}/${id}`)).status).toBe(404)
    expect((await move(w.otherHandler, id, 'submit-evidence', { measures: 'x' })).status).toBe(404)
    const list = await w.otherHandler.get(BASE)
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(id)
    // the rater's enterprise reads only its own; staff lists are not the enterprise's
    expect((await w.rater.get(BASE)).body.error.code).toBe('FORBIDDEN')
    const stranger = await buildStaff(t, { roles: ['inspector'] })
    expect(
      (
        await (
          await signInStaff(t, { username: stranger.username, password: TEST_PASSWORD })
        ).get(`${BASE}/${id}`)
      ).status,
    ).toBe(403)
  })

  it('never shows the unit who rated while the case runs; the bureau sees it for the contact', async () => {
    const id = await openedBy(await badRating())
    const unit = await w.handler.get(`${BASE}/${id}`)
    expect(unit.status).toBe(200)
    expect(unit.body.rater).toBeNull()
    expect(unit.body.rating).toMatchObject({ level: 1, comment: '办事太慢' })
    expect(JSON.stringify(unit.body)).not.toContain(w.raterPhone)
    const unitList = await w.head.get(BASE)
    expect(JSON.stringify(unitList.body)).not.toContain(w.raterPhone)
    const bureau = await w.dispatcher.get(`${BASE}/${id}`)
    expect(bureau.body.rater).toEqual({ name: w.raterPhone, phone: w.raterPhone })
  })

  it('lists by due date with the overdue first', async () => {
    const late = await openedBy(await badRating({ ratedAt: new Date('2026-01-05T02:00:00Z') }))
    const list = await w.handler.get(`${BASE}?status=active`)
    expect(list.status).toBe(200)
    const first = list.body.items[0]
    expect(first.overdue).toBe(true)
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(late)
    const overdueFlags = list.body.items.map((r: { overdue: boolean }) => r.overdue)
    expect(overdueFlags.indexOf(false)).toBeGreaterThan(overdueFlags.lastIndexOf(true))
  })

  it('answers bad input with the one error shape', async () => {
    const id = await openedBy(await badRating())
    expect((await move(w.handler, id, 'submit-evidence', { measures: '' })).status).toBe(400)
    await move(w.handler, id, 'submit-evidence', { measures: '措施' })
    const future = await move(w.dispatcher, id, 'verify', {
      ...contact(),
      contactedAt: '2099-01-01T00:00:00+08:00',
    })
    expect(future.status).toBe(400)
    const denied = await move(w.dispatcher, id, 'verify', contact('not_confirmed'))
    expect(denied.body.error.fields.outcome).toBeTruthy()
    expect((await w.dispatcher.get(`${BASE}/not-a-uuid`)).status).toBe(400)
    expect((await w.handler.post(`${BASE}/evidence-uploads`, upload(id))).body.error.code).toBe(
      'RECTIFICATION_NOT_OPEN',
    )
    const bad = new FormData()
    bad.set('caseId', id)
    bad.set('file', new File([new Uint8Array([1, 2, 3])], 'x.exe'))
    expect((await w.handler.post(`${BASE}/evidence-uploads`, bad)).body.error.code).toBe(
      'ATTACHMENT_REJECTED',
    )
  })
})

describe('rating appeals', () => {
  it('an upheld appeal excludes the rating, withdraws its rectification, and the public count says why', async () => {
    const before = (await t.anonymous().get(`${BASE}/public/excluded-ratings`)).body
    const ratingId = await badRating()
    const rectificationId = await openedBy(ratingId)
    const canAppeal = await w.handler.get(`${BASE}/${rectificationId}`)
    expect(canAppeal.body.canAppealRating).toBe(true)

    const filed = await w.handler.post(`${BASE}/rating-appeals`, {
      ratingId,
      reasonClass: 'malicious',
      reason: '同一设备一分钟内连续差评',
    })
    expect(filed.status).toBe(201)
    expect(filed.body).toMatchObject({ status: 'open', canAttach: true, canDecide: false, rectificationId })
    const again = await w.head.post(`${BASE}/rating-appeals`, {
      ratingId,
      reasonClass: 'mistaken',
      reason: '再申诉',
    })
    expect(again.body.error.code).toBe('RATING_APPEAL_ALREADY_OPEN')
    expect(
      (
        await w.otherHandler.post(`${BASE}/rating-appeals`, {
          ratingId,
          reasonClass: 'mistaken',
          reason: 'x',
        })
      ).status,
    ).toBe(404)
    expect((await w.otherHandler.get(`${BASE}/rating-appeals/${filed.body.id}`)).status).toBe(404)

    const evidence = await w.handler.post(`${BASE}/rating-appeal-uploads`, upload(filed.body.id))
    expect(evidence.status).toBe(201)
    const queue = await w.dispatcher.get(`${BASE}/rating-appeals?status=open`)
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(filed.body.id)
    expect(
      (
        await w.handler.post(`${BASE}/rating-appeals/${filed.body.id}/decide`, {
          decision: 'uphold',
          reason: '自裁',
          version: 2,
        })
      ).body.error.code,
    ).toBe('FORBIDDEN')

    const decided = await w.dispatcher.post(`${BASE}/rating-appeals/${filed.body.id}/decide`, {
      decision: 'uphold',
      reason: '设备记录证实为恶意评价',
      version: 2,
    })
    expect(decided.status).toBe(200)
    expect(decided.body).toMatchObject({
      status: 'upheld',
      rating: { excluded: true },
      files: [expect.any(Object)],
    })
    const rating = await t.deps.db
      .selectFrom('ratings')
      .selectAll()
      .where('id', '=', ratingId)
      .executeTakeFirstOrThrow()
    expect(rating.excluded_at).not.toBeNull()
    expect(rating.excluded_reason).toBe('malicious')
    const rectification = await w.dispatcher.get(`${BASE}/${rectificationId}`)
    expect(rectification.body).toMatchObject({ status: 'withdrawn', canAppealRating: false })
    expect(await auditActions(rectificationId)).toContain('rectification.withdraw')
    expect(await auditActions(filed.body.id)).toEqual([
      'rating_appeal.file',
      'rating_appeal.attach_evidence',
      'rating_appeal.uphold',
    ])

    const after = (await t.anonymous().get(`${BASE}/public/excluded-ratings`)).body
    expect(after.total).toBe(before.total + 1)
    const count = (b: typeof after, r: string) =>
      b.byReason.find((x: { reason: string }) => x.reason === r)?.count ?? 0
    expect(count(after, 'malicious')).toBe(count(before, 'malicious') + 1)

    const twice = await w.dispatcher.post(`${BASE}/rating-appeals/${filed.body.id}/decide`, {
      decision: 'reject',
      reason: '改判',
      version: 3,
    })
    expect(twice.body.error.code).toBe('RATING_APPEAL_DECIDED')
    const excluded = await w.handler.post(`${BASE}/rating-appeals`, {
      ratingId,
      reasonClass: 'mistaken',
      reason: '再来',
    })
    expect(excluded.body.error.code).toBe('RATING_ALREADY_EXCLUDED')
  })

  it('a rejected appeal leaves the rating and its rectification as they were; another may follow', async () => {
    const ratingId = await badRating()
    const rectificationId = await openedBy(ratingId)
    const filed = await w.head.post(`${BASE}/rating-appeals`, {
      ratingId,
      reasonClass: 'mistaken',
      reason: '评错了办件',
    })
    const rejected = await w.dispatcher.post(`${BASE}/rating-appeals/${filed.body.id}/decide`, {
      decision: 'reject',
      reason: '企业确认评价属实',
      version: 1,
    })
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: '企业确认评价属实',
      rating: { excluded: false },
    })
    expect((await w.dispatcher.get(`${BASE}/${rectificationId}`)).body.status).toBe('open')
    const next = await w.head.post(`${BASE}/rating-appeals`, {
      ratingId,
      reasonClass: 'mistaken',
      reason: '补充新证据',
    })
    expect(next.status).toBe(201)
  })
})

describe('demo data', () => {
  it('seeds three rectifications for the demo phone once, in three states', async () => {
    const enterprise = await buildEnterprise(t)
    const demo = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
    const before = await t.deps.db.selectFrom('rectifications').select('id').execute()
    // a database with rectifications keeps its own
    expect(await seedDemoRectifications(t.deps, demo.phone)).toBe(before.length ? 0 : 3)
    await t.deps.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('rectification_events').execute()
      await tx.deleteFrom('rectification_files').execute()
      await tx.deleteFrom('rating_appeal_events').execute()
      await tx.deleteFrom('rating_appeals').execute()
      await tx.deleteFrom('rectifications').execute()
    })
    expect(await seedDemoRectifications(t.deps, demo.phone)).toBe(3)
    const rows = await t.deps.db.selectFrom('rectifications').select('status').orderBy('opened_at').execute()
    expect(rows.map((r) => r.status)).toEqual(['open', 'feedback_given', 'evidence_submitted'])
    expect(await seedDemoRectifications(t.deps, demo.phone)).toBe(0)
  })
})
