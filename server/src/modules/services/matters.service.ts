import { departmentsWhere, hasRole, requireRole, type Actor, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { AppError, notFound } from '../../kernel/errors'
import type { Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { matterSearchWords, wordsOf } from './matter-words'
import type { MatterRules } from './matter-rules'
import { writeDraftRules } from './matter-rules.queries'
import * as q from './matters.queries'
import type { VersionRow } from './matters.queries'
import type {
  CreateMatterInput,
  EditableMatterList,
  EditableMattersFilter,
  MatterVersionList,
  MatterContent,
  MatterContentInput,
  MatterGuide,
  MatterList,
  MatterListFilter,
  MatterVariant,
  MatterVersion,
} from './matters.schema'
import { MatterContentBody } from './matters.schema'
import './services.messages'

/**
 * The catalogue of service matters. Anyone reads the published guides; staff of the competent
 * department (handler, department_head) write their own department's matters, the bureau's leaders
 * and administrators any. Every write is audited; publishing records who and when on the version.
 */

const LIST_LIMIT = 200
const EDITOR_ROLES = ['handler', 'department_head', 'admin', 'bureau_leader'] as const

/** A matter in a list: what it is, who handles it, its limits and how it is done. */
const summary = definePresenter({
  id: 'id',
  code: 'code',
  parentId: 'parent_id',
  variant: 'variant',
  departmentId: 'department_id',
  departmentName: 'department_name',
  name: 'name',
  matterType: 'matter_type',
  statutoryLimitDays: 'statutory_limit_days',
  promisedLimitDays: 'promised_limit_days',
  visitsNeeded: 'visits_needed',
  onlineLevel: 'online_level',
})

/** A version's content: the guide an applicant reads. */
const content = definePresenter({
  name: 'name',
  matterType: 'matter_type',
  implementingBody: 'implementing_body',
  legalBasis: 'legal_basis',
  conditions: 'conditions',
  materials: 'materials',
  fees: 'fees',
  statutoryLimitDays: 'statutory_limit_days',
  promisedLimitDays: 'promised_limit_days',
  specialSteps: 'special_steps',
  visitsNeeded: 'visits_needed',
  onlineLevel: 'online_level',
  faq: 'faq',
})

/** How the department handles it: the editor's, never the public's. */
const handling = definePresenter({
  reviewSteps: 'review_steps',
  formSchema: 'form_schema',
  toleranceMaterials: 'tolerance_materials',
  jointHandling: 'joint_handling',
  certificateKind: 'certificate_kind',
})

type ContentRow = Omit<VersionRow, 'matter_id'>

/** A version's whole content, as its editor reads and writes it. */
export function presentContent(row: ContentRow): MatterContent {
  return {
    ...content(row),
    ...handling(row),
    certificateKind: row.certificate_kind as MatterContent['certificateKind'],
    instantConditions: (row.instant_conditions ?? null) as MatterContent['instantConditions'],
  }
}

function presentVersion(row: VersionRow): MatterVersion {
  return {
    id: row.version_id,
    matterId: row.matter_id,
    number: row.number,
    status: row.status,
    publishedAt: row.published_at?.toISOString() ?? null,
    content: presentContent(row),
  }
}

export async function listMatters(deps: AppDeps, filter: MatterListFilter): Promise<MatterList> {
  const words = filter.q === undefined ? [] : wordsOf(filter.q, 10)
  const rows = await q.findPublishedMatters(deps.db, filter, words, LIST_LIMIT)
  return { items: rows.map(summary) }
}

/** The guide of the current published version; a matter never published is "not found". */
export async function getMatterGuide(deps: AppDeps, id: string): Promise<MatterGuide> {
  const row = await q.findPublishedMatter(deps.db, id)
  if (!row) throw notFound()
  return {
    ...summary(row),
    ...content(row),
    // what the applicant gains from the handling fields; the steps and rules themselves stay inside
    toleranceMaterials: row.tolerance_materials,
    jointHandling: row.joint_handling,
    certificateKind: row.certificate_kind as MatterGuide['certificateKind'],
    isInstant: row.instant_conditions !== null,
    versionId: row.version_id,
    versionNumber: row.number,
    publishedAt: (row.published_at ?? new Date(0)).toISOString(),
  }
}

/** Whether the user may edit a department's matters; a matter of another department looks absent. */
export function mayEdit(user: UserActor, departmentId: string): boolean {
  const departments = editableDepartments(user)
  return departments === null || departments.includes(departmentId)
}

/** The departments whose matters the user edits; null: every department (bureau leader, admin). */
export function editableDepartments(user: UserActor): string[] | null {
  if (hasRole(user, 'admin') || hasRole(user, 'bureau_leader')) return null
  return [...new Set([...departmentsWhere(user, 'handler'), ...departmentsWhere(user, 'department_head')])]
}

/** The editor's tree: every matter of the user's departments (or of one, for the bureau), drafts too. */
export async function listEditableMatters(
  deps: AppDeps,
  actor: Actor,
  filter: EditableMattersFilter,
): Promise<EditableMatterList> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  const mine = editableDepartments(user)
  const wanted = filter.departmentId === undefined ? mine : [filter.departmentId]
  const departments = mine === null ? wanted : (wanted ?? []).filter((id) => mine.includes(id))
  const rows = await q.findEditableMatters(deps.db, departments)
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      parentId: r.parent_id,
      variant: r.variant,
      departmentId: r.department_id,
      departmentName: r.department_name,
      name: r.name,
      currentVersionNumber: r.current_number,
      draftVersionNumber: r.draft_number,
    })),
  }
}

