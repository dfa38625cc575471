import { departmentsWhere, hasRole, requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { dueAfterWorkingDays } from '../../kernel/cases/deadline'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, addFieldError, notFound, validationFailed, type FieldErrors } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { definePresenter } from '../../kernel/present'
import { requireEnterpriseAccess } from '../enterprises'
import { runApplicationActionInTransaction } from './application-action'
import { submitInTransaction } from './application-submit'
import { prefillSources } from './application-form.service'
import { prefillValues, readFormDefinition } from './application-forms'
import { bundleMaterials } from './bundle-materials'
import { formProperties, mergeForms, restrictToForm, type FieldConflict, type FormPart } from './bundle-forms'
import { deriveBundleStatus, isPartClosed } from './bundle-status'
import type {
  BundleApplication,
  BundleApplicationList,
  BundleFormInput,
  BundleGuide,
  BundleInput,
  BundleList,
  BundleMaterial,
  BundleMonitor,
  BundleMonitorFilter,
  BundlePart,
  BundleResultPack,
  BundleSummary,
  OpenBundleApplicationInput,
} from './bundles.schema'
import { BundleBody } from './bundles.schema'
import './bundles.messages'
import * as q from './bundles.queries'
import * as mq from './matters.queries'
import { matterSearchWords } from './matter-words'
import { MatterContentBody } from './matters.schema'
import type { PublishedMatterInput } from './matters.service'
import type { BundleApplicationRow, BundleRow, MatterNowRow, MemberRow, PartRow } from './bundles.queries'
import { findApplication, insertApplicationEvent } from './services.queries'

/**
 * 一件事一次办: bundles. The bureau (its leaders, administrators) writes a bundle of matters and
 * publishes it; anyone reads its guide; an enterprise user opens one bundle application, fills one
 * merged form and submits it once — the platform fans it out to a child application per matter, each
 * in its department, on its own clock. Staff follow bundles on the monitor: the bureau every one, a
 * department those with a part of its own. Each function checks permissions first; every change is
 * audited in its transaction.
 */

const EDITORS = ['admin', 'bureau_leader'] as const
const MONITORS = ['admin', 'bureau_leader', 'handler', 'department_head'] as const
const MONITOR_LIMIT = 200

// ── the bundle: written, published, read ────────────────────────────────────────────────────────

const percent = (saved: number, of: number) => (of > 0 ? Math.round((saved / of) * 100) : 0)

/** A material two members ask for (the same name) is asked once; it is supplied if either supplies it. */
function mergeMaterials(members: readonly Pick<MemberRow, 'name' | 'materials'>[]) {
  const merged = new Map<
    string,
    { name: string; platformSupplies: boolean; notRequiredWhen: string | null; askedBy: string[] }
  >()
  let oneByOne = 0
  for (const m of members)
    for (const material of m.materials) {
      oneByOne++
      const name = material.name.trim()
      const known = merged.get(name)
      if (!known)
        merged.set(name, {
          name,
          platformSupplies: material.platformSupplies,
          notRequiredWhen: material.notRequiredWhen,
          askedBy: [m.name],
        })
      else {
        if (!known.askedBy.includes(m.name)) known.askedBy.push(m.name)
        known.platformSupplies ||= material.platformSupplies
        // one matter needs it in every case: it is needed, whatever the other says
        if (known.notRequiredWhen !== material.notRequiredWhen) known.notRequiredWhen = null
      }
    }
  return { items: [...merged.values()], oneByOne }
}

const formPartsOf = (members: readonly Pick<MemberRow, 'code' | 'name' | 'form_schema'>[]): FormPart[] =>
  members.map((m) => ({ key: m.code, name: m.name, form: m.form_schema }))

