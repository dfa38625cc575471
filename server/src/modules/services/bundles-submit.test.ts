import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { AppError, validationFailed } from '../../kernel/errors'
import { createTestApp, type TestApp } from '../../../test/harness'
import { buildBundleWorld, publishBundle, type BundleWorld } from './bundles.factories'

/**
 * All or nothing: a bundle submits its parts in one transaction. The parts' own submission is the
 * intake's (submitInTransaction); here it is replaced by a stand-in that does what the real one does
 * to the database (the part becomes 'submitted') and refuses as the real one would (a form field that
 * fails the part's schema; a part that cannot be submitted), so the bundle's side is tested alone.
 */
vi.mock('./application-submit', () => ({
  submitInTransaction: vi.fn(
    async (_deps: unknown, tx: import('../../kernel/db/database').Tx, _user: unknown, id: string) => {
      const row = await tx
        .selectFrom('applications')
        .select(['form_data', 'title'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const saved = await tx
        .updateTable('applications')
        .set({ status: 'submitted', submitted_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow()
      if (row.title === '公章刻制备案' && !('sealCount' in row.form_data))
        throw validationFailed({ sealCount: '必填' })
      if (row.title === '新办纳税人涉税事项' && row.form_data.hasInvoices === 'refuse')
        throw new AppError('APPLICATION_NOT_SUBMITTABLE')
      return saved
    },
  ),
}))

const APPS = '/api/v1/services/bundle-applications'
const NOW = new Date('2026-03-02T02:00:00Z')

let t: TestApp
let w: BundleWorld
let bundleId: string
beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  t = await createTestApp()
  w = await buildBundleWorld(t)
  bundleId = await publishBundle(w, [w.matters.reg, w.matters.seal, w.matters.tax], 3)
})
afterAll(async () => {
  await t.close()
  vi.useRealTimers()
})

async function parts(id: string) {
  return t.deps.db
    .selectFrom('bundle_application_parts as p')
    .innerJoin('applications as a', 'a.id', 'p.application_id')
    .select(['a.status', 'a.form_data'])
    .where('p.bundle_application_id', '=', id)
    .orderBy('p.position')
    .execute()
}

async function open(formData: Record<string, unknown>) {
  const opened = await w.applicant.post(APPS, { enterpriseId: w.enterpriseId, bundleId })
  await w.applicant.put(`${APPS}/${opened.body.id}/form`, { formData })
  return opened.body.id as string
}

describe('submitting a bundle: all or nothing', () => {
  it('submits nothing when one part’s form is refused, and lists that part’s fields', async () => {
    const id = await open({ enterpriseName: '大连全有全无有限公司', address: '中山区' })
    const res = await w.applicant.post(`${APPS}/${id}/submit`)
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('VALIDATION_FAILED')
    expect(res.body.error.fields).toEqual({ sealCount: '「公章刻制备案」必填' })
    // the first part had been submitted inside the transaction: rolled back with the rest
    expect(await parts(id)).toEqual([
      { status: 'draft', form_data: {} },
      { status: 'draft', form_data: {} },
      { status: 'draft', form_data: {} },
    ])
    const after = await w.applicant.get(`${APPS}/${id}`)
    expect(after.body).toMatchObject({ status: 'draft', submittedAt: null })
  })

  it('names a part refused for another reason, and submits nothing either', async () => {
    const id = await open({ enterpriseName: '大连拒绝有限公司', address: '中山区', hasInvoices: 'refuse' })
    const res = await w.applicant.post(`${APPS}/${id}/submit`)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('BUNDLE_PARTS_REFUSED')
    expect(Object.keys(res.body.error.fields)).toEqual(['sealCount', 'parts.3'])
    expect(res.body.error.fields['parts.3']).toContain('「新办纳税人涉税事项」')
    expect((await parts(id)).map((p) => p.status)).toEqual(['draft', 'draft', 'draft'])
  })

  it('submits every part together when none is refused', async () => {
    const id = await open({ enterpriseName: '大连并联有限公司', address: '中山区', sealCount: 2 })
    const res = await w.applicant.post(`${APPS}/${id}/submit`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'in_progress', counts: { total: 3, inProgress: 3 } })
    expect((await parts(id)).map((p) => p.status)).toEqual(['submitted', 'submitted', 'submitted'])
    expect(
      res.body.parts.every((p: { submittedAt: string | null }) => p.submittedAt === NOW.toISOString()),
    ).toBe(true)
  })
})
