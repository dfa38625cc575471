import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

let t: TestApp
let dispatcher: TestClient
let leader: TestClient
let inspector: TestClient
let handler: TestClient
beforeAll(async () => {
  t = await createTestApp()
  dispatcher = await signInAs(t, 'dispatcher')
  leader = await signInAs(t, 'bureau_leader')
  inspector = await signInAs(t, 'discipline_inspector')
  handler = await signInAs(t, 'handler')
})
afterAll(() => t.close())

const proposal = {
  unitName: '某区行政审批局',
  title: '窗口人员王建国刁难企业',
  conduct:
    '窗口工作人员王建国多次要求企业负责人李明补交同一材料，李明电话13900000001，拖延办理 20 个工作日。',
}
const publicBoard = () => t.anonymous('10.7.7.7').get('/api/v1/public/exposures')

describe('the exposure board', () => {
  it('proposed, reviewed by a second person with the redaction confirmed, published, then rectified', async () => {
    const proposed = await leader.post('/api/v1/exposures', proposal)
    expect(proposed.status).toBe(201)
    expect(proposed.body).toMatchObject({ status: 'proposed', source: 'manual', version: 1 })
    // The helper finds the names and the phone, and proposes the text without them.
    expect(proposed.body.suggestion.hits.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['name', 'phone']),
    )
    expect(proposed.body.suggestion.text).toContain('王某')
    expect(proposed.body.suggestion.text).not.toMatch(/王建国|李明|13900000001/)
    const path = `/api/v1/exposures/${proposed.body.id}`

    // Nothing is published without review: refused, nothing written.
    const early = await leader.post(`${path}/publish`, { version: 1 })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('EXPOSURE_NOT_REVIEWED')
    expect((await leader.get(path)).body).toMatchObject({ status: 'proposed', version: 1, publishedAt: null })
    expect((await publicBoard()).body.total).toBe(0)

    const review = {
      version: 1,
      decision: 'approve',
      publicTitle: '窗口人员刁难企业',
      publicConduct: '某区行政审批局窗口工作人员王某多次要求企业补交同一材料，拖延办理 20 个工作日。',
      redactionConfirmed: true,
    }
    // The proposer is not the second person; a task force member is no reviewer at all.
    expect((await leader.post(`${path}/review`, review)).body.error.code).toBe('EXPOSURE_OWN_PROPOSAL')
    expect((await dispatcher.post(`${path}/review`, review)).body.error.code).toBe('FORBIDDEN')
    // The reviewer confirms the redaction, and no number may remain.
    const unconfirmed = await inspector.post(`${path}/review`, { ...review, redactionConfirmed: undefined })
    expect(unconfirmed.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { redactionConfirmed: expect.any(String) },
    })
    const withPhone = await inspector.post(`${path}/review`, {
      ...review,
      publicConduct: `${review.publicConduct}联系 139 0000 0001`,
    })
    expect(withPhone.body.error.code).toBe('EXPOSURE_PERSONAL_DATA')
    const approved = await inspector.post(`${path}/review`, review)
    expect(approved.body).toMatchObject({ status: 'approved', reviewedByName: expect.any(String) })

    const published = await leader.post(`${path}/publish`, { version: approved.body.version })
    expect(published.body.status).toBe('published')

    const board = await publicBoard()
    expect(board.body.total).toBe(1)
    expect(board.body.items[0]).toEqual({
      id: proposed.body.id,
      unitName: '某区行政审批局',
      title: '窗口人员刁难企业',
      conduct: review.publicConduct,
      publishedAt: expect.any(String),
      rectification: null,
      rectifiedAt: null,
    })
    expect(JSON.stringify(board.body)).not.toMatch(/王建国|李明|13900000001/)

    const rectified = await inspector.post(`${path}/rectification`, {
      version: published.body.version,
      rectification: '当事人已调离窗口岗位并受到诫勉谈话，该局已整改办理流程',
    })
    expect(rectified.body.status).toBe('rectified')
    const one = await t.anonymous('10.7.7.8').get(`/api/v1/public/exposures/${proposed.body.id}`)
    expect(one.body).toMatchObject({
      rectification: expect.stringContaining('诫勉谈话'),
      rectifiedAt: expect.any(String),
    })
  })

  it('a rejected proposal never reaches the board, and the staff side is closed to others', async () => {
    const proposed = await dispatcher.post('/api/v1/exposures', {
      ...proposal,
      title: '另一起问题的初步线索',
    })
    const rejected = await leader.post(`/api/v1/exposures/${proposed.body.id}/review`, {
      version: 1,
      decision: 'reject',
      note: '证据不足，暂不曝光',
    })
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: '证据不足，暂不曝光' })
    expect((await t.anonymous('10.7.7.9').get(`/api/v1/public/exposures/${proposed.body.id}`)).status).toBe(
      404,
    )
    expect((await handler.get(`/api/v1/exposures/${proposed.body.id}`)).status).toBe(403)
    expect((await t.anonymous('10.7.7.9').get('/api/v1/exposures')).status).toBe(401)
  })

  it('the redaction helper answers the reviewer', async () => {
    const res = await inspector.post('/api/v1/exposures/redaction', {
      text: '科长张伟拖延审批，身份证 210202199001011234',
    })
    expect(res.body.text).toBe('科长张某拖延审批，身份证 [身份证号已隐去]')
  })
})