/** A matter's versions, newest first; another department's matter is "not found". */
export async function listMatterVersions(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<MatterVersionList> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  const matter = await q.findMatter(deps.db, id)
  if (!matter || !mayEdit(user, matter.department_id)) throw notFound()
  const rows = await q.findVersionList(deps.db, id)
  return {
    matter: {
      id: matter.id,
      code: matter.code,
      parentId: matter.parent_id,
      variant: matter.variant,
      departmentId: matter.department_id,
      currentVersionId: matter.current_version_id,
    },
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      name: r.name,
      createdAt: r.created_at.toISOString(),
      publishedAt: r.published_at?.toISOString() ?? null,
    })),
  }
}

/** One version of a matter with its whole content (the editor starts a draft from the current one). */
export async function getMatterVersion(
  deps: AppDeps,
  actor: Actor,
  id: string,
  versionId: string,
): Promise<MatterVersion> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  const matter = await q.findMatter(deps.db, id)
  if (!matter || !mayEdit(user, matter.department_id)) throw notFound()
  const version = await q.findVersion(deps.db, versionId)
  if (!version || version.matter_id !== id) throw notFound()
  return presentVersion(version)
}

export async function createMatter(
  deps: AppDeps,
  actor: Actor,
  input: CreateMatterInput,
): Promise<MatterVersion> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  if (!mayEdit(user, input.departmentId)) throw new AppError('FORBIDDEN')
  const versionId = await deps.db.transaction().execute(async (tx) => {
    if (await q.codeTaken(tx, input.code)) throw new AppError('MATTER_CODE_TAKEN')
    if (input.parentId !== null) {
      const parent = await q.findMatter(tx, input.parentId)
      if (!parent || parent.department_id !== input.departmentId || parent.variant !== null) {
        throw new AppError('MATTER_PARENT_INVALID')
      }
    } else if (input.variant !== null) throw new AppError('MATTER_PARENT_INVALID')
    const matterId = await q.insertMatter(tx, {
      code: input.code,
      parentId: input.parentId,
      variant: input.variant,
      departmentId: input.departmentId,
      createdBy: user.userId,
    })
    const versionId = await q.writeDraft(
      tx,
      matterId,
      input.content,
      matterSearchWords(input.content),
      user.userId,
    )
    await writeAudit(tx, user, {
      action: 'service_matter.create',
      entityType: 'service_matter',
      entityId: matterId,
      after: {
        code: input.code,
        departmentId: input.departmentId,
        parentId: input.parentId,
        variant: input.variant,
      },
    })
    return versionId
  })
  return presentVersion((await q.findVersion(deps.db, versionId))!)
}

