import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { until } from '../../../test/eventually'
import { createDatabaseFromTemplate, dropDatabase, postgresBaseUrl } from '../../../test/test-database'
import { createLogger } from '../logger'
import { ChangeFeed, CHANGE_FEED_CONNECTION_NAME, CHANGES_CHANNEL } from './change-feed'
import { openPostgres, type Database } from './database'

/**
 * The change feed on a real PostgreSQL (the embedded database has one connection and no other
 * node: it checks fingerprints). "Elsewhere" is a connection outside the node's pool — another node,
 * or a person at psql: the node learns of its writes only from the database's announcements.
 */
describe.skipIf(!postgresBaseUrl())('the change feed', () => {
  let database: Database
  let feed: ChangeFeed
  let elsewhere: pg.Client
  let drop = async () => {}
  beforeAll(async () => {
    const baseUrl = postgresBaseUrl()!
    const created = await createDatabaseFromTemplate(baseUrl)
    drop = () => dropDatabase(baseUrl, created.name)
    database = await openPostgres(created.url, 3)
    feed = new ChangeFeed(database.listenerClient!, database.localWrites, createLogger('silent'))
    feed.start()
    elsewhere = new pg.Client({ connectionString: created.url })
    await elsewhere.connect()
  })
  afterAll(async () => {
    await feed.stop()
    await elsewhere.end()
    await database.close()
    await drop()
  })

  const announce = (topic: string) => elsewhere.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, topic])

  it('vouches for nothing until it listens, then for topics nobody announced', async () => {
    await until(() => feed.isCurrent(), 'listening')
    const mark = feed.mark()
    expect(feed.unchangedSince(['u:a'], mark)).toBe(true)
    expect(feed.unchangedSince(['u:a'], mark - 1)).toBe(false) // a mark from before it listened
  })

  it('hears a change made elsewhere: that topic is outdated from then, others are not', async () => {
    const mark = feed.mark()
    await announce('u:a')
    await until(() => !feed.unchangedSince(['u:a'], mark), 'u:a heard')
    expect(feed.unchangedSince(['u:b'], mark)).toBe(true)
    expect(feed.unchangedSince(['u:a'], feed.mark())).toBe(true)
  })

  it('hears an everything announcement for every topic', async () => {
    const mark = feed.mark()
    await announce('*')
    await until(() => !feed.unchangedSince(['u:b'], mark), '* heard')
    expect(feed.unchangedSince(['u:c'], mark)).toBe(false)
  })

  it('vouches for nothing after a write of its own node until that write is heard back', async () => {
    const mark = feed.mark()
    const before = database.localWrites.count
    await database.pool.query('UPDATE departments SET updated_at = updated_at WHERE false')
    // The count moved before the caller went on; asked now, the feed asks for a sync and says no.
    expect(database.localWrites.count).toBe(before + 1)
    expect(feed.isCurrent()).toBe(false)
    expect(feed.unchangedSince(['u:a'], mark)).toBe(false)
    await until(() => feed.isCurrent(), 'the sync heard back')
    expect(feed.unchangedSince(['u:z'], mark)).toBe(true)
  })

  it('outdates everything when its connection is lost, and listens again by itself', async () => {
    await until(() => feed.isCurrent(), 'listening')
    const mark = feed.mark()
    await elsewhere.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = $1 AND datname = current_database()`,
      [CHANGE_FEED_CONNECTION_NAME],
    )
    await until(() => !feed.isCurrent(), 'the loss noticed')
    expect(feed.unchangedSince(['u:a'], mark)).toBe(false)
    await until(() => feed.isCurrent(), 'listening again')
    expect(feed.unchangedSince(['u:a'], mark)).toBe(false) // anything may have changed meanwhile
    expect(feed.unchangedSince(['u:a'], feed.mark())).toBe(true)
  })
})
