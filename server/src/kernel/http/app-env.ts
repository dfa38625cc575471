import type { Config } from '../config'
import type { CalendarSource } from '../calendar/calendar-source'
import type { Database, Db } from '../db/database'
import type { Jobs } from '../jobs'
import type { Logger } from '../logger'
import type { Metrics } from '../metrics'
import type { Notifier } from '../notify/notifier'
import type { IdentityVerifier } from '../identity/identity-verifier'
import type { Actor } from '../auth/actor'
import type { SessionCache } from '../auth/session-cache'
import type { ValidatedAnswerCache } from './validated-answers'

/** Everything a service may use. Built once per process (or per test database). */
export type AppDeps = {
  config: Config
  database: Database
  db: Db
  /**
   * Where read-only dashboards (figures, rankings) read: a streaming replica when DATABASE_READ_URL
   * is set — it may lag the primary by a moment — else the primary (`db`). Never write through it.
   */
  readDb: Db
  jobs: Jobs
  notifier: Notifier
  /** real-name and e-licence checks (an outside system; see kernel/identity) */
  identity: IdentityVerifier
  calendar: CalendarSource
  logger: Logger
  metrics: Metrics
  /** Sessions resolved a moment ago, for reads on this node (decision 0031). */
  sessionCache: SessionCache
  /** Serialised answers served again while a fingerprint query finds their rows unchanged (decision 0041). */
  answers: ValidatedAnswerCache
}

export type AppEnv = {
  Variables: {
    deps: AppDeps
    actor: Actor
    requestId: string
    ip: string
  }
}
