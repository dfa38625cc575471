import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { ENTERPRISE_TIMELINE } from './appeal-enterprise-view'
import { DEFAULT_APPEAL_SETTINGS } from './appeal-settings'
import { APPEAL_EVENT_TYPES } from './appeal-states'
import { sweepAppealClocks } from './appeal-clock-sweep.service'
import { closeUnratedReplies } from './appeals-closing.service'
import { EnterpriseAppealSchema } from './appeals.schema'
import { appealBody, buildAppealWorld, fileAndDispatch, type AppealWorld } from './appeals.factories'
import { cityDate } from '../../../test/city-clock'
import { signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

/**
 * Who reads what: every note a member of staff writes says who reads it, and the enterprise's view of
 * its appeal is built from an allow-list. The walk below takes appeals through every event type the
 * service writes, with a marked internal note wherever staff can write one, and checks the enterprise's
 * answer event by event and as a whole.
 */
let t: TestApp
let w: AppealWorld
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
  admin = await signInAs(t, 'admin')
})
afterAll(() => t.close())

const DAY = 86_400_000
let serial = 0
/** A note only staff may read: if its marker ever reaches the enterprise, the test says where. */
const internal = (what: string) => `内部备注${++serial}-${what}-SECRET`
const forEnterprise = (what: string) => `给企业${++serial}-${what}`

async function setSettings(changes: Partial<typeof DEFAULT_APPEAL_SETTINGS>) {
  const current = await admin.get('/api/v1/appeals/settings')
  const res = await admin.put('/api/v1/appeals/settings', {
    version: current.body.version,
    settings: { ...DEFAULT_APPEAL_SETTINGS, ...changes },
  })
  if (res.status !== 200) throw new Error(`settings: ${JSON.stringify(res.body)}`)
}

async function ok(res: Promise<{ status: number; body: any }>) {
  const r = await res
  if (r.status !== 200 && r.status !== 201) throw new Error(JSON.stringify(r.body))
  return r.body
}

/** Every event type the appeal services write (appeal-states.ts): the walk must meet each of them. */
const EVERY_EVENT_TYPE = APPEAL_EVENT_TYPES

