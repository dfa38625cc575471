import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import { systemActor, type UserActor } from '../auth/actor'
import type { Tx } from '../db/database'
import { AppError, type ErrorCode } from '../errors'
import { applyCaseAction, runCaseAction, type CaseKind, type CaseOutcome } from './action-runner'
import { defineCaseTable } from './transitions'

/**
 * The runner on a real database, with a made-up kind of case kept in scratch tables this test makes:
 * what an allowed move writes, and that a refused or failing one writes nothing.
 */

type S = 'new' | 'open' | 'done'
type A = 'start' | 'finish' | 'note'
type R = 'owner' | 'clerk'
type Row = { id: string; status: S }

const table = defineCaseTable<S, A, R, ErrorCode>({
  states: { new: 'open', open: 'open', done: 'closed' },
  moves: {
    start: { from: ['new'], to: 'open', roles: ['clerk'], refusal: 'APPEAL_NOT_ACCEPTABLE' },
    finish: { from: ['open'], to: 'done', roles: [], refusal: 'APPEAL_NOT_CONFIRMABLE' },
    note: { from: ['new', 'open'], to: 'same', roles: ['owner', 'clerk'], refusal: 'CONFLICT' },
  },
})

const kind: CaseKind<Row, S, A, R, ErrorCode, never, { label?: string }, string> = {
  entityType: 'kit_case',
  table,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: async (tx, row, changes, to) => {
    await sql`UPDATE kit_cases SET status = ${to}, label = coalesce(${changes?.label ?? null}, label) WHERE id = ${row.id}`.execute(
      tx,
    )
    return row.id
  },
  eventInsert: (_tx, row, e) =>
    sql`INSERT INTO kit_case_events (case_id, type, actor_role, note, note_audience, data, audience)
      VALUES (${row.id}, ${e.type}, ${e.actorRole}, ${e.note}, ${e.noteAudience}, ${JSON.stringify(e.data)}, ${e.audience})`,
}

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
  await sql`CREATE TABLE kit_cases (id text PRIMARY KEY, status text NOT NULL, label text)`.execute(t.deps.db)
  await sql`CREATE TABLE kit_case_events (id serial PRIMARY KEY, case_id text, type text, actor_role text,
    note text, note_audience text, data jsonb, audience text)`.execute(t.deps.db)
})
afterAll(() => t.close())

const clerk: UserActor = {
  kind: 'user',
  userId: '00000000-0000-4000-8000-000000000001',
  userKind: 'staff',
  label: 'clerk',
  departmentId: null,
  roles: [{ role: 'handler', departmentId: '00000000-0000-4000-8000-000000000002' }],
  sessionId: 'test',
  mustChangePassword: false,
  consentPending: false,
}

let serial = 0
async function newCase(status: S = 'new'): Promise<string> {
  const id = `case-${++serial}`
  await sql`INSERT INTO kit_cases (id, status) VALUES (${id}, ${status})`.execute(t.deps.db)
  return id
}

async function lockCase(tx: Tx, id: string): Promise<Row | undefined> {
  const { rows } = await sql<Row>`SELECT id, status FROM kit_cases WHERE id = ${id} FOR UPDATE`.execute(tx)
  return rows[0]
}

function act(
  id: string,
  action: A,
  roles: R[],
  work: (ctx: { tx: Tx }) => Promise<CaseOutcome<S, { label?: string }>> = async () => ({}),
) {
  return runCaseAction(
    t.deps.db,
    kind,
    action,
    async (tx) => {
      const row = await lockCase(tx, id)
      return row && { ctx: { tx, actor: clerk, row }, roles }
    },
    work,
  )
}

