import type { Config } from './kernel/config'
import { ValidatedAnswerCache } from './kernel/http/validated-answers'
import { ChangeFeed } from './kernel/db/change-feed'
import { SessionCache } from './kernel/auth/session-cache'
import { CalendarSource } from './kernel/calendar/calendar-source'
import type { Database } from './kernel/db/database'
import type { AppDeps } from './kernel/http/app-env'
import { Jobs } from './kernel/jobs'
import { createLogger, type Logger } from './kernel/logger'
import { createMetrics } from './kernel/metrics'
import { loggingAdapter, webhookAdapter } from './kernel/notify/adapters'
import { Notifier } from './kernel/notify/notifier'
import {
  absentVerifier,
  developmentVerifier,
  webhookVerifier,
  type IdentityVerifier,
} from './kernel/identity/identity-verifier'
import { MODULES } from './modules/modules'
import { findRegistryRecord } from './modules/enterprises/enterprise-registry.service'

/**
 * Wires the kernel services of one process around one database, and optionally a read-only replica
 * the dashboards read (DATABASE_READ_URL; the caller opens and closes it).
 */
export function createDeps(
  config: Config,
  database: Database,
  logger: Logger = createLogger(config.logLevel, config.logFormat),
  readDatabase?: Database,
): AppDeps {
  const metrics = createMetrics()
  const jobs = new Jobs(database, logger, config.jobs)
  const sms =
    config.sms.adapter === 'webhook'
      ? webhookAdapter('sms', config.sms.webhookUrl!)
      : loggingAdapter('sms', logger)
  const email =
    config.email.adapter === 'webhook'
      ? webhookAdapter('email', config.email.webhookUrl!)
      : loggingAdapter('email', logger)
  const notifier = new Notifier({
    db: database.db,
    jobs,
    sms,
    email,
    contactCapPerWeek: config.contactCapPerWeek,
    logger,
    metrics,
    // The embedded database has one connection that requests share: shorter delivery rounds.
    batchSize: database.kind === 'embedded' ? 20 : 100,
  })
  const identity: IdentityVerifier =
    config.identity.adapter === 'webhook'
      ? webhookVerifier(config.identity.webhookUrl!)
      : config.identity.adapter === 'development'
        ? developmentVerifier((uscc) => findRegistryRecord(database.db, uscc))
        : absentVerifier()
  const deps: AppDeps = {
    config,
    database,
    db: database.db,
    readDb: readDatabase?.db ?? database.db,
    jobs,
    notifier,
    identity,
    calendar: new CalendarSource(),
    logger,
    metrics,
    sessionCache: new SessionCache(config.sessionCacheMs),
    answers: new ValidatedAnswerCache(config.answerCacheBytes, changeFeedOf(config, database, logger)),
  }
  notifier.register()
  for (const module of MODULES) module.jobs?.(deps)
  return deps
}

/** PostgreSQL's announcements of changes, heard for as long as the database is open (decision 0068). */
function changeFeedOf(config: Config, database: Database, logger: Logger): ChangeFeed | null {
  if (!config.changeFeed || !database.listenerClient || config.answerCacheBytes === 0) return null
  const feed = new ChangeFeed(database.listenerClient, database.localWrites, logger)
  feed.start()
  database.onClose(() => feed.stop())
  return feed
}
