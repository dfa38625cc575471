import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInAs,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import type { ApplicationState } from './application-states'
import {
  buildApplication,
  buildEvent,
  buildMatter,
  buildNotice,
  material,
  type ApplicationFacts,
} from './services-figures.factories'

/**
 * The 办不成事 desk through HTTP on a real database: which applications it takes, the one appeal each
 * becomes (through the pool's own intake), the link both ways, and who reads the application's history.
 * "Overdue" is decided against the request's instant: the dues are stored a day before and two days
 * after it, so no time of day or holiday changes an answer. (Pinning Date for the whole app makes the
 * job runner's timers, scheduled from the database's own clock, spin: the desk reads no date boundary.)
 */
const BASE = '/api/v1/services/applications'
const DAY = 86_400_000
const PAST = new Date(Date.now() - DAY)
const FUTURE = new Date(Date.now() + 2 * DAY)

let t: TestApp
let enterpriseId: string
let applicantUserId: string
let departmentId: string
let matter: { matterId: string; versionId: string }
let applicant: TestClient
let otherMember: TestClient
let outsider: TestClient
let dispatcher: TestClient
let matterHandler: TestClient
let appealHandler: TestClient
let bystander: TestClient
let appealDepartmentId: string

beforeAll(async () => {
  t = await createTestApp()
  enterpriseId = (await buildEnterprise(t)).id
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  applicantUserId = member.id
  applicant = await signInEnterprise(t, member.phone)
  const colleague = await buildEnterpriseUser(t, { enterpriseIds: [enterpriseId] })
  otherMember = await signInEnterprise(t, colleague.phone)
  outsider = await signInAs(t, 'enterprise')
  departmentId = (await buildDepartment(t, { name: '测试市场监管局' })).id
  appealDepartmentId = (await buildDepartment(t, { name: '测试营商局' })).id
  matter = await buildMatter(t, { departmentId, name: '食品经营许可证核发' })
  dispatcher = await signInAs(t, 'dispatcher')
  matterHandler = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId }))
  appealHandler = await signInStaff(
    t,
    await buildStaff(t, { roles: ['handler'], departmentId: appealDepartmentId }),
  )
  bystander = await signInAs(t, 'handler')
})
afterAll(() => t.close())

async function application(facts: ApplicationFacts & { status: ApplicationState }) {
  return buildApplication(
    t,
    { enterpriseId, applicantUserId, matter, departmentId },
    { title: '食品经营许可申请', received_at: new Date('2026-03-02T02:00:00Z'), ...facts },
  )
}

async function appealsOf(applicationId: string) {
  return t.deps.db
    .selectFrom('appeals')
    .select(['id', 'number', 'channel', 'category_code', 'body', 'application_id', 'enterprise_id'])
    .where('application_id', '=', applicationId)
    .execute()
}

const ELIGIBLE: [string, ApplicationFacts & { status: ApplicationState }, string][] = [
  ['refused', { status: 'refused', decided_at: PAST, decision_reason: '经营场所不符合要求' }, 'refused'],
  ['not accepted', { status: 'not_accepted', not_accepted_reason: '不属于本部门职权' }, 'not_accepted'],
  ['terminated', { status: 'terminated' }, 'terminated'],
  [
    'the completeness check is late',
    { status: 'submitted', completeness_due_at: PAST },
    'completeness_overdue',
  ],
  [
    'the decision is past its promised limit',
    { status: 'accepted', decision_due_at: PAST },
    'decision_overdue',
  ],
  [
    'a special step overran its own limit',
    { status: 'special_step', special_step_due_at: PAST },
    'special_step_overdue',
  ],
  ['a supplement it cannot meet', { status: 'supplement_requested' }, 'supplement_unmeetable'],
]