function summarise(bundle: BundleRow, members: readonly MemberRow[]): BundleSummary {
  const oneByOneDays = members.reduce((sum, m) => sum + m.promised_limit_days, 0)
  const materials = mergeMaterials(members)
  const savedDays = Math.max(0, oneByOneDays - bundle.promised_limit_days)
  const savedMaterials = materials.oneByOne - materials.items.length
  return {
    id: bundle.id,
    code: bundle.code,
    name: bundle.name,
    description: bundle.description,
    promisedLimitDays: bundle.promised_limit_days,
    memberCount: members.length,
    departmentCount: new Set(members.map((m) => m.department_id)).size,
    days: {
      oneByOne: oneByOneDays,
      bundle: bundle.promised_limit_days,
      saved: savedDays,
      percent: percent(savedDays, oneByOneDays),
    },
    materials: {
      oneByOne: materials.oneByOne,
      bundle: materials.items.length,
      saved: savedMaterials,
      percent: percent(savedMaterials, materials.oneByOne),
    },
  }
}

function presentGuide(bundle: BundleRow, members: readonly MemberRow[]): BundleGuide {
  const merged = mergeForms(formPartsOf(members))
  const names = new Map(members.map((m) => [m.code, m.name]))
  return {
    ...summarise(bundle, members),
    isPublished: bundle.is_published,
    publishedAt: bundle.published_at?.toISOString() ?? null,
    members: members.map((m) => ({
      matterId: m.matter_id,
      code: m.code,
      name: m.name,
      departmentId: m.department_id,
      departmentName: m.department_name,
      position: m.position,
      stage: m.stage,
      promisedLimitDays: m.promised_limit_days,
      statutoryLimitDays: m.statutory_limit_days,
      visitsNeeded: m.visits_needed,
    })),
    mergedMaterials: mergeMaterials(members).items,
    fields: { oneByOne: merged.fieldsOneByOne, merged: merged.fieldsMerged },
    visits: {
      oneByOne: members.reduce((sum, m) => sum + m.visits_needed, 0),
      // one visit (if any) serves every part: the departments work from the same submission
      bundle: Math.max(0, ...members.map((m) => m.visits_needed)),
    },
    conflicts: merged.conflicts.map((c) => ({ ...c, parts: c.parts.map((p) => names.get(p) ?? p) })),
  }
}

/** Public: the published bundles with what each saves. */
export async function listBundles(deps: AppDeps): Promise<BundleList> {
  const bundles = await q.findPublishedBundles(deps.db)
  const members = await q.findMembers(
    deps.db,
    bundles.map((b) => b.id),
  )
  return {
    items: bundles.map((b) =>
      summarise(
        b,
        members.filter((m) => m.bundle_id === b.id),
      ),
    ),
  }
}

/** The guide of a published bundle; the bureau's editors also read unpublished ones (anyone else: "not found"). */
export async function getBundleGuide(deps: AppDeps, actor: Actor, id: string): Promise<BundleGuide> {
  const bundle = await q.findBundle(deps.db, id)
  const mayReadDrafts = EDITORS.some((r) => hasRole(actor, r))
  if (!bundle || (!bundle.is_published && !mayReadDrafts)) throw notFound()
  return presentGuide(bundle, await q.findMembers(deps.db, [id]))
}

/**
 * The members as they are today, checked: each exists and is published (else BUNDLE_MEMBER_UNAVAILABLE,
 * naming each), and the bundle promises less than their sum (else BUNDLE_LIMIT_NOT_SHORTER). Answers the sum.
 */
async function checkMembers(tx: Tx, input: BundleInput): Promise<number> {
  const rows = await q.findMattersWithCurrentVersion(
    tx,
    input.members.map((m) => m.matterId),
  )
  const byId = new Map(rows.map((r) => [r.matter_id, r]))
  const fields: FieldErrors = {}
  const found: MatterNowRow[] = []
  input.members.forEach((m, i) => {
    const row = byId.get(m.matterId)
    if (!row || row.version_id === null)
      addFieldError(fields, `members.${i}.matterId`, translate('services.bundleMemberUnavailable'))
    else found.push(row)
  })
  if (Object.keys(fields).length) throw new AppError('BUNDLE_MEMBER_UNAVAILABLE', { fields })
  const sum = found.reduce((total, r) => total + (r.promised_limit_days ?? 0), 0)
  requireShorter(input.promisedLimitDays, sum)
  return sum
}