describe('the enterprise’s view of its appeal', () => {
  it('walks every event type: the enterprise reads only allow-listed steps, fields and notes addressed to it', async () => {
    const ids: string[] = []
    const secrets: string[] = []
    const shared: string[] = []
    const secret = (what: string) => {
      const note = internal(what)
      secrets.push(note)
      return note
    }
    const open = (what: string) => {
      const note = forEnterprise(what)
      shared.push(note)
      return note
    }

    // 1. Filed by the hotline for the enterprise, accepted, dispatched with a co-handler, co-handled,
    //    paused twice, contacted twice, extended once and refused once, answered with approval (sent back
    //    once), reopened, answered again and confirmed.
    const { idempotencyKey: _k, enterpriseId: _e, ...rest } = appealBody(w.enterprise.id)
    const enterprise = await t.deps.db
      .selectFrom('enterprises')
      .select('uscc')
      .where('id', '=', w.enterprise.id)
      .executeTakeFirstOrThrow()
    const one = (
      await ok(
        w.dispatcher.post('/api/v1/appeals/on-behalf', {
          ...rest,
          enterpriseUscc: enterprise.uscc,
          channel: 'hotline',
          callerName: '来电的王经理',
          idempotencyKey: crypto.randomUUID(),
        }),
      )
    ).id as string
    ids.push(one)
    await ok(
      w.dispatcher.post(`/api/v1/appeals/${one}/accept`, {
        note: secret('accept'),
        noteAudience: 'internal',
      }),
    )
    await ok(
      w.dispatcher.post(`/api/v1/appeals/${one}/dispatch`, {
        leadDepartmentId: w.departments.a.id,
        coDepartmentIds: [w.departments.b.id],
        note: secret('dispatch'),
        noteAudience: 'internal',
      }),
    )
    await ok(w.handlerB.post(`/api/v1/appeals/${one}/co-sign-for`))
    await ok(w.handlerB.post(`/api/v1/appeals/${one}/parts`, { body: secret('part') }))
    await ok(w.handlerA.post(`/api/v1/appeals/${one}/sign-for`))
    await ok(
      w.handlerA.post(`/api/v1/appeals/${one}/pause`, {
        reason: 'awaiting_third_party',
        note: secret('pause'),
        noteAudience: 'internal',
      }),
    )
    await ok(
      w.handlerA.post(`/api/v1/appeals/${one}/resume`, { note: open('resume'), noteAudience: 'enterprise' }),
    )
    await ok(
      w.handlerA.post(`/api/v1/appeals/${one}/contact`, {
        method: 'phone',
        contactPerson: '李会计',
        note: secret('contact'),
        noteAudience: 'internal',
      }),
    )
    await ok(
      w.handlerA.post(`/api/v1/appeals/${one}/contact`, {
        method: 'message',
        note: open('message'),
        noteAudience: 'enterprise',
      }),
    )
    await ok(
      w.headA.post(`/api/v1/appeals/${one}/extension`, { workingDays: 2, reason: secret('extension') }),
    )
    let staffView = await ok(w.dispatcher.get(`/api/v1/appeals/${one}`))
    await ok(
      w.dispatcher.post(`/api/v1/appeals/${one}/extensions/${staffView.extensions[0].id}/decision`, {
        approve: true,
        note: secret('extension-approved'),
        noteAudience: 'internal',
      }),
    )
    await ok(
      w.headA.post(`/api/v1/appeals/${one}/extension`, { workingDays: 1, reason: secret('extension2') }),
    )
    staffView = await ok(w.dispatcher.get(`/api/v1/appeals/${one}`))
    const pending = staffView.extensions.find((x: { status: string }) => x.status === 'requested')
    await ok(
      w.dispatcher.post(`/api/v1/appeals/${one}/extensions/${pending.id}/decision`, {
        approve: false,
        note: secret('extension-rejected'),
        noteAudience: 'internal',
      }),
    )
    await setSettings({ replyNeedsApproval: true })
    try {
      const written = await ok(
        w.handlerA.post(`/api/v1/appeals/${one}/reply`, { body: '答复初稿：正在协调。', attachmentIds: [] }),
      )
      await ok(
        w.headA.post(`/api/v1/appeals/${one}/replies/${written.replies[0].id}/decision`, {
          approve: false,
          note: secret('reply-sent-back'),
          noteAudience: 'internal',
        }),
      )
      const rewritten = await ok(
        w.handlerA.post(`/api/v1/appeals/${one}/reply`, {
          body: '已协调窗口一次性告知所需材料，许可证三日内核发。',
          attachmentIds: [],
        }),
      )
      const replyId = rewritten.replies.find((r: { status: string }) => r.status === 'pending_approval').id
      await ok(
        w.headA.post(`/api/v1/appeals/${one}/replies/${replyId}/decision`, {
          approve: true,
          note: secret('reply-approved'),
          noteAudience: 'internal',
        }),
      )
    } finally {
      await setSettings({})
    }
    await ok(w.enterpriseUser.post(`/api/v1/appeals/${one}/rating`, { solved: false, comment: '还没解决' }))
    await ok(
      w.handlerA.post(`/api/v1/appeals/${one}/reply`, {
        body: '补充答复：许可证已核发，请查收。',
        attachmentIds: [],
        missingPartsReason: secret('no-wait'),
      }),
    )
    await ok(
      w.enterpriseUser.post(`/api/v1/appeals/${one}/rating`, {
        solved: true,
        level: 3,
        comment: '基本满意',
      }),
    )
    // "fairly satisfied" always draws a return visit; the task force records it by phone.
    const visits = await ok(w.dispatcher.get('/api/v1/appeals/return-visits?status=pending'))
    const visit = visits.items.find((v: { appealId: string }) => v.appealId === one)
    await ok(
      w.dispatcher.post(`/api/v1/appeals/return-visits/${visit.id}`, {
        status: 'done',
        solved: true,
        level: 4,
        note: secret('return-visit'),
      }),
    )

    // 2. Returned twice and arbitrated; then left to run out of time (every clock threshold).
    const two = await fileAndDispatch(w)
    ids.push(two)
    await ok(w.handlerA.post(`/api/v1/appeals/${two}/return`, { reason: secret('return1') }))
    await ok(w.dispatcher.post(`/api/v1/appeals/${two}/dispatch`, { leadDepartmentId: w.departments.a.id }))
    await ok(w.handlerA.post(`/api/v1/appeals/${two}/return`, { reason: secret('return2') }))
    await ok(w.dispatcher.post(`/api/v1/appeals/${two}/dispatch`, { leadDepartmentId: w.departments.a.id }))
    await w.handlerA.post(`/api/v1/appeals/${two}/return`, { reason: secret('return3') })
    await ok(
      w.dispatcher.post(`/api/v1/appeals/${two}/arbitrate`, {
        departmentId: w.departments.a.id,
        note: secret('arbitrate'),
        noteAudience: 'internal',
      }),
    )
    // Every three hours for forty days: each threshold gets a sweep of its own.
    const start = Date.now()
    for (let hours = 3; hours <= 40 * 24; hours += 3)
      await sweepAppealClocks(t.deps, new Date(start + hours * 3_600_000))

    // 3. Answered and never rated: closed without a rating.
    const three = await fileAndDispatch(w)
    ids.push(three)
    await ok(w.handlerA.post(`/api/v1/appeals/${three}/sign-for`))
    await ok(
      w.handlerA.post(`/api/v1/appeals/${three}/reply`, {
        body: '已答复，请确认是否解决。',
        attachmentIds: [],
      }),
    )
    await closeUnratedReplies(t.deps, new Date(Date.now() + 30 * DAY))

    // 4. Rejected; 5. merged into 6; 7. withdrawn.
    const four = (await ok(w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id)))).id
    ids.push(four)
    await ok(w.dispatcher.post(`/api/v1/appeals/${four}/reject`, { reason: open('reject') }))
    const six = (await ok(w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id)))).id
    const five = (await ok(w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id)))).id
    ids.push(five, six)
    await ok(
      w.dispatcher.post(`/api/v1/appeals/${five}/merge`, {
        originalId: six,
        note: secret('merge'),
        noteAudience: 'internal',
      }),
    )
    const seven = await fileAndDispatch(w)
    ids.push(seven)
    await ok(w.enterpriseUser.post(`/api/v1/appeals/${seven}/withdraw`, { reason: open('withdraw') }))

    // Every event type was written at least once.
    const seen = new Set<string>()
    for (const id of ids)
      for (const e of (await ok(w.dispatcher.get(`/api/v1/appeals/${id}`))).timeline) seen.add(e.type)
    expect([...EVERY_EVENT_TYPE].filter((type) => !seen.has(type))).toEqual([])
    expect([...seen].filter((type) => !EVERY_EVENT_TYPE.includes(type))).toEqual([])

    for (const id of ids) {
      const staff = await ok(w.dispatcher.get(`/api/v1/appeals/${id}`))
      const mine = await ok(w.enterpriseUser.get(`/api/v1/appeals/${id}`))
      // The enterprise's answer is exactly its schema: no staff field rides along.
      expect(mine.view).toBe('enterprise')
      expect(Object.keys(mine).sort()).toEqual(Object.keys(EnterpriseAppealSchema.shape).sort())
      const text = JSON.stringify(mine)
      for (const note of secrets) expect(text, `${note} reached the enterprise`).not.toContain(note)
      expect(text).not.toContain('来电的王经理')
      // Event by event: a listed type only, addressed to it, only the listed data keys.
      const shown = new Map<number, any>(mine.timeline.map((e: { id: number }) => [e.id, e]))
      for (const event of staff.timeline) {
        const rule = ENTERPRISE_TIMELINE[event.type]
        const visible = event.audience === 'enterprise' && rule !== undefined
        const seenByEnterprise = shown.get(event.id)
        expect({ type: event.type, shown: !!seenByEnterprise }).toEqual({ type: event.type, shown: visible })
        if (!seenByEnterprise) continue
        expect(seenByEnterprise.type).toBe(rule!.shownAs ?? event.type)
        expect(Object.keys(seenByEnterprise.data).every((k) => (rule!.data ?? []).includes(k))).toBe(true)
        expect(seenByEnterprise.note).toBe(event.noteAudience === 'enterprise' ? event.note : null)
        expect(Object.keys(seenByEnterprise).sort()).toEqual(
          ['at', 'data', 'departmentName', 'id', 'note', 'type'].sort(),
        )
      }
    }
    // What was written for the enterprise did reach it.
    const everything = JSON.stringify(
      await Promise.all(ids.map((id) => ok(w.enterpriseUser.get(`/api/v1/appeals/${id}`)))),
    )
    for (const note of shared) expect(everything, `${note} never reached the enterprise`).toContain(note)
    // Its list of appeals carries no staff figures either.
    const list = await ok(w.enterpriseUser.get('/api/v1/appeals/mine'))
    expect(list.items[0]).not.toHaveProperty('returnCount')
  })

  it('refuses a note without an audience, naming the field, and writes nothing', async () => {
    const id = await fileAndDispatch(w)
    const before = (await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.timeline.length
    for (const [path, client, body] of [
      ['accept', w.dispatcher, { note: '说明' }],
      ['resume', w.handlerA, { note: '说明' }],
      ['contact', w.handlerA, { method: 'phone', contactPerson: '王经理', note: '已联系' }],
      ['pause', w.handlerA, { reason: 'awaiting_third_party', note: '等待' }],
    ] as const) {
      const res = await client.post(`/api/v1/appeals/${id}/${path}`, body)
      expect(res.status, path).toBe(400)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
      expect(res.body.error.fields).toHaveProperty('noteAudience')
    }
    // Every bad field at once, the audience among them.
    const both = await w.dispatcher.post(`/api/v1/appeals/${id}/dispatch`, {
      leadDepartmentId: 'not-a-uuid',
      note: '说明',
    })
    expect(Object.keys(both.body.error.fields).sort()).toEqual(['leadDepartmentId', 'noteAudience'])
    // Waiting for the enterprise, the note is its request: it must be addressed to it.
    const asked = await w.handlerA.post(`/api/v1/appeals/${id}/pause`, {
      reason: 'awaiting_enterprise',
      note: '请补充材料',
      noteAudience: 'internal',
    })
    expect(asked.body.error.fields.noteAudience).toBeTruthy()
    expect((await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.timeline).toHaveLength(before)
  })
})

