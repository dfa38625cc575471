import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../src/app'
import { createDeps } from '../src/bootstrap'
import { loadConfig } from '../src/kernel/config'
import type { AppDeps } from '../src/kernel/http/app-env'
import { createLogger } from '../src/kernel/logger'
import { buildAppealWorld, fileAndDispatch } from '../src/modules/appeals/appeals.factories'
import { cityDate } from './city-clock'
import { buildStaff, signInStaff } from './factories'
import { createTestApp, type TestApp } from './harness'

/**
 * DATABASE_READ_URL: the dashboards (figures, rankings) read a second database — in production a
 * streaming replica. Here the "replica" is another database with appeals the primary does not have,
 * so a figure that counts them can only have been read there; sessions and permissions stay on the
 * primary. Runs on PGlite and PostgreSQL alike (the read pool is just another database).
 */
let primary: TestApp
let replica: TestApp
let node: { app: ReturnType<typeof buildApp>; deps: AppDeps }
let departmentName: string
beforeAll(async () => {
  primary = await createTestApp()
  replica = await createTestApp()
  // Two appeals dispatched to a department that exists only in the "replica".
  const w = await buildAppealWorld(replica)
  await fileAndDispatch(w)
  await fileAndDispatch(w)
  departmentName = w.departments.a.name
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', TRUST_PROXY: 'true' })
  const deps = createDeps(config, primary.deps.database, createLogger('silent'), replica.deps.database)
  await deps.jobs.start({ workers: false })
  node = { app: buildApp(deps), deps }
})
afterAll(async () => {
  await node.deps.jobs.stop()
  await replica.close()
  await primary.close()
})

const period = () => `from=${cityDate(-1)}&to=${cityDate(1)}`

describe('a read database for the dashboards', () => {
  it('figures and the ranking are read through the read pool; sign-in and permissions on the primary', async () => {
    // The leader exists on the primary only: signing in there works, so sessions are not read from the replica.
    const leaderOnPrimary = await buildStaff(primary, { roles: ['bureau_leader'] })
    const leader = (await signInStaff(primary, leaderOnPrimary)).on(node.app)

    const figures = await leader.get(`/api/v1/appeals/figures?${period()}`)
    expect(figures.status).toBe(200)
    expect(figures.body.city.dispatched).toBe(2)
    expect(figures.body.departments).toEqual([expect.objectContaining({ departmentName, dispatched: 2 })])

    const month = cityDate(0).slice(0, 7)
    const ranking = await leader.get(`/api/v1/appeals/ranking?month=${month}`)
    expect(ranking.status).toBe(200)
    expect(ranking.body.rows.map((r: { departmentName: string }) => r.departmentName)).toContain(
      departmentName,
    )

    // The same node without a read database counts the primary's appeals: none.
    const onPrimary = await leader.on(primary.app).get(`/api/v1/appeals/figures?${period()}`)
    expect(onPrimary.body.city.dispatched).toBe(0)
  })

  it('without DATABASE_READ_URL the dashboards read the primary', () => {
    expect(primary.deps.readDb).toBe(primary.deps.db)
  })

  it('DATABASE_READ_URL needs DATABASE_URL (the embedded database has no replicas)', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: 'postgres://replica/yingshang' })).toThrow(/DATABASE_URL/)
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://primary/yingshang',
        DATABASE_READ_URL: 'postgres://replica/yingshang',
      }).databaseReadUrl,
    ).toBe('postgres://replica/yingshang')
  })
})