async function written(id: string) {
  const state = await sql<{
    status: S
    label: string | null
  }>`SELECT status, label FROM kit_cases WHERE id = ${id}`.execute(t.deps.db)
  const events = await sql<{ type: string; audience: string; note_audience: string; data: unknown }>`
    SELECT type, audience, note_audience, data FROM kit_case_events WHERE case_id = ${id} ORDER BY id`.execute(
    t.deps.db,
  )
  const audit = await t.deps.db
    .selectFrom('audit_log')
    .select(['action', 'before', 'after'])
    .where('entity_type', '=', 'kit_case')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute()
  return { ...state.rows[0]!, events: events.rows, audit }
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  )

describe('an allowed move', () => {
  it('writes the state, the event (internal by default) and the audit row, in one transaction', async () => {
    const id = await newCase()
    await act(id, 'start', ['clerk'], async () => ({
      changes: { label: 'first' },
      event: { data: { why: 'test' } },
      audit: { extra: 1 },
    }))
    expect(await written(id)).toEqual({
      status: 'open',
      label: 'first',
      events: [{ type: 'start', audience: 'internal', note_audience: 'internal', data: { why: 'test' } }],
      audit: [{ action: 'kit_case.start', before: { status: 'new' }, after: { status: 'open', extra: 1 } }],
    })
  })

  it('lets the work choose another target, and a "same" move keep the state', async () => {
    const id = await newCase()
    await act(id, 'start', ['clerk'], async () => ({ to: 'done' }))
    expect((await written(id)).status).toBe('done')
    const other = await newCase()
    await act(other, 'note', ['owner'], async () => ({
      event: { audience: 'enterprise', noteAudience: 'enterprise', note: 'hi' },
    }))
    expect(await written(other)).toMatchObject({
      status: 'new',
      events: [{ type: 'note', audience: 'enterprise', note_audience: 'enterprise' }],
    })
  })
})

describe('a refused or failing move writes nothing', () => {
  it.each([
    ['a missing case', 'nope', 'start', ['clerk'], 'NOT_FOUND'],
    ['a role the move does not list', 'new', 'start', ['owner'], 'FORBIDDEN'],
    ['a move no person may make', 'open', 'finish', ['owner', 'clerk'], 'FORBIDDEN'],
    ['the wrong state: the move’s own refusal', 'open', 'start', ['clerk'], 'APPEAL_NOT_ACCEPTABLE'],
  ] as const)('%s → %s', async (_name, state, action, roles, code) => {
    const id = state === 'nope' ? 'no-such-case' : await newCase(state)
    let worked = false
    const result = act(id, action, [...roles], async () => {
      worked = true
      return {}
    })
    expect(await codeOf(result)).toBe(code)
    expect(worked).toBe(false)
    if (state !== 'nope') expect(await written(id)).toMatchObject({ status: state, events: [], audit: [] })
  })

  it('a failing work rolls back what it wrote itself', async () => {
    const id = await newCase()
    const result = act(id, 'start', ['clerk'], async ({ tx }) => {
      await sql`UPDATE kit_cases SET label = 'half-done' WHERE id = ${id}`.execute(tx)
      throw new AppError('VALIDATION_FAILED')
    })
    expect(await codeOf(result)).toBe('VALIDATION_FAILED')
    expect(await written(id)).toEqual({ status: 'new', label: null, events: [], audit: [] })
  })
})

describe('a system action', () => {
  it('skips the role check (sweeps act for nobody) but not the state', async () => {
    const id = await newCase('open')
    await t.deps.db.transaction().execute(async (tx) => {
      const row = (await lockCase(tx, id))!
      await applyCaseAction(
        kind,
        { tx, actor: systemActor('sweep'), row },
        'finish',
        'system',
        async () => ({}),
      )
    })
    expect(await written(id)).toMatchObject({ status: 'done', audit: [{ action: 'kit_case.finish' }] })
    const refused = t.deps.db.transaction().execute(async (tx) => {
      const row = (await lockCase(tx, id))!
      return applyCaseAction(
        kind,
        { tx, actor: systemActor('sweep'), row },
        'finish',
        'system',
        async () => ({}),
      )
    })
    expect(await codeOf(refused)).toBe('APPEAL_NOT_CONFIRMABLE')
  })
})