describe('first contact', () => {
  it('is met only by a recorded contact: a call or visit names the person, a message reaches the enterprise', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    const firstContact = async () =>
      (await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.clocks.find(
        (c: { kind: string }) => c.kind === 'first_contact',
      )
    // Signing for is not a contact.
    expect((await firstContact()).stoppedAt).toBeNull()
    const noPerson = await w.handlerA.post(`/api/v1/appeals/${id}/contact`, {
      method: 'phone',
      note: '打过电话',
      noteAudience: 'internal',
    })
    expect(noPerson.body.error.fields).toHaveProperty('contactPerson')
    const later = await w.handlerA.post(`/api/v1/appeals/${id}/contact`, {
      method: 'visit',
      contactPerson: '王经理',
      contactedAt: new Date(Date.now() + DAY).toISOString(),
      note: '上门',
      noteAudience: 'internal',
    })
    expect(later.body.error.fields).toHaveProperty('contactedAt')
    const early = await w.handlerA.post(`/api/v1/appeals/${id}/contact`, {
      method: 'visit',
      contactPerson: '王经理',
      contactedAt: new Date(Date.now() - 30 * DAY).toISOString(),
      note: '上门',
      noteAudience: 'internal',
    })
    expect(early.body.error.fields).toHaveProperty('contactedAt')
    const internalMessage = await w.handlerA.post(`/api/v1/appeals/${id}/contact`, {
      method: 'message',
      note: '请明天上午留意来电',
      noteAudience: 'internal',
    })
    expect(internalMessage.body.error.fields).toHaveProperty('noteAudience')
    expect((await firstContact()).stoppedAt).toBeNull()

    const sent = await w.handlerA.post(`/api/v1/appeals/${id}/contact`, {
      method: 'message',
      note: '请明天上午留意来电，我们核实施工许可材料',
      noteAudience: 'enterprise',
    })
    expect(sent.status).toBe(200)
    const clock = await firstContact()
    expect(clock.stoppedAt).not.toBeNull()
    expect(clock.isMet).toBe(true)
    expect(sent.body.contacts).toMatchObject([{ method: 'message', contactPerson: null }])
    // The message is one the enterprise received.
    await t.deps.jobs.runQueued(DELIVER_QUEUE)
    const inbox = await w.enterpriseUser.get('/api/v1/inbox')
    expect(JSON.stringify(inbox.body)).toContain('请明天上午留意来电')
  })
})

