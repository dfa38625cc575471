import type { Executor } from '../../kernel/db/database'
import type { JsonSchema } from './bundle-forms'
import type { Material } from './matters.schema'

/**
 * Test data for bundles (bundles.factories.ts): a matter with one version and a form, written
 * straight into the tables — the catalogue's editor does not write forms (the forms work does).
 */
export type TestMatter = {
  code: string
  departmentId: string
  name: string
  promisedLimitDays: number
  form: JsonSchema
  materials?: Material[]
  published?: boolean
}

export async function insertTestMatter(db: Executor, m: TestMatter): Promise<string> {
  const published = m.published ?? true
  const matter = await db
    .insertInto('service_matters')
    .values({ code: m.code, department_id: m.departmentId, created_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  const version = await db
    .insertInto('service_matter_versions')
    .values({
      matter_id: matter.id,
      number: 1,
      status: published ? 'published' : 'draft',
      published_at: published ? new Date() : null,
      name: m.name,
      matter_type: 'licence',
      implementing_body: '测试实施机构',
      legal_basis: '《测试条例》',
      conditions: '无',
      materials: JSON.stringify(m.materials ?? []),
      fees: '[]',
      statutory_limit_days: 20,
      promised_limit_days: m.promisedLimitDays,
      special_steps: '[]',
      visits_needed: 0,
      online_level: 'full',
      faq: '[]',
      form_schema: JSON.stringify(m.form),
      created_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (published)
    await db
      .updateTable('service_matters')
      .set({ current_version_id: version.id })
      .where('id', '=', matter.id)
      .execute()
  return matter.id
}
