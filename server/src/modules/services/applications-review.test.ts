import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemActor } from '../../kernel/auth/actor'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInEnterprise,
  signInStaff,
  type BuiltStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { DALIAN_MATTER_RULES } from '../../seed/cities/dalian-matter-rules'
import { factReader } from '../facts'
import { runSystemApplicationAction } from './application-action'
import { decideOnSubmission } from './application-instant'
import { evaluateInstantConditions } from './instant-rules'
import { buildApplicationIn, buildMatterVersion, type BuiltMatter } from './services.factories'
import * as q from './services.queries'

/** Review steps, the decision, instant matters and the staff's reads, through HTTP on a real database. */
const APPS = '/api/v1/services/applications'

let t: TestApp
let departmentId: string
let enterpriseId: string
let applicantId: string
let applicant: TestClient
let handler1: TestClient
let handler2: TestClient
let head: TestClient
let stranger: TestClient
let h1: BuiltStaff
let h2: BuiltStaff
let headStaff: BuiltStaff
let strangerStaff: BuiltStaff

beforeAll(async () => {
  t = await createTestApp()
  departmentId = (await buildDepartment(t)).id
  enterpriseId = (await buildEnterprise(t, { size_class: 'small' })).id
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  applicantId = member.id
  applicant = await signInEnterprise(t, member.phone)
  h1 = await buildStaff(t, { roles: ['handler'], departmentId })
  h2 = await buildStaff(t, { roles: ['handler'], departmentId })
  headStaff = await buildStaff(t, { roles: ['department_head'], departmentId })
  strangerStaff = await buildStaff(t, { roles: ['handler', 'department_head'] })
  handler1 = await signInStaff(t, h1)
  handler2 = await signInStaff(t, h2)
  head = await signInStaff(t, headStaff)
  stranger = await signInStaff(t, strangerStaff)
})
afterAll(() => t.close())

const TWO_STEPS = [
  { key: 'review', name: '审查', role: 'handler' as const, stage: 1 },
  { key: 'approve', name: '审批', role: 'department_head' as const, stage: 2 },
]

async function accepted(matter: BuiltMatter, extra: { dueAt?: Date } = {}) {
  return buildApplicationIn(t, 'accepted', { matter, enterpriseId, createdBy: applicantId, ...extra })
}

async function staffView(client: TestClient, id: string) {
  return client.get(`${APPS}/${id}/staff`)
}

function taskOf(
  view: { tasks: { id: string; stepKey: string; status: string; actions: string[] }[] },
  key: string,
) {
  return view.tasks.find((x) => x.stepKey === key)!
}

const decide = (client: TestClient, id: string, taskId: string, body: Record<string, unknown>) =>
  client.post(`${APPS}/${id}/review-tasks/${taskId}/decide`, body)