describe('co-handlers (协办)', () => {
  it('sign for and submit their part on a clock; the lead waits for it or records why not; the figures count it', async () => {
    // Departments of their own, so the figures count only this test's appeals.
    const w = await buildAppealWorld(t)
    const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    const id = filed.body.id
    await w.dispatcher.post(`/api/v1/appeals/${id}/dispatch`, {
      leadDepartmentId: w.departments.a.id,
      coDepartmentIds: [w.departments.b.id],
    })
    const clocks = (await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.clocks as {
      kind: string
      departmentId: string
      budgetMinutes: number
    }[]
    const resolution = clocks.find((c) => c.kind === 'resolution')!
    const part = clocks.find((c) => c.kind === 'co_part')!
    expect(part.departmentId).toBe(w.departments.b.id)
    expect(part.budgetMinutes).toBe(
      Math.round(resolution.budgetMinutes * DEFAULT_APPEAL_SETTINGS.coPartShare),
    )
    expect(
      clocks
        .filter((c) => c.kind === 'sign_for')
        .map((c) => c.departmentId)
        .sort(),
    ).toEqual([w.departments.a.id, w.departments.b.id].sort())
    // The co-handler does its part only; the lead does not do the co-handler's.
    expect((await w.handlerB.post(`/api/v1/appeals/${id}/sign-for`)).body.error.code).toBe('FORBIDDEN')
    expect((await w.handlerA.post(`/api/v1/appeals/${id}/parts`, { body: '意见' })).body.error.code).toBe(
      'FORBIDDEN',
    )
    expect((await w.handlerB.post(`/api/v1/appeals/${id}/co-sign-for`)).status).toBe(200)
    expect((await w.handlerB.post(`/api/v1/appeals/${id}/co-sign-for`)).body.error.code).toBe(
      'APPEAL_NOT_SIGNABLE',
    )
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    const early = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '答复：已协调办理完毕。',
      attachmentIds: [],
    })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('APPEAL_PARTS_MISSING')
    expect(early.body.error.message).toContain(w.departments.b.name)
    expect(early.body.error.fields).toHaveProperty('missingPartsReason')

    const submitted = await w.handlerB.post(`/api/v1/appeals/${id}/parts`, {
      body: '税务方面：退税已于本周审核通过。',
    })
    expect(submitted.status).toBe(200)
    expect((await w.handlerB.post(`/api/v1/appeals/${id}/parts`, { body: '再交一次' })).body.error.code).toBe(
      'APPEAL_PART_ALREADY_SUBMITTED',
    )
    const lead = await w.handlerA.get(`/api/v1/appeals/${id}`)
    expect(lead.body.coParts).toMatchObject([
      { departmentId: w.departments.b.id, body: '税务方面：退税已于本周审核通过。' },
    ])
    expect(lead.body.clocks.find((c: { kind: string }) => c.kind === 'co_part').isMet).toBe(true)
    expect((await w.enterpriseUser.get(`/api/v1/appeals/${id}`)).body).not.toHaveProperty('coParts')
    const replied = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '答复：已协调住建、税务办理完毕。',
      attachmentIds: [],
    })
    expect(replied.body.status).toBe('replied')

    // A second appeal: the lead does not wait and says why; the part's clock is void, counted apart.
    const other = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    await w.dispatcher.post(`/api/v1/appeals/${other.body.id}/dispatch`, {
      leadDepartmentId: w.departments.a.id,
      coDepartmentIds: [w.departments.b.id],
    })
    await w.handlerA.post(`/api/v1/appeals/${other.body.id}/sign-for`)
    const waived = await w.handlerA.post(`/api/v1/appeals/${other.body.id}/reply`, {
      body: '答复：问题已在本部门职责内解决。',
      attachmentIds: [],
      missingPartsReason: '问题已由本部门独立解决，无需协办意见',
    })
    expect(waived.body.status).toBe('replied')
    expect(waived.body.replies[0].missingPartsReason).toBe('问题已由本部门独立解决，无需协办意见')
    const voided = waived.body.clocks.filter(
      (c: { kind: string; departmentId: string }) => c.departmentId === w.departments.b.id,
    )
    expect(
      voided.map((c: { stoppedAt: string | null; isMet: boolean | null }) => [!!c.stoppedAt, c.isMet]),
    ).toEqual([
      [true, null],
      [true, null],
    ])

    const figures = await w.dispatcher.get(`/api/v1/appeals/figures?from=${cityDate(0)}&to=${cityDate(1)}`)
    const b = figures.body.departments.find(
      (d: { departmentId: string }) => d.departmentId === w.departments.b.id,
    )
    expect(b).toMatchObject({
      coHandled: 2,
      coHandling: { numerator: 1, denominator: 1 },
      coPartsNotSubmitted: 1,
    })
  })
})
