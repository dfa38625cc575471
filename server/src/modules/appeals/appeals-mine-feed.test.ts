import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { openPostgres, type Database } from '../../kernel/db/database'
import { appealBody, buildAppealWorld, type AppealWorld } from './appeals.factories'
import { eventually } from '../../../test/eventually'
import { createTestAppOn, type TestApp, type TestClient } from '../../../test/harness'
import { createDatabaseFromTemplate, dropDatabase, postgresBaseUrl } from '../../../test/test-database'

type Page = {
  items: { id: string; enterpriseName: string; leadDepartment: { name: string } | null }[]
  total: number
}

/**
 * On PostgreSQL the change feed vouches for a kept list (decision 0068): a node serves it again
 * without asking the database while nothing it shows is announced. Two nodes here, each with its own
 * pool, kept answers and feed — they learn of each other's writes only through the database; a third
 * connection stands for a person at psql.
 */
describe.skipIf(!postgresBaseUrl())('the kept appeals list on the change feed', () => {
  let nodeA: TestApp
  let nodeB: TestApp
  let databaseB: Database
  let psql: pg.Client
  let w: AppealWorld
  let reader: TestClient
  let drop = async () => {}
  let acquired = 0
  beforeAll(async () => {
    const baseUrl = postgresBaseUrl()!
    const created = await createDatabaseFromTemplate(baseUrl)
    drop = () => dropDatabase(baseUrl, created.name)
    nodeA = await createTestAppOn(await openPostgres(created.url, 3))
    databaseB = await openPostgres(created.url, 3)
    databaseB.pool.on('acquire', () => acquired++)
    nodeB = await createTestAppOn(databaseB)
    psql = new pg.Client({ connectionString: created.url })
    await psql.connect()
    w = await buildAppealWorld(nodeA)
    reader = w.enterpriseUser.on(nodeB.app)
    expect((await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))).status).toBe(201)
  })
  afterAll(async () => {
    await psql.end()
    await nodeB.close()
    await nodeA.close()
    await drop()
  })

  /** A read node B answers without a connection: the kept answer, vouched for by the feed. */
  const readWithoutAsking = () =>
    eventually(
      async () => {
        const before = acquired
        const page = await reader.get<Page>('/api/v1/appeals/mine')
        expect(page.status).toBe(200)
        return { page, asked: acquired - before }
      },
      (r) => r.asked === 0,
      'a read answered without the database',
    )

  it('serves the kept list without asking the database while nothing changed', async () => {
    const { page } = await readWithoutAsking()
    const again = await reader.get<Page>('/api/v1/appeals/mine')
    expect(again.body).toEqual(page.body)
    expect(again.headers.get('etag')).toBe(page.headers.get('etag'))
  })

  it("hears another node's filing, and a rename made at psql", async () => {
    const { page: held } = await readWithoutAsking()
    const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    expect(filed.status).toBe(201)
    const afterFiling = await eventually(
      () => reader.get<Page>('/api/v1/appeals/mine'),
      (r) => r.body.total === held.body.total + 1,
      'the filing on node A heard on node B',
    )
    expect(afterFiling.body.items[0]!.id).toBe(filed.body.id)

    await readWithoutAsking()
    const renamed = `${w.enterprise.name}（更名）`
    await psql.query('UPDATE enterprises SET name = $1 WHERE id = $2', [renamed, w.enterprise.id])
    await eventually(
      () => reader.get<Page>('/api/v1/appeals/mine'),
      (r) => r.body.items.every((item) => item.enterpriseName === renamed),
      'the rename at psql heard on node B',
    )
  })

  it('reads its own writes at once, and a membership ended elsewhere ends the list', async () => {
    await readWithoutAsking()
    // Filed on node B itself: its very next read has it, no waiting.
    const filed = await reader.post('/api/v1/appeals', appealBody(w.enterprise.id))
    expect(filed.status).toBe(201)
    const next = await reader.get<Page>('/api/v1/appeals/mine')
    expect(next.body.items[0]!.id).toBe(filed.body.id)

    await readWithoutAsking()
    await psql.query('DELETE FROM enterprise_members WHERE enterprise_id = $1', [w.enterprise.id])
    await eventually(
      () => reader.get<Page>('/api/v1/appeals/mine'),
      (r) => r.body.total === 0,
      'the membership ended at psql heard on node B',
    )
  })
})
