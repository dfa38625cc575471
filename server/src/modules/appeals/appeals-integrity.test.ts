import { cityDate } from '../../../test/city-clock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DELIVER_QUEUE } from '../../kernel/notify/notifier'
import { DEFAULT_APPEAL_SETTINGS } from './appeal-settings'
import { APPEAL_ROUTING_QUEUE, APPEAL_WORD_FREQUENCIES_QUEUE } from './appeals.jobs'
import { appealBody, buildAppealWorld, fileAndDispatch, type AppealWorld } from './appeals.factories'
import { buildEnterprise, buildEnterpriseUser, signInAs, signInEnterprise } from '../../../test/factories'
import { createTestApp, type TestApp } from '../../../test/harness'

/**
 * Figures that cannot be faked, and sides that are told: the ways a department could improve its
 * numbers without doing the work are each refused or recorded, and whoever must act next hears of it.
 */
let t: TestApp
let w: AppealWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildAppealWorld(t)
})
afterAll(() => t.close())

const DAY = 86_400_000

/** The appeal was dispatched `days` calendar days ago: its running clocks have used that much working time. */
async function backdateRunningClocks(id: string, days: number) {
  const past = new Date(Date.now() - days * DAY)
  await t.deps.db
    .updateTable('appeal_clocks')
    .set({ started_at: past, elapsed_at: past })
    .where('appeal_id', '=', id)
    .where('stopped_at', 'is', null)
    .execute()
}

async function clocksOf(id: string) {
  return t.deps.db.selectFrom('appeal_clocks').selectAll().where('appeal_id', '=', id).execute()
}

async function inboxTitles(client: AppealWorld['dispatcher']) {
  await t.deps.jobs.runQueued(DELIVER_QUEUE)
  const res = await client.get('/api/v1/inbox')
  return (res.body.items as { title: string; body: string }[]).map((m) => `${m.title}|${m.body}`)
}

