import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  buildDepartment,
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  signInEnterprise,
  signInStaff,
} from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'
import { buildAppealWorld, fileAndDispatch, type AppealWorld } from '../appeals/appeals.factories'
import { buildBenefitWorld, key, runMatchJob, today } from '../benefits/benefits.factories'
import { buildApplicationIn, buildMatterVersion, type BuiltMatter } from '../services/services.factories'
import { onRatingRecorded, type RecordedRating } from './index'
import { DEFAULT_RATING_SETTINGS } from './rating-settings'
import { sweepRatings } from './ratings-sweep.service'

let t: TestApp
let matter: BuiltMatter
let firm: { id: string; userId: string; client: TestClient }
let stranger: TestClient
let handler: TestClient
let dispatcher: TestClient
let leader: TestClient
const heard: RecordedRating[] = []

async function enterpriseWithUser() {
  const enterprise = await buildEnterprise(t)
  const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  return { id: enterprise.id, userId: user.id, client: await signInEnterprise(t, user.phone) }
}
const application = (state: 'approved' | 'refused' | 'accepted', now?: Date) =>
  buildApplicationIn(t, state, {
    matter,
    enterpriseId: firm.id,
    createdBy: firm.userId,
    ...(now ? { now } : {}),
  })
const ratingsOf = (subjectId: string) =>
  t.deps.db.selectFrom('ratings').selectAll().where('subject_id', '=', subjectId).execute()

beforeAll(async () => {
  t = await createTestApp()
  const department = await buildDepartment(t)
  matter = await buildMatterVersion(t, { departmentId: department.id })
  firm = await enterpriseWithUser()
  stranger = (await enterpriseWithUser()).client
  handler = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: department.id }))
  dispatcher = await signInStaff(t, await buildStaff(t, { roles: ['dispatcher'] }))
  leader = await signInStaff(t, await buildStaff(t, { roles: ['bureau_leader'] }))
  onRatingRecorded(async (tx, rating) => {
    // runs inside the transaction that wrote the rating: the row is visible here
    const row = await tx.selectFrom('ratings').select('id').where('id', '=', rating.id).executeTakeFirst()
    if (row) heard.push(rating)
  })
})
afterAll(() => t.close())