describe('The 办不成事 desk', () => {
  it.each(ELIGIBLE)(
    'files an application that is %s as one appeal in the pool',
    async (_n, facts, reason) => {
      const id = await application(facts)
      const before = await applicant.get(`${BASE}/${id}/appeal`)
      expect(before.body).toEqual({ applicationId: id, eligible: true, reason, appeal: null })

      const filed = await applicant.post(`${BASE}/${id}/appeal`, { note: '窗口让我们反复跑' })
      expect(filed.status).toBe(201)
      expect(filed.body).toMatchObject({ applicationId: id, eligible: false, reason })
      const [appeal, ...more] = await appealsOf(id)
      expect(more).toEqual([])
      expect(appeal).toMatchObject({
        id: filed.body.appeal.id,
        number: filed.body.appeal.number,
        channel: 'cannot_do',
        category_code: 'approval',
        enterprise_id: enterpriseId,
      })
      expect(appeal!.body).toContain('窗口让我们反复跑')
      const linked = await t.deps.db
        .selectFrom('applications')
        .select('appeal_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(linked.appeal_id).toBe(appeal!.id)

      const after = await applicant.get(`${BASE}/${id}/appeal`)
      expect(after.body).toMatchObject({ eligible: false, reason: null, appeal: { id: appeal!.id } })
    },
  )

  it('refuses an application that is on its way, approved, withdrawn or a draft, and files nothing', async () => {
    for (const facts of [
      { status: 'approved' as const, decided_at: PAST },
      { status: 'accepted' as const, decision_due_at: FUTURE },
      { status: 'submitted' as const, completeness_due_at: FUTURE },
      { status: 'special_step' as const, special_step_due_at: FUTURE, decision_due_at: PAST },
      { status: 'withdrawn' as const },
      { status: 'draft' as const, received_at: null },
    ]) {
      const id = await application(facts)
      expect((await applicant.get(`${BASE}/${id}/appeal`)).body).toMatchObject({
        eligible: false,
        reason: null,
        appeal: null,
      })
      const res = await applicant.post(`${BASE}/${id}/appeal`, {})
      expect([facts.status, res.status, res.body.error.code]).toEqual([
        facts.status,
        409,
        'APPLICATION_NOT_BLOCKED',
      ])
      expect(await appealsOf(id)).toEqual([])
    }
  })

  it('answers a second tap with the same appeal, and writes the link, the step and the audit once', async () => {
    const id = await application({ status: 'refused', decided_at: PAST })
    const first = await applicant.post(`${BASE}/${id}/appeal`, {})
    const [second, third] = await Promise.all([
      applicant.post(`${BASE}/${id}/appeal`, {}),
      applicant.post(`${BASE}/${id}/appeal`, { note: '再点一次' }),
    ])
    expect(first.status).toBe(201)
    for (const again of [second, third]) {
      expect(again.status).toBe(200)
      expect(again.body.appeal).toEqual(first.body.appeal)
    }
    expect(await appealsOf(id)).toHaveLength(1)
    const events = await t.deps.db
      .selectFrom('application_events')
      .select(['type', 'audience'])
      .where('application_id', '=', id)
      .execute()
    expect(events).toEqual([{ type: 'appeal', audience: 'enterprise' }])
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [id, first.body.appeal.id])
      .orderBy('id')
      .execute()
    expect(audits.map((a) => a.action).sort()).toEqual(['appeal.file', 'application.appeal'])
  })

  it('is the applicant’s own: another enterprise, a colleague and staff find nothing', async () => {
    const id = await application({ status: 'refused', decided_at: PAST })
    expect((await outsider.post(`${BASE}/${id}/appeal`, {})).status).toBe(404)
    expect((await outsider.get(`${BASE}/${id}/appeal`)).status).toBe(404)
    // the application belongs to whoever opened it (application-action.ts rolesOn)
    expect((await otherMember.post(`${BASE}/${id}/appeal`, {})).status).toBe(404)
    expect((await matterHandler.post(`${BASE}/${id}/appeal`, {})).body.error.code).toBe('FORBIDDEN')
    expect((await applicant.post(`${BASE}/${crypto.randomUUID()}/appeal`, {})).status).toBe(404)
    expect(await appealsOf(id)).toEqual([])
  })

  it('puts the appeal in the pool with the link and the history the enterprise was told', async () => {
    const id = await application({
      status: 'not_accepted',
      not_accepted_reason: '申请事项依法不需要取得行政许可',
    })
    await buildEvent(t, id, { type: 'submit', at: new Date('2026-03-02T02:00:00Z'), audience: 'enterprise' })
    await buildEvent(t, id, { type: 'review', at: new Date('2026-03-03T02:00:00Z'), audience: 'internal' })
    await buildEvent(t, id, {
      type: 'not_accept',
      at: new Date('2026-03-04T02:00:00Z'),
      audience: 'enterprise',
    })
    await buildNotice(t, id, {
      kind: 'not_accepted',
      issuedAt: new Date('2026-03-04T02:00:00Z'),
      title: '不予受理决定书',
    })
    const filed = await applicant.post(`${BASE}/${id}/appeal`, {})
    const appealId = filed.body.appeal.id

    const queue = await dispatcher.get(`/api/v1/appeals/queue?view=triage&limit=200`)
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(appealId)
    const staffView = await dispatcher.get(`/api/v1/appeals/${appealId}`)
    expect(staffView.body).toMatchObject({ view: 'staff', channel: 'cannot_do', applicationId: id })
    expect(staffView.body.body).toContain('2026-03-02 10:00 提交申请')
    expect(staffView.body.body).toContain('2026-03-04 10:00 《不予受理决定书》')
    expect(staffView.body.body).toContain('申请事项依法不需要取得行政许可')
    // an internal step of the department does not reach the appeal (the enterprise reads it too)
    expect(staffView.body.body).not.toContain('审查')
    const enterpriseView = await applicant.get(`/api/v1/appeals/${appealId}`)
    expect(enterpriseView.body).toMatchObject({ view: 'enterprise', applicationId: id })

    // who reads the application's history: its applicant, its department, the appeal's department
    const history = await applicant.get(`${BASE}/${id}/history`)
    expect(history.body).toMatchObject({
      id,
      status: 'not_accepted',
      matterName: '食品经营许可证核发',
      departmentName: '测试市场监管局',
      appeal: { id: appealId },
      events: [
        { at: '2026-03-02T02:00:00.000Z', type: 'submit' },
        { at: '2026-03-04T02:00:00.000Z', type: 'not_accept' },
        { type: 'appeal' },
      ],
      notices: [{ kind: 'not_accepted', title: '不予受理决定书' }],
    })
    expect((await matterHandler.get(`${BASE}/${id}/history`)).status).toBe(200)
    expect((await dispatcher.get(`${BASE}/${id}/history`)).status).toBe(200)
    expect((await appealHandler.get(`${BASE}/${id}/history`)).status).toBe(404)
    const dispatched = await dispatcher.post(`/api/v1/appeals/${appealId}/dispatch`, {
      leadDepartmentId: appealDepartmentId,
    })
    expect(dispatched.status).toBe(200)
    expect((await appealHandler.get(`${BASE}/${id}/history`)).status).toBe(200)
    expect((await bystander.get(`${BASE}/${id}/history`)).status).toBe(404)
    expect((await outsider.get(`${BASE}/${id}/history`)).status).toBe(404)
  })

  it('answers bad input with the one error shape', async () => {
    const id = await application({ status: 'refused', decided_at: PAST })
    const long = await applicant.post(`${BASE}/${id}/appeal`, { note: '长'.repeat(501) })
    expect(long.status).toBe(400)
    expect(long.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { note: expect.any(String) } })
    const stray = await applicant.post(`${BASE}/${id}/appeal`, { appealId: 'x' })
    expect(stray.status).toBe(400)
    expect((await applicant.post(`${BASE}/not-a-uuid/appeal`, {})).status).toBe(400)
    expect(await appealsOf(id)).toEqual([])
  })
})