function requireShorter(promisedLimitDays: number, sum: number) {
  if (promisedLimitDays >= sum)
    throw new AppError('BUNDLE_LIMIT_NOT_SHORTER', {
      fields: { promisedLimitDays: translate('services.bundleLimitNotShorter', { sum }) },
    })
}

function conflictFields(conflicts: readonly FieldConflict[], names: Map<string, string>): FieldErrors {
  const fields: FieldErrors = {}
  for (const c of conflicts)
    addFieldError(
      fields,
      `form.${c.field}`,
      translate('services.bundleFieldConflict', {
        matters: c.parts.map((p) => `「${names.get(p) ?? p}」`).join('、'),
        reason: translate(`services.bundleConflict.${c.reason}`),
      }),
    )
  return fields
}

/** Creates an unpublished bundle. Refuses: BUNDLE_CODE_TAKEN, BUNDLE_MEMBER_UNAVAILABLE, BUNDLE_LIMIT_NOT_SHORTER. */
export async function createBundle(deps: AppDeps, actor: Actor, input: BundleInput): Promise<BundleGuide> {
  const user = requireRole(actor, ...EDITORS)
  const id = await deps.db.transaction().execute(async (tx) => {
    if (await q.bundleCodeTaken(tx, input.code, null)) throw new AppError('BUNDLE_CODE_TAKEN')
    const sum = await checkMembers(tx, input)
    const id = await q.insertBundle(tx, { ...input, membersLimitDays: sum, createdBy: user.userId })
    await q.replaceMembers(tx, id, input.members)
    await writeAudit(tx, user, {
      action: 'service_bundle.create',
      entityType: 'service_bundle',
      entityId: id,
      after: { code: input.code, promisedLimitDays: input.promisedLimitDays, members: input.members },
    })
    return id
  })
  return getBundleGuide(deps, user, id)
}

/** Rewrites an unpublished bundle. Refuses as createBundle, and BUNDLE_NOT_EDITABLE once published. */
export async function updateBundle(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: BundleInput,
): Promise<BundleGuide> {
  const user = requireRole(actor, ...EDITORS)
  await deps.db.transaction().execute(async (tx) => {
    const bundle = await q.lockBundle(tx, id)
    if (!bundle) throw notFound()
    // applications were opened on what it says: a published bundle stays as it was
    if (bundle.is_published) throw new AppError('BUNDLE_NOT_EDITABLE')
    if (await q.bundleCodeTaken(tx, input.code, id)) throw new AppError('BUNDLE_CODE_TAKEN')
    const sum = await checkMembers(tx, input)
    await q.updateBundle(tx, id, { ...input, membersLimitDays: sum })
    await q.replaceMembers(tx, id, input.members)
    await writeAudit(tx, user, {
      action: 'service_bundle.update',
      entityType: 'service_bundle',
      entityId: id,
      before: { code: bundle.code, promisedLimitDays: bundle.promised_limit_days },
      after: { code: input.code, promisedLimitDays: input.promisedLimitDays, members: input.members },
    })
  })
  return getBundleGuide(deps, user, id)
}

/**
 * Publishes a bundle, checked against its members as they are now (a matter may have published a new
 * version since). Refuses: BUNDLE_NOT_EDITABLE (already published), BUNDLE_LIMIT_NOT_SHORTER,
 * BUNDLE_FORM_CONFLICT (a question two members ask incompatibly, each listed).
 */
export async function publishBundle(deps: AppDeps, actor: Actor, id: string): Promise<BundleGuide> {
  const user = requireRole(actor, ...EDITORS)
  await deps.db.transaction().execute(async (tx) => {
    const bundle = await q.lockBundle(tx, id)
    if (!bundle) throw notFound()
    if (bundle.is_published) throw new AppError('BUNDLE_NOT_EDITABLE')
    const members = await q.findMembers(tx, [id])
    const sum = members.reduce((total, m) => total + m.promised_limit_days, 0)
    requireShorter(bundle.promised_limit_days, sum)
    const merged = mergeForms(formPartsOf(members))
    if (merged.conflicts.length)
      throw new AppError('BUNDLE_FORM_CONFLICT', {
        fields: conflictFields(merged.conflicts, new Map(members.map((m) => [m.code, m.name]))),
      })
    const at = new Date()
    await q.publishBundle(tx, id, sum, user.userId, at)
    await writeAudit(tx, user, {
      action: 'service_bundle.publish',
      entityType: 'service_bundle',
      entityId: id,
      before: { isPublished: false },
      after: { isPublished: true, membersLimitDays: sum, versions: members.map((m) => m.version_id) },
    })
  })
  return getBundleGuide(deps, user, id)
}