describe('rating a service application (issue 12’s “rate it”)', () => {
  it('rates a decided application once, with the dimensions; the listeners hear it in the same transaction', async () => {
    const id = await application('approved')
    const res = await firm.client.post('/api/v1/ratings', {
      subjectType: 'application',
      subjectId: id,
      level: 2,
      efficiency: 2,
      guideAccuracy: 3,
      convenience: 4,
      usability: 5,
      comment: '材料要求前后不一致',
      deviceId: 'device-0001-abcdef',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body).toMatchObject({
      subjectType: 'application',
      stage: 'final',
      kind: 'given',
      channel: 'online',
      level: 2,
      efficiency: 2,
      guideAccuracy: 3,
      convenience: 4,
      usability: 5,
      comment: '材料要求前后不一致',
      excluded: false,
    })
    const [row] = await ratingsOf(id)
    expect(row).toMatchObject({
      department_id: matter.departmentId,
      enterprise_id: firm.id,
      rated_by: firm.userId,
    })
    expect(row!.device_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(row!.device_hash).not.toContain('device-0001')
    expect(heard.find((r) => r.subjectId === id)).toMatchObject({
      level: 2,
      departmentId: matter.departmentId,
    })
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'rating')
      .where('entity_id', '=', row!.id)
      .execute()
    expect(audit).toMatchObject([{ action: 'rating.record', after: { subjectId: id, level: 2 } }])
  })

  it('a second rating of the same stage is a clear 409 and writes nothing, even two at once', async () => {
    const id = await application('refused')
    const body = { subjectType: 'application', subjectId: id, level: 5 }
    const [first, second] = await Promise.all([
      firm.client.post('/api/v1/ratings', body),
      firm.client.post('/api/v1/ratings', { ...body, level: 1 }),
    ])
    expect([first.status, second.status].sort()).toEqual([201, 409])
    const third = await firm.client.post('/api/v1/ratings', { ...body, level: 3 })
    expect(third.status).toBe(409)
    expect(third.body.error.code).toBe('RATING_ALREADY_GIVEN')
    expect(await ratingsOf(id)).toHaveLength(1)
  })

  it('refuses an unfinished case (409), someone else’s case (404), staff (403), a stage that does not exist (404)', async () => {
    const open = await application('accepted')
    const notYet = await firm.client.post('/api/v1/ratings', {
      subjectType: 'application',
      subjectId: open,
      level: 5,
    })
    expect(notYet.status).toBe(409)
    expect(notYet.body.error.code).toBe('RATING_NOT_RATEABLE')
    const decided = await application('approved')
    const others = await stranger.post('/api/v1/ratings', {
      subjectType: 'application',
      subjectId: decided,
      level: 1,
    })
    expect(others.status).toBe(404)
    const staff = await handler.post('/api/v1/ratings', {
      subjectType: 'application',
      subjectId: decided,
      level: 5,
    })
    expect(staff.status).toBe(403)
    const stage = await firm.client.post('/api/v1/ratings', {
      subjectType: 'application',
      subjectId: decided,
      stage: 'cycle-1',
      level: 5,
    })
    expect(stage.status).toBe(404)
    // a payout is rated as its claim (decision 0051): not a kind of case this API takes
    const payout = await firm.client.post('/api/v1/ratings', {
      subjectType: 'payout',
      subjectId: decided,
      level: 5,
    })
    expect(payout.status).toBe(400)
    expect(payout.body.error.fields).toHaveProperty('subjectType')
    const missing = await firm.client.post('/api/v1/ratings', {
      subjectType: 'application',
      subjectId: crypto.randomUUID(),
      level: 5,
    })
    expect(missing.status).toBe(404)
    const bad = await firm.client.post('/api/v1/ratings', {
      subjectType: 'application',
      subjectId: decided,
      level: 6,
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields).toHaveProperty('level')
    expect(await ratingsOf(open)).toHaveLength(0)
    expect(await ratingsOf(decided)).toHaveLength(0)
  })

  it('lists the enterprise’s rated cases and those still to rate; another enterprise’s list is not found', async () => {
    const toRate = await application('approved')
    const mine = await firm.client.get(`/api/v1/ratings/mine?enterpriseId=${firm.id}`)
    expect(mine.status).toBe(200)
    expect(mine.body.toRate.map((c: { subjectId: string }) => c.subjectId)).toContain(toRate)
    expect(mine.body.toRate.find((c: { subjectId: string }) => c.subjectId === toRate)).toMatchObject({
      subjectType: 'application',
      stage: 'final',
      title: matter.name,
      ratedThroughCase: false,
    })
    expect(mine.body.rated.length).toBeGreaterThanOrEqual(2)
    expect(mine.body.rated[0]).toHaveProperty('title', matter.name)
    const rated = new Set(mine.body.rated.map((r: { subjectId: string }) => r.subjectId))
    expect(mine.body.toRate.filter((c: { subjectId: string }) => rated.has(c.subjectId))).toEqual([])
    expect((await stranger.get(`/api/v1/ratings/mine?enterpriseId=${firm.id}`)).status).toBe(404)
    expect((await handler.get(`/api/v1/ratings/mine?enterpriseId=${firm.id}`)).status).toBe(403)
  })
})

describe('rating an appeal: through its own confirmation, one row per answer cycle', () => {
  let w: AppealWorld
  beforeAll(async () => {
    w = await buildAppealWorld(t)
  })
  async function replied() {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    const reply = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '已协调窗口一次性告知所需材料，许可证将于三日内核发。',
      attachmentIds: [],
    })
    expect(reply.body.status, JSON.stringify(reply.body)).toBe('replied')
    return id
  }

  it('a “not solved” rating reopens the appeal and writes cycle-1; the unit does not see who rated until it closes', async () => {
    const id = await replied()
    expect(
      (
        await w.enterpriseUser.post('/api/v1/ratings', {
          subjectType: 'appeal',
          subjectId: id,
          stage: 'cycle-1',
          level: 5,
        })
      ).body.error.code,
    ).toBe('RATING_THROUGH_CASE')
    const mine = await w.enterpriseUser.get(`/api/v1/ratings/mine?enterpriseId=${w.enterprise.id}`)
    expect(mine.body.toRate).toContainEqual(
      expect.objectContaining({
        subjectType: 'appeal',
        subjectId: id,
        stage: 'cycle-1',
        ratedThroughCase: true,
      }),
    )
    const rated = await w.enterpriseUser.post(`/api/v1/appeals/${id}/rating`, {
      solved: false,
      level: 1,
      comment: '问题没有解决',
    })
    expect(rated.status, JSON.stringify(rated.body)).toBe(200)
    expect(await ratingsOf(id)).toMatchObject([
      { subject_type: 'appeal', stage: 'cycle-1', level: 1, department_id: w.departments.a.id },
    ])
    const unit = await w.handlerA.get(`/api/v1/ratings/cases/appeal/${id}`)
    expect(unit.status).toBe(200)
    expect(unit.body.items).toMatchObject([
      { stage: 'cycle-1', level: 1, comment: '问题没有解决', rater: null, raterHidden: true, flags: [] },
    ])
    const bureau = await w.dispatcher.get(`/api/v1/ratings/cases/appeal/${id}`)
    expect(bureau.body.items[0].rater).toMatchObject({ id: expect.any(String) })
    expect(bureau.body.items[0].raterHidden).toBe(false)
    // another department's handler reads none of it
    expect((await w.handlerB.get(`/api/v1/ratings/cases/appeal/${id}`)).body.items).toEqual([])

    // the second answer is confirmed: the appeal closes, and the unit may now see who rated
    const second = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '许可证已核发，请查收。',
      attachmentIds: [],
    })
    expect(second.body.status, JSON.stringify(second.body)).toBe('replied')
    const closed = await w.enterpriseUser.post(`/api/v1/appeals/${id}/rating`, {
      solved: true,
      level: 5,
      comment: '很快',
    })
    expect(closed.body.status, JSON.stringify(closed.body)).toBe('closed')
    const after = await w.handlerA.get(`/api/v1/ratings/cases/appeal/${id}`)
    expect(after.body.items.map((r: { stage: string }) => r.stage)).toEqual(['cycle-1', 'cycle-2'])
    expect(after.body.items.every((r: { rater: unknown }) => r.rater !== null)).toBe(true)
  })
})