describe('the staff view through the appeal an application became', () => {
  it('opens to the task force and the appeal department once they hold the appeal, with its materials', async () => {
    const withMaterial = await buildMatter(t, {
      departmentId,
      name: '食品经营许可证核发',
      materials: [material('营业执照', true)],
    })
    const id = await buildApplication(
      t,
      { enterpriseId, applicantUserId, matter: withMaterial, departmentId },
      { title: '食品经营许可申请', status: 'refused', decided_at: PAST },
    )
    // before the desk: the application is its department's, nobody else's
    expect((await dispatcher.get(`${BASE}/${id}/staff`)).status).toBe(404)
    expect((await appealHandler.get(`${BASE}/${id}/staff`)).status).toBe(404)
    const own = await matterHandler.get(`${BASE}/${id}/staff`)
    expect(own.status).toBe(200)
    expect(own.body.materials).toEqual([
      expect.objectContaining({ name: '营业执照', state: 'platform', files: [] }),
    ])

    const appealId = (await applicant.post(`${BASE}/${id}/appeal`, {})).body.appeal.id
    const pooled = await dispatcher.get(`${BASE}/${id}/staff`)
    expect(pooled.status).toBe(200)
    expect(pooled.body).toMatchObject({ id, status: 'refused', allowedActions: [] })
    expect(pooled.body.materials).toHaveLength(1)
    expect((await appealHandler.get(`${BASE}/${id}/staff`)).status).toBe(404)
    await dispatcher.post(`/api/v1/appeals/${appealId}/dispatch`, { leadDepartmentId: appealDepartmentId })
    expect((await appealHandler.get(`${BASE}/${id}/staff`)).status).toBe(200)
    expect((await bystander.get(`${BASE}/${id}/staff`)).status).toBe(404)
    // the applicant reads its own pages, not the staff view
    expect((await applicant.get(`${BASE}/${id}/staff`)).status).toBe(403)
  })
})