describe('a breach stands', () => {
  it('a withdrawal after the deadline counts the clocks as missed, not void', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    await backdateRunningClocks(id, 40)
    const res = await w.enterpriseUser.post(`/api/v1/appeals/${id}/withdraw`, { reason: '部门让我撤回' })
    expect(res.body.status).toBe('withdrawn')
    const resolution = (await clocksOf(id)).find((c) => c.kind === 'resolution')!
    expect(resolution.is_met).toBe(false)
    const row = await t.deps.db
      .selectFrom('appeals')
      .select(['resolution_missed', 'resolution_met', 'first_contact_met'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ resolution_missed: 1, resolution_met: 0, first_contact_met: false })
  })

  it('a withdrawal in time leaves the clocks void: neither met nor missed', async () => {
    const id = await fileAndDispatch(w)
    await w.enterpriseUser.post(`/api/v1/appeals/${id}/withdraw`, { reason: '问题已自行解决' })
    const clocks = await clocksOf(id)
    expect(clocks.map((c) => c.is_met)).toEqual(clocks.map(() => null))
  })

  it('an extension cannot be asked for once the deadline has passed', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    await backdateRunningClocks(id, 40)
    const res = await w.headA.post(`/api/v1/appeals/${id}/extension`, {
      workingDays: 10,
      reason: '需协调多个部门',
    })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('EXTENSION_TOO_LATE')
  })

  it('an extension asked for in time cannot be approved after the appeal was withdrawn', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    const asked = await w.headA.post(`/api/v1/appeals/${id}/extension`, {
      workingDays: 5,
      reason: '需协调多个部门',
    })
    expect(asked.status).toBe(200)
    const extensionId = (await w.dispatcher.get(`/api/v1/appeals/${id}`)).body.extensions[0].id
    await w.enterpriseUser.post(`/api/v1/appeals/${id}/withdraw`, { reason: '不再需要' })
    const decided = await w.dispatcher.post(`/api/v1/appeals/${id}/extensions/${extensionId}/decision`, {
      approve: true,
    })
    expect(decided.body.error.code).toBe('APPEAL_NOT_EXTENDABLE')
  })

  it('a withdrawal while returned is listed under the department that led it', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/return`, { reason: '不属于本部门职责' })
    await w.enterpriseUser.post(`/api/v1/appeals/${id}/withdraw`, { reason: '等不及了' })
    // The period ends before its last day: from the city's today to its tomorrow.
    const list = await w.headA.get(`/api/v1/appeals/withdrawals?from=${cityDate(0)}&to=${cityDate(1)}`)
    expect(list.status).toBe(200)
    const mine = list.body.items.find((g: { departmentId: string }) => g.departmentId === w.departments.a.id)
    expect(mine.appeals.map((a: { id: string }) => a.id)).toContain(id)
  })
})

describe('who sees what', () => {
  it('another enterprise gets "not found", the same answer as for an appeal that does not exist', async () => {
    const id = await fileAndDispatch(w)
    const other = await buildEnterprise(t)
    const stranger = await signInEnterprise(
      t,
      (await buildEnterpriseUser(t, { enterpriseIds: [other.id] })).phone,
    )
    const res = await stranger.get(`/api/v1/appeals/${id}`)
    expect(res.status).toBe(404)
    expect(res.body).toEqual(
      (await stranger.get('/api/v1/appeals/00000000-0000-4000-8000-000000000000')).body,
    )
    expect((await stranger.post(`/api/v1/appeals/${id}/withdraw`, { reason: '试试看' })).status).toBe(404)
  })

  it('"hide my identity" also hides the hotline caller’s name from the department', async () => {
    const enterprise = await t.deps.db
      .selectFrom('enterprises')
      .select('uscc')
      .where('id', '=', w.enterprise.id)
      .executeTakeFirstOrThrow()
    const { enterpriseId: _e, ...rest } = appealBody(w.enterprise.id, { hideIdentity: true })
    const filed = await w.dispatcher.post('/api/v1/appeals/on-behalf', {
      ...rest,
      enterpriseUscc: enterprise.uscc,
      channel: 'hotline',
      callerName: '王经理',
    })
    await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, {
      leadDepartmentId: w.departments.a.id,
    })
    const forDepartment = await w.handlerA.get(`/api/v1/appeals/${filed.body.id}`)
    expect(JSON.stringify(forDepartment.body)).not.toContain('王经理')
    const forTaskForce = await w.dispatcher.get(`/api/v1/appeals/${filed.body.id}`)
    expect(JSON.stringify(forTaskForce.body)).toContain('王经理')
  })
})

describe('the next side is told', () => {
  it('the task force hears of a new appeal', async () => {
    const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    expect(await inboxTitles(w.dispatcher)).toContainEqual(expect.stringContaining(filed.body.number))
  })

  it('the handler hears when the department head sends a reply back', async () => {
    const id = await fileAndDispatch(w)
    await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    const restore = await setReplyApproval(true)
    try {
      const replied = await w.handlerA.post(`/api/v1/appeals/${id}/reply`, {
        body: '初步答复：已受理，正在核实。',
        attachmentIds: [],
      })
      expect(replied.body.status).toBe('awaiting_approval')
      const sentBack = await w.headA.post(
        `/api/v1/appeals/${id}/replies/${replied.body.replies[0].id}/decision`,
        { approve: false, note: '请写明办理依据', noteAudience: 'internal' },
      )
      expect(sentBack.body.status).toBe('handling')
      expect(await inboxTitles(w.handlerA)).toContainEqual(expect.stringContaining('请写明办理依据'))
    } finally {
      await restore()
    }
  })
})

describe('a return-visit call is a contact', () => {
  /** Files, answers and rates an appeal "fairly satisfied", which always draws a return visit; answers the visit. */
  async function pendingVisitOf(world: AppealWorld) {
    const id = await fileAndDispatch(world)
    await world.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    await world.handlerA.post(`/api/v1/appeals/${id}/reply`, {
      body: '已办理完毕，请查收。',
      attachmentIds: [],
    })
    await world.enterpriseUser.post(`/api/v1/appeals/${id}/verdict`, { solved: true, level: 3 })
    const visits = await world.dispatcher.get('/api/v1/appeals/return-visits?status=pending')
    return visits.body.items.find((v: { appealId: string }) => v.appealId === id)
  }

  it('counts against the enterprise’s contact cap, and is refused once the cap is reached', async () => {
    const world = await buildAppealWorld(t)
    const status = () => t.deps.notifier.contactStatus(t.deps.db, world.enterprise.id)
    const first = await pendingVisitOf(world)
    const before = (await status()).count
    const called = await world.dispatcher.post(`/api/v1/appeals/return-visits/${first.id}`, {
      status: 'done',
      solved: true,
      level: 4,
    })
    expect(called.status).toBe(200)
    expect((await status()).count).toBe(before + 1)

    const second = await pendingVisitOf(world)
    while (!(await status()).freesAt) {
      await t.deps.db.transaction().execute((tx) =>
        t.deps.notifier.recordManualContact(tx, {
          enterpriseId: world.enterprise.id,
          template: 'appeal.return_visit_call',
          timeZone: 'Asia/Shanghai',
        }),
      )
    }
    const refused = await world.dispatcher.post(`/api/v1/appeals/return-visits/${second.id}`, {
      status: 'unreachable',
    })
    expect(refused.status).toBe(409)
    expect(refused.body.error.code).toBe('CONTACT_CAP_REACHED')
    const still = await world.dispatcher.get('/api/v1/appeals/return-visits?status=pending')
    expect(still.body.items.map((v: { id: string }) => v.id)).toContain(second.id)
  })
})

describe('triage', () => {
  it('an invalid appeal is rejected with its reason, which the enterprise reads', async () => {
    const filed = await w.enterpriseUser.post('/api/v1/appeals', appealBody(w.enterprise.id))
    const noReason = await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/reject`, {})
    expect(noReason.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { reason: expect.any(String) },
    })
    const rejected = await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/reject`, {
      reason: '属于司法诉讼事项，不在受理范围',
    })
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      statusReason: '属于司法诉讼事项，不在受理范围',
    })
    const seen = await w.enterpriseUser.get(`/api/v1/appeals/${filed.body.id}`)
    expect(seen.body).toMatchObject({ status: 'rejected', statusReason: '属于司法诉讼事项，不在受理范围' })
    expect((await w.dispatcher.post(`/api/v1/appeals/${filed.body.id}/accept`, {})).body.error.code).toBe(
      'APPEAL_NOT_ACCEPTABLE',
    )
  })
})

describe('department suggestions learned from past dispatches', () => {
  it('the nightly job retrains the classifier on kept dispatches; suggestions then come from the model', async () => {
    for (let i = 0; i < 32; i++) {
      const id = await fileAndDispatch(w, {
        body: `第${i}次：施工许可证审批材料反复补正，住建窗口要求重新提交图纸审查意见，影响项目开工。`,
      })
      await w.handlerA.post(`/api/v1/appeals/${id}/sign-for`)
    }
    await t.deps.jobs.send(t.deps.db, APPEAL_ROUTING_QUEUE, {})
    expect(await t.deps.jobs.runQueued(APPEAL_ROUTING_QUEUE)).toBe(1)
    const filed = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, { body: '施工许可证审批一直要求补正图纸审查材料，项目迟迟不能开工。' }),
    )
    const res = await w.dispatcher.get(`/api/v1/appeals/${filed.body.id}/department-suggestions`)
    expect(res.body.source).toBe('model')
    expect(res.body.items[0]).toMatchObject({ departmentId: w.departments.a.id, basis: 'model' })
    expect(res.body.items[0].confidence).toBeGreaterThan(0.5)
  })
})

describe('department suggestions from a cold start', () => {
  it('offers three: the category’s department, then the departments the text names (by name or a common form)', async () => {
    await t.deps.db.deleteFrom('appeal_routing_model').execute()
    const filed = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, {
        categoryCode: 'tax',
        body: `办理退税时${w.departments.b.name}窗口说要找住建部门，来回跑了三次仍未办成，请协调。`,
      }),
    )
    const res = await w.dispatcher.get(`/api/v1/appeals/${filed.body.id}/department-suggestions`)
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(3)
    expect(res.body.items.map((i: { basis: string }) => i.basis)).toEqual([
      'category',
      'mentioned',
      'mentioned',
    ])
    // 住建部门 is a common form of 大连市住房和城乡建设局, whose function the title names (施工许可)
    expect(res.body.items[1].departmentName).toBe('大连市住房和城乡建设局')
    expect(res.body.items[2].departmentId).toBe(w.departments.b.id)
  })

  it('a department named without the city (住房和城乡建设局 for 大连市住房和城乡建设局) is recognised', async () => {
    await t.deps.db.deleteFrom('appeal_routing_model').execute()
    const filed = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, {
        categoryCode: 'tax',
        body: '住房和城乡建设局的窗口说要先去税务局开证明，来回跑了三次。',
      }),
    )
    const res = await w.dispatcher.get(`/api/v1/appeals/${filed.body.id}/department-suggestions`)
    expect(res.body.items.find((i: { basis: string }) => i.basis === 'mentioned').departmentName).toBe(
      '大连市住房和城乡建设局',
    )
  })
})

/** Turns department-head approval of replies on or off; answers a function that restores the defaults. */
async function setReplyApproval(on: boolean) {
  const admin = await signInAs(t, 'admin')
  const put = async (settings: typeof DEFAULT_APPEAL_SETTINGS) => {
    const current = await admin.get('/api/v1/appeals/settings')
    const res = await admin.put('/api/v1/appeals/settings', { version: current.body.version, settings })
    if (res.status !== 200) throw new Error(`settings: ${JSON.stringify(res.body)}`)
  }
  await put({ ...DEFAULT_APPEAL_SETTINGS, replyNeedsApproval: on })
  return () => put(DEFAULT_APPEAL_SETTINGS)
}

describe('similar appeals while typing, with the word counts refreshed', () => {
  it('finds the duplicate through its rarer words, also one filed after the last count', async () => {
    const original = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, {
        title: '冷链仓库用电增容迟迟未批',
        body: '保税区冷链仓库申请用电增容三个月未获批复，制冷设备无法满负荷运行。',
      }),
    )
    await t.deps.jobs.send(t.deps.db, APPEAL_WORD_FREQUENCIES_QUEUE, {})
    expect(await t.deps.jobs.runQueued(APPEAL_WORD_FREQUENCIES_QUEUE)).toBe(1)
    const counted = await t.deps.db
      .selectFrom('appeal_word_frequencies')
      .select('open_appeals')
      .where('word', '=', '冷链')
      .executeTakeFirst()
    expect(counted?.open_appeals).toBe(1)
    const later = await w.enterpriseUser.post(
      '/api/v1/appeals',
      appealBody(w.enterprise.id, {
        title: '海产品加工厂污水排放许可续期',
        body: '旅顺口区海产品加工厂排污许可证即将到期，续期申请材料提交后无人答复。',
      }),
    )
    const like = async (text: string) =>
      (await w.dispatcher.get(`/api/v1/appeals/similar?text=${encodeURIComponent(text)}`)).body.items.map(
        (a: { id: string }) => a.id,
      )
    expect((await like('冷链仓库用电增容申请一直没批'))[0]).toBe(original.body.id)
    expect((await like('海产品加工厂排污许可证续期没人答复'))[0]).toBe(later.body.id)
  })
})
