import { requireRole, requireSignedIn, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { currentLocale } from '../../kernel/context'
import type { Executor } from '../../kernel/db/database'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { listEnterpriseCertificates } from '../certificates'
import { getEnterprise } from '../enterprises'
import { getEnterpriseFacts } from '../facts'
import type { ApplicationContext } from './application-action'
import { rolesOn } from './application-action'
import * as fq from './application-form.queries'
import type { ApplicationFormView, SavedForm, SaveFormInput } from './application-form.schema'
import {
  prefillValues,
  readFormDefinition,
  validateForm,
  type FormDefinition,
  type FormIssues,
  type PrefillSources,
} from './application-forms'
import { missingMaterials, planMaterials, type PlannedMaterial } from './application-material-plan'
import type { ApplicationState } from './application-states'
import type { Material } from './matters.schema'
import './services.messages'
import * as q from './services.queries'

/**
 * An application's form and materials (issue 12 items 2 and 6; decision 0044): the applicant fills
 * and autosaves the form while a draft (or while a supplement is asked); the submission check
 * validates it strictly with the same schema and requires every material. Staff of the matter's
 * department read the same content.
 */

/** States in which the applicant may change the form and the materials. */
export const EDITABLE_STATES: readonly ApplicationState[] = ['draft', 'supplement_requested']

type ContentRow = NonNullable<Awaited<ReturnType<typeof fq.findApplicationContent>>>

/** The application the caller holds a role on, with its roles; anyone else gets "not found". */
async function loadContent(db: Executor, user: UserActor, id: string) {
  const row = await fq.findApplicationContent(db, id)
  if (!row) throw notFound()
  const roles = rolesOn(user, row)
  if (roles.length === 0) throw notFound()
  return { row, roles }
}

async function planFor(
  deps: AppDeps,
  db: Executor,
  application: { id: string; enterprise_id: string },
  materials: Material[] | null,
): Promise<PlannedMaterial[]> {
  return (await planWithAttached(deps, db, application, materials)).plan
}

/** The form and materials of a matter's version: what a submission is checked against. */
export type VersionContent = NonNullable<Awaited<ReturnType<typeof fq.findVersionOfApplication>>>

/** The plan, and the materials on record it was made from. */
async function planWithAttached(
  deps: AppDeps,
  db: Executor,
  application: { id: string; enterprise_id: string },
  materials: Material[] | null,
): Promise<{ plan: PlannedMaterial[]; attached: Awaited<ReturnType<typeof fq.findAttachedMaterials>> }> {
  if (!materials || materials.length === 0) return { plan: [], attached: [] }
  const [attached, certificates] = await Promise.all([
    fq.findAttachedMaterials(db, application.id),
    listEnterpriseCertificates(db, application.enterprise_id),
  ])
  const plan = planMaterials(
    materials,
    attached.map((a) => ({
      id: a.id,
      materialName: a.material_name,
      source: a.source,
      fileName: a.file_name,
      certificateId: a.certificate_id,
    })),
    certificates,
    cityToday(deps),
  )
  return { plan, attached }
}

/** The enterprise's profile and facts under the names an `x-prefill` hint uses (a bundle's merged form reads them too). */
export async function prefillSources(
  deps: AppDeps,
  user: UserActor,
  enterpriseId: string,
): Promise<PrefillSources> {
  const enterprise = await getEnterprise(deps, user, enterpriseId)
  const sources: PrefillSources = {
    'enterprise.name': enterprise.name,
    'enterprise.uscc': enterprise.uscc,
    'enterprise.legalRepresentative': enterprise.legalRepresentative,
    'enterprise.address': enterprise.address,
    'enterprise.contactPhone': enterprise.contactPhone,
    'enterprise.divisionName': enterprise.divisionName,
    'enterprise.industryName': enterprise.industryName,
    'enterprise.employees': enterprise.employees,
    'enterprise.foundedOn': enterprise.foundedOn,
  }
  for (const fact of (await getEnterpriseFacts(deps, user, enterpriseId)).facts)
    if (fact.value !== null && !fact.isStale) sources[`facts.${fact.key}`] = fact.value
  return sources
}

function present(row: ContentRow, form: FormDefinition | null) {
  return {
    applicationId: row.id,
    title: row.title,
    status: row.status,
    form: form as ApplicationFormView['form'],
    data: row.form_data ?? {},
    savedAt: row.form_saved_at?.toISOString() ?? null,
  }
}

/**
 * The form, its data, the materials and what may be reused, as the applicant (or the matter's
 * department) reads them. Prefill and reusable files are offered only to the applicant while they
 * may still change the application. Refuses: NOT_FOUND.
 */
export async function getApplicationForm(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<ApplicationFormView> {
  const user = requireSignedIn(actor)
  const { row, roles } = await loadContent(deps.db, user, id)
  const form = readFormDefinition(row.form_schema)
  const editable = roles.includes('applicant') && EDITABLE_STATES.includes(row.status)
  const [plan, prefill, reusable] = await Promise.all([
    planFor(deps, deps.db, row, row.materials),
    editable
      ? prefillSources(deps, user, row.enterprise_id).then((s) => prefillValues(form, s))
      : { values: {}, from: {} },
    editable ? fq.findReusableUploads(deps.db, row.enterprise_id, row.id) : [],
  ])
  return {
    ...present(row, form),
    editable,
    prefill,
    issues: validateForm(form, row.form_data ?? {}, { strict: false, locale: currentLocale() }),
    materials: plan.map(presentMaterial),
    reusable: reusable.map((r) => ({
      uploadId: r.upload_id,
      materialName: r.material_name,
      fileName: r.file_name,
      uploadedAt: r.uploaded_at.toISOString(),
      applicationTitle: r.application_title,
    })),
  }
}

function presentMaterial(m: PlannedMaterial) {
  return {
    name: m.name,
    required: m.required,
    notRequiredWhen: m.notRequiredWhen,
    state: m.state,
    certificate: m.certificate,
    files: m.files.map((f) => ({ id: f.id, source: f.source, fileName: f.fileName })),
  }
}

/**
 * Autosave: the applicant's form data, whole, while a draft or a supplement is asked. Partly
 * filled is fine; the answer lists the values the schema refuses already.
 * Refuses: NOT_FOUND (not the applicant), APPLICATION_FORM_NOT_EDITABLE (any other state).
 */
export async function saveApplicationForm(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: SaveFormInput,
): Promise<SavedForm> {
  const user = requireRole(actor, 'enterprise')
  const at = new Date()
  const formSchema = await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockApplicationById(tx, id)
    if (!row || !rolesOn(user, row).includes('applicant')) throw notFound()
    if (!EDITABLE_STATES.includes(row.status)) throw new AppError('APPLICATION_FORM_NOT_EDITABLE')
    await fq.saveFormData(tx, id, input.data, at)
    // the keys, not the values: an audit trail of who changed the form when, without copying it
    await writeAudit(tx, user, {
      action: 'application.form_save',
      entityType: 'application',
      entityId: id,
      after: { keys: Object.keys(input.data) },
    })
    return row.matter_version_id
      ? ((await fq.findVersionOfApplication(tx, row.matter_version_id))?.form_schema ?? null)
      : null
  })
  return {
    savedAt: at.toISOString(),
    issues: validateForm(readFormDefinition(formSchema), input.data, {
      strict: false,
      locale: currentLocale(),
    }),
  }
}

