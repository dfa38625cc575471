import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'
import { cityCodeOf, forgetKeptFactSchema, KEPT_SCHEMA_MAX_AGE_MS, keptFactSchema } from './fact-schema'

// The schema the instant decision reads from memory (decision 0066): kept a few seconds at most, and
// read afresh on this node as soon as an administrator changes a definition here.
let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const kept = (at: number) => keptFactSchema(t.deps.db, t.deps.db, cityCodeOf(t.deps), at)
const labelOf = async (at: number, key: string) =>
  (await kept(at)).definitions.find((d) => d.key === key)?.labelZh

describe('the kept fact schema', () => {
  it('is read once and kept until it is too old', async () => {
    forgetKeptFactSchema(t.deps.db)
    const first = await kept(1_000)
    expect(first.definitions.length).toBeGreaterThan(0)
    expect(await kept(1_000 + KEPT_SCHEMA_MAX_AGE_MS - 1)).toBe(first)
    expect(await kept(1_000 + KEPT_SCHEMA_MAX_AGE_MS)).not.toBe(first)
  })

  it('shows a definition an administrator adds or renames on this node at once', async () => {
    const admin = await signInAs(t, 'admin')
    await kept(50_000)
    expect(await labelOf(50_000, 'keptProbe')).toBeUndefined()
    const created = await admin.post('/api/v1/facts/definitions', {
      key: 'keptProbe',
      labelZh: '缓存探针',
      labelEn: 'Kept probe',
      type: 'number',
    })
    expect(created.status).toBe(201)
    // the same instant: no age has passed, the write alone makes it read afresh
    expect(await labelOf(50_000, 'keptProbe')).toBe('缓存探针')
    const renamed = await admin.patch('/api/v1/facts/definitions/keptProbe', {
      version: created.body.version,
      labelZh: '缓存探针（改）',
    })
    expect(renamed.status).toBe(200)
    expect(await labelOf(50_000, 'keptProbe')).toBe('缓存探针（改）')
  })

  it('keeps nothing loaded while a definition was written (it may be older than the write)', async () => {
    forgetKeptFactSchema(t.deps.db)
    const loading = kept(90_000)
    forgetKeptFactSchema(t.deps.db)
    const loaded = await loading
    expect(await kept(90_000)).not.toBe(loaded)
  })
})