// ── the enterprise's bundle application ──────────────────────────────────────────────────────────

/** A part as the applicant and the monitor read it (the columns listed here and no others). */
const presentPartColumns = definePresenter({
  applicationId: 'application_id',
  matterId: 'matter_id',
  matterName: 'matter_name',
  departmentId: 'department_id',
  departmentName: 'department_name',
  position: 'position',
  stage: 'stage',
  status: 'status',
  submittedAt: 'submitted_at',
  decidedAt: 'decided_at',
})

/** The part's own clock: the completeness check while it waits for it, then the decision; none once closed. */
function partDueAt(part: PartRow): Date | null {
  if (isPartClosed(part.status)) return null
  if (part.status === 'submitted') return part.completeness_due_at
  return part.decision_due_at
}

function presentPart(part: PartRow): BundlePart {
  return { ...presentPartColumns(part), dueAt: partDueAt(part)?.toISOString() ?? null }
}

const presentApplicationColumns = definePresenter({
  id: 'id',
  bundleId: 'bundle_id',
  bundleName: 'bundle_name',
  enterpriseId: 'enterprise_id',
  promisedLimitDays: 'promised_limit_days',
  createdAt: 'created_at',
  savedAt: 'saved_at',
  submittedAt: 'submitted_at',
  promisedDueAt: 'promised_due_at',
  version: 'version',
  formData: 'form_data',
})

/** The merged form of the parts' versions (fixed when the bundle application was opened). */
const mergedFormOf = (parts: readonly PartRow[]) =>
  mergeForms(parts.map((p) => ({ key: p.application_id, name: p.matter_name, form: p.form_schema ?? {} })))

function presentApplication(
  row: BundleApplicationRow,
  parts: readonly PartRow[],
  materials: BundleMaterial[],
  prefill: BundleApplication['prefill'],
): BundleApplication {
  const derived = deriveBundleStatus(
    row.status,
    parts.map((p) => p.status),
  )
  return {
    ...presentApplicationColumns(row),
    status: derived.status,
    counts: derived.counts,
    form: mergedFormOf(parts).form,
    parts: parts.map(presentPart),
    materials,
    prefill,
  }
}

async function loadMine(deps: AppDeps, user: UserActor, id: string): Promise<BundleApplication> {
  const row = await q.findBundleApplication(deps.db, id, user.userId)
  if (!row) throw notFound()
  const parts = await q.findParts(deps.db, [id])
  const form = readFormDefinition(mergedFormOf(parts).form)
  // as for a single application: offered while the applicant may still change the answers
  const prefill =
    row.status === 'draft'
      ? prefillValues(form, await prefillSources(deps, user, row.enterprise_id))
      : { values: {}, from: {} }
  return presentApplication(
    row,
    parts,
    await bundleMaterials(deps, deps.db, row.enterprise_id, parts),
    prefill,
  )
}

/**
 * Opens a bundle application for an enterprise the caller acts for, with a draft child application
 * per member matter on its current version. A bundle not published, or an enterprise the caller
 * cannot act for, is "not found".
 */
