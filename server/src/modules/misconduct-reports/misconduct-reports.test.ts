import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/harness'
import {
  anonymousReport,
  buildReportWorld,
  fileReport,
  PNG,
  realNameReport,
  reportForm,
  type ReportWorld,
} from './misconduct-reports.factories'
import { RECEIPT_LOOKUP_LIMIT } from './misconduct-reports.service'

let t: TestApp
let w: ReportWorld
beforeAll(async () => {
  t = await createTestApp()
  w = await buildReportWorld(t)
})
afterAll(() => t.close())

const FILE_PATH = '/api/v1/public/misconduct-reports'
const countRows = async () => {
  const [reports, evidence, identities] = await Promise.all(
    (['misconduct_reports', 'misconduct_report_evidence', 'misconduct_report_identities'] as const).map(
      (table) =>
        t.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
    ),
  )
  return [Number(reports!.n), Number(evidence!.n), Number(identities!.n)]
}

describe('filing and following a report without an account', () => {
  it('an anonymous report answers a receipt code that follows it; only its hash is kept', async () => {
    const res = await t.anonymous('10.1.1.1').post(
      FILE_PATH,
      reportForm(anonymousReport(), [
        { name: 'a.png', bytes: PNG },
        { name: 'b.png', bytes: PNG },
      ]),
    )
    expect(res.status).toBe(201)
    expect(res.body.receiptCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/)
    expect(res.body.evidenceCount).toBe(2)

    const rows = await t.deps.db.selectFrom('misconduct_reports').selectAll().execute()
    expect(rows.some((r) => r.receipt_hash === res.body.receiptCode)).toBe(false)
    const followed = await t
      .anonymous('10.1.1.2')
      .post(`${FILE_PATH}/follow`, { receiptCode: res.body.receiptCode.toLowerCase().replace(/-/g, ' ') })
    expect(followed.status).toBe(200)
    expect(followed.body).toMatchObject({
      area: 'approval',
      status: 'received',
      message: null,
      evidenceCount: 2,
    })

    // A wrong code answers exactly as nothing.
    const wrong = await t
      .anonymous('10.1.1.3')
      .post(`${FILE_PATH}/follow`, { receiptCode: 'AAAAA-BBBBB-CCCCC-DDDDD' })
    const nonsense = await t.anonymous('10.1.1.3').post(`${FILE_PATH}/follow`, { receiptCode: 'x' })
    expect(wrong.status).toBe(404)
    expect(nonsense.body).toEqual(wrong.body)

    // Nothing of the filer is kept: no identity row, and the audit row names no one and no address.
    const filed = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'misconduct_report.file')
      .executeTakeFirstOrThrow()
    expect(filed.actor_user_id).toBeNull()
    expect(filed.ip || null).toBeNull()
  })

  it('guessing receipt codes from one address is throttled; another address is not', async () => {
    const guesser = t.anonymous('10.66.66.66')
    const answers: number[] = []
    for (let i = 0; i <= RECEIPT_LOOKUP_LIMIT.free + 1; i++)
      answers.push((await guesser.post(`${FILE_PATH}/follow`, { receiptCode: `GUESS-${i}` })).status)
    expect(answers.slice(0, RECEIPT_LOOKUP_LIMIT.free)).toEqual(Array(RECEIPT_LOOKUP_LIMIT.free).fill(404))
    const refused = await guesser.post(`${FILE_PATH}/follow`, { receiptCode: 'GUESS-again' })
    expect(refused.status).toBe(429)
    expect(refused.body.error.code).toBe('RATE_LIMITED')
    expect(refused.headers.get('retry-after')).toBeTruthy()
    expect(
      (await t.anonymous('10.66.66.67').post(`${FILE_PATH}/follow`, { receiptCode: 'GUESS-x' })).status,
    ).toBe(404)
  })

  it('bad evidence and bad reports write nothing', async () => {
    const before = await countRows()
    const big = new Uint8Array(10 * 1024 * 1024 + 1)
    big.set(PNG)
    const client = t.anonymous('10.1.2.3')
    const oversize = await client.post(
      FILE_PATH,
      reportForm(anonymousReport(), [{ name: 'big.png', bytes: big }]),
    )
    expect(oversize.status).toBe(400)
    expect(oversize.body.error).toMatchObject({
      code: 'ATTACHMENT_REJECTED',
      fields: { file: expect.any(String) },
    })
    const script = await client.post(
      FILE_PATH,
      reportForm(anonymousReport(), [
        { name: 'x.png', bytes: new TextEncoder().encode('#!/bin/sh\nrm -rf /') },
      ]),
    )
    expect(script.body.error.code).toBe('ATTACHMENT_REJECTED')
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `${i}.png`, bytes: PNG }))
    expect((await client.post(FILE_PATH, reportForm(anonymousReport(), six))).body.error.code).toBe(
      'REPORT_TOO_MANY_FILES',
    )
    const tooMuch = Array.from({ length: 3 }, (_, i) => ({
      name: `${i}.png`,
      bytes: big.slice(0, 9 * 1024 * 1024),
    }))
    const total = await client.post(FILE_PATH, reportForm(anonymousReport(), tooMuch))
    expect(total.status).toBe(413)
    expect(total.body.error.code).toBe('REPORT_TOO_LARGE')
    const noName = await client.post(FILE_PATH, reportForm(anonymousReport({ isAnonymous: false })))
    expect(noName.body.error.code).toBe('REPORT_IDENTITY_REQUIRED')
    const badArea = await client.post(FILE_PATH, reportForm(anonymousReport({ area: 'gossip' })))
    expect(badArea.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { area: expect.any(String) },
    })
    expect(await countRows()).toEqual(before)
  })
})