describe('review steps and the decision', () => {
  it('two sequential steps approve → approved, the certificate issued in the same move, the applicant told', async () => {
    const matter = await buildMatterVersion(t, {
      departmentId,
      reviewSteps: TWO_STEPS,
      certificateKind: 'licence',
    })
    const id = await accepted(matter)
    const view = (await staffView(handler1, id)).body
    expect(view.tasks.map((x: { status: string }) => x.status)).toEqual(['open', 'waiting'])
    expect(taskOf(view, 'review').actions).toEqual(['claim', 'delegate', 'approve', 'refuse'])

    const claimed = await handler1.post(`${APPS}/${id}/review-tasks/${taskOf(view, 'review').id}/claim`)
    expect(claimed.status).toBe(200)
    expect(taskOf(claimed.body, 'review')).toMatchObject({ status: 'claimed', assigneeId: h1.id })

    const first = await decide(handler1, id, taskOf(view, 'review').id, {
      outcome: 'approve',
      note: '材料齐全，符合条件',
    })
    expect(first.status).toBe(200)
    expect(first.body.status).toBe('accepted')
    expect(first.body.tasks.map((x: { status: string }) => x.status)).toEqual(['done', 'open'])

    const last = await decide(head, id, taskOf(view, 'approve').id, { outcome: 'approve' })
    expect(last.status).toBe(200)
    expect(last.body).toMatchObject({ status: 'approved', decision: { instant: false } })
    expect(last.body.decision.certificateNumber).toMatch(/^YS\d{4}/)
    expect(last.body.decision.closedAt).toEqual(expect.any(String))
    const certificate = await t.deps.db
      .selectFrom('certificates')
      .select(['application_id', 'kind', 'enterprise_id'])
      .where('id', '=', last.body.decision.certificateId)
      .executeTakeFirstOrThrow()
    expect(certificate).toEqual({ application_id: id, kind: 'licence', enterprise_id: enterpriseId })

    const notices = await applicant.get(`${APPS}/${id}/notices`)
    expect(notices.body.items.map((n: { title: string }) => n.title)).toEqual(['准予行政许可决定书'])
    expect(notices.body.items[0].body).toContain(last.body.decision.certificateNumber)
    const timeline = await applicant.get(`${APPS}/${id}/timeline`)
    // the applicant reads the decision, not the steps inside the department
    expect(timeline.body.items).toEqual([
      expect.objectContaining({
        type: 'review',
        data: { decision: 'approve', certificateNumber: expect.any(String) },
      }),
    ])
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'application.review',
      'application.review',
      'application.review',
    ])
    expect((await staffView(handler2, id)).body.allowedActions).toEqual(['archive'])
    const archived = await handler2.post(`${APPS}/${id}/archive`)
    expect(archived.body.decision.archivedAt).toEqual(expect.any(String))
    expect(archived.body.allowedActions).toEqual([])
  })

  it('a parallel stage opens the next one only when both of its steps are done', async () => {
    const matter = await buildMatterVersion(t, {
      departmentId,
      reviewSteps: [
        { key: 'legal', name: '法制审核', role: 'handler', stage: 1 },
        { key: 'tech', name: '技术审查', role: 'handler', stage: 1 },
        { key: 'approve', name: '审批', role: 'department_head', stage: 2 },
      ],
    })
    const id = await accepted(matter)
    const view = (await staffView(handler1, id)).body
    expect(view.tasks.map((x: { status: string }) => x.status)).toEqual(['open', 'open', 'waiting'])
    const one = await decide(handler1, id, taskOf(view, 'legal').id, { outcome: 'approve' })
    expect(taskOf(one.body, 'approve').status).toBe('waiting')
    const two = await decide(handler2, id, taskOf(view, 'tech').id, { outcome: 'approve' })
    expect(taskOf(two.body, 'approve').status).toBe('open')
    const done = await decide(head, id, taskOf(view, 'approve').id, { outcome: 'approve' })
    expect(done.body.status).toBe('approved')
    // no certificate kind on this matter: none issued
    expect(done.body.decision.certificateId).toBeNull()
  })

  it('a refusal states its reason and legal basis (every missing field listed), and tells the applicant its remedies', async () => {
    const matter = await buildMatterVersion(t, {
      departmentId,
      reviewSteps: TWO_STEPS,
      certificateKind: 'licence',
    })
    const id = await accepted(matter)
    const view = (await staffView(handler1, id)).body
    await decide(handler1, id, taskOf(view, 'review').id, {
      outcome: 'refuse',
      reason: '场所不符合要求',
      legalBasis: '《测试许可条例》第八条',
    })
    // a handler's refusal before the last stage is an opinion: the head decides
    expect((await staffView(head, id)).body.status).toBe('accepted')
    const incomplete = await decide(head, id, taskOf(view, 'approve').id, { outcome: 'refuse' })
    expect(incomplete.status).toBe(400)
    expect(Object.keys(incomplete.body.error.fields).sort()).toEqual(['legalBasis', 'reason'])

    const refused = await decide(head, id, taskOf(view, 'approve').id, {
      outcome: 'refuse',
      reason: '经营场所与申请材料不符',
      legalBasis: '《测试许可条例》第八条',
    })
    expect(refused.body).toMatchObject({
      status: 'refused',
      decision: {
        reason: '经营场所与申请材料不符',
        legalBasis: '《测试许可条例》第八条',
        certificateId: null,
      },
    })
    const notice = (await applicant.get(`${APPS}/${id}/notices`)).body.items[0]
    expect(notice.title).toBe('不予行政许可决定书')
    expect(notice.body).toContain('经营场所与申请材料不符')
    expect(notice.body).toContain('六十日内依法申请行政复议')
    expect(notice.body).toContain('六个月内依法向人民法院提起行政诉讼')
  })

  it('a return reopens the previous stage to whoever decided it, with the note on the timeline', async () => {
    const matter = await buildMatterVersion(t, { departmentId, reviewSteps: TWO_STEPS })
    const id = await accepted(matter)
    const view = (await staffView(handler1, id)).body
    const firstStage = await decide(handler1, id, taskOf(view, 'review').id, {
      outcome: 'return',
      note: '无上一阶段',
    })
    expect(firstStage.body.error.code).toBe('REVIEW_NO_PREVIOUS_STAGE')
    await decide(handler1, id, taskOf(view, 'review').id, { outcome: 'approve' })
    const noNote = await decide(head, id, taskOf(view, 'approve').id, { outcome: 'return' })
    expect(noNote.body.error.fields).toHaveProperty('note')
    const returned = await decide(head, id, taskOf(view, 'approve').id, {
      outcome: 'return',
      note: '请补充现场核查意见',
    })
    expect(
      returned.body.tasks.map((x: { status: string; assigneeId: string | null }) => [x.status, x.assigneeId]),
    ).toEqual([
      ['claimed', h1.id],
      ['waiting', null],
    ])
    expect(returned.body.timeline.at(-1)).toMatchObject({
      type: 'review',
      note: '请补充现场核查意见',
      audience: 'internal',
    })
  })

  it('refuses a claim by the wrong role, a decision on a step another holds or not yet open, and a review outside review', async () => {
    const matter = await buildMatterVersion(t, { departmentId, reviewSteps: TWO_STEPS })
    const id = await accepted(matter)
    const view = (await staffView(handler1, id)).body
    const waiting = await decide(head, id, taskOf(view, 'approve').id, { outcome: 'approve' })
    expect(waiting.body.error.code).toBe('REVIEW_TASK_NOT_OPEN')
    const headOnHandlerStep = await head.post(`${APPS}/${id}/review-tasks/${taskOf(view, 'review').id}/claim`)
    expect(headOnHandlerStep.status).toBe(403)
    expect(headOnHandlerStep.body.error.code).toBe('REVIEW_TASK_WRONG_ROLE')
    await handler1.post(`${APPS}/${id}/review-tasks/${taskOf(view, 'review').id}/claim`)
    const other = await decide(handler2, id, taskOf(view, 'review').id, { outcome: 'approve' })
    expect(other.body.error.code).toBe('REVIEW_TASK_HELD_BY_OTHER')
    expect(
      (await handler2.post(`${APPS}/${id}/review-tasks/${taskOf(view, 'review').id}/claim`)).body.error.code,
    ).toBe('REVIEW_TASK_HELD_BY_OTHER')
    await decide(handler1, id, taskOf(view, 'review').id, { outcome: 'approve' })
    const handlerOnHeadStep = await handler1.post(
      `${APPS}/${id}/review-tasks/${taskOf(view, 'approve').id}/claim`,
    )
    expect(handlerOnHeadStep.body.error.code).toBe('REVIEW_TASK_WRONG_ROLE')
    // another department's staff: the application does not exist for them
    expect(
      (await stranger.post(`${APPS}/${id}/review-tasks/${taskOf(view, 'approve').id}/claim`)).status,
    ).toBe(404)

    const submitted = await buildApplicationIn(t, 'submitted', {
      matter,
      enterpriseId,
      createdBy: applicantId,
    })
    const outside = await handler1.post(
      `${APPS}/${submitted}/review-tasks/${taskOf(view, 'review').id}/claim`,
    )
    expect(outside.body.error.code).toBe('APPLICATION_NOT_UNDER_REVIEW')
  })

  it('delegates a step to a named colleague holding its role, and to nobody else', async () => {
    const matter = await buildMatterVersion(t, { departmentId, reviewSteps: TWO_STEPS })
    const id = await accepted(matter)
    const view = (await staffView(handler1, id)).body
    const taskId = taskOf(view, 'review').id
    const toHead = await handler1.post(`${APPS}/${id}/review-tasks/${taskId}/delegate`, {
      assigneeId: headStaff.id,
    })
    expect(toHead.status).toBe(422)
    expect(toHead.body.error).toMatchObject({
      code: 'REVIEW_DELEGATE_INVALID',
      fields: { assigneeId: expect.any(String) },
    })
    const outsider = await handler1.post(`${APPS}/${id}/review-tasks/${taskId}/delegate`, {
      assigneeId: strangerStaff.id,
    })
    expect(outsider.body.error.code).toBe('REVIEW_DELEGATE_INVALID')

    const passed = await handler1.post(`${APPS}/${id}/review-tasks/${taskId}/delegate`, {
      assigneeId: h2.id,
      note: '请代为审查',
    })
    expect(passed.status).toBe(200)
    expect(taskOf(passed.body, 'review')).toMatchObject({ status: 'claimed', assigneeId: h2.id })
    expect((await decide(handler1, id, taskId, { outcome: 'approve' })).body.error.code).toBe(
      'REVIEW_TASK_HELD_BY_OTHER',
    )
    expect((await handler1.post(`${APPS}/${id}/review-tasks/${taskId}/unclaim`)).body.error.code).toBe(
      'REVIEW_TASK_NOT_YOURS',
    )
    const back = await handler2.post(`${APPS}/${id}/review-tasks/${taskId}/unclaim`)
    expect(taskOf(back.body, 'review')).toMatchObject({ status: 'open', assigneeId: null })
  })
})

