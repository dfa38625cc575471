import path from 'node:path'
import { z } from 'zod'

/**
 * Every setting the server reads from the environment, with its default.
 * README.md lists the same variables; keep the two in step.
 */
const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v))

/** An address the server builds links with or calls: http(s) only, never file:, data: or javascript:. */
const httpUrl = z.url({ protocol: /^https?$/ })

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  // A streaming replica the dashboards (figures, rankings) read from; the primary when unset.
  DATABASE_READ_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  PUBLIC_URL: httpUrl.optional(),
  CITY: z.string().default('dalian'),
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  SEED_DEMO_DATA: booleanFromEnv.optional(),
  DEMO_ACCOUNTS: booleanFromEnv.optional(),
  DEMO_PASSWORD: z.string().min(10).optional(),
  DEMO_ENTERPRISE_COUNT: z.coerce.number().int().min(0).max(100000).default(2000),
  DEV_INBOX: booleanFromEnv.optional(),
  JOBS: booleanFromEnv.default(true),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  STAFF_SESSION_HOURS: z.coerce.number().positive().default(12),
  ENTERPRISE_SESSION_DAYS: z.coerce.number().positive().default(30),
  // How long a node's reads may use a session resolved before (0 = never): the longest a sign-out
  // or a disabling made on another node takes to reach this node's reads (decision 0031).
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(2000),
  // Memory for answers served again after a fingerprint query finds their rows unchanged (0 = off;
  // decision 0041).
  ANSWER_CACHE_MB: z.coerce.number().min(0).max(4096).default(32),
  // On PostgreSQL, listen for the changes the database announces, so a kept answer is served without
  // asking the database while nothing it shows has changed (false = ask every time; decision 0068).
  CHANGE_FEED: booleanFromEnv.default(true),
  // Sign-in codes one client address may request an hour (many phones behind one NAT need more).
  SIGN_IN_CODES_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  // true = one proxy (the load balancer); a number = that many proxies in a row (CDN, load balancer).
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|yes|no|on|off|\d{1,2})$/, 'true, false, or the number of proxies in front')
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : ['true', 'yes', 'on'].includes(v) ? 1 : 0))
    .default(0),
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters (e.g. openssl rand -hex 24)').optional(),
  SMS_ADAPTER: z.enum(['log', 'webhook']).default('log'),
  SMS_WEBHOOK_URL: httpUrl.optional(),
  EMAIL_ADAPTER: z.enum(['log', 'webhook']).default('log'),
  EMAIL_WEBHOOK_URL: httpUrl.optional(),
  CONTACT_CAP_PER_WEEK: z.coerce.number().int().min(0).default(3),
  IDENTITY_ADAPTER: z.enum(['development', 'webhook', 'none']).optional(),
  IDENTITY_WEBHOOK_URL: httpUrl.optional(),
})

export type Config = {
  env: 'development' | 'production' | 'test'
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  /** the instance's Ed25519 key that signs audit checkpoints (PEM, 0600; made on first start) */
  auditSigningKeyFile: string
  /** where every signed checkpoint is appended as a JSON line, for an outside party to keep */
  auditCheckpointFile: string
  databasePoolSize: number
  /** a read-only replica for dashboards (figures and rankings); undefined: they read the primary */
  databaseReadUrl: string | undefined
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  logFormat: 'json' | 'pretty'
  publicUrl: string | undefined
  city: string
  timeZone: string
  seedDemoData: boolean
  demoAccounts: boolean
  demoPassword: string | undefined
  demoEnterpriseCount: number
  devInbox: boolean
  jobs: boolean
  bodyLimitBytes: number
  staffSessionHours: number
  enterpriseSessionDays: number
  /** How long reads may use a session resolved before, in ms (0 = never; decision 0031). */
  sessionCacheMs: number
  /** Bytes of validated answers a node keeps (0 = none; decision 0041). */
  answerCacheBytes: number
  /** Listen to the database's change announcements (PostgreSQL; decision 0068). */
  changeFeed: boolean
  /** sign-in codes one client address may request an hour (SIGN_IN_CODES_PER_ADDRESS_PER_HOUR) */
  signInCodesPerAddressPerHour: number
  /** whether X-Forwarded-* headers are believed at all (TRUST_PROXY) */
  trustProxy: boolean
  /** how many proxies in front of this server append to X-Forwarded-For (0: none trusted) */
  trustedProxyHops: number
  /** a scraper may read /metrics from elsewhere with Authorization: Bearer <token> */
  metricsToken: string | undefined
  sms: { adapter: 'log' | 'webhook'; webhookUrl: string | undefined }
  email: { adapter: 'log' | 'webhook'; webhookUrl: string | undefined }
  contactCapPerWeek: number
  /** real-name and e-licence checks: the development verifier (not in production), a gateway, or none */
  identity: { adapter: 'development' | 'webhook' | 'none'; webhookUrl: string | undefined }
}

export class ConfigError extends Error {}