describe('the sealed reporter', () => {
  it('a real-name reporter is ciphertext at rest, in no audit row, and opened only by discipline inspection on the record', async () => {
    const enterprise = w.others.enterprise
    const { id } = await fileReport(t, realNameReport(), enterprise)
    const raw = await t.deps.db
      .selectFrom('misconduct_report_identities')
      .selectAll()
      .where('report_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(raw.sealed).toMatch(/^v1\.[0-9a-f]{8}\./)
    for (const clear of ['赵小红', '13912345678', '人民路', Buffer.from('赵小红').toString('base64')])
      expect(raw.sealed).not.toContain(clear)
    const report = await t.deps.db
      .selectFrom('misconduct_reports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(report)).not.toContain('13912345678')

    const shown = await w.inspector.get(`/api/v1/misconduct-reports/${id}`)
    expect(shown.status).toBe(200)
    expect(shown.body).toMatchObject({ isAnonymous: false, hasIdentity: true, consentsToNaming: false })
    expect(JSON.stringify(shown.body)).not.toContain('赵小红')

    const reporter = await w.inspector.post(`/api/v1/misconduct-reports/${id}/reporter`)
    expect(reporter.body).toEqual({
      name: '赵小红',
      phone: '13912345678',
      contact: '大连市中山区人民路 1 号',
      filedFromAccount: true,
      consentsToNaming: false,
    })
    const after = await w.inspector.get(`/api/v1/misconduct-reports/${id}`)
    expect(after.body.version).toBe(shown.body.version)
    expect(after.body.events.map((e: { type: string }) => e.type)).toContain('reveal_reporter')

    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute()
    expect(audit.map((a) => a.action)).toEqual([
      'misconduct_report.file',
      'misconduct_report.reveal_reporter',
    ])
    expect(JSON.stringify(audit)).not.toMatch(/赵小红|13912345678|人民路/)
    // The enterprise user who filed it is not in the audit trail as its filer.
    expect(audit[0]!.actor_user_id).toBeNull()

    // Giving the identity to another organ needs the reporter's consent.
    const refused = await w.inspector.post(`/api/v1/misconduct-reports/${id}/transfer`, {
      version: after.body.version,
      organ: '某区纪委监委',
      reason: '属其管辖范围',
      shareReporter: true,
    })
    expect(refused.body.error.code).toBe('REPORTER_CONSENT_MISSING')
    const transferred = await w.inspector.post(`/api/v1/misconduct-reports/${id}/transfer`, {
      version: after.body.version,
      organ: '某区纪委监委',
      reason: '属其管辖范围',
      message: '您的举报已转送某区纪委监委办理',
    })
    expect(transferred.body).toMatchObject({ status: 'transferred', transferredTo: '某区纪委监委' })
    expect(transferred.body.clocks.find((c: { kind: string }) => c.kind === 'transfer')).toMatchObject({
      isOverdue: false,
      doneAt: expect.any(String),
    })
  })

  it('a real-name reporter is told by SMS when acknowledged and when the result is given, the phone never in the clear', async () => {
    const { id } = await fileReport(t, realNameReport())
    const anonymous = await fileReport(t, anonymousReport())
    const accepted = await w.inspector.post(`/api/v1/misconduct-reports/${id}/accept`, {
      version: 1,
      message: '您的举报已受理',
    })
    expect(accepted.status).toBe(200)
    await w.inspector.post(`/api/v1/misconduct-reports/${anonymous.id}/accept`, { version: 1 })
    const ref = `misconduct_reporter:${id}`
    const queued = await t.deps.db
      .selectFrom('notifications')
      .selectAll()
      .where('recipient_ref', 'in', [ref, `misconduct_reporter:${anonymous.id}`])
      .execute()
    // one message, to the reference, with nothing of the report in it; the anonymous report has none
    expect(queued.map((n) => [n.recipient_ref, n.recipient_phone, n.template, n.channels])).toEqual([
      [ref, null, 'misconductReports.acknowledged', ['sms']],
    ])
    await t.deps.notifier.deliverDue(new Date(Date.now() + 60_000))
    const deliveries = await t.deps.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('notification_id', '=', queued[0]!.id)
      .execute()
    // the seal was opened to send (the number's ends are the reporter's), and is recorded masked
    expect(deliveries.map((d) => [d.channel, d.status, d.address])).toEqual([['sms', 'sent', '139****5678']])
    expect(deliveries[0]!.rendered_text).toContain('回执码')
    const everything = await t.deps.db
      .selectFrom('notifications')
      .leftJoin('notification_deliveries as d', 'd.notification_id', 'notifications.id')
      .selectAll()
      .execute()
    expect(JSON.stringify(everything)).not.toContain('13912345678')
  })

  it('an anonymous report has no reporter to open', async () => {
    const { id } = await fileReport(t, anonymousReport())
    const res = await w.inspector.post(`/api/v1/misconduct-reports/${id}/reporter`)
    expect(res.body.error.code).toBe('REPORT_NO_IDENTITY')
  })
})

describe('handling by discipline inspection', () => {
  it('accept → investigate → findings → supervision case and exposure proposal → close → result told', async () => {
    const { id, receiptCode } = await fileReport(
      t,
      realNameReport({ accusedDepartmentId: w.departmentId, accusedPerson: '王某' }),
    )
    const path = `/api/v1/misconduct-reports/${id}`
    let report = (await w.inspector.get(path)).body
    expect(report.status).toBe('received')
    expect(report.clocks.map((c: { kind: string }) => c.kind)).toEqual(['acknowledge', 'transfer'])
    expect(report.evidence).toHaveLength(1)
    const file = await w.inspector.get(`${path}/evidence/${report.evidence[0].id}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')

    const list = await w.inspector.get('/api/v1/misconduct-reports?status=received')
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(id)
    const work = await w.inspector.get('/api/v1/worklist')
    expect(work.body.items.find((i: { key: string }) => i.key === 'reports.received').count).toBeGreaterThan(
      0,
    )

    expect((await w.inspector.post(`${path}/investigate`, { version: report.version })).body.error.code).toBe(
      'REPORT_NOT_ACCEPTED',
    )
    expect((await w.inspector.post(`${path}/accept`, { version: 99 })).body.error.code).toBe(
      'VERSION_CONFLICT',
    )
    report = (
      await w.inspector.post(`${path}/accept`, { version: report.version, message: '您的举报已受理' })
    ).body
    expect(report).toMatchObject({ status: 'accepted', reporterMessage: '您的举报已受理' })
    expect(report.clocks.map((c: { kind: string }) => c.kind)).toEqual(['acknowledge'])
    expect(report.clocks[0].doneAt).toBeTruthy()
    const followed = await t
      .anonymous('10.3.3.3')
      .post('/api/v1/public/misconduct-reports/follow', { receiptCode })
    expect(followed.body).toMatchObject({ status: 'accepted', message: '您的举报已受理' })

    expect((await w.inspector.post(`${path}/supervision`, { version: report.version })).body.error.code).toBe(
      'REPORT_NO_FINDINGS',
    )
    report = (await w.inspector.post(`${path}/investigate`, { version: report.version })).body
    report = (
      await w.inspector.post(`${path}/findings`, {
        version: report.version,
        findings: '经核查，该窗口人员确有索要好处行为',
      })
    ).body
    expect(report).toMatchObject({ status: 'investigating', findings: '经核查，该窗口人员确有索要好处行为' })

    report = (await w.inspector.post(`${path}/supervision`, { version: report.version })).body
    expect(report.supervisionCaseId).toBeTruthy()
    const supervision = await w.others.dispatcher.get(`/api/v1/supervision-cases/${report.supervisionCaseId}`)
    expect(supervision.body).toMatchObject({ source: 'manual', departmentId: w.departmentId, status: 'open' })
    expect(JSON.stringify(supervision.body)).not.toMatch(/赵小红|13912345678/)
    expect((await w.inspector.post(`${path}/supervision`, { version: report.version })).body.error.code).toBe(
      'REPORT_ALREADY_LINKED',
    )

    report = (
      await w.inspector.post(`${path}/exposure-proposal`, {
        version: report.version,
        unitName: '某区行政审批局',
        title: '窗口人员索要好处费',
        conduct: '窗口工作人员王建国在办理施工许可时向企业索要好处费。',
      })
    ).body
    expect(report.exposureId).toBeTruthy()
    const exposure = await w.others.bureau_leader.get(`/api/v1/exposures/${report.exposureId}`)
    expect(exposure.body).toMatchObject({ status: 'proposed', source: 'misconduct_report', sourceId: id })

    expect(
      (await w.inspector.post(`${path}/result-notice`, { version: report.version, message: '已依规处理' }))
        .body.error.code,
    ).toBe('REPORT_NOT_CLOSED')
    report = (
      await w.inspector.post(`${path}/close`, {
        version: report.version,
        result: '给予当事人政务记过处分，责令退还',
      })
    ).body
    expect(report.status).toBe('closed')
    expect(report.clocks.find((c: { kind: string }) => c.kind === 'result')).toMatchObject({ doneAt: null })
    report = (
      await w.inspector.post(`${path}/result-notice`, {
        version: report.version,
        message: '您反映的问题经核查属实，已依规依纪处理',
      })
    ).body
    expect(report.clocks.find((c: { kind: string }) => c.kind === 'result').doneAt).toBeTruthy()
    const done = await t
      .anonymous('10.3.3.4')
      .post('/api/v1/public/misconduct-reports/follow', { receiptCode })
    expect(done.body).toMatchObject({ status: 'closed', message: '您反映的问题经核查属实，已依规依纪处理' })
    expect(JSON.stringify(done.body)).not.toContain('政务记过')

    const overdue = await w.inspector.get('/api/v1/misconduct-reports?overdue=true')
    expect(overdue.body.items.map((r: { id: string }) => r.id)).not.toContain(id)
  })

  it('a report not accepted keeps its reason', async () => {
    const { id } = await fileReport(t, anonymousReport())
    const res = await w.inspector.post(`/api/v1/misconduct-reports/${id}/not-accept`, {
      version: 1,
      reason: '反映内容不属于纪检监察机关受理范围',
      message: '您反映的问题请向人民法院起诉',
    })
    expect(res.body).toMatchObject({
      status: 'not_accepted',
      decisionReason: '反映内容不属于纪检监察机关受理范围',
    })
  })
})

describe('no other role gets anything of a report', () => {
  it('every other role × every report endpoint answers with a real report exactly as with a missing one', async () => {
    const { id } = await fileReport(t, realNameReport({ accusedDepartmentId: w.departmentId }))
    const evidenceId = (await w.inspector.get(`/api/v1/misconduct-reports/${id}`)).body.evidence[0].id
    const missing = '00000000-0000-4000-8000-000000000000'
    const calls = (reportId: string): [string, string, unknown?][] => [
      ['GET', '/api/v1/misconduct-reports'],
      ['GET', `/api/v1/misconduct-reports/${reportId}`],
      ['GET', `/api/v1/misconduct-reports/${reportId}/evidence/${evidenceId}`],
      ['POST', `/api/v1/misconduct-reports/${reportId}/reporter`],
      ['POST', `/api/v1/misconduct-reports/${reportId}/accept`, { version: 1 }],
      ['POST', `/api/v1/misconduct-reports/${reportId}/not-accept`, { version: 1, reason: '不属于受理范围' }],
      [
        'POST',
        `/api/v1/misconduct-reports/${reportId}/transfer`,
        { version: 1, organ: '某纪委', reason: '属其管辖' },
      ],
      ['POST', `/api/v1/misconduct-reports/${reportId}/investigate`, { version: 1 }],
      ['POST', `/api/v1/misconduct-reports/${reportId}/findings`, { version: 1, findings: '问题属实' }],
      ['POST', `/api/v1/misconduct-reports/${reportId}/close`, { version: 1, result: '已依规处理' }],
      ['POST', `/api/v1/misconduct-reports/${reportId}/result-notice`, { version: 1, message: '已依规处理' }],
      ['POST', `/api/v1/misconduct-reports/${reportId}/supervision`, { version: 1 }],
      [
        'POST',
        `/api/v1/misconduct-reports/${reportId}/exposure-proposal`,
        { version: 1, unitName: '某局', title: '典型问题', conduct: '窗口工作人员推诿扯皮。' },
      ],
    ]
    const clients = { ...w.others, anonymous: t.anonymous('10.9.9.9') }
    for (const [role, client] of Object.entries(clients)) {
      const real = calls(id)
      const fake = calls(missing)
      for (let i = 0; i < real.length; i++) {
        const [method, path, body] = real[i]!
        const a = await client.request(method, path, body)
        const b = await client.request(fake[i]![0], fake[i]![1], fake[i]![2])
        expect([role, path, a.status, a.body]).toEqual([role, path, b.status, b.body])
        expect([role, path, a.status]).toEqual([role, path, role === 'anonymous' ? 401 : 403])
      }
    }
    // Nothing moved.
    const report = (await w.inspector.get(`/api/v1/misconduct-reports/${id}`)).body
    expect(report).toMatchObject({ status: 'received', version: 1 })
    expect(report.events).toEqual([])
    // and no other role's home counts reports
    for (const role of ['dispatcher', 'handler', 'bureau_leader', 'admin'] as const) {
      const work = await w.others[role].get('/api/v1/worklist')
      expect(work.body.items.map((i: { key: string }) => i.key)).not.toContain('reports.received')
    }
    // nor does the audit trail lead round it: the administrator reads the trail, not a report's rows
    const own = await w.inspector.get(`/api/v1/audit?entityType=misconduct_report&entityId=${id}`)
    expect(own.body.items.map((r: { action: string }) => r.action)).toContain('misconduct_report.file')
    const adminTrail = await w.others.admin.get(`/api/v1/audit?entityType=misconduct_report&entityId=${id}`)
    expect([adminTrail.status, adminTrail.body.items]).toEqual([200, []])
    const whole = await w.others.admin.get('/api/v1/audit?limit=200')
    expect(whole.body.items.some((r: { entityType: string }) => r.entityType === 'misconduct_report')).toBe(
      false,
    )
    expect(JSON.stringify(whole.body)).not.toContain(id)
  })
})