describe('rating a benefit claim: on the claim’s page, also a ratings row', () => {
  it('the paid claim’s rating writes the one row; POST /ratings sends it to the claim’s page', async () => {
    const bw = await buildBenefitWorld(t)
    const a = await bw.firm(10_000_000)
    await runMatchJob(t)
    const consent = await a.client.post(`/api/v1/enterprises/${a.id}/claims/consent`, {
      itemId: bw.items.noApp,
      idempotencyKey: key(),
    })
    expect(consent.status, JSON.stringify(consent.body)).toBe(201)
    const claimId = consent.body.id
    const notPaid = await a.client.post('/api/v1/ratings', {
      subjectType: 'benefit_claim',
      subjectId: claimId,
      level: 5,
    })
    expect(notPaid.body.error.code).toBe('RATING_THROUGH_CASE')
    const batch = await bw.head.post(`/api/v1/benefits/items/${bw.items.noApp}/payout-batches`, {
      paidOn: today(),
      claimIds: [claimId],
    })
    expect(batch.status, JSON.stringify(batch.body)).toBe(201)
    const mine = await a.client.get(`/api/v1/ratings/mine?enterpriseId=${a.id}`)
    expect(mine.body.toRate).toContainEqual(
      expect.objectContaining({ subjectType: 'benefit_claim', subjectId: claimId, ratedThroughCase: true }),
    )
    const rated = await a.client.post(`/api/v1/enterprises/${a.id}/claims/${claimId}/rating`, {
      level: 4,
      comment: '快',
    })
    expect(rated.status, JSON.stringify(rated.body)).toBe(200)
    expect(await ratingsOf(claimId)).toMatchObject([
      {
        subject_type: 'benefit_claim',
        stage: 'final',
        level: 4,
        comment: '快',
        department_id: bw.departmentId,
      },
    ])
    const after = await a.client.get(`/api/v1/ratings/mine?enterpriseId=${a.id}`)
    expect(after.body.toRate.map((c: { subjectId: string }) => c.subjectId)).not.toContain(claimId)
  })
})

