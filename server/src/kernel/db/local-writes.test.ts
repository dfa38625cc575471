import { describe, expect, it } from 'vitest'
import type pg from 'pg'
import { LocalWrites, reportCommittedWrites, statementKind, type StatementKind } from './local-writes'

describe('statementKind', () => {
  const cases: [string, StatementKind][] = [
    ['begin', 'begin'],
    ['BEGIN ISOLATION LEVEL SERIALIZABLE', 'begin'],
    ['start transaction', 'begin'],
    ['commit', 'commit'],
    ['END', 'commit'],
    ['rollback', 'rollback'],
    ['ABORT', 'rollback'],
    ['rollback to savepoint a', 'neutral'],
    ['ROLLBACK TRANSACTION TO a', 'neutral'],
    ['savepoint a', 'neutral'],
    ['release savepoint a', 'neutral'],
    ['select 1', 'read'],
    ['/* prepared */ SELECT u.user_id FROM appeals', 'read'],
    ['-- a comment\nselect * from x', 'read'],
    ['(select 1) union (select 2)', 'read'],
    ['select updated_at, deleted_at from appeals', 'read'],
    ['with a as (select 1) select * from a', 'read'],
    ['show server_version', 'read'],
    ['with a as (insert into t values (1) returning *) select * from a', 'write'],
    ['select * from appeals where id = $1 for update', 'write'],
    ['insert into appeals values ($1)', 'write'],
    ['  UPDATE appeals SET status = $1', 'write'],
    ['delete from sessions', 'write'],
    ['copy enterprises from stdin', 'write'],
    ['COPY (SELECT id FROM enterprises) TO STDOUT (FORMAT binary)', 'read'],
    ['copy (insert into t values (1) returning *) to stdout', 'write'],
    ['set local statement_timeout = 1000', 'write'],
    ['truncate appeals', 'write'],
    ['', 'write'],
  ]
  it.each(cases)('%j is %s', (text, kind) => {
    expect(statementKind(text)).toBe(kind)
  })
})

/** A client whose queries answer at once, recording the order of events. */
function fakeClient() {
  const client = {
    query: (config: unknown, values?: unknown, callback?: unknown) => {
      const text = typeof config === 'string' ? config : (config as { text: string }).text
      const cb = typeof values === 'function' ? values : callback
      if (typeof cb === 'function') {
        queueMicrotask(() => (cb as (e: null, r: object) => void)(null, { text }))
        return undefined
      }
      return text === 'fail' ? Promise.reject(new Error('failed')) : Promise.resolve({ text })
    },
  }
  const writes = new LocalWrites()
  reportCommittedWrites(client as unknown as pg.PoolClient, writes)
  return { client: client as unknown as pg.PoolClient, writes }
}

describe('reportCommittedWrites', () => {
  it('counts a transaction that wrote once, at its COMMIT, before the caller goes on', async () => {
    const { client, writes } = fakeClient()
    await client.query('begin')
    await client.query('select 1')
    await client.query('insert into t values (1)')
    await client.query('update t set a = 2')
    expect(writes.count).toBe(0)
    await client.query('commit')
    expect(writes.count).toBe(1) // already, as the caller goes on
  })

  it('does not count reads, rolled-back transactions or a transaction that only read', async () => {
    const { client, writes } = fakeClient()
    await client.query('select 1')
    await client.query('begin')
    await client.query('insert into t values (1)')
    await client.query('rollback')
    await client.query('begin')
    await client.query('select 1')
    await client.query('commit')
    expect(writes.count).toBe(0)
  })

  it('counts a write outside a transaction when it is done, failed or not, and in the callback form', async () => {
    const seen: number[] = []
    const { client, writes } = fakeClient()
    await client.query({ text: 'insert into t values (1)' } as never)
    await expect(client.query('fail')).rejects.toThrow('failed')
    await new Promise<void>((resolve) =>
      client.query('delete from t', [], () => {
        seen.push(writes.count) // counted before the caller's callback runs
        resolve()
      }),
    )
    expect(seen).toEqual([3])
  })

  it('counts a COPY … FROM stream when it finishes, and hands the stream back as it is', async () => {
    const { EventEmitter } = await import('node:events')
    const stream = Object.assign(new EventEmitter(), { text: 'COPY t FROM STDIN' })
    const client = { query: () => stream }
    const writes = new LocalWrites()
    reportCommittedWrites(client as unknown as pg.PoolClient, writes)
    expect(client.query()).toBe(stream)
    expect(writes.count).toBe(0)
    stream.emit('finish')
    stream.emit('close')
    expect(writes.count).toBe(1)
  })
})