export async function openBundleApplication(
  deps: AppDeps,
  actor: Actor,
  input: OpenBundleApplicationInput,
): Promise<BundleApplication> {
  const user = requireRole(actor, 'enterprise')
  await requireEnterpriseAccess(deps.db, user, input.enterpriseId, 'act')
  const id = await deps.db.transaction().execute(async (tx) => {
    const bundle = await q.findBundle(tx, input.bundleId)
    if (!bundle?.is_published) throw notFound()
    const members = await q.findMembers(tx, [bundle.id])
    const at = new Date()
    const id = await q.insertBundleApplication(tx, {
      bundleId: bundle.id,
      enterpriseId: input.enterpriseId,
      createdBy: user.userId,
      at,
    })
    for (const m of members) {
      const applicationId = await q.insertChildApplication(tx, {
        enterpriseId: input.enterpriseId,
        createdBy: user.userId,
        title: m.name,
        matterId: m.matter_id,
        versionId: m.version_id,
        departmentId: m.department_id,
        at,
      })
      await q.insertPart(tx, {
        bundleApplicationId: id,
        applicationId,
        matterId: m.matter_id,
        departmentId: m.department_id,
        position: m.position,
        stage: m.stage,
      })
      await insertApplicationEvent(tx, applicationId, {
        type: 'open',
        actorUserId: user.userId,
        actorRole: 'enterprise',
        departmentId: null,
        note: null,
        noteAudience: 'internal',
        data: { bundleApplicationId: id, bundle: bundle.name },
        audience: 'enterprise',
      })
      await writeAudit(tx, user, {
        action: 'application.open',
        entityType: 'application',
        entityId: applicationId,
        after: {
          status: 'draft',
          enterpriseId: input.enterpriseId,
          matterVersionId: m.version_id,
          bundleApplicationId: id,
        },
      })
    }
    await writeAudit(tx, user, {
      action: 'bundle_application.open',
      entityType: 'bundle_application',
      entityId: id,
      after: {
        status: 'draft',
        bundleId: bundle.id,
        enterpriseId: input.enterpriseId,
        parts: members.length,
      },
    })
    return id
  })
  return loadMine(deps, user, id)
}

export async function listMyBundleApplications(deps: AppDeps, actor: Actor): Promise<BundleApplicationList> {
  const user = requireRole(actor, 'enterprise')
  const rows = await q.findBundleApplicationsBy(deps.db, user.userId)
  const parts = await q.findParts(
    deps.db,
    rows.map((r) => r.id),
  )
  return {
    items: rows.map((r) => {
      const derived = deriveBundleStatus(
        r.status,
        parts.filter((p) => p.bundle_application_id === r.id).map((p) => p.status),
      )
      return {
        id: r.id,
        bundleId: r.bundle_id,
        bundleName: r.bundle_name,
        status: derived.status,
        counts: derived.counts,
        createdAt: r.created_at.toISOString(),
        submittedAt: r.submitted_at?.toISOString() ?? null,
      }
    }),
  }
}

export async function getBundleApplication(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<BundleApplication> {
  return loadMine(deps, requireRole(actor, 'enterprise'), id)
}

/**
 * Autosaves the merged form's answers of a draft. Refuses: BUNDLE_APPLICATION_NOT_EDITABLE once
 * submitted; VALIDATION_FAILED for an answer to a question the merged form does not ask (each listed).
 * Whether the answers are right is checked on submission, by each part's own form.
 */
export async function saveBundleApplicationForm(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: BundleFormInput,
): Promise<BundleApplication> {
  const user = requireRole(actor, 'enterprise')
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockBundleApplication(tx, id, user.userId)
    if (!row) throw notFound()
    if (row.status !== 'draft') throw new AppError('BUNDLE_APPLICATION_NOT_EDITABLE')
    const asked = formProperties(mergedFormOf(await q.findParts(tx, [id])).form)
    const fields: FieldErrors = {}
    for (const name of Object.keys(input.formData))
      if (!Object.hasOwn(asked, name))
        addFieldError(fields, `formData.${name}`, translate('services.bundleFieldNotAsked'))
    if (Object.keys(fields).length) throw validationFailed(fields)
    await q.saveBundleForm(tx, id, input.formData, new Date())
  })
  return loadMine(deps, user, id)
}