/**
 * The submission check (application-submission-check.ts calls it in the submission's transaction):
 * the form validates strictly against its version's schema and every required material is there.
 * What the platform supplies and what an active certificate stands for are recorded then, so the
 * department sees "由平台调取" with the certificate's number. Refuses: APPLICATION_INCOMPLETE
 * listing every bad field (`staff.0.name`) and every missing material (`materials.<index>`).
 */
export async function checkApplicationContent(
  ctx: ApplicationContext,
  preloaded?: VersionContent | null,
): Promise<void> {
  const { tx, row } = ctx
  if (!row.matter_version_id) return
  const version =
    preloaded === undefined ? await fq.findVersionOfApplication(tx, row.matter_version_id) : preloaded
  if (!version) return
  const issues: FormIssues = validateForm(readFormDefinition(version.form_schema), row.form_data ?? {}, {
    strict: true,
    locale: currentLocale(),
  })
  const { plan, attached } = await planWithAttached(ctx.deps, tx, row, version.materials)
  const missing = new Set(missingMaterials(plan))
  version.materials.forEach((m, index) => {
    if (missing.has(m.name))
      issues[`materials.${index}`] = translate('services.materialMissing', { name: m.name })
  })
  if (Object.keys(issues).length > 0) throw new AppError('APPLICATION_INCOMPLETE', { fields: issues })
  // what the platform or a certificate supplied at an earlier submission is on record already
  const supplied = new Set(
    attached.filter((a) => a.source === 'platform' || a.source === 'certificate').map((a) => a.material_name),
  )
  for (const m of plan) {
    if (supplied.has(m.name)) continue
    if (m.state === 'platform')
      await fq.insertMaterial(tx, {
        applicationId: row.id,
        materialName: m.name,
        source: 'platform',
        by: null,
        at: ctx.now,
      })
    else if (m.state === 'certificate' && m.certificate)
      await fq.insertMaterial(tx, {
        applicationId: row.id,
        materialName: m.name,
        source: 'certificate',
        certificateId: m.certificate.id,
        by: null,
        at: ctx.now,
      })
  }
}

/**
 * What the review page shows of an application: its form (schema, ui, data) and its materials.
 * No permission check here: the caller (the department's staff page) has checked its own first.
 */
export async function readApplicationContent(deps: AppDeps, id: string) {
  const row = await fq.findApplicationContent(deps.db, id)
  if (!row) return null
  const form = readFormDefinition(row.form_schema)
  return {
    ...present(row, form),
    materials: (await planFor(deps, deps.db, row, row.materials)).map(presentMaterial),
  }
}