/**
 * A production start refuses what would make an install unsafe, and says what to set. Demo data
 * and accounts come with a printed password and well-known usernames; the dev inbox shows every
 * sign-in code; without PUBLIC_URL the server cannot know it is served over https (secure headers,
 * absolute links in messages).
 */
function assertSafeProduction(e: z.infer<typeof envSchema>): void {
  const problems: string[] = []
  if (!e.PUBLIC_URL)
    problems.push(
      'PUBLIC_URL is not set: set it to the address people use, e.g. PUBLIC_URL=https://yst.example.gov.cn',
    )
  if (e.DEMO_ACCOUNTS)
    problems.push(
      'DEMO_ACCOUNTS is on: demo accounts have well-known names; remove it or set DEMO_ACCOUNTS=false',
    )
  if (e.SEED_DEMO_DATA)
    problems.push(
      'SEED_DEMO_DATA is on: demo data is not for a real city; remove it or set SEED_DEMO_DATA=false',
    )
  if (e.DEV_INBOX)
    problems.push('DEV_INBOX is on: it shows every sign-in code; remove it or set DEV_INBOX=false')
  if (problems.length)
    throw new ConfigError(
      `NODE_ENV=production refuses to start:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        'To try the server with demo data, leave NODE_ENV unset (development).',
    )
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  const isProduction = e.NODE_ENV === 'production'
  if (e.SMS_ADAPTER === 'webhook' && !e.SMS_WEBHOOK_URL) {
    throw new ConfigError('SMS_ADAPTER=webhook needs SMS_WEBHOOK_URL')
  }
  if (e.EMAIL_ADAPTER === 'webhook' && !e.EMAIL_WEBHOOK_URL) {
    throw new ConfigError('EMAIL_ADAPTER=webhook needs EMAIL_WEBHOOK_URL')
  }
  if (e.DATABASE_READ_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'DATABASE_READ_URL (a replica for dashboards) needs DATABASE_URL: the embedded database has no replicas',
    )
  }
  if (e.IDENTITY_ADAPTER === 'webhook' && !e.IDENTITY_WEBHOOK_URL) {
    throw new ConfigError('IDENTITY_ADAPTER=webhook needs IDENTITY_WEBHOOK_URL')
  }
  if (e.IDENTITY_ADAPTER === 'development' && isProduction) {
    throw new ConfigError('IDENTITY_ADAPTER=development only checks the form of a number: not in production')
  }
  if (isProduction) assertSafeProduction(e)
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    auditSigningKeyFile: path.resolve(
      e.AUDIT_SIGNING_KEY_FILE ?? path.join(e.DATA_DIR, 'audit-signing-key.pem'),
    ),
    auditCheckpointFile: path.resolve(
      e.AUDIT_CHECKPOINT_FILE ?? path.join(e.DATA_DIR, 'audit-checkpoints.jsonl'),
    ),
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseReadUrl: e.DATABASE_READ_URL,
    logLevel: e.LOG_LEVEL,
    // People read a terminal; log collectors read JSON.
    logFormat: e.LOG_FORMAT ?? (process.stdout.isTTY && !isProduction ? 'pretty' : 'json'),
    publicUrl: e.PUBLIC_URL,
    city: e.CITY,
    timeZone: e.TIME_ZONE,
    // Demo data and demo accounts are on for a laptop and off in production unless asked for.
    seedDemoData: e.SEED_DEMO_DATA ?? !isProduction,
    demoAccounts: e.DEMO_ACCOUNTS ?? !isProduction,
    demoPassword: e.DEMO_PASSWORD,
    demoEnterpriseCount: e.DEMO_ENTERPRISE_COUNT,
    // The dev inbox shows one-time codes to anyone: never on in production.
    devInbox: isProduction ? false : (e.DEV_INBOX ?? true),
    jobs: e.JOBS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    staffSessionHours: e.STAFF_SESSION_HOURS,
    enterpriseSessionDays: e.ENTERPRISE_SESSION_DAYS,
    sessionCacheMs: e.SESSION_CACHE_MS,
    answerCacheBytes: Math.round(e.ANSWER_CACHE_MB * 1024 * 1024),
    changeFeed: e.CHANGE_FEED,
    signInCodesPerAddressPerHour: e.SIGN_IN_CODES_PER_ADDRESS_PER_HOUR,
    trustProxy: e.TRUST_PROXY > 0,
    trustedProxyHops: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    sms: { adapter: e.SMS_ADAPTER, webhookUrl: e.SMS_WEBHOOK_URL },
    email: { adapter: e.EMAIL_ADAPTER, webhookUrl: e.EMAIL_WEBHOOK_URL },
    contactCapPerWeek: e.CONTACT_CAP_PER_WEEK,
    identity: {
      adapter: e.IDENTITY_ADAPTER ?? (isProduction ? 'none' : 'development'),
      webhookUrl: e.IDENTITY_WEBHOOK_URL,
    },
  }
}