/**
 * Submits a draft bundle application: in ONE transaction, each part gets the merged answers to its
 * own questions and is submitted (the intake's submitInTransaction: its check, receipt, clock). All or
 * nothing: a part refused means nothing is submitted, and the answer lists every part's problems —
 * APPLICATION_INCOMPLETE (the parts' submission check: form fields named as in the merged form,
 * materials by their index in the bundle's merged list, each message saying which matter;
 * VALIDATION_FAILED when a part's check says so) or,
 * when a part refused for another reason, BUNDLE_PARTS_REFUSED (parts.<position>). Refuses also
 * BUNDLE_APPLICATION_NOT_EDITABLE when already submitted, BUNDLE_FORM_CONFLICT when the parts' forms clash.
 */
export async function submitBundleApplication(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<BundleApplication> {
  const user = requireRole(actor, 'enterprise')
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockBundleApplication(tx, id, user.userId)
    if (!row) throw notFound()
    if (row.status !== 'draft') throw new AppError('BUNDLE_APPLICATION_NOT_EDITABLE')
    const parts = await q.findParts(tx, [id])
    const merged = mergedFormOf(parts)
    if (merged.conflicts.length)
      throw new AppError('BUNDLE_FORM_CONFLICT', {
        fields: conflictFields(
          merged.conflicts,
          new Map(parts.map((p) => [p.application_id, p.matter_name])),
        ),
      })

    const fields: FieldErrors = {}
    let refusedOtherwise = false
    let incomplete = false
    // a part's `materials.<its index>` is named by the bundle's merged list (one file serves every part)
    const materialNames = [...new Set(parts.flatMap((p) => (p.materials ?? []).map((m) => m.name)))]
    const bundleField = (part: PartRow, field: string) => {
      const index = /^materials\.(\d+)$/.exec(field)?.[1]
      const name = index === undefined ? undefined : part.materials?.[Number(index)]?.name
      return name === undefined ? field : `materials.${materialNames.indexOf(name)}`
    }
    for (const part of parts) {
      await q.setChildFormData(tx, part.application_id, restrictToForm(row.form_data, part.form_schema ?? {}))
      // a part's refusal is collected, not thrown, so the answer lists every part; the savepoint undoes
      // whatever that part wrote, and the whole transaction is rolled back below if any part refused
      try {
        await q.inSavepoint(tx, () => submitInTransaction(deps, tx, user, part.application_id))
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        const isContent = error.code === 'VALIDATION_FAILED' || error.code === 'APPLICATION_INCOMPLETE'
        if (isContent && error.fields) {
          incomplete ||= error.code === 'APPLICATION_INCOMPLETE'
          for (const [field, message] of Object.entries(error.fields))
            addFieldError(fields, bundleField(part, field), `「${part.matter_name}」${message}`)
        } else {
          refusedOtherwise = true
          addFieldError(
            fields,
            `parts.${part.position}`,
            `「${part.matter_name}」${error.toBody().error.message}`,
          )
        }
      }
    }
    if (Object.keys(fields).length)
      throw refusedOtherwise
        ? new AppError('BUNDLE_PARTS_REFUSED', { fields })
        : incomplete
          ? new AppError('APPLICATION_INCOMPLETE', { fields })
          : validationFailed(fields)

    const at = new Date()
    const calendar = await deps.calendar.calendar(tx)
    const promisedDueAt = dueAfterWorkingDays(calendar, at, row.promised_limit_days)
    await q.markBundleSubmitted(tx, id, at, promisedDueAt)
    await writeAudit(tx, user, {
      action: 'bundle_application.submit',
      entityType: 'bundle_application',
      entityId: id,
      before: { status: 'draft' },
      after: {
        status: 'submitted',
        promisedDueAt: promisedDueAt.toISOString(),
        parts: parts.map((p) => p.application_id),
      },
    })
  })
  return loadMine(deps, user, id)
}

/**
 * Withdraws a submitted bundle application: every part not yet decided is withdrawn (the case kit's
 * move, audited per part), in one transaction; decided parts keep their decisions. Refuses:
 * BUNDLE_APPLICATION_NOT_SUBMITTED for a draft (there is nothing at a department to withdraw),
 * BUNDLE_NOTHING_TO_WITHDRAW when every part is decided or withdrawn.
 */