describe('instant matters (即办件)', () => {
  const FORM = {
    schema: {
      type: 'object',
      properties: { area: { type: 'number', title: '经营面积' } },
      required: ['area'],
    },
    ui: {},
  }
  const CONDITIONS = [
    { id: 'size', rule: '企业规模 属于 [小型, 微型]', clause: '测试办法第三条' },
    { id: 'area', rule: '经营面积 不超过 300', clause: '测试办法第四条' },
  ]

  async function submitDraft(matter: BuiltMatter, formData: Record<string, unknown>) {
    const id = await buildApplicationIn(t, 'draft', {
      matter,
      enterpriseId,
      createdBy: applicantId,
      formData,
    })
    // the intake's submission calls decideOnSubmission in the submit move (its outcome, or its own)
    await t.deps.db.transaction().execute(async (tx) => {
      const row = (await q.lockApplicationById(tx, id))!
      const now = new Date()
      await runSystemApplicationAction(t.deps, tx, systemActor('test'), row, 'submit', now, async (ctx) => {
        const instant = await decideOnSubmission(ctx)
        return instant ?? { changes: { submitted_at: now } }
      })
    })
    return id
  }

  it('approves at once when every condition holds, explaining each in the decision notice', async () => {
    const matter = await buildMatterVersion(t, {
      departmentId,
      certificateKind: 'filing',
      formSchema: FORM,
      instantConditions: CONDITIONS,
    })
    const id = await submitDraft(matter, { area: 120 })
    const view = (await staffView(handler1, id)).body
    expect(view).toMatchObject({ status: 'approved', decision: { instant: true } })
    expect(view.decision.certificateNumber).toEqual(expect.any(String))
    const notice = (await applicant.get(`${APPS}/${id}/notices`)).body.items[0]
    expect(notice.title).toBe('准予行政许可决定书')
    expect(notice.body).toContain('即办件')
    expect(notice.body).toContain('测试办法第四条')
    // decided by the rules, not by the applicant who submitted
    const row = await t.deps.db
      .selectFrom('applications')
      .select(['decided_by', 'instant'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ decided_by: null, instant: true })
  })

  it('falls back to ordinary review when a condition fails, telling the applicant which', async () => {
    const matter = await buildMatterVersion(t, {
      departmentId,
      formSchema: FORM,
      instantConditions: CONDITIONS,
    })
    const id = await submitDraft(matter, { area: 500 })
    expect((await staffView(handler1, id)).body.status).toBe('submitted')
    const timeline = (await applicant.get(`${APPS}/${id}/timeline`)).body.items
    const failed = timeline.find((e: { type: string }) => e.type === 'instant_not_met')
    expect(failed.data.conditions).toEqual([
      { id: 'area', clause: '测试办法第四条', text: expect.stringContaining('经营面积'), result: 'fail' },
    ])
  })

  it('an answer left out is not a pass: ordinary review', async () => {
    const matter = await buildMatterVersion(t, {
      departmentId,
      formSchema: FORM,
      instantConditions: CONDITIONS,
    })
    const id = await submitDraft(matter, {})
    expect((await staffView(handler1, id)).body.status).toBe('submitted')
  })

  it('the seeded instant matters’ conditions compile against the fact schema', async () => {
    const loaded = await factReader(t.deps).schema(t.deps.db)
    const seeded = Object.values(DALIAN_MATTER_RULES).filter((r) => r.instantConditions?.length)
    expect(seeded.length).toBeGreaterThanOrEqual(2)
    for (const rules of seeded) {
      const result = evaluateInstantConditions({
        conditions: rules.instantConditions!,
        loaded,
        formSchema: {},
        formData: {},
        lookup: () => undefined,
        today: '2026-06-01',
      })
      // nothing known: every condition compiles (rendered, not echoed) and is undetermined
      for (const c of result.conditions) {
        expect(c.result).toBe('missing')
        expect(c.text).not.toBe(rules.instantConditions!.find((x) => x.id === c.id)!.rule)
      }
    }
  })
})