describe('invitations, default ratings and the figures', () => {
  it('invites once after 3 days; a default rating only where the city enabled it, reported apart', async () => {
    const admin = await signInStaff(t, await buildStaff(t, { roles: ['admin'] }))
    const saved = await admin.put('/api/v1/ratings/settings', {
      version: 0,
      settings: { ...DEFAULT_RATING_SETTINGS, defaultRatings: { enabled: true, afterDays: 7, level: 4 } },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    const finished = new Date('2026-03-10T02:00:00Z')
    const id = await application('approved', finished)
    const swept = await sweepRatings(t.deps, new Date('2026-03-20T02:00:00Z'))
    expect(swept.invited).toBeGreaterThanOrEqual(1)
    expect(swept.defaulted).toBeGreaterThanOrEqual(1)
    const invitations = await t.deps.db
      .selectFrom('rating_invitations')
      .selectAll()
      .where('subject_id', '=', id)
      .execute()
    expect(invitations).toHaveLength(1)
    expect(await ratingsOf(id)).toMatchObject([
      { kind: 'default', channel: 'system', level: 4, rated_by: null },
    ])
    // a rerun invites nobody twice and defaults nothing twice
    const again = await sweepRatings(t.deps, new Date('2026-03-20T03:00:00Z'))
    expect(await ratingsOf(id)).toHaveLength(1)
    expect(
      await t.deps.db.selectFrom('rating_invitations').selectAll().where('subject_id', '=', id).execute(),
    ).toHaveLength(1)
    expect(again.defaulted).toBe(0)
    // the rater can no longer rate the stage the default took
    expect(
      (await firm.client.post('/api/v1/ratings', { subjectType: 'application', subjectId: id, level: 1 }))
        .status,
    ).toBe(409)

    const figures = await leader.get('/api/v1/ratings/figures?from=2026-03&to=2026-03')
    expect(figures.status, JSON.stringify(figures.body)).toBe(200)
    const row = figures.body.rows.find(
      (r: { departmentId: string; subjectType: string }) =>
        r.departmentId === matter.departmentId && r.subjectType === 'application',
    )
    expect(row).toMatchObject({
      month: '2026-03',
      given: 0,
      defaults: 1,
      defaultDistribution: [0, 0, 0, 1, 0],
      satisfaction: null,
    })
    const statistics = await t.anonymous().get('/api/v1/ratings/statistics?from=2026-03&to=2026-03')
    expect(statistics.status).toBe(200)
    expect(JSON.stringify(statistics.body)).not.toContain(firm.userId)
    expect((await handler.get('/api/v1/ratings/figures?from=2026-03&to=2026-03')).status).toBe(403)
    expect((await dispatcher.get('/api/v1/ratings/figures?from=2026-03&to=2028-03')).status).toBe(400)
  })
})
