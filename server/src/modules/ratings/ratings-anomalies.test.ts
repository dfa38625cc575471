import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
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
import { buildApplicationIn, buildMatterVersion, type BuiltMatter } from '../services/services.factories'

/**
 * The anomaly flags (decision 0051, "Flags") through HTTP on a real database with the clock pinned:
 * a burst of identical ratings of one unit, a rating tapped seconds after a staff action on the case,
 * one device rating many cases. The bureau reads the flags; the handling unit reads neither the flags
 * nor, while the case runs, who rated. Rating-flags.test.ts tables the rules; this proves the look-ups
 * (ratings.queries.ts) feed them. Dates are Dalian's (UTC+8): Tuesday 2026-11-03 10:00 is "now".
 */
const at = (local: string) => new Date(`${local}+08:00`)
const SECOND = 1000
const MINUTE = 60 * SECOND

type StaffRating = {
  stage: string
  level: number
  flags: string[]
  rater: { id: string; name: string } | null
  raterHidden: boolean
}

let t: TestApp
let w: AppealWorld

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at('2026-11-03T10:00:00'))
  t = await createTestApp({ STAFF_SESSION_HOURS: '5000', ENTERPRISE_SESSION_DAYS: '365' })
  w = await buildAppealWorld(t)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

const advance = (ms: number) => vi.setSystemTime(new Date(Date.now() + ms))

/** Files, dispatches to department A, signs for and answers an appeal; the answer is a staff action. */
async function answeredAppeal(): Promise<string> {
  const id = await fileAndDispatch(w)
  expect((await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)).status).toBe(200)
  const reply = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
    body: '已协调窗口一次性告知所需材料，许可证将于三日内核发。',
    attachmentIds: [],
  })
  expect(reply.body.status, JSON.stringify(reply.body)).toBe('replied')
  return id
}

/** The enterprise says "not solved": the appeal reopens, so it is not closed and the rater stays hidden. */
async function rateNotSolved(id: string, level: number, comment: string) {
  const rated = await w.enterpriseUser.post(`/api/v1/appeals/${id}/rating`, { solved: false, level, comment })
  expect(rated.status, JSON.stringify(rated.body)).toBe(200)
}

async function viewsOf(subjectType: string, id: string) {
  const bureau = await w.dispatcher.get(`/api/v1/ratings/cases/${subjectType}/${id}`)
  expect(bureau.status, JSON.stringify(bureau.body)).toBe(200)
  return { bureau: bureau.body.items as StaffRating[] }
}

