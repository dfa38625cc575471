import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { commitTo, sha256Hex } from './draw-algorithm'
import { rerunPublishedDraw } from './draw-rerun-check'
import { tellLatePublications } from './random-draws.jobs'
import {
  buildDrawWorld,
  declareConflict,
  drawToTheEnd,
  openBody,
  type DrawWorld,
  type Staff,
} from './random-draws.factories'

/** Random draws through HTTP on a real database: open → commit ×3 → freeze → reveal ×3 → draw → publish → re-run. */
const API = '/api/v1/random-draws'
const PUBLIC = '/api/v1/public/draws'
// a Monday morning in Dalian; PostgreSQL's now() is never read by the module (instants are passed)
const NOW = new Date('2026-03-02T01:30:00Z')

let t: TestApp
let w: DrawWorld
beforeAll(async () => {
  // pinned ahead of the wall clock: timers the harness sets from Date must not land in the past
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
  // 40 enterprises in 金州区: 8 of each tier and 8 not rated
  const tiers = ['A', 'B', 'C', 'D', null].flatMap((tier) => Array.from({ length: 8 }, () => tier))
  w = await buildDrawWorld(t, { divisionCode: '210213', tiers, inspectors: 4 })
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

const secretOf = (s: Staff) => `secret-${s.id.replaceAll('-', '')}`

async function countRows() {
  const draws = await t.deps.db
    .selectFrom('random_draws')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  const parties = await t.deps.db
    .selectFrom('random_draw_parties')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return { draws: Number(draws.n), parties: Number(parties.n) }
}

async function auditOf(entityId: string) {
  const rows = await t.deps.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.action)
}

describe('a random draw', () => {
  it('is committed by three parties, frozen, revealed, drawn, published, and re-runs to the same result', async () => {
    const opened = await w.dispatcher.client.post(
      API,
      openBody(w, { itemIds: [w.itemId], inspectBy: '2026-05-29' }),
    )
    expect(opened.status).toBe(201)
    expect(opened.body.inspectBy).toBe('2026-05-29')
    const id = opened.body.id as string
    expect(opened.body).toMatchObject({
      status: 'committing',
      algorithm: 'yingshang-draw-v1',
      listHash: null,
    })
    expect(opened.body.ratios).toEqual({ A: 500, B: 1000, C: 3000, D: 7000, U: 1000 })

    // Public from the start: the parties and (so far) no commitment.
    const early = await t.anonymous().get(`${PUBLIC}/${id}`)
    expect(early.status).toBe(200)
    expect(
      early.body.parties.map((p: { capacity: string; commitment: null }) => [p.capacity, p.commitment]),
    ).toEqual([
      ['body', null],
      ['bureau', null],
      ['supervisor', null],
    ])
    expect((await t.anonymous().get(`${PUBLIC}/${id}/list.json`)).status).toBe(404)

    // Someone not named, of neither the body nor the task force, finds no draw to commit to or read.
    expect((await w.admin.client.post(`${API}/${id}/commit`, { commitment: 'a'.repeat(64) })).status).toBe(
      404,
    )
    expect((await w.outsider.client.get(`${API}/${id}`)).status).toBe(404)

    await w.head.client.post(`${API}/${id}/commit`, { commitment: commitTo(secretOf(w.head)) })
    await w.dispatcher.client.post(`${API}/${id}/commit`, { commitment: commitTo(secretOf(w.dispatcher)) })
    const again = await w.head.client.post(`${API}/${id}/commit`, { commitment: 'b'.repeat(64) })
    expect(again.body.error.code).toBe('RANDOM_DRAW_ALREADY_COMMITTED')
    // Not frozen while a party has not committed.
    const early2 = await w.dispatcher.client.post(`${API}/${id}/freeze`, { version: 1 })
    expect(early2.body.error.code).toBe('RANDOM_DRAW_COMMITMENTS_MISSING')
    const committed = await w.discipline.client.post(`${API}/${id}/commit`, {
      commitment: commitTo(secretOf(w.discipline)),
    })
    expect(
      committed.body.parties.every((p: { commitment: string }) => /^[0-9a-f]{64}$/.test(p.commitment)),
    ).toBe(true)
    // The party itself may not freeze: the body or the bureau runs the draw.
    expect((await w.discipline.client.post(`${API}/${id}/freeze`, { version: 1 })).status).toBe(403)

    const frozen = await w.head.client.post(`${API}/${id}/freeze`, { version: 1 })
    expect(frozen.status).toBe(200)
    expect(frozen.body).toMatchObject({ status: 'revealing', enterpriseCount: 40, inspectorCount: 4 })
    const list = await t.anonymous().get(`${PUBLIC}/${id}/list.json`)
    expect(list.status).toBe(200)
    const listText = JSON.stringify(list.body)
    expect(createHash('sha256').update(listText).digest('hex')).toBe(frozen.body.listHash)
    expect(list.body.enterprises).toHaveLength(40)
    // Too late to commit.
    const late = await w.discipline.client.post(`${API}/${id}/commit`, { commitment: 'c'.repeat(64) })
    expect(late.body.error.code).toBe('RANDOM_DRAW_NOT_COMMITTING')

    // A wrong reveal is refused and changes nothing.
    const wrong = await w.head.client.post(`${API}/${id}/reveal`, { secret: 'not-the-secret-0123456789' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error.code).toBe('RANDOM_DRAW_REVEAL_MISMATCH')
    expect(wrong.body.error.fields).toHaveProperty('secret')
    await w.head.client.post(`${API}/${id}/reveal`, { secret: secretOf(w.head) })
    await w.dispatcher.client.post(`${API}/${id}/reveal`, { secret: secretOf(w.dispatcher) })
    // No secret is public while one is outstanding; no draw before every reveal.
    expect(
      (await t.anonymous().get(`${PUBLIC}/${id}`)).body.parties.map((p: { secret: null }) => p.secret),
    ).toEqual([null, null, null])
    const tooSoon = await w.dispatcher.client.post(`${API}/${id}/draw`, { version: 2 })
    expect(tooSoon.body.error.code).toBe('RANDOM_DRAW_REVEALS_MISSING')
    const revealed = await w.discipline.client.post(`${API}/${id}/reveal`, { secret: secretOf(w.discipline) })
    expect(revealed.body.actions).toEqual([])

    const drawn = await w.dispatcher.client.post(`${API}/${id}/draw`, {
      version: 2,
      beacon: '2026030-lottery-7-12-31',
    })
    expect(drawn.status).toBe(200)
    expect(drawn.body.status).toBe('drawn')
    expect(drawn.body.seed).toMatch(/^[0-9a-f]{64}$/)
    // 8 per tier: A 5 % → 1, B 10 % → 1, C 30 % → 3, D 70 % → 6, U 10 % → 1
    expect(drawn.body.result.targets).toHaveLength(12)
    // the draw answers from the targets it holds: the same as reading the draw back
    expect((await w.dispatcher.client.get(`${API}/${id}`)).body).toEqual(drawn.body)
    for (const target of drawn.body.result.targets) {
      expect(target.inspectors).toHaveLength(2)
      expect(target.inspectors[0].certificateNo).toMatch(/^辽执-/)
    }
    // 20 working days: four weeks less a weekend, give or take a holiday
    const due = new Date(drawn.body.publishDueAt).getTime() - NOW.getTime()
    expect(due).toBeGreaterThan(25 * 86_400_000)
    expect(due).toBeLessThan(40 * 86_400_000)
    // The draw planned one random inspection per target, with the drawn inspectors, for the head to approve.
    expect(drawn.body.inspections).toHaveLength(12)
    const planned = await t.deps.db
      .selectFrom('inspections')
      .select(['id', 'enterprise_id', 'kind', 'status', 'planned_on', 'window_ends_on', 'purpose'])
      .where('draw_id', '=', id)
      .execute()
    expect(planned).toHaveLength(12)
    for (const p of planned)
      expect(p).toMatchObject({
        kind: 'random',
        status: 'planned',
        planned_on: '2026-03-02',
        window_ends_on: '2026-05-29',
        purpose: '2026 年度食品经营双随机抽查',
      })
    const byEnterprise = new Map(planned.map((p) => [p.enterprise_id, p.id]))
    const first = drawn.body.result.targets[0]
    const team = await t.deps.db
      .selectFrom('inspection_inspectors')
      .select('inspector_user_id')
      .where('inspection_id', '=', byEnterprise.get(first.enterpriseId)!)
      .execute()
    expect(team.map((r) => r.inspector_user_id).sort()).toEqual(
      first.inspectors.map((i: { inspectorId: string }) => i.inspectorId).sort(),
    )
    const inspection = await w.head.client.get(`/api/v1/inspections/${byEnterprise.get(first.enterpriseId)}`)
    expect(inspection.status).toBe(200)
    expect(inspection.body).toMatchObject({ kind: 'random', status: 'planned' })
    const approved = await w.head.client.post(
      `/api/v1/inspections/${byEnterprise.get(first.enterpriseId)}/approve`,
      { version: inspection.body.version },
    )
    expect(approved.body.status).toBe('approved')
    // Drawn but not published: the public sees the seed, not the result.
    const beforePublish = await t.anonymous().get(`${PUBLIC}/${id}`)
    expect(beforePublish.body).toMatchObject({ status: 'drawn', result: null, seed: drawn.body.seed })

    const published = await w.head.client.post(`${API}/${id}/publish`, { version: 3 })
    expect(published.body).toMatchObject({ status: 'published', publishedAt: NOW.toISOString() })
    const page = await t.anonymous().get(`${PUBLIC}/${id}`)
    expect(page.body.result.targets.map((x: { uscc: string }) => x.uscc)).toEqual(
      drawn.body.result.targets.map((x: { uscc: string }) => x.uscc),
    )
    expect(page.body.parties.map((p: { secret: string }) => p.secret)).toEqual([
      secretOf(w.head),
      secretOf(w.dispatcher),
      secretOf(w.discipline),
    ])
    expect((await t.anonymous().get(PUBLIC)).body.items.map((d: { id: string }) => d.id)).toContain(id)

    // Anyone re-runs it from the two public documents alone …
    expect(rerunPublishedDraw(page.body, listText)).toMatchObject({ agrees: true, targets: 12 })
    // … and a different list is caught by its hash.
    const other = { ...list.body, enterprises: list.body.enterprises.slice(1) }
    const verdict = rerunPublishedDraw(page.body, JSON.stringify(other))
    expect(verdict.agrees).toBe(false)
    expect(verdict.problems[0]).toMatch(/list hash mismatch/)

    expect(await auditOf(id)).toEqual([
      'random_draw.open',
      'random_draw.commit',
      'random_draw.commit',
      'random_draw.commit',
      'random_draw.freeze',
      'random_draw.reveal',
      'random_draw.reveal',
      'random_draw.reveal',
      'random_draw.draw',
      'random_draw.publish',
    ])
    expect(sha256Hex(listText)).toBe(page.body.listHash)
  })

  it.each<[string, (w: DrawWorld) => Record<string, unknown>, string, string[]]>([
    [
      'a last day of inspections already past',
      (w) => openBody(w, { inspectBy: '2026-03-01' }),
      'VALIDATION_FAILED',
      ['inspectBy'],
    ],
    [
      'an impossible last day',
      (w) => openBody(w, { inspectBy: '2026-02-30' }),
      'VALIDATION_FAILED',
      ['inspectBy'],
    ],
    [
      'two parties',
      (w) => openBody(w, { parties: openBody(w).parties.slice(0, 2) }),
      'RANDOM_DRAW_TOO_FEW_PARTIES',
      ['parties'],
    ],
    [
      'one party named twice',
      (w) => openBody(w, { parties: [...openBody(w).parties.slice(0, 2), openBody(w).parties[0]] }),
      'RANDOM_DRAW_TOO_FEW_PARTIES',
      ['parties'],
    ],
    [
      'ratios out of their tiers’ bounds',
      (w) => openBody(w, { ratios: { A: 800, B: 1000, C: 2000, D: 7000, U: 1000 } }),
      'RANDOM_DRAW_RATIO_OUT_OF_BOUNDS',
      ['ratios.A', 'ratios.C'],
    ],
    [
      'a party who is not staff',
      (w) =>
        openBody(w, {
          parties: [
            ...openBody(w).parties.slice(0, 2),
            { userId: '00000000-0000-4000-8000-000000000000', capacity: 'notary' },
          ],
        }),
      'RANDOM_DRAW_PARTY_UNKNOWN',
      [],
    ],
    [
      'one inspector per target',
      (w) => openBody(w, { inspectorsPerTarget: 1 }),
      'VALIDATION_FAILED',
      ['inspectorsPerTarget'],
    ],
  ])('refuses to open with %s, writing nothing', async (_, body, code, fields) => {
    const before = await countRows()
    const res = await w.dispatcher.client.post(API, body(w))
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(code)
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(fields)
    expect(await countRows()).toEqual(before)
  })

  it('refuses to freeze a list where an enterprise would have fewer than two inspectors free of conflict', async () => {
    const small = await buildDrawWorld(t, { divisionCode: '210214', tiers: ['A', 'B'], inspectors: 3 })
    const target = small.enterprises[1]!
    await declareConflict(t, small.inspectorIds[0]!, target.id)
    await declareConflict(t, small.inspectorIds[1]!, target.id)
    const id = (await small.dispatcher.client.post(API, openBody(small))).body.id as string
    for (const party of [small.head, small.dispatcher, small.discipline])
      await party.client.post(`${API}/${id}/commit`, { commitment: commitTo(secretOf(party)) })
    const res = await small.dispatcher.client.post(`${API}/${id}/freeze`, { version: 1 })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('RANDOM_DRAW_TOO_FEW_INSPECTORS')
    expect(res.body.error.fields.inspectors).toContain(target.id)
    const after = await small.dispatcher.client.get(`${API}/${id}`)
    expect(after.body).toMatchObject({ status: 'committing', listHash: null, version: 1 })
  })

  it('a body reads its own draws; the administrator sets the publication deadline', async () => {
    expect((await w.head.client.get(API)).body.items.length).toBeGreaterThan(0)
    expect((await w.outsider.client.get(API)).body.items).toEqual([])
    expect((await w.dispatcher.client.get(`${API}/settings`)).body).toEqual({
      publishWithinWorkingDays: 20,
      version: 0,
    })
    const saved = await w.admin.client.put(`${API}/settings`, { version: 0, publishWithinWorkingDays: 15 })
    expect(saved.body).toEqual({ publishWithinWorkingDays: 15, version: 1 })
    const stale = await w.admin.client.put(`${API}/settings`, { version: 0, publishWithinWorkingDays: 10 })
    expect(stale.body.error.code).toBe('VERSION_CONFLICT')
  })
})

describe('a result not published in time', () => {
  it('is told once to those who may publish it, the day after its deadline', async () => {
    const drawn = await drawToTheEnd(w, { title: '逾期公示测试抽查' })
    const row = await t.deps.db
      .selectFrom('random_draws')
      .select('publish_due_at')
      .where('id', '=', drawn.id)
      .executeTakeFirstOrThrow()
    const due = row.publish_due_at!
    expect(await tellLatePublications(t.deps, new Date(due.getTime() - 60_000))).toBe(0)
    expect(await tellLatePublications(t.deps, new Date(due.getTime() + 60_000))).toBe(1)
    expect(await tellLatePublications(t.deps, new Date(due.getTime() + 3_600_000))).toBe(0)
    const told = await t.deps.db
      .selectFrom('notifications')
      .select('recipient_user_id')
      .where('template', '=', 'randomDraws.publicationLate')
      .where('params', '@>', JSON.stringify({ title: '逾期公示测试抽查' }) as never)
      .execute()
    const recipients = told.map((r) => r.recipient_user_id)
    expect(recipients).toContain(w.head.id)
    expect(recipients).toContain(w.dispatcher.id)
    expect(recipients).not.toContain(w.outsider.id)
    expect(new Set(recipients).size).toBe(recipients.length)
    // published late, it is still published (the audit row says not on time)
    const published = await w.head.client.post(`${API}/${drawn.id}/publish`, { version: 3 })
    expect(published.body.status).toBe('published')
  })
})
