import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { AttachmentType } from '../../kernel/uploads'
import type { Material } from './matters.schema'
import type { MaterialSource } from './services.tables'

/** The SQL of an application's form and materials (a lint rule keeps SQL in queries files). */

/** An application with what its version asks: the form and the materials list. */
export async function findApplicationContent(db: Executor, id: string) {
  return db
    .selectFrom('applications as a')
    .leftJoin('service_matter_versions as v', 'v.id', 'a.matter_version_id')
    .select([
      'a.id',
      'a.enterprise_id',
      'a.created_by',
      'a.department_id',
      'a.status',
      'a.title',
      'a.form_data',
      'a.form_saved_at',
      'v.form_schema',
      'v.materials',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst()
}

/** The version an application was filed under: its form and materials (the submission check reads it). */
export async function findVersionOfApplication(db: Executor, versionId: string) {
  return db
    .selectFrom('service_matter_versions')
    .select(['form_schema', 'materials'])
    .where('id', '=', versionId)
    .executeTakeFirst()
}

export async function saveFormData(tx: Tx, id: string, data: Record<string, unknown>, at: Date) {
  await tx
    .updateTable('applications')
    .set({ form_data: JSON.stringify(data), form_saved_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

export async function findAttachedMaterials(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_materials as m')
    .leftJoin('application_uploads as u', 'u.id', 'm.upload_id')
    .select([
      'm.id',
      'm.material_name',
      'm.source',
      'm.upload_id',
      'm.certificate_id',
      'm.consented',
      'm.created_at',
      'u.file_name',
      'u.content_type',
      'u.size_bytes',
    ])
    .where('m.application_id', '=', applicationId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute()
}

export async function insertUpload(
  tx: Tx,
  values: {
    enterpriseId: string
    fileName: string
    contentType: AttachmentType
    content: Buffer
    sha256: string
    by: string
    at: Date
  },
): Promise<string> {
  const row = await tx
    .insertInto('application_uploads')
    .values({
      enterprise_id: values.enterpriseId,
      file_name: values.fileName,
      content_type: values.contentType,
      size_bytes: values.content.length,
      sha256: values.sha256,
      content: values.content,
      uploaded_by: values.by,
      uploaded_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function insertMaterial(
  tx: Tx,
  values: {
    applicationId: string
    materialName: string
    source: MaterialSource
    uploadId?: string | null
    certificateId?: string | null
    consented?: boolean
    by: string | null
    at: Date
  },
): Promise<string> {
  const row = await tx
    .insertInto('application_materials')
    .values({
      application_id: values.applicationId,
      material_name: values.materialName,
      source: values.source,
      upload_id: values.uploadId ?? null,
      certificate_id: values.certificateId ?? null,
      consented: values.consented ?? false,
      created_by: values.by,
      created_at: values.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Removes an attached file of an application (not what the platform supplied); answers whether one was. */
export async function deleteAttachedMaterial(tx: Tx, applicationId: string, materialId: string) {
  const result = await tx
    .deleteFrom('application_materials')
    .where('id', '=', materialId)
    .where('application_id', '=', applicationId)
    .where('source', 'in', ['upload', 'reused'])
    .executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/**
 * Files the enterprise gave for its other applications, with the material each was given for
 * (一次提交 offers them again for the same material), newest first.
 */
export async function findReusableUploads(db: Executor, enterpriseId: string, exceptApplicationId: string) {
  return db
    .selectFrom('application_materials as m')
    .innerJoin('application_uploads as u', 'u.id', 'm.upload_id')
    .innerJoin('applications as a', 'a.id', 'm.application_id')
    .select([
      'u.id as upload_id',
      'm.material_name',
      'u.file_name',
      'u.uploaded_at',
      'a.title as application_title',
    ])
    .distinctOn(['m.material_name', 'u.id'])
    .where('u.enterprise_id', '=', enterpriseId)
    .where('m.application_id', '<>', exceptApplicationId)
    .orderBy('m.material_name')
    .orderBy('u.id')
    .limit(200)
    .execute()
}

/** One file of an application (for its applicant and its department's staff to open). */
export async function findMaterialFile(db: Executor, applicationId: string, materialId: string) {
  return db
    .selectFrom('application_materials as m')
    .innerJoin('application_uploads as u', 'u.id', 'm.upload_id')
    .select(['u.file_name', 'u.content_type', 'u.content'])
    .where('m.application_id', '=', applicationId)
    .where('m.id', '=', materialId)
    .executeTakeFirst()
}

export type VersionMaterials = Material[]