describe('anomaly flags, set when a rating is recorded and shown to the bureau only', () => {
  it('the third identical rating of one unit within 30 minutes is a burst; the first two are not', async () => {
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push(await answeredAppeal())
    // well past the 60 seconds after the answers: only the burst may flag
    advance(5 * MINUTE)
    for (const id of ids) {
      await rateNotSolved(id, 1, '问题没有解决')
      advance(2 * MINUTE)
    }
    const flags = await Promise.all(ids.map(async (id) => (await viewsOf('appeal', id)).bureau[0]!.flags))
    expect(flags).toEqual([[], [], ['burst']])

    const bureau = (await viewsOf('appeal', ids[2]!)).bureau
    expect(bureau).toMatchObject([
      { stage: 'cycle-1', level: 1, flags: ['burst'], raterHidden: false, rater: { id: expect.any(String) } },
    ])
    const unit = await w.handlerA.get(`/api/v1/ratings/cases/appeal/${ids[2]}`)
    expect(unit.status).toBe(200)
    expect(unit.body.items).toMatchObject([
      { stage: 'cycle-1', level: 1, comment: '问题没有解决', flags: [], rater: null, raterHidden: true },
    ])
    const head = await w.headA.get(`/api/v1/ratings/cases/appeal/${ids[2]}`)
    expect(head.body.items).toMatchObject([{ flags: [], rater: null, raterHidden: true }])
    expect(JSON.stringify(unit.body)).not.toContain(bureau[0]!.rater!.id)

    // once the three have left the 30-minute window, a fourth identical rating is no burst
    advance(27 * MINUTE)
    const fourth = await answeredAppeal()
    advance(5 * MINUTE)
    await rateNotSolved(fourth, 1, '问题没有解决')
    expect((await viewsOf('appeal', fourth)).bureau[0]!.flags).toEqual([])
  })

  it('a rating 20 seconds after the unit answered is flagged right after the action; 2 minutes after is not', async () => {
    advance(60 * MINUTE)
    const quick = await answeredAppeal()
    advance(20 * SECOND)
    await rateNotSolved(quick, 3, '答复还算及时')

    const slow = await answeredAppeal()
    advance(2 * MINUTE)
    await rateNotSolved(slow, 2, '材料清单仍不完整')

    expect((await viewsOf('appeal', quick)).bureau).toMatchObject([
      { level: 3, flags: ['right_after_action'], rater: { id: expect.any(String) } },
    ])
    expect((await viewsOf('appeal', slow)).bureau[0]!.flags).toEqual([])
    const unit = await w.handlerA.get(`/api/v1/ratings/cases/appeal/${quick}`)
    expect(unit.body.items).toMatchObject([{ level: 3, flags: [], rater: null, raterHidden: true }])
    // another unit reads nothing of it
    expect((await w.handlerB.get(`/api/v1/ratings/cases/appeal/${quick}`)).body.items).toEqual([])
  })

  describe('one device rating many cases', () => {
    let matter: BuiltMatter
    let firm: { id: string; userId: string; client: TestClient }
    let unit: TestClient
    beforeAll(async () => {
      const department = await buildDepartment(t)
      matter = await buildMatterVersion(t, { departmentId: department.id })
      const enterprise = await buildEnterprise(t)
      const user = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
      firm = { id: enterprise.id, userId: user.id, client: await signInEnterprise(t, user.phone) }
      unit = await signInStaff(t, await buildStaff(t, { roles: ['handler'], departmentId: department.id }))
    })
    const decided = () =>
      buildApplicationIn(t, 'approved', {
        matter,
        enterpriseId: firm.id,
        createdBy: firm.userId,
        now: new Date(Date.now() - 2 * 3_600_000),
      })
    const rate = async (subjectId: string, i: number, deviceId: string) => {
      const res = await firm.client.post('/api/v1/ratings', {
        subjectType: 'application',
        subjectId,
        // distinct comments: no burst
        level: 4 + (i % 2),
        comment: `第${i + 1}件办得顺利`,
        deviceId,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }

    it('the fifth case one device rates within 24 hours is flagged; another device is not; the unit never sees it', async () => {
      advance(60 * MINUTE)
      const ids: string[] = []
      for (let i = 0; i < 6; i++) ids.push(await decided())
      for (let i = 0; i < 5; i++) {
        await rate(ids[i]!, i, 'shared-tablet-0001')
        advance(3 * 3_600_000)
      }
      await rate(ids[5]!, 5, 'own-phone-0002')

      const flags = await Promise.all(
        ids.map(async (id) => (await viewsOf('application', id)).bureau[0]!.flags),
      )
      expect(flags).toEqual([[], [], [], [], ['device_many'], []])
      const rows = await t.deps.db
        .selectFrom('ratings')
        .select(['device_hash'])
        .where('subject_id', 'in', ids)
        .execute()
      expect(rows.every((r) => r.device_hash !== null && !r.device_hash.includes('shared-tablet'))).toBe(true)

      // the unit reads the rating of its (decided, so closed) application without the flags; who rated
      // shows to it only because the case is closed (0051, "Who reads what")
      const seen = await unit.get(`/api/v1/ratings/cases/application/${ids[4]}`)
      expect(seen.status).toBe(200)
      expect(seen.body.items).toMatchObject([{ level: 4, flags: [], raterHidden: false }])
      expect(JSON.stringify(seen.body)).not.toContain('device')

      // 27 hours after the first rating the first two have left the 24-hour window: the device's next
      // case is its fourth within it, no flag
      advance(12 * 3_600_000 + MINUTE)
      const later = await decided()
      await rate(later, 6, 'shared-tablet-0001')
      expect((await viewsOf('application', later)).bureau[0]!.flags).toEqual([])
    })
  })
})
