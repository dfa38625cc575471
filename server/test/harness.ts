import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { inject } from 'vitest'
import { buildApp, type App } from '../src/app'
import { createDeps } from '../src/bootstrap'
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../src/kernel/auth/sessions'
import { loadConfig } from '../src/kernel/config'
import { openInMemory, openPostgres, type Database } from '../src/kernel/db/database'
import type { AppDeps } from '../src/kernel/http/app-env'
import { createLogger } from '../src/kernel/logger'
import { createDatabaseFromTemplate, dropDatabase, postgresBaseUrl } from './test-database'

export type TestApp = {
  app: App
  deps: AppDeps
  /** A client with no session. */
  anonymous(ip?: string): TestClient
  close(): Promise<void>
}

/**
 * A whole app on a database of its own, copied from the template: PGlite in memory, or a fresh
 * PostgreSQL database when DATABASE_URL is set. Jobs are not polled; tests run them with
 * deps.jobs.runQueued(queue) when they want them to happen.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const baseUrl = postgresBaseUrl()
  let database: Database
  let cleanup = async () => {}
  if (baseUrl) {
    const created = await createDatabaseFromTemplate(baseUrl)
    database = await openPostgres(created.url, 5)
    cleanup = () => dropDatabase(baseUrl, created.name)
  } else {
    database = await openInMemory(readTemplateDump())
  }
  return createTestAppOn(database, env, cleanup)
}

/** The template every test database starts from, as PGlite loads it (embedded runs only). */
export function readTemplateDump(): Blob {
  return new Blob([fs.readFileSync(inject('templateDump'))], { type: 'application/x-gzip' })
}

/** A whole app on a database the caller opened (an embedded data directory, a restored copy). */
export async function createTestAppOn(
  database: Database,
  env: Record<string, string> = {},
  cleanup: () => Promise<void> = async () => {},
): Promise<TestApp> {
  // The audit signing key and the checkpoint export file of this app alone, never in ./data.
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'yingshang-test-audit-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JOBS: 'false',
    TRUST_PROXY: 'true',
    AUDIT_SIGNING_KEY_FILE: path.join(files, 'audit-signing-key.pem'),
    AUDIT_CHECKPOINT_FILE: path.join(files, 'audit-checkpoints.jsonl'),
    ...env,
  })
  const deps = createDeps(config, database, createLogger(config.logLevel))
  await deps.jobs.start({ workers: false })
  const app = buildApp(deps)
  return {
    app,
    deps,
    anonymous: (ip) => new TestClient(app, ip),
    close: async () => {
      await deps.jobs.stop()
      await database.close()
      await cleanup()
      fs.rmSync(files, { recursive: true, force: true })
    },
  }
}

export type TestResponse<T = any> = { status: number; body: T; headers: Headers }

/** Talks to the app over HTTP semantics (app.request), keeping cookies and sending the CSRF header like the web app. */
export class TestClient {
  private cookies = new Map<string, string>()
  locale = 'zh-CN'

  constructor(
    private readonly app: App,
    private readonly ip = '127.0.0.1',
  ) {}

  /** The same signed-in client on another app: a restored copy of the database keeps the sessions. */
  on(app: App): TestClient {
    const client = new TestClient(app, this.ip)
    client.cookies = new Map(this.cookies)
    client.locale = this.locale
    return client
  }

  get csrfToken(): string | undefined {
    return this.cookies.get(CSRF_COOKIE)
  }

  get hasSession(): boolean {
    return this.cookies.has(SESSION_COOKIE)
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = {
      'accept-language': this.locale,
      'x-forwarded-for': this.ip,
      ...headers,
    }
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (method !== 'GET' && this.csrfToken && !(CSRF_HEADER in h)) h[CSRF_HEADER] = this.csrfToken
    let payload: string | FormData | undefined
    if (body instanceof FormData) {
      payload = body // fetch sets the multipart boundary
    } else if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body)
      h['content-type'] ??= 'application/json'
    }
    const res = await this.app.request(path, { method, headers: h, body: payload })
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';')
      const [name = '', ...rest] = pair.split('=')
      const value = rest.join('=')
      if (!value || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line))
        this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // not JSON (metrics, html)
    }
    return { status: res.status, body: parsed as T, headers: res.headers }
  }

  /** A GET whose answer is a file, as the raw Response (request() reads every answer as text). */
  async download(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return this.app.request(path, {
      headers: {
        'accept-language': this.locale,
        'x-forwarded-for': this.ip,
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
    })
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers)
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers)
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body)
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body)
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path)
  }
}
