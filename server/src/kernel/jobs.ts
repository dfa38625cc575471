import PgBoss from 'pg-boss'
import type { Database, Executor } from './db/database'
import { executeRaw } from './db/database'
import type { Logger } from './logger'

/** A job insert as pg-boss sends it: its text with $1 the jobs' JSON array, and its parameters. */
export type JobInsertStatement = { text: string; values: unknown[] }

export type JobHandler<T = unknown> = (data: T) => Promise<void>

type Registration = {
  queue: string
  handler: JobHandler<any>
  cron: string | undefined
  pollingIntervalSeconds: number
  /** Jobs taken per fetch; with `oncePerBatch` the handler runs once for them all (a wake-up call). */
  batchSize: number
  oncePerBatch: boolean
}

/**
 * Durable jobs on pg-boss, in the application's own database (PGlite or PostgreSQL). Jobs are sent
 * inside the business transaction, so a job exists exactly when the change that needs it committed.
 */
export class Jobs {
  private readonly boss: PgBoss
  private readonly registrations = new Map<string, Registration>()
  private insertStatement: Promise<JobInsertStatement> | undefined
  private started = false
  private working = false
  private stopping = false

  constructor(
    database: Database,
    private readonly logger: Logger,
    /** Off for tests and for nodes that only serve HTTP: no maintenance timers, no cron. */
    background = true,
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => database.executeSql(text, values) },
      supervise: background,
      schedule: background,
      // Keep finished jobs a week for inspection, then let pg-boss clean them up.
      deleteAfterDays: 7,
    })
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job system error'))
  }

  /** Declares a queue and its handler; `cron` (UTC, 5 fields) also schedules it. */
  register<T>(
    queue: string,
    handler: JobHandler<T>,
    options: {
      cron?: string
      pollingIntervalSeconds?: number
      batchSize?: number
      /** The jobs only say "there is work": one handler run (with the first job's data) serves a whole fetch. */
      oncePerBatch?: boolean
    } = {},
  ): void {
    this.registrations.set(queue, {
      queue,
      handler: handler as JobHandler<any>,
      cron: options.cron,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      batchSize: options.batchSize ?? 1,
      oncePerBatch: options.oncePerBatch ?? false,
    })
  }

  queues(): string[] {
    return [...this.registrations.keys()]
  }

  /**
   * Starts pg-boss (creating its schema on first use) and makes sure every queue exists.
   * With `workers: false` nothing is processed: tests run handlers themselves with runQueued().
   */
  async start({ workers }: { workers: boolean }): Promise<void> {
    if (this.started) return
    await this.boss.start()
    this.started = true
    this.stopping = false
    for (const r of this.registrations.values()) {
      await this.boss.createQueue(r.queue).catch(() => undefined)
    }
    if (!workers) return
    this.working = true
    for (const r of this.registrations.values()) {
      await this.boss.work(
        r.queue,
        { pollingIntervalSeconds: r.pollingIntervalSeconds, batchSize: r.batchSize },
        async (jobs) => {
          if (r.oncePerBatch) await r.handler(jobs[0]?.data ?? {})
          else for (const job of jobs) await r.handler(job.data)
        },
      )
      if (r.cron) await this.boss.schedule(r.queue, r.cron, {}, { tz: 'UTC' })
    }
  }

  /** True once stop() began: long handlers (the outbox drain) end at their next step. */
  get isStopping(): boolean {
    return this.stopping
  }

  /** Whether this process works queues (false in tests and on HTTP-only nodes). */
  get workersRunning(): boolean {
    return this.working
  }

  async stop(): Promise<void> {
    if (!this.started) return
    this.stopping = true
    this.started = false
    this.working = false
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 })
  }

  /** Sends a job inside the caller's transaction (or on the database when given it). */
  async send(
    executor: Executor,
    queue: string,
    data: object,
    options: { startAfter?: Date } = {},
  ): Promise<void> {
    if (!this.registrations.has(queue)) throw new Error(`Unknown job queue ${queue}`)
    await this.boss.send(queue, data, {
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      db: { executeSql: async (text, values) => ({ rows: await executeRaw(executor, text, values) }) },
    })
  }

  /**
   * pg-boss's own insert of jobs (its SQL, its defaults), for a statement that sends jobs together
   * with the change that needs them (decision 0040). Read once through pg-boss's public `insert` with
   * an executor that only records: `$1` is the JSON array of jobs, the other parameters pg-boss's
   * defaults. Checked, so that a pg-boss whose insert takes its jobs otherwise fails loudly here.
   */
  async insertStatementOf(queue: string): Promise<JobInsertStatement> {
    if (!this.registrations.has(queue)) throw new Error(`Unknown job queue ${queue}`)
    this.insertStatement ??= (async () => {
      const probe = [{ name: queue, data: { probe: true } }]
      let seen: JobInsertStatement | undefined
      await this.boss.insert(probe, {
        db: {
          executeSql: async (text, values) => {
            seen = { text, values: values ?? [] }
            return { rows: [] }
          },
        },
      })
      if (!seen || seen.values[0] !== JSON.stringify(probe) || !/json_to_recordset\(\$1\)/.test(seen.text))
        throw new Error('pg-boss no longer inserts jobs from one JSON parameter')
      return seen
    })()
    return this.insertStatement
  }

  /** Runs every job that is due in a queue, now, in this process (tests and maintenance scripts). */
  async runQueued(queue: string): Promise<number> {
    const registration = this.registrations.get(queue)
    if (!registration) throw new Error(`Unknown job queue ${queue}`)
    let ran = 0
    for (;;) {
      const jobs = await this.boss.fetch(queue, { batchSize: 50 })
      if (!jobs || jobs.length === 0) return ran
      if (registration.oncePerBatch) {
        try {
          await registration.handler(jobs[0]!.data)
          await this.boss.complete(
            queue,
            jobs.map((job) => job.id),
          )
        } catch (error) {
          await this.boss.fail(
            queue,
            jobs.map((job) => job.id),
          )
          throw error
        }
        ran += jobs.length
        continue
      }
      for (const job of jobs) {
        try {
          await registration.handler(job.data)
          await this.boss.complete(queue, job.id)
        } catch (error) {
          await this.boss.fail(queue, job.id, { message: (error as Error).message })
          throw error
        }
        ran++
      }
    }
  }
}
