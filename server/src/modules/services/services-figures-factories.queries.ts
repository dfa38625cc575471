import type { Insertable } from 'kysely'
import type { Executor } from '../../kernel/db/database'
import type { Material } from './matters.schema'
import type { ApplicationsTable } from './services.tables'

/**
 * Test-only inserts for services-figures.factories.ts: a published matter, and an application in any
 * state with its stored columns set as the moves would have left them. No service uses these.
 */
export async function insertPublishedMatter(
  db: Executor,
  values: {
    code: string
    departmentId: string
    name: string
    promisedLimitDays: number
    statutoryLimitDays: number
    materials: Material[]
  },
) {
  const matter = await db
    .insertInto('service_matters')
    .values({ code: values.code, department_id: values.departmentId, created_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  const version = await db
    .insertInto('service_matter_versions')
    .values({
      matter_id: matter.id,
      number: 1,
      status: 'published',
      name: values.name,
      matter_type: 'licence',
      implementing_body: values.name,
      legal_basis: '《中华人民共和国行政许可法》',
      conditions: '无',
      materials: JSON.stringify(values.materials),
      fees: '[]',
      statutory_limit_days: values.statutoryLimitDays,
      promised_limit_days: values.promisedLimitDays,
      special_steps: '[]',
      visits_needed: 0,
      online_level: 'full',
      faq: '[]',
      created_at: new Date(),
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .updateTable('service_matters')
    .set({ current_version_id: version.id })
    .where('id', '=', matter.id)
    .execute()
  return { matterId: matter.id, versionId: version.id }
}

export async function insertApplicationRow(db: Executor, values: Insertable<ApplicationsTable>) {
  const row = await db.insertInto('applications').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function insertNoticeRow(
  db: Executor,
  values: { applicationId: string; kind: string; issuedAt: Date; title: string },
) {
  await db
    .insertInto('application_notices')
    .values({
      application_id: values.applicationId,
      kind: values.kind,
      issued_at: values.issuedAt,
      title: values.title,
      body: `${values.title}（测试）`,
      data: '{}',
    })
    .execute()
}

export async function insertEventRow(
  db: Executor,
  values: { applicationId: string; type: string; at: Date; audience: 'internal' | 'enterprise' },
) {
  await db
    .insertInto('application_events')
    .values({
      application_id: values.applicationId,
      at: values.at,
      type: values.type,
      data: '{}',
      audience: values.audience,
      note_audience: 'internal',
    })
    .execute()
}