describe('the queue and the staff view', () => {
  it('lists the department’s applications nearest due first, overdue flagged, by keyset pages and filters', async () => {
    const ownDepartment = (await buildDepartment(t)).id
    const officer = await signInStaff(
      t,
      await buildStaff(t, { roles: ['handler'], departmentId: ownDepartment }),
    )
    const matter = await buildMatterVersion(t, { departmentId: ownDepartment, reviewSteps: TWO_STEPS })
    const day = 24 * 3_600_000
    const base = Date.UTC(2026, 0, 10)
    const later = await buildApplicationIn(t, 'accepted', {
      matter,
      enterpriseId,
      createdBy: applicantId,
      dueAt: new Date(base + 9 * day),
    })
    const overdue = await buildApplicationIn(t, 'submitted', {
      matter,
      enterpriseId,
      createdBy: applicantId,
      dueAt: new Date(base - 2 * day),
    })
    const middle = await buildApplicationIn(t, 'special_step', {
      matter,
      enterpriseId,
      createdBy: applicantId,
      dueAt: new Date(base + 3 * day),
    })
    await buildApplicationIn(t, 'approved', { matter, enterpriseId, createdBy: applicantId })

    const first = await officer.get('/api/v1/services/queue?limit=2')
    expect(first.status).toBe(200)
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([overdue, middle])
    expect(first.body.items[0]).toMatchObject({
      isOverdue: true,
      status: 'submitted',
      matterName: matter.name,
    })
    expect(first.body.next).toEqual(expect.any(String))
    const second = await officer.get(`/api/v1/services/queue?limit=2&after=${first.body.next}`)
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([later])
    expect(second.body.next).toBeNull()

    const accepted = await officer.get('/api/v1/services/queue?status=accepted')
    expect(accepted.body.items.map((i: { id: string }) => i.id)).toEqual([later])
    const byMatter = await officer.get(`/api/v1/services/queue?matterId=${matter.matterId}`)
    expect(byMatter.body.items).toHaveLength(3)

    // a handler of another department sees none of it, and cannot open one
    expect((await stranger.get('/api/v1/services/queue')).body.items).toEqual([])
    expect((await stranger.get(`/api/v1/services/queue?departmentId=${ownDepartment}`)).body.items).toEqual(
      [],
    )
    expect((await staffView(stranger, later)).status).toBe(404)
    expect((await applicant.get('/api/v1/services/queue')).status).toBe(403)
    const bad = await officer.get('/api/v1/services/queue?limit=0&status=approved')
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['limit', 'status'])
  })

  it('the staff view lists the moves the caller may make; a bureau leader reads it and may make none', async () => {
    const matter = await buildMatterVersion(t, { departmentId, reviewSteps: TWO_STEPS })
    const id = await buildApplicationIn(t, 'submitted', {
      matter,
      enterpriseId,
      createdBy: applicantId,
      formData: { area: 1 },
    })
    const view = await staffView(handler1, id)
    expect(view.body.allowedActions).toEqual([
      'accept',
      'accept_with_tolerance',
      'request_supplement',
      'not_accept',
    ])
    expect(view.body.formData).toEqual({ area: 1 })
    expect(view.body.colleagues.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([h1.id, h2.id, headStaff.id]),
    )
    const leader = await signInStaff(t, await buildStaff(t, { roles: ['bureau_leader'] }))
    const read = await staffView(leader, id)
    expect(read.status).toBe(200)
    expect(read.body.allowedActions).toEqual([])
    expect((await applicant.get(`${APPS}/${id}/staff`)).status).toBe(403)
    const other = await signInEnterprise(
      t,
      (await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })).phone,
    )
    expect((await other.get(`${APPS}/${id}/notices`)).status).toBe(404)
  })
})
