import { requireRole, requireSignedIn, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { acceptUpload } from '../../kernel/uploads'
import { rolesOn } from './application-action'
import { EDITABLE_STATES } from './application-form.service'
import * as fq from './application-form.queries'
import type { ReuseMaterialInput } from './application-form.schema'
import * as q from './services.queries'
import type { MaterialSource } from './services.tables'

/**
 * An application's files: uploaded for a material of its version's list, or a file the enterprise
 * gave for an earlier application reused for the same material with the applicant's consent
 * (一次提交). What the platform supplies and what a certificate stands for are never asked for
 * (application-material-plan.ts). Every change is audited.
 */

type Attached = { id: string; materialName: string; source: MaterialSource; fileName: string | null }

/**
 * The application locked for a change of its materials, by its applicant, while editable; and the
 * material named, which must be on the version's list and not one the platform supplies.
 * Refuses: NOT_FOUND, APPLICATION_FORM_NOT_EDITABLE, MATERIAL_NOT_ASKED.
 */
async function lockForMaterials(tx: Tx, user: UserActor, id: string, materialName?: string) {
  const row = await q.lockApplicationById(tx, id)
  if (!row || !rolesOn(user, row).includes('applicant')) throw notFound()
  if (!EDITABLE_STATES.includes(row.status)) throw new AppError('APPLICATION_FORM_NOT_EDITABLE')
  if (materialName !== undefined) {
    const version = row.matter_version_id
      ? await fq.findVersionOfApplication(tx, row.matter_version_id)
      : null
    const material = version?.materials.find((m) => m.name === materialName)
    if (!material || material.platformSupplies)
      throw new AppError('MATERIAL_NOT_ASKED', {
        fields: { materialName: translate('services.materialNotAsked') },
      })
  }
  return row
}

/**
 * Uploads a file for one material: an image (JPEG, PNG, WebP) or a PDF of at most 10 MB, its type
 * read from its bytes. Refuses: ATTACHMENT_REJECTED (empty, too large, wrong type) and those of
 * lockForMaterials.
 */
export async function uploadMaterial(
  deps: AppDeps,
  actor: Actor,
  input: { applicationId: string; materialName: string; file: { name: string; bytes: Uint8Array } },
): Promise<Attached> {
  const user = requireRole(actor, 'enterprise')
  const upload = acceptUpload(input.file)
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockForMaterials(tx, user, input.applicationId, input.materialName)
    const at = new Date()
    const uploadId = await fq.insertUpload(tx, {
      ...upload,
      enterpriseId: row.enterprise_id,
      by: user.userId,
      at,
    })
    const id = await fq.insertMaterial(tx, {
      applicationId: row.id,
      materialName: input.materialName,
      source: 'upload',
      uploadId,
      by: user.userId,
      at,
    })
    await writeAudit(tx, user, {
      action: 'application.material_upload',
      entityType: 'application',
      entityId: row.id,
      after: { materialId: id, materialName: input.materialName, sha256: upload.sha256 },
    })
    return { id, materialName: input.materialName, source: 'upload', fileName: upload.fileName }
  })
}

/**
 * 一次提交: a file the enterprise gave for the same material in another application, attached again
 * — only with the applicant's consent in this request. Refuses: MATERIAL_REUSE_CONSENT_REQUIRED,
 * NOT_FOUND (no such file of this enterprise for this material), and those of lockForMaterials.
 */
export async function reuseMaterial(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: ReuseMaterialInput,
): Promise<Attached> {
  const user = requireRole(actor, 'enterprise')
  if (!input.consent)
    throw new AppError('MATERIAL_REUSE_CONSENT_REQUIRED', {
      fields: { consent: translate('services.reuseConsentRequired') },
    })
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockForMaterials(tx, user, id, input.materialName)
    const earlier = (await fq.findReusableUploads(tx, row.enterprise_id, row.id)).find(
      (r) => r.upload_id === input.uploadId && r.material_name === input.materialName,
    )
    if (!earlier) throw notFound()
    const materialId = await fq.insertMaterial(tx, {
      applicationId: row.id,
      materialName: input.materialName,
      source: 'reused',
      uploadId: input.uploadId,
      consented: true,
      by: user.userId,
      at: new Date(),
    })
    await writeAudit(tx, user, {
      action: 'application.material_reuse',
      entityType: 'application',
      entityId: row.id,
      after: { materialId, materialName: input.materialName, uploadId: input.uploadId, consented: true },
    })
    return { id: materialId, materialName: input.materialName, source: 'reused', fileName: earlier.file_name }
  })
}

/** Takes an attached file off the application (the file stays for reuse). Refuses: NOT_FOUND and those of lockForMaterials. */
export async function removeMaterial(
  deps: AppDeps,
  actor: Actor,
  id: string,
  materialId: string,
): Promise<void> {
  const user = requireRole(actor, 'enterprise')
  await deps.db.transaction().execute(async (tx) => {
    const row = await lockForMaterials(tx, user, id)
    if (!(await fq.deleteAttachedMaterial(tx, row.id, materialId))) throw notFound()
    await writeAudit(tx, user, {
      action: 'application.material_remove',
      entityType: 'application',
      entityId: row.id,
      before: { materialId },
    })
  })
}

/** One file of an application, for its applicant and its department's staff. Refuses: NOT_FOUND. */
export async function downloadMaterial(deps: AppDeps, actor: Actor, id: string, materialId: string) {
  const user = requireSignedIn(actor)
  const row = await fq.findApplicationContent(deps.db, id)
  if (!row || rolesOn(user, row).length === 0) throw notFound()
  const file = await fq.findMaterialFile(deps.db, id, materialId)
  if (!file) throw notFound()
  return { fileName: file.file_name, contentType: file.content_type, content: file.content }
}
