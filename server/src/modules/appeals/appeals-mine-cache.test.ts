import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp, type App } from '../../app'
import { createDeps } from '../../bootstrap'
import type { AppDeps } from '../../kernel/http/app-env'
import { createLogger } from '../../kernel/logger'
import { appealBody, buildAppealWorld, fileAndDispatch, type AppealWorld } from './appeals.factories'
import { buildEnterprise, buildEnterpriseUser, signInEnterprise } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

/**
 * GET /appeals/mine keeps its answer and serves it again only while a fingerprint query, made for each
 * request, finds the rows it was built from unchanged (decision 0041). A second app on the same
 * database stands for another node: it has its own kept answers and learns of no write but through
 * the database.
 */
let t: TestApp
let w: AppealWorld
let otherDeps: AppDeps
let otherNode: App
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
  otherDeps = createDeps(t.deps.config, t.deps.database, createLogger('silent'))
  otherNode = buildApp(otherDeps)
})
afterAll(() => t.close())
afterEach(() => {
  vi.useRealTimers()
})

type Page = {
  items: {
    id: string
    categoryName: string
    leadDepartment: { name: string } | null
    isOverdue: boolean
    dueAt: string | null
  }[]
  total: number
}

describe('the kept appeals list', () => {
  it('is served again while nothing changed, and never after a write made on another node', async () => {
    expect((await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))).status).toBe(201)
    const reader = w.enterpriseUser.on(otherNode)
    const first = await reader.get<Page>('/api/v1/appeals/mine')
    expect(first.status).toBe(200)
    const again = await reader.get<Page>('/api/v1/appeals/mine')
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(otherDeps.answers.size).toBeGreaterThan(0)

    // Filed on this node: the other node's next read has it.
    const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    expect(filed.status).toBe(201)
    const afterFiling = await reader.get<Page>('/api/v1/appeals/mine')
    expect(afterFiling.body.total).toBe(first.body.total + 1)
    expect(afterFiling.body.items[0]!.id).toBe(filed.body.id)

    // Dispatched here: the lead shows there at once.
    const dispatched = await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, {
      leadDepartmentId: w.departments.a.id,
    })
    expect(dispatched.status).toBe(200)
    const afterDispatch = await reader.get<Page>('/api/v1/appeals/mine')
    expect(afterDispatch.body.items[0]!.leadDepartment?.name).toBe(w.departments.a.name)

    // A name the list shows, changed by another session: the department's.
    const renamed = `${w.departments.a.name}（更名）`
    await t.deps.db
      .updateTable('departments')
      .set({ name: renamed })
      .where('id', '=', w.departments.a.id)
      .execute()
    const afterRename = await reader.get<Page>('/api/v1/appeals/mine')
    expect(afterRename.body.items[0]!.leadDepartment?.name).toBe(renamed)
    await t.deps.db
      .updateTable('departments')
      .set({ name: w.departments.a.name })
      .where('id', '=', w.departments.a.id)
      .execute()
  })

  it('answers 304 to a client holding the current answer, and the new one once something changed', async () => {
    const reader = w.enterpriseUser.on(otherNode)
    const held = await reader.get<Page>('/api/v1/appeals/mine')
    const etag = held.headers.get('etag')!
    expect(held.headers.get('cache-control')).toBe('private, no-cache')
    const unchanged = await reader.get('/api/v1/appeals/mine', { 'if-none-match': etag })
    expect(unchanged.status).toBe(304)
    expect((await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))).status).toBe(201)
    const changed = await reader.get<Page>('/api/v1/appeals/mine', { 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.body.total).toBe(held.body.total + 1)
    expect(changed.headers.get('etag')).not.toBe(etag)
  })

  it("keeps each caller's own list in each language, and asks permission before anything kept", async () => {
    const other = await buildEnterprise(t)
    const stranger = await signInEnterprise(
      t,
      (await buildEnterpriseUser(t, { enterpriseIds: [other.id] })).phone,
    )
    const mine = await w.enterpriseUser.get<Page>('/api/v1/appeals/mine')
    expect(mine.body.total).toBeGreaterThan(0)
    const theirs = await stranger.get<Page>('/api/v1/appeals/mine')
    expect(theirs.body).toEqual({ items: [], total: 0 })

    const zh = await w.enterpriseUser.get<Page>('/api/v1/appeals/mine')
    const en = await w.enterpriseUser.get<Page>('/api/v1/appeals/mine', { 'accept-language': 'en' })
    expect(en.body.items[0]!.categoryName).not.toBe(zh.body.items[0]!.categoryName)
    expect((await w.enterpriseUser.get<Page>('/api/v1/appeals/mine')).body).toEqual(zh.body)

    // Staff have no list of their own, kept or not.
    expect((await w.dispatcher.get('/api/v1/appeals/mine')).status).toBe(403)

    // A membership ended elsewhere ends the list with it.
    const outsider = await buildEnterpriseUser(t, { enterpriseIds: [w.enterprise.id] })
    const member = await signInEnterprise(t, outsider.phone)
    expect((await member.get<Page>('/api/v1/appeals/mine')).body.total).toBe(mine.body.total)
    await t.deps.db.deleteFrom('enterprise_members').where('user_id', '=', outsider.id).execute()
    expect((await member.get<Page>('/api/v1/appeals/mine')).body).toEqual({ items: [], total: 0 })
  })

  it('checks concurrent reads of kept lists together, each caller still getting their own, current list', async () => {
    const other = await buildEnterprise(t)
    const member = await buildEnterpriseUser(t, { enterpriseIds: [other.id] })
    const stranger = await signInEnterprise(t, member.phone)
    expect((await stranger.post('/api/v1/appeals', appealBody(other.id))).status).toBe(201)
    const read = () =>
      Promise.all([
        w.enterpriseUser.get<Page>('/api/v1/appeals/mine'),
        stranger.get<Page>('/api/v1/appeals/mine'),
        w.enterpriseUser.get<Page>('/api/v1/appeals/mine'),
        stranger.get<Page>('/api/v1/appeals/mine'),
      ])
    const [mine, theirs] = await read()
    expect(theirs!.body.total).toBe(1)
    expect((await stranger.post('/api/v1/appeals', appealBody(other.id))).status).toBe(201)
    const again = await read()
    expect(again.map((r) => r.body.total)).toEqual([mine!.body.total, 2, mine!.body.total, 2])
  })

  it('shows an appeal overdue once its deadline passes, though nothing was written', async () => {
    const id = await fileAndDispatch(w)
    const before = await w.enterpriseUser.get<Page>('/api/v1/appeals/mine')
    const item = before.body.items.find((a) => a.id === id)!
    expect(item.dueAt).not.toBeNull()
    expect(item.isOverdue).toBe(false)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(Date.parse(item.dueAt!) + 60_000))
    const after = await w.enterpriseUser.get<Page>('/api/v1/appeals/mine')
    expect(after.body.items.find((a) => a.id === id)!.isOverdue).toBe(true)
  })

  it('Cache-Control: no-cache builds the answer anew', async () => {
    const kept = await w.enterpriseUser.get<Page>('/api/v1/appeals/mine')
    const fresh = await w.enterpriseUser.get<Page>('/api/v1/appeals/mine', { 'cache-control': 'no-cache' })
    expect(fresh.body).toEqual(kept.body)
  })
})
