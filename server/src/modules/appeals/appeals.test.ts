import crypto from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appealBody, buildAppealWorld, fileAndDispatch, type AppealWorld } from './appeals.factories'
import { countDeliveryJobs, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(() => t.close())

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])

async function upload(client: typeof w.enterpriseUser, bytes: Uint8Array, name: string) {
  const form = new FormData()
  form.set('file', new File([bytes], name))
  return client.post('/api/v1/appeals/attachments', form)
}

describe('intake', () => {
  it('files an appeal with a readable number and a receipt; a retried submit files nothing new', async () => {
    const body = appealBody(w.enterprise.id)
    const first = await w.enterpriseUser.post('/api/v1/appeals', body)
    expect(first.status).toBe(201)
    expect(first.body.number).toMatch(/^DL-\d{4}-\d{6}$/)
    expect(first.body.receipt).toContain(first.body.number)
    const again = await w.enterpriseUser.post('/api/v1/appeals', body)
    expect(again.status).toBe(200)
    expect(again.body.id).toBe(first.body.id)
    const mine = await w.enterpriseUser.get('/api/v1/appeals/mine')
    expect(mine.body.items.filter((a: { id: string }) => a.id === first.body.id)).toHaveLength(1)
    // The total comes with the page (one query), and still when a page lies past the end.
    const total = mine.body.total as number
    expect(total).toBeGreaterThanOrEqual(1)
    const firstOnly = await w.enterpriseUser.get('/api/v1/appeals/mine?limit=1')
    expect(firstOnly.body).toMatchObject({ total })
    expect(firstOnly.body.items).toHaveLength(1)
    expect(firstOnly.body.items[0]).not.toHaveProperty('total_count')
    const pastTheEnd = await w.enterpriseUser.get(`/api/v1/appeals/mine?limit=5&offset=${total + 10}`)
    expect(pastTheEnd.body).toEqual({ items: [], total })
  })

  it('binds an idempotency key to its appeal: the same key with another text is refused, as payment APIs do', async () => {
    const body = appealBody(w.enterprise.id)
    const first = await w.enterpriseUser.post('/api/v1/appeals', body)
    expect(first.status).toBe(201)
    // Spacing the schema trims away is the same request; another title is not.
    const same = await w.enterpriseUser.post('/api/v1/appeals', { ...body, title: ` ${body.title} ` })
    expect(same.status).toBe(200)
    expect(same.body.id).toBe(first.body.id)
    const changed = await w.enterpriseUser.post('/api/v1/appeals', {
      ...body,
      title: '另一件事：退税没有到账',
    })
    expect(changed.status).toBe(409)
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
    // Two different requests racing with one key: one is filed, the other refused, never given its receipt.
    const key = crypto.randomUUID()
    const raced = await Promise.all([
      w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id, { idempotencyKey: key })),
      w.enterpriseUser.post(
        '/api/v1/appeals',
        appealBody(w.enterprise.id, { idempotencyKey: key, title: '同一个编号，另一件事' }),
      ),
    ])
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409])
  })

  it('binds the key of a hotline filing to its request too', async () => {
    const { enterpriseId: _e, ...rest } = appealBody(w.enterprise.id)
    const uscc = await t.deps.db
      .selectFrom('enterprises')
      .select('uscc')
      .where('id', '=', w.enterprise.id)
      .executeTakeFirstOrThrow()
    const call = { ...rest, enterpriseUscc: uscc.uscc, channel: 'hotline', callerName: '王经理' }
    const first = await w.dispatcher.post('/api/v1/appeals/on-behalf', call)
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect((await w.dispatcher.post('/api/v1/appeals/on-behalf', call)).body.id).toBe(first.body.id)
    const otherCaller = await w.dispatcher.post('/api/v1/appeals/on-behalf', {
      ...call,
      callerName: '李会计',
    })
    expect(otherCaller.status).toBe(409)
    expect(otherCaller.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('refuses a 50,000-character text, an unknown category, and someone else’s enterprise — listing each', async () => {
    const res = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody('00000000-0000-4000-8000-000000000000', {
        body: '长'.repeat(50_000),
        categoryCode: 'nonsense',
      }),
    )
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.error.fields)).toContain('body')
    const other = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody('00000000-0000-4000-8000-000000000000', { categoryCode: 'nonsense' }),
    )
    expect(other.body.error.fields).toHaveProperty('enterpriseId')
    const badCategory = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, { categoryCode: 'nonsense' }),
    )
    expect(badCategory.body.error.fields).toHaveProperty('categoryCode')
  })

  it('takes a fixed line as the contact phone, but not for text messages', async () => {
    const id = await fileAndDispatch(w, { contactPhone: '0411 8456 7890-12' })
    expect((await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.contactPhone).toBe('0411-84567890-12')
    const sms = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, { preferredContact: 'sms', contactPhone: '0411-84567890' }),
    )
    expect(sms.status).toBe(400)
    expect(Object.keys(sms.body.error.fields)).toEqual(['contactPhone'])
    const bad = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, { contactPhone: '84567890' }),
    )
    expect(bad.body.error.fields.contactPhone).toContain('区号')
  })

  it('takes images and PDFs by their bytes, refuses anything else, and keeps files private', async () => {
    const ok = await upload(w.enterpriseUser, PNG, '现场照片.png')
    expect(ok.status).toBe(201)
    expect(ok.body.contentType).toBe('image/png')
    const fake = await upload(
      w.enterpriseUser,
      new TextEncoder().encode('<script>alert(1)</script>'),
      'photo.jpg',
    )
    expect(fake.status).toBe(400)
    expect(fake.body.error.code).toBe('ATTACHMENT_REJECTED')
    const huge = await upload(w.enterpriseUser, new Uint8Array(11 * 1024 * 1024), 'big.pdf')
    expect(huge.status).toBe(413)

    const filed = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, { attachmentIds: [ok.body.id] }),
    )
    expect(filed.status).toBe(201)
    const detail = await w.enterpriseUser.get(`/api/v1/appeals/${filed.body.id}`)
    expect(detail.body.attachments.map((a: { id: string }) => a.id)).toEqual([ok.body.id])
    expect((await w.enterpriseUser.get(`/api/v1/appeals/attachments/${ok.body.id}`)).status).toBe(200)
    const stranger = await signInAs(t, 'enterprise')
    expect((await stranger.get(`/api/v1/appeals/attachments/${ok.body.id}`)).status).toBe(404)
    // An attachment goes with one appeal only.
    const reuse = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, { attachmentIds: [ok.body.id] }),
    )
    expect(reuse.body.error.fields).toHaveProperty('attachmentIds')
  })

  it('the task force files a hotline call on an enterprise’s behalf', async () => {
    const enterprise = await t.deps.db
      .selectFrom('enterprises')
      .select('uscc')
      .where('id', '=', w.enterprise.id)
      .executeTakeFirstOrThrow()
    const { enterpriseId: _e, ...rest } = appealBody(w.enterprise.id)
    const res = await w.dispatcher.post('/api/v1/appeals/on-behalf', {
      ...rest,
      enterpriseUscc: enterprise.uscc,
      channel: 'hotline',
      callerName: '王经理',
    })
    expect(res.status).toBe(201)
    const detail = await w.dispatcher.get(`/api/v1/appeals/${res.body.id}`)
    expect(detail.body.channel).toBe('hotline')
  })

  it('writes the appeal, its timeline, the receipt, the task force’s message and the audit row together', async () => {
    const jobsBefore = await countDeliveryJobs(t)
    const body = appealBody(w.enterprise.id)
    const filed = await w.enterpriseUser.post('/api/v1/appeals', body)
    expect(filed.status).toBe(201)
    const id = filed.body.id as string
    const events = await t.deps.db
      .selectFrom('appeal_events')
      .select(['type', 'note_audience', 'audience', 'data'])
      .where('appeal_id', '=', id)
      .execute()
    expect(events).toEqual([
      { type: 'filed', note_audience: 'internal', audience: 'enterprise', data: { channel: 'mobile' } },
    ])
    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=appeal&entityId=${id}`)
    expect(audit.body.items).toHaveLength(1)
    expect(audit.body.items[0]).toMatchObject({
      action: 'appeal.file',
      before: null,
      after: {
        number: filed.body.number,
        channel: 'mobile',
        enterpriseId: w.enterprise.id,
        categoryCode: 'construction',
        tier: 'normal',
      },
    })
    const messages = await t.deps.db
      .selectFrom('notifications')
      .select(['id', 'template', 'recipient_enterprise_id', 'recipient_user_id'])
      .where(sql<boolean>`params->>'appealId' = ${id}`)
      .execute()
    const dispatchers = await t.deps.db
      .selectFrom('user_roles')
      .select('user_id')
      .distinct()
      .where('role', '=', 'dispatcher')
      .execute()
    expect(messages.filter((m) => m.template === 'appeal.received')).toEqual([
      expect.objectContaining({ recipient_enterprise_id: w.enterprise.id }),
    ])
    expect(
      messages
        .filter((m) => m.template === 'appeal.new')
        .map((m) => m.recipient_user_id)
        .sort(),
    ).toEqual(dispatchers.map((d) => d.user_id).sort())
    // One delivery job wakes a worker for all of them, written in the same transaction.
    expect((await countDeliveryJobs(t)) - jobsBefore).toBe(1)
  })

  it('a crash mid-filing leaves no appeal, audit row or message; the retry files it once', async () => {
    const body = appealBody(w.enterprise.id)
    const count = async () => {
      const { rows } = await sql<{ appeals: number; audit: number; messages: number }>`
        SELECT (SELECT count(*)::int FROM appeals WHERE idempotency_key = ${body.idempotencyKey}) AS appeals,
               (SELECT count(*)::int FROM audit_log WHERE action = 'appeal.file') AS audit,
               (SELECT count(*)::int FROM notifications) AS messages`.execute(t.deps.db)
      return rows[0]!
    }
    const before = await count()
    // The last write of a filing fails: the task force's message, after the appeal, event and audit row.
    await sql`CREATE FUNCTION fail_new_appeal_message() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.template = 'appeal.new' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`.execute(
      t.deps.db,
    )
    await sql`CREATE TRIGGER fail_new_appeal_message BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION fail_new_appeal_message()`.execute(
      t.deps.db,
    )
    try {
      const res = await w.enterpriseUser.post('/api/v1/appeals', body)
      expect(res.status).toBe(500)
      expect(res.body.error.code).toBe('INTERNAL')
    } finally {
      await sql`DROP TRIGGER fail_new_appeal_message ON notifications`.execute(t.deps.db)
      await sql`DROP FUNCTION fail_new_appeal_message()`.execute(t.deps.db)
    }
    expect(await count()).toEqual(before)
    const retried = await w.enterpriseUser.post('/api/v1/appeals', body)
    expect(retried.status).toBe(201)
    expect((await count()).appeals).toBe(1)
  })
})

describe('the catalogue', () => {
  it('an admin adds a category with its default department; a retired one is hidden from filing', async () => {
    const admin = await signInAs(t, 'admin')
    const saved = await admin.put('/api/v1/appeals/categories/port_logistics', {
      name: '港口物流',
      nameEn: 'Port logistics',
      defaultDepartmentId: w.departments.b.id,
      defaultTier: 'fast',
    })
    expect(saved.status).toBe(200)
    expect(
      (await w.enterpriseUser.get('/api/v1/appeals/categories')).body.items.map(
        (c: { code: string }) => c.code,
      ),
    ).toContain('port_logistics')
    await admin.put('/api/v1/appeals/categories/port_logistics', {
      name: '港口物流',
      nameEn: 'Port logistics',
      defaultDepartmentId: null,
      defaultTier: 'fast',
      isActive: false,
    })
    expect(
      (await w.enterpriseUser.get('/api/v1/appeals/categories')).body.items.map(
        (c: { code: string }) => c.code,
      ),
    ).not.toContain('port_logistics')
    expect(
      (
        await w.enterpriseUser.post(
          '/api/v1/appeals',
          appealBody(w.enterprise.id, { categoryCode: 'port_logistics' }),
        )
      ).body.error.fields,
    ).toHaveProperty('categoryCode')
  })
})

describe('triage and dispatch', () => {
  it('suggests similar open appeals and departments; merges a duplicate into its original', async () => {
    const original = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, {
        title: '园区供暖温度不达标',
        body: '开发区园区冬季供暖温度长期不达标，车间太冷无法正常生产，请协调供热公司。',
        categoryCode: 'utilities',
      }),
    )
    const duplicate = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, {
        title: '车间供暖不足',
        body: '园区供热温度不达标，车间温度太低，工人无法生产，希望协调供热。',
        categoryCode: 'utilities',
      }),
    )
    const similar = await w.dispatcher.get(
      `/api/v1/appeals/similar?text=${encodeURIComponent('园区供暖温度不达标车间太冷')}&excludeId=${duplicate.body.id}`,
    )
    expect(similar.body.items[0].id).toBe(original.body.id)
    const suggestions = await w.dispatcher.get(`/api/v1/appeals/${duplicate.body.id}/department-suggestions`)
    expect(suggestions.body.source).toBe('category')
    expect(suggestions.body.items[0].departmentName).toBe('大连市城市管理局')
    const merged = await w.dispatcher.post(`/api/v1/appeals/${duplicate.body.id}/merge`, {
      originalId: original.body.id,
    })
    expect(merged.body).toMatchObject({
      status: 'merged',
      closeReason: 'merged',
      mergedInto: original.body.id,
    })
  })

  it('a department sees only what it holds: another department gets "not found"', async () => {
    const id = await fileAndDispatch(w)
    expect((await w.handlerA.get(`/api/v1/appeals/${id}`)).status).toBe(200)
    const hidden = await w.handlerB.get(`/api/v1/appeals/${id}`)
    expect(hidden.status).toBe(404)
    expect(hidden.body).toEqual(
      (await w.handlerB.get('/api/v1/appeals/00000000-0000-4000-8000-000000000000')).body,
    )
    const inboxA = await w.handlerA.get('/api/v1/appeals/inbox')
    const inboxB = await w.handlerB.get('/api/v1/appeals/inbox')
    expect(inboxA.body.items.map((a: { id: string }) => a.id)).toContain(id)
    expect(inboxB.body.items.map((a: { id: string }) => a.id)).not.toContain(id)
    expect((await w.handlerB.post(`/api/v1/appeals/${id}/sign-for`)).status).toBe(404)
  })

  it('"hide my identity" hides the enterprise from the department, not from the task force', async () => {
    const where = { latitude: 38.914, longitude: 121.614 }
    const id = await fileAndDispatch(w, { hideIdentity: true, contactPhone: '13812345678', ...where })
    const forDepartment = await w.handlerA.get(`/api/v1/appeals/${id}`)
    expect(forDepartment.body.enterpriseName).not.toContain(w.enterprise.name)
    expect(forDepartment.body.contactPhone).toBeNull()
    expect(forDepartment.body.enterpriseUscc).toBeNull()
    // the phone's position is usually the enterprise's own premises
    expect(forDepartment.body.location).toBeNull()
    const forTaskForce = await w.dispatcher.get(`/api/v1/appeals/${id}`)
    expect(forTaskForce.body.enterpriseName).toBe(w.enterprise.name)
    expect(forTaskForce.body.contactPhone).toBe('13812345678')
    expect(forTaskForce.body.location).toEqual(where)
  })

  it('a shared location reaches the department when the enterprise does not hide', async () => {
    const id = await fileAndDispatch(w, { latitude: 39.05, longitude: 121.78 })
    expect((await w.handlerA.get(`/api/v1/appeals/${id}`)).body.location).toEqual({
      latitude: 39.05,
      longitude: 121.78,
    })
    const without = await fileAndDispatch(w)
    expect((await w.handlerA.get(`/api/v1/appeals/${without}`)).body.location).toBeNull()
  })

  it('without a lead department, the fallback owner takes it', async () => {
    const filed = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, { categoryCode: 'other' }),
    )
    const res = await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, {})
    expect(res.body.leadDepartment.name).toBe('大连市营商环境建设局')
  })

  it('a lead with co-handlers: both hold it; only the lead acts', async () => {
    const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, {
      leadDepartmentId: w.departments.a.id,
      coDepartmentIds: [w.departments.b.id],
    })
    expect((await w.handlerB.get(`/api/v1/appeals/${filed.body.id}`)).status).toBe(200)
    expect((await w.handlerB.post(`/api/v1/appeals/${filed.body.id}/sign-for`)).body.error.code).toBe(
      'FORBIDDEN',
    )
    expect((await w.handlerA.post(`/api/v1/appeals/${filed.body.id}/sign-for`)).body.status).toBe('handling')
  })
})

describe('returns and arbitration', () => {
  it('two returns go back to the task force, the third to arbitration, and the arbitrated assignment binds', async () => {
    const id = await fileAndDispatch(w)
    for (let i = 1; i <= 2; i++) {
      const res = await w.handlerA.post(`/api/v1/appeals/${id}/return`, { reason: `不属于本部门职责 ${i}` })
      expect(res.body).toEqual({ ok: true, visibleToYou: false }) // once returned, the department no longer holds it
      const seen = await w.dispatcher.get(`/api/v1/appeals/${id}`)
      expect(seen.body).toMatchObject({ status: 'returned', returnCount: i })
      await w.dispatcher.post(`/api/v1/appeals/${id}/dispatch`, { leadDepartmentId: w.departments.a.id })
    }
    await w.handlerA.post(`/api/v1/appeals/${id}/return`, { reason: '仍不属于本部门' })
    expect((await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.status).toBe('arbitration')
    expect(
      (await w.dispatcher.post(`/api/v1/appeals/${id}/dispatch`, { leadDepartmentId: w.departments.a.id }))
        .body.error.code,
    ).toBe('APPEAL_NOT_DISPATCHABLE')
    const arbitrated = await w.dispatcher.post(`/api/v1/appeals/${id}/arbitrate`, {
      departmentId: w.departments.a.id,
      note: '经研判属住建部门职责',
      noteAudience: 'internal',
    })
    expect(arbitrated.body).toMatchObject({ status: 'dispatched', isBinding: true })
    const refused = await w.handlerA.post(`/api/v1/appeals/${id}/return`, { reason: '再退' })
    expect(refused.body.error.code).toBe('APPEAL_ASSIGNMENT_BINDING')
  })

  it('returning never resets the appeal’s clocks', async () => {
    const id = await fileAndDispatch(w)
    const before = (await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.clocks.find(
      (c: { kind: string }) => c.kind === 'resolution',
    )
    await w.handlerA.post(`/api/v1/appeals/${id}/return`, { reason: '不属于本部门职责' })
    await w.dispatcher.post(`/api/v1/appeals/${id}/dispatch`, { leadDepartmentId: w.departments.b.id })
    const after = (await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.clocks.filter(
      (c: { kind: string }) => c.kind === 'resolution',
    )
    expect(after).toHaveLength(1)
    expect(after[0].startedAt).toBe(before.startedAt)
    expect(after[0].departmentId).toBe(w.departments.b.id)
  })
})

describe('handling and the enterprise’s rating', () => {
  it('sign for, pause (the clock stops), resume, contact, extension, reply; dissatisfied reopens; then solved', async () => {
    const id = await fileAndDispatch(w)
    expect(
      (
        await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
          body: '已协调窗口一次性告知所需材料。',
          attachmentIds: [],
        })
      ).body.error.code,
    ).toBe('APPEAL_NOT_REPLIABLE')
    expect((await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)).body.status).toBe('handling')

    const paused = await w.handlerA.post(`/api/v1/appeals/${id}/pause`, {
      reason: 'awaiting_enterprise',
      note: '请企业补充施工合同',
      noteAudience: 'enterprise',
    })
    expect(paused.body.status).toBe('paused')
    const resolution = paused.body.clocks.find((c: { kind: string }) => c.kind === 'resolution')
    expect(resolution.pausedSince).not.toBeNull()
    expect(resolution.dueAt).toBeNull()
    expect(paused.body.dueAt).toBeNull() // nothing runs while paused: the inbox sorts it last
    expect((await w.handlerA.post(`/api/v1/appeals/${id}/resume`, {})).body.status).toBe('handling')
    const contacted = await w.handlerA.post(`/api/v1/appeals/${id}/contact`, {
      method: 'phone',
      contactPerson: '王经理',
      note: '已电话联系企业负责人',
      noteAudience: 'internal',
    })
    expect(
      contacted.body.clocks.find((c: { kind: string }) => c.kind === 'first_contact').stoppedAt,
    ).not.toBeNull()

    expect(
      (await w.handlerA.post(`/api/v1/appeals/${id}/extension`, { workingDays: 3, reason: '需现场核查' }))
        .body.error.code,
    ).toBe('FORBIDDEN')
    const asked = await w.headA.post(`/api/v1/appeals/${id}/extension`, {
      workingDays: 3,
      reason: '需现场核查',
    })
    const extension = asked.body.extensions[0]
    const budgetBefore = asked.body.clocks.find(
      (c: { kind: string }) => c.kind === 'resolution',
    ).budgetMinutes
    const decided = await w.dispatcher.post(`/api/v1/appeals/${id}/extensions/${extension.id}/decision`, {
      approve: true,
    })
    expect(decided.body.clocks.find((c: { kind: string }) => c.kind === 'resolution').budgetMinutes).toBe(
      budgetBefore + 3 * 420,
    )
    expect(
      (
        await w.dispatcher.post(`/api/v1/appeals/${id}/extensions/${extension.id}/decision`, {
          approve: true,
        })
      ).body.error.code,
    ).toBe('EXTENSION_ALREADY_DECIDED')

    const replied = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '已协调窗口一次性告知所需材料，许可证将于三日内核发。',
      attachmentIds: [],
    })
    expect(replied.body.status).toBe('replied')
    const firstDispatch = (
      await t.deps.db
        .selectFrom('appeals')
        .select('first_dispatched_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).first_dispatched_at

    expect(
      (await w.enterpriseUser.post(`/api/v1/appeals/${id}/verdict`, { solved: true })).body.error.fields,
    ).toHaveProperty('level')
    const reopened = await w.enterpriseUser.post(`/api/v1/appeals/${id}/verdict`, {
      solved: true,
      level: 2,
      comment: '答复敷衍',
    })
    // The enterprise reads its own view; the round count is the staff's.
    expect(reopened.body).toMatchObject({ view: 'enterprise', status: 'handling' })
    expect((await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.reopenCount).toBe(1)
    const row = await t.deps.db
      .selectFrom('appeals')
      .select(['first_dispatched_at', 'cycle'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ first_dispatched_at: firstDispatch, cycle: 2 })
    expect(reopened.body.timeline.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining([
        'filed',
        'dispatch',
        'sign_for',
        'pause',
        'resume',
        'record_contact',
        'reply',
        'reopen',
      ]),
    )

    await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '许可证已核发，请查收。',
      attachmentIds: [],
    })
    const closed = await w.enterpriseUser.post(`/api/v1/appeals/${id}/verdict`, {
      solved: true,
      level: 5,
      comment: '很快',
    })
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'solved' })
    expect(closed.body.ratings.map((r: { level: number }) => r.level)).toEqual([2, 5])
    // Nothing left to do but, when this one was drawn (20 %), answer a return visit.
    expect(closed.body.allowedActions.filter((a: string) => a !== 'answer_return_visit')).toEqual([])
  })

  it('the enterprise never sees internal returns, and staff cannot rate', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/return`, { reason: '内部原因' })
    const seen = await w.enterpriseUser.get(`/api/v1/appeals/${id}`)
    expect(seen.body.timeline.map((e: { type: string }) => e.type)).not.toContain('return')
    expect(
      (await w.dispatcher.post(`/api/v1/appeals/${id}/verdict`, { solved: true, level: 5 })).body.error.code,
    ).toBe('FORBIDDEN')
  })

  it('a withdrawal needs a reason and is refused once answered', async () => {
    const id = await fileAndDispatch(w)
    const withdrawn = await w.enterpriseUser.post(`/api/v1/appeals/${id}/withdraw`, {
      reason: '问题已自行解决',
    })
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      closeReason: 'withdrawn',
      statusReason: '问题已自行解决',
    })
    const other = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${other}/sign-for`)
    await w.handlerA.post(`/api/v1/appeals/${other}/reply`, {
      body: '已处理完毕，详见说明。',
      attachmentIds: [],
    })
    expect(
      (await w.enterpriseUser.post(`/api/v1/appeals/${other}/withdraw`, { reason: '不想要了' })).body.error
        .code,
    ).toBe('APPEAL_NOT_WITHDRAWABLE')
  })

  it('every accepted move writes an audit row with before and after', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    const admin = await signInAs(t, 'admin')
    const audit = await admin.get(`/api/v1/audit?entityType=appeal&entityId=${id}`)
    expect(audit.body.items.map((r: { action: string }) => r.action).reverse()).toEqual([
      'appeal.file',
      'appeal.dispatch',
      'appeal.sign_for',
    ])
    expect(audit.body.items[0]).toMatchObject({
      before: { status: 'dispatched' },
      after: { status: 'handling' },
    })
  })
})

describe('a crash mid-request', () => {
  it('leaves no half-written case: the state, the assignment and the clocks roll back together', async () => {
    const id = await fileAndDispatch(w)
    // Make the database fail at the last write of the action (its timeline event), after the others.
    await sql`CREATE FUNCTION fail_sign_for() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.type = 'sign_for' THEN RAISE EXCEPTION 'simulated crash'; END IF; RETURN NEW; END $$`.execute(
      t.deps.db,
    )
    await sql`CREATE TRIGGER fail_sign_for BEFORE INSERT ON appeal_events FOR EACH ROW EXECUTE FUNCTION fail_sign_for()`.execute(
      t.deps.db,
    )
    try {
      const res = await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
      expect(res.status).toBe(500)
      expect(res.body.error.code).toBe('INTERNAL')
    } finally {
      await sql`DROP TRIGGER fail_sign_for ON appeal_events`.execute(t.deps.db)
      await sql`DROP FUNCTION fail_sign_for()`.execute(t.deps.db)
    }
    const after = await w.dispatcher.get(`/api/v1/appeals/${id}`)
    expect(after.body.status).toBe('dispatched')
    expect(after.body.assignments[0].signedAt).toBeNull()
    expect(after.body.clocks.find((c: { kind: string }) => c.kind === 'sign_for').stoppedAt).toBeNull()
    expect((await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)).body.status).toBe('handling')
  })
})
