import crypto from 'node:crypto'
import pg from 'pg'

/** With DATABASE_URL set, tests run on that PostgreSQL server: a template database, then one copy per test file. */
export function postgresBaseUrl(): string | undefined {
  return process.env.DATABASE_URL
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export function templateName(url: string): string {
  return `${new URL(url).pathname.slice(1) || 'yingshang'}_template`
}

async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export async function recreateDatabase(url: string, name: string, template?: string): Promise<void> {
  await withAdminClient(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`)
  })
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdminClient(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))
}

/** Copies the template into a database of its own for one test file. */
export async function createDatabaseFromTemplate(url: string): Promise<{ url: string; name: string }> {
  const name = `${templateName(url).replace(/_template$/, '')}_t_${crypto.randomBytes(5).toString('hex')}`
  await recreateDatabase(url, name, templateName(url))
  return { url: withDatabase(url, name), name }
}

export async function dropTestDatabases(url: string): Promise<void> {
  const prefix = `${templateName(url).replace(/_template$/, '')}_t_`
  await withAdminClient(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    )
    for (const r of rows) await client.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`)
  })
}
