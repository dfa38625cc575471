/**
 * notify-code-behind-backlog (issue 10 item 4): 10,000 notifications queued, then an enterprise asks
 * for a sign-in code; how long until the development SMS adapter has sent it (target < 5 s), and how
 * fast the worker delivers the backlog. PostgreSQL, the job workers running in this process.
 */
import { openBenchApp } from './bench-app'
import { note, type Report } from './report'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function runNotifyBench(options: { report: Report; backlog?: number }) {
  const backlog = options.backlog ?? Number(process.env.BENCH_NOTIFY_BACKLOG ?? 10_000)
  const bench = await openBenchApp('postgres', { name: 'notify', demo: false, workers: true })
  const { deps, app } = bench
  let phoneSeq = 0
  const nextPhone = () => `136${String(10_000_000 + phoneSeq++).slice(-8)}`

  /** Asks for a code over HTTP and waits until the SMS adapter has sent it; milliseconds. */
  const codeLatency = async (): Promise<number> => {
    const phone = nextPhone()
    const started = performance.now()
    const res = await app.request('/api/v1/auth/enterprise/code', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${phoneSeq % 250}.1` },
      body: JSON.stringify({ phone }),
    })
    if (res.status !== 202) throw new Error(`code request answered ${res.status}: ${await res.text()}`)
    for (;;) {
      const sent = await deps.db
        .selectFrom('notification_deliveries')
        .select('id')
        .where('address', '=', phone)
        .where('status', '=', 'sent')
        .executeTakeFirst()
      if (sent) return performance.now() - started
      if (performance.now() - started > 120_000) throw new Error('the code was not sent within 2 minutes')
      await sleep(10)
    }
  }

  const pending = async () =>
    Number(
      (
        await deps.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', 'in', ['pending', 'deferred'])
          .executeTakeFirstOrThrow()
      ).n,
    )

  const enqueueBacklog = async (n: number, notBefore?: Date) =>
    deps.db.transaction().execute(async (tx) => {
      const ids = await deps.notifier.enqueueMany(
        tx,
        Array.from({ length: n }, (_, i) => ({
          recipient: { phone: nextPhone() },
          template: 'policies.push',
          params: { title: `backlog ${i}`, count: 1 },
          channels: ['sms' as const],
        })),
      )
      if (notBefore)
        await tx.updateTable('notifications').set({ not_before: notBefore }).where('id', 'in', ids).execute()
      return ids
    })

  try {
    // Baseline: a code with an empty outbox (warm: one first to warm the pool and the worker).
    await codeLatency()
    const idle = await codeLatency()

    // The old delivery, for the rate's baseline: one message per transaction, by id. They are due
    // only in 2100, so the running worker leaves them to this loop, which delivers "in 2100".
    const future = new Date('2100-01-01T00:00:00Z')
    const oldWay = await enqueueBacklog(1000, future)
    const t0 = performance.now()
    for (const id of oldWay) await deps.notifier.deliver(id, future)
    const perMessageRate = oldWay.length / ((performance.now() - t0) / 1000)

    // The backlog, then the code behind it.
    const enqueued = performance.now()
    await enqueueBacklog(backlog)
    note(`notify: ${backlog} notifications enqueued in ${(performance.now() - enqueued).toFixed(0)} ms`)
    const drainStarted = performance.now()
    // Ask for the code once the worker is busy with the backlog (it polls every second).
    while ((await pending()) >= backlog && performance.now() - drainStarted < 10_000) await sleep(20)
    const behind = await codeLatency()
    const leftWhenCodeSent = await pending()
    while ((await pending()) > 0) {
      if (performance.now() - drainStarted > 600_000)
        throw new Error('the backlog was not delivered in 10 minutes')
      await sleep(50)
    }
    const rate = backlog / ((performance.now() - drainStarted) / 1000)

    options.report('notify-code-behind-backlog', behind, 'ms', idle, 'a code with an empty outbox', false)
    options.report(
      'notify-delivery-rate',
      rate,
      'msg/s',
      perMessageRate,
      'one message per transaction (the delivery before priorities)',
    )
    note(
      `notify: code behind ${backlog} queued messages sent in ${behind.toFixed(0)} ms (target < 5000 ms; ` +
        `${leftWhenCodeSent} still queued then); empty outbox ${idle.toFixed(0)} ms; backlog delivered at ` +
        `${rate.toFixed(0)} msg/s in rounds of 100, one message per transaction ${perMessageRate.toFixed(0)} msg/s`,
    )
  } finally {
    await bench.close()
  }
}