/** The matter locked, if the user may edit it; else "not found", as for a matter they cannot see. */
async function lockEditable(tx: Tx, user: UserActor, id: string) {
  const matter = await q.lockMatter(tx, id)
  if (!matter || !mayEdit(user, matter.department_id)) throw notFound()
  return matter
}

/** Write the draft: the open one is rewritten, or a new one opened after the last published. */
export async function writeMatterDraft(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: MatterContent,
): Promise<MatterVersion> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  const versionId = await deps.db.transaction().execute(async (tx) => {
    await lockEditable(tx, user, id)
    const versionId = await q.writeDraft(tx, id, input, matterSearchWords(input), user.userId)
    await writeAudit(tx, user, {
      action: 'service_matter.write_draft',
      entityType: 'service_matter',
      entityId: id,
      after: { versionId, name: input.name },
    })
    return versionId
  })
  return presentVersion((await q.findVersion(deps.db, versionId))!)
}

export async function getMatterDraft(deps: AppDeps, actor: Actor, id: string): Promise<MatterVersion> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  const matter = await q.findMatter(deps.db, id)
  if (!matter || !mayEdit(user, matter.department_id)) throw notFound()
  const draft = await q.findDraft(deps.db, id)
  if (!draft) throw new AppError('MATTER_NO_DRAFT')
  return presentVersion(draft)
}

/** Publish the draft: it becomes the matter's current version and can no longer change. */
export async function publishMatter(deps: AppDeps, actor: Actor, id: string): Promise<MatterVersion> {
  const user = requireRole(actor, ...EDITOR_ROLES)
  const versionId = await deps.db.transaction().execute(async (tx) => {
    const matter = await lockEditable(tx, user, id)
    const draft = await q.findDraft(tx, id)
    if (!draft) throw new AppError('MATTER_NO_DRAFT')
    await q.publishVersion(tx, id, draft.version_id, user.userId, new Date())
    await writeAudit(tx, user, {
      action: 'service_matter.publish',
      entityType: 'service_matter',
      entityId: id,
      before: { currentVersionId: matter.current_version_id },
      after: { currentVersionId: draft.version_id, number: draft.number },
    })
    return draft.version_id
  })
  return presentVersion((await q.findVersion(deps.db, versionId))!)
}

/** A matter as a catalogue load gives it: its parent by code (listed before it), published at once. */
export type PublishedMatterInput = {
  code: string
  departmentId: string
  parentCode: string | null
  variant: MatterVariant | null
  content: MatterContentInput
  /** review steps, instant conditions, certificate: written into the draft before it is published */
  rules?: MatterRules | undefined
  /** the application form (decision 0044), set on the draft before it is published */
  formSchema?: Record<string, unknown> | undefined
}

/**
 * Load matters straight into their first published version (the seed, an import): one audit row
 * for the load. The content goes through the same schema as an editor's, so the promised limit
 * cannot exceed the statutory one here either.
 */
export async function addPublishedMatters(
  tx: Tx,
  actor: Actor,
  items: PublishedMatterInput[],
): Promise<number> {
  const ids = new Map<string, string>()
  const at = new Date()
  for (const item of items) {
    const content = MatterContentBody.parse(item.content)
    const parentId = item.parentCode === null ? null : ids.get(item.parentCode)
    if (parentId === undefined)
      throw new Error(`matter ${item.code}: parent ${item.parentCode} not loaded before it`)
    const matterId = await q.insertMatter(tx, {
      code: item.code,
      parentId,
      variant: item.variant,
      departmentId: item.departmentId,
      createdBy: null,
    })
    const versionId = await q.writeDraft(tx, matterId, content, matterSearchWords(content), null)
    if (item.rules) await writeDraftRules(tx, versionId, item.rules)
    if (item.formSchema) await q.setDraftFormSchema(tx, versionId, item.formSchema)
    await q.publishVersion(tx, matterId, versionId, null, at)
    ids.set(item.code, matterId)
  }
  await writeAudit(tx, actor, {
    action: 'service_matter.load',
    entityType: 'service_matter',
    entityId: null,
    after: { count: items.length, codes: items.map((i) => i.code) },
  })
  return items.length
}

/** How many matters the catalogue holds, drafts included (the seed loads into an empty one only). */
export function countMatters(tx: Tx): Promise<number> {
  return q.countMatters(tx)
}