export async function withdrawBundleApplication(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<BundleApplication> {
  const user = requireRole(actor, 'enterprise')
  await deps.db.transaction().execute(async (tx) => {
    // the bundle first, then its parts: the order its submission locks them in
    const row = await q.lockBundleApplication(tx, id, user.userId)
    if (!row) throw notFound()
    if (row.status !== 'submitted') throw new AppError('BUNDLE_APPLICATION_NOT_SUBMITTED')
    const undecided = (await q.findParts(tx, [id])).filter((p) => !isPartClosed(p.status))
    if (undecided.length === 0) throw new AppError('BUNDLE_NOTHING_TO_WITHDRAW')
    for (const part of undecided)
      await runApplicationActionInTransaction(
        deps,
        tx,
        user,
        part.application_id,
        'withdraw',
        async ({ now }) => ({
          changes: { closed_at: now },
          event: { audience: 'enterprise', data: { bundleApplicationId: id } },
        }),
      )
    await writeAudit(tx, user, {
      action: 'bundle_application.withdraw',
      entityType: 'bundle_application',
      entityId: id,
      after: { withdrawn: undecided.map((p) => p.application_id) },
    })
  })
  return loadMine(deps, user, id)
}

/**
 * Refuses APPLICATION_PART_OF_BUNDLE when the application is a part of a bundle application and the
 * caller may see it (its applicant): a part is submitted and withdrawn only with its bundle, or the
 * departments would work on a bundle the enterprise never sent whole. Anyone else learns nothing here
 * (the move itself answers "not found").
 */
export async function refuseBundlePart(db: Executor, user: UserActor, id: string) {
  if (!(await q.isBundlePart(db, id))) return
  if (await findApplication(db, id, user.userId)) throw new AppError('APPLICATION_PART_OF_BUNDLE')
}

/** The result pack: every part's decision, certificate and the notices it was sent, in one document. */
export async function getBundleResultPack(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<BundleResultPack> {
  const user = requireRole(actor, 'enterprise')
  const row = await q.findBundleApplication(deps.db, id, user.userId)
  if (!row) throw notFound()
  const parts = await q.findParts(deps.db, [id])
  const notices = await q.findPartNotices(
    deps.db,
    parts.map((p) => p.application_id),
  )
  const derived = deriveBundleStatus(
    row.status,
    parts.map((p) => p.status),
  )
  return {
    bundleApplicationId: row.id,
    bundleName: row.bundle_name,
    enterpriseId: row.enterprise_id,
    status: derived.status,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    parts: parts.map((p) => ({
      applicationId: p.application_id,
      matterName: p.matter_name,
      departmentName: p.department_name,
      status: p.status,
      decidedAt: p.decided_at?.toISOString() ?? null,
      decisionReason: p.decision_reason,
      decisionLegalBasis: p.decision_legal_basis,
      certificateId: p.certificate_id,
      notices: notices
        .filter((n) => n.application_id === p.application_id)
        .map((n) => ({ kind: n.kind, title: n.title, body: n.body, issuedAt: n.issued_at.toISOString() })),
    })),
  }
}

// ── staff: the bundle monitor ────────────────────────────────────────────────────────────────────

/**
 * Submitted bundle applications with each part's department, state and clock. The bureau's leaders
 * and administrators see every one; a department's handlers and heads those with a part of theirs
 * (the query's rule). The answer lists every part, so a department sees who else is working on it.
 */
export async function listBundleMonitor(
  deps: AppDeps,
  actor: Actor,
  filter: BundleMonitorFilter,
): Promise<BundleMonitor> {
  const user = requireRole(actor, ...MONITORS)
  const seesAll = hasRole(user, 'admin') || hasRole(user, 'bureau_leader')
  const departments = seesAll
    ? null
    : [...new Set([...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')])]
  const rows = await q.findMonitoredApplications(deps.db, departments, MONITOR_LIMIT)
  const parts = await q.findParts(
    deps.db,
    rows.map((r) => r.id),
  )
  const now = new Date()
  const items = rows.map((r) => {
    const own = parts.filter((p) => p.bundle_application_id === r.id)
    const derived = deriveBundleStatus(
      r.status,
      own.map((p) => p.status),
    )
    return {
      id: r.id,
      bundleName: r.bundle_name,
      enterpriseName: r.enterprise_name,
      status: derived.status,
      counts: derived.counts,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      promisedDueAt: r.promised_due_at?.toISOString() ?? null,
      isOverdue: derived.status !== 'done' && r.promised_due_at !== null && r.promised_due_at < now,
      parts: own.map((p) => {
        const due = partDueAt(p)
        return { ...presentPart(p), isOverdue: due !== null && due < now }
      }),
    }
  })
  return { items: filter.status ? items.filter((i) => i.status === filter.status) : items }
}

// ── loading (the seed) ───────────────────────────────────────────────────────────────────────────

/** A matter a bundle needs that the catalogue lacks, with its form (the seed adds it). */
export type BundleMatterInput = PublishedMatterInput & { form: Record<string, unknown> }
/** A bundle as a catalogue load gives it: its members by matter code. */
export type PublishedBundleInput = {
  code: string
  name: string
  description: string
  promisedLimitDays: number
  members: { matterCode: string; stage: number }[]
}

/**
 * Loads bundles straight into their published state (the seed), with the matters they need that the
 * catalogue lacks (each published with its form). Held to the same rules as an editor's: a bundle
 * must promise less than its matters and its merged form must not clash. One audit row for the load.
 */
export async function addPublishedBundles(
  tx: Tx,
  actor: Actor,
  matters: readonly BundleMatterInput[],
  bundles: readonly PublishedBundleInput[],
): Promise<number> {
  const at = new Date()
  const existing = await q.findMatterIdsByCode(
    tx,
    matters.map((m) => m.code),
  )
  for (const m of matters) {
    if (existing.has(m.code)) continue
    const content = MatterContentBody.parse(m.content)
    const parentId =
      m.parentCode === null ? null : (await q.findMatterIdsByCode(tx, [m.parentCode])).get(m.parentCode)
    if (parentId === undefined)
      throw new Error(`matter ${m.code}: parent ${m.parentCode} not loaded before it`)
    const matterId = await mq.insertMatter(tx, {
      code: m.code,
      parentId,
      variant: m.variant,
      departmentId: m.departmentId,
      createdBy: null,
    })
    const versionId = await mq.writeDraft(tx, matterId, content, matterSearchWords(content), null)
    await q.setDraftForm(tx, versionId, m.form)
    await mq.publishVersion(tx, matterId, versionId, null, at)
  }
  for (const b of bundles) {
    const codes = b.members.map((m) => m.matterCode)
    const ids = await q.findMatterIdsByCode(tx, codes)
    const missing = codes.filter((c) => !ids.has(c))
    if (missing.length) throw new Error(`bundle ${b.code}: no matter ${missing.join(', ')}`)
    const input = BundleBody.parse({
      code: b.code,
      name: b.name,
      description: b.description,
      promisedLimitDays: b.promisedLimitDays,
      members: b.members.map((m) => ({ matterId: ids.get(m.matterCode)!, stage: m.stage })),
    })
    const sum = await checkMembers(tx, input)
    const id = await q.insertBundle(tx, { ...input, membersLimitDays: sum, createdBy: null })
    await q.replaceMembers(tx, id, input.members)
    const merged = mergeForms(formPartsOf(await q.findMembers(tx, [id])))
    if (merged.conflicts.length)
      throw new Error(
        `bundle ${b.code}: its merged form clashes on ${merged.conflicts.map((c) => c.field).join(', ')}`,
      )
    await q.publishBundle(tx, id, sum, null, at)
  }
  await writeAudit(tx, actor, {
    action: 'service_bundle.load',
    entityType: 'service_bundle',
    entityId: null,
    after: { matters: matters.map((m) => m.code), bundles: bundles.map((b) => b.code) },
  })
  return bundles.length
}

/** How many bundles there are (the seed loads into an empty list only). */
export function countBundles(tx: Tx): Promise<number> {
  return q.countBundles(tx)
}
