import type { UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { acceptUpload } from '../../kernel/uploads'
import { listEnterpriseCertificates } from '../certificates'
import { planMaterials, type PlannedMaterial } from './application-material-plan'
import * as fq from './application-form.queries'
import type { BundleMaterial } from './bundles.schema'
import * as q from './bundles.queries'
import type { PartRow } from './bundles.queries'

/**
 * A bundle's materials (decision 0046, addendum): each part is checked on submission by its own
 * submission check, which asks for every required material of that part's version. The applicant
 * gives a file once for the bundle, by the material's name, and it is attached to every draft part
 * whose version asks for that name — one upload row, one attachment per part, each department
 * receiving it as its own part's material. No consent step as for 一次提交: the file is given for
 * this bundle, whose parts are the departments the guide names. What the platform supplies or an
 * e-certificate stands for is never asked, as for a single application (application-material-plan.ts).
 */

/** A part's plan, and the upload behind each attached file (by attachment id): the bundle lists a file once. */
type Planned = { part: PartRow; plan: PlannedMaterial[]; uploadOf: Map<string, string | null> }

async function planParts(deps: AppDeps, db: Executor, enterpriseId: string, parts: readonly PartRow[]) {
  const certificates = await listEnterpriseCertificates(db, enterpriseId)
  const today = cityToday(deps)
  const planned: Planned[] = []
  for (const part of parts) {
    const attached = await fq.findAttachedMaterials(db, part.application_id)
    planned.push({
      part,
      uploadOf: new Map(attached.map((a) => [a.id, a.upload_id])),
      plan: planMaterials(
        part.materials ?? [],
        attached.map((a) => ({
          id: a.id,
          materialName: a.material_name,
          source: a.source,
          fileName: a.file_name,
          certificateId: a.certificate_id,
        })),
        certificates,
        today,
      ),
    })
  }
  return planned
}

/** The parts' plans merged by material name: supplied once for all, missing while any asking part lacks it. */
export function mergePlans(planned: readonly Planned[]): BundleMaterial[] {
  const merged = new Map<string, BundleMaterial>()
  for (const { part, plan, uploadOf } of planned)
    for (const m of plan) {
      const files = m.files.flatMap((f) => {
        const uploadId = uploadOf.get(f.id)
        return uploadId ? [{ uploadId, fileName: f.fileName }] : []
      })
      const known = merged.get(m.name)
      if (!known) {
        merged.set(m.name, {
          name: m.name,
          required: m.required,
          notRequiredWhen: m.notRequiredWhen,
          state: m.state,
          certificate: m.certificate,
          files,
          askedBy: [part.matter_name],
        })
        continue
      }
      known.askedBy.push(part.matter_name)
      known.required ||= m.required
      if (known.notRequiredWhen !== m.notRequiredWhen) known.notRequiredWhen = null
      for (const f of files) if (!known.files.some((k) => k.uploadId === f.uploadId)) known.files.push(f)
      // the weakest state wins: one part still lacking the file means the bundle lacks it
      known.state = weaker(known.state, m.state)
      if (known.state !== 'certificate') known.certificate = null
    }
  return [...merged.values()]
}

const STRENGTH = { platform: 3, certificate: 2, attached: 1, missing: 0 } as const
const weaker = (a: BundleMaterial['state'], b: BundleMaterial['state']) =>
  STRENGTH[a] <= STRENGTH[b] ? a : b

/** The merged materials of a bundle application, as its applicant reads them. */
export async function bundleMaterials(
  deps: AppDeps,
  db: Executor,
  enterpriseId: string,
  parts: readonly PartRow[],
): Promise<BundleMaterial[]> {
  return mergePlans(await planParts(deps, db, enterpriseId, parts))
}

/** The draft bundle application of the caller, locked. Refuses: NOT_FOUND, BUNDLE_APPLICATION_NOT_EDITABLE. */
async function lockDraft(tx: Tx, user: UserActor, id: string) {
  const row = await q.lockBundleApplication(tx, id, user.userId)
  if (!row) throw notFound()
  if (row.status !== 'draft') throw new AppError('BUNDLE_APPLICATION_NOT_EDITABLE')
  return row
}

/**
 * Uploads one file for a material of a draft bundle application and attaches it to every part whose
 * version asks for that material (and does not have the platform supply it). Refuses:
 * ATTACHMENT_REJECTED (empty, too large, wrong type), MATERIAL_NOT_ASKED (no part asks for it), and
 * those of lockDraft. Audited on each part and on the bundle.
 */
export async function uploadBundleMaterial(
  deps: AppDeps,
  user: UserActor,
  input: { bundleApplicationId: string; materialName: string; file: { name: string; bytes: Uint8Array } },
): Promise<{ uploadId: string; materialName: string; fileName: string; attachedTo: string[] }> {
  const upload = acceptUpload(input.file)
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockDraft(tx, user, input.bundleApplicationId)
    const asking = (await q.findParts(tx, [row.id])).filter((p) =>
      (p.materials ?? []).some((m) => m.name === input.materialName && !m.platformSupplies),
    )
    if (asking.length === 0)
      throw new AppError('MATERIAL_NOT_ASKED', {
        fields: { materialName: translate('services.materialNotAsked') },
      })
    const at = new Date()
    const uploadId = await fq.insertUpload(tx, {
      ...upload,
      enterpriseId: row.enterprise_id,
      by: user.userId,
      at,
    })
    for (const part of asking) {
      const materialId = await fq.insertMaterial(tx, {
        applicationId: part.application_id,
        materialName: input.materialName,
        source: 'upload',
        uploadId,
        by: user.userId,
        at,
      })
      await writeAudit(tx, user, {
        action: 'application.material_upload',
        entityType: 'application',
        entityId: part.application_id,
        after: {
          materialId,
          materialName: input.materialName,
          sha256: upload.sha256,
          bundleApplicationId: row.id,
        },
      })
    }
    await writeAudit(tx, user, {
      action: 'bundle_application.material_upload',
      entityType: 'bundle_application',
      entityId: row.id,
      after: {
        uploadId,
        materialName: input.materialName,
        sha256: upload.sha256,
        parts: asking.map((p) => p.application_id),
      },
    })
    return {
      uploadId,
      materialName: input.materialName,
      fileName: upload.fileName,
      attachedTo: asking.map((p) => p.matter_name),
    }
  })
}

/** Takes a file off every part of a draft bundle application it was attached to. Refuses: NOT_FOUND and those of lockDraft. */
export async function removeBundleMaterial(
  deps: AppDeps,
  user: UserActor,
  id: string,
  uploadId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const row = await lockDraft(tx, user, id)
    const removed = await q.deletePartMaterials(tx, row.id, uploadId)
    if (removed.length === 0) throw notFound()
    await writeAudit(tx, user, {
      action: 'bundle_application.material_remove',
      entityType: 'bundle_application',
      entityId: row.id,
      before: { uploadId, parts: removed },
    })
  })
}
