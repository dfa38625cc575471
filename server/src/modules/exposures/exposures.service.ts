import type { Updateable } from 'kysely'
import {
  hasRole,
  requireStaff,
  type Actor,
  type StaffRole,
  type SystemActor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { runCaseAction, type CaseKind, type CaseOutcome } from '../../kernel/cases/action-runner'
import type { Tx } from '../../kernel/db/database'
import { AppError, notFound, type ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { translate } from '../../kernel/i18n'
import { definePresenter } from '../../kernel/present'
import {
  EXPOSURE_TABLE,
  type ExposureAction,
  type ExposureRole,
  type ExposureStateName,
} from './exposure-states'
import type {
  Exposure,
  ExposureListInput,
  ProposeExposureInput,
  PublicExposure,
  ReviewExposureInput,
} from './exposures.schema'
import type { ExposureSource, ExposuresTable } from './exposures.tables'
import * as q from './exposures.queries'
import type { ExposureRow } from './exposures.queries'
import { hasPersonalNumbers, redact } from './redaction'

/**
 * The exposure board (曝光台): a finding is proposed (discipline inspection, the task force or the
 * bureau leadership), reviewed by a second person (a bureau leader or a discipline inspector who is
 * not the proposer) who confirms the redacted public text, published, and updated when the unit has
 * rectified. The public reads only published items, and of them only the reviewed text.
 */
const PROPOSERS = ['discipline_inspector', 'bureau_leader', 'dispatcher'] as const
const REVIEWERS = ['discipline_inspector', 'bureau_leader'] as const

function requireAnyRole(actor: Actor, roles: readonly (typeof PROPOSERS)[number][]): UserActor {
  const user = requireStaff(actor)
  if (!roles.some((r) => hasRole(user, r))) throw new AppError('FORBIDDEN')
  return user
}

const presentRow = definePresenter({
  id: 'id',
  source: 'source',
  sourceId: 'source_id',
  unitName: 'unit_name',
  departmentId: 'department_id',
  title: 'title',
  conduct: 'conduct',
  publicTitle: 'public_title',
  publicConduct: 'public_conduct',
  rectification: 'rectification',
  status: 'status',
  proposedBy: 'proposed_by',
  proposedByName: 'proposed_by_name',
  proposedAt: 'proposed_at',
  reviewedByName: 'reviewed_by_name',
  reviewedAt: 'reviewed_at',
  reviewNote: 'review_note',
  publishedAt: 'published_at',
  rectifiedAt: 'rectified_at',
  version: 'version',
})

function present(row: ExposureRow): Exposure {
  return { ...presentRow(row), suggestion: redact(`${row.title}\n${row.conduct}`) }
}

const presentPublicRow = definePresenter({
  id: 'id',
  unitName: 'unit_name',
  title: 'public_title',
  conduct: 'public_conduct',
  publishedAt: 'published_at',
  rectification: 'rectification',
  rectifiedAt: 'rectified_at',
})

function presentPublic(
  row: NonNullable<Awaited<ReturnType<typeof q.findPublishedExposure>>>,
): PublicExposure {
  const shown = presentPublicRow(row)
  return {
    ...shown,
    title: shown.title ?? '',
    conduct: shown.conduct ?? '',
    publishedAt: shown.publishedAt ?? '',
  }
}

/**
 * Proposes an exposure inside the caller's transaction (a misconduct report's findings, through
 * index.ts). The proposer is recorded: they may not review it.
 */
export async function insertProposal(
  tx: Tx,
  actor: UserActor | SystemActor,
  input: {
    source: ExposureSource
    sourceId: string | null
    unitName: string
    departmentId: string | null
    title: string
    conduct: string
    proposedBy: string
  },
): Promise<{ id: string }> {
  const row = await q.insertExposure(tx, { ...input, at: new Date() })
  await writeAudit(tx, actor, {
    action: 'exposure.propose',
    entityType: 'exposure',
    entityId: row.id,
    after: { source: input.source, sourceId: input.sourceId, unitName: input.unitName, title: input.title },
  })
  return row
}

/** Refuses: FORBIDDEN (not discipline inspection, the task force or the bureau leadership). */
export async function proposeExposure(deps: AppDeps, actor: Actor, input: ProposeExposureInput) {
  const user = requireAnyRole(actor, PROPOSERS)
  const { id } = await deps.db.transaction().execute((tx) =>
    insertProposal(tx, user, {
      source: input.supervisionCaseId ? 'supervision_case' : 'manual',
      sourceId: input.supervisionCaseId ?? null,
      unitName: input.unitName,
      departmentId: input.departmentId ?? null,
      title: input.title,
      conduct: input.conduct,
      proposedBy: user.userId,
    }),
  )
  return getExposure(deps, actor, id)
}

/** Refuses: FORBIDDEN. */
export async function listExposures(deps: AppDeps, actor: Actor, input: ExposureListInput) {
  requireAnyRole(actor, PROPOSERS)
  const page = await q.findExposures(deps.db, { status: input.status }, input)
  return { items: page.items.map(present), total: page.total }
}

/** Refuses: FORBIDDEN, NOT_FOUND. */
export async function getExposure(deps: AppDeps, actor: Actor, id: string) {
  requireAnyRole(actor, PROPOSERS)
  const row = await q.findExposure(deps.db, id)
  if (!row) throw notFound()
  return present(row)
}

/** The redaction helper on any text, for the reviewer's editor. Refuses: FORBIDDEN. */
export function suggestRedaction(actor: Actor, text: string) {
  requireAnyRole(actor, PROPOSERS)
  return redact(text)
}

type Changes = Updateable<ExposuresTable>
type Ctx = { tx: Tx; actor: UserActor; row: ExposureRow }

const EXPOSURE_KIND: CaseKind<
  ExposureRow,
  ExposureStateName,
  ExposureAction,
  ExposureRole,
  ErrorCode,
  never,
  Changes,
  void
> = {
  entityType: 'exposure',
  table: EXPOSURE_TABLE,
  idOf: (row) => row.id,
  stateOf: (row) => row.status,
  save: (tx, row, changes, to) => q.updateExposure(tx, row.id, { ...changes, status: to }),
  eventInsert: (tx, row, event) => q.exposureEventInsert(tx, row.id, event),
}

async function act(
  deps: AppDeps,
  actor: Actor,
  id: string,
  version: number,
  action: ExposureAction,
  work: (ctx: Ctx) => Promise<CaseOutcome<ExposureStateName, Changes>>,
) {
  const user = requireAnyRole(actor, REVIEWERS)
  const roles: ExposureRole[] = ['reviewer']
  await runCaseAction(
    deps.db,
    EXPOSURE_KIND,
    action,
    async (tx) => {
      const row = await q.lockExposure(tx, id)
      if (!row) return undefined
      if (row.version !== version) throw new AppError('VERSION_CONFLICT')
      return { ctx: { tx, actor: user, row }, roles }
    },
    work,
  )
  return getExposure(deps, actor, id)
}

/**
 * The second person's review. Approving needs the public title and text, the redaction confirmed, and
 * no phone or ID number left in them. Refuses: FORBIDDEN (not a reviewer), NOT_FOUND, VERSION_CONFLICT,
 * EXPOSURE_NOT_PROPOSED, EXPOSURE_OWN_PROPOSAL, VALIDATION_FAILED (approve without the public text or
 * the confirmation), EXPOSURE_PERSONAL_DATA.
 */
export async function reviewExposure(deps: AppDeps, actor: Actor, id: string, input: ReviewExposureInput) {
  return act(deps, actor, id, input.version, input.decision, async ({ actor: user, row }) => {
    if (row.proposed_by === user.userId) throw new AppError('EXPOSURE_OWN_PROPOSAL')
    const reviewed = { reviewed_by: user.userId, reviewed_at: new Date(), review_note: input.note ?? null }
    if (input.decision === 'reject') return { changes: reviewed, event: { note: input.note ?? null } }
    const missing: Record<string, string> = {}
    if (!input.publicTitle) missing.publicTitle = translate('fields.required')
    if (!input.publicConduct) missing.publicConduct = translate('fields.required')
    if (input.redactionConfirmed !== true) missing.redactionConfirmed = translate('fields.required')
    if (Object.keys(missing).length) throw new AppError('VALIDATION_FAILED', { fields: missing })
    if (hasPersonalNumbers(`${input.publicTitle}\n${input.publicConduct}`))
      throw new AppError('EXPOSURE_PERSONAL_DATA')
    return {
      changes: { ...reviewed, public_title: input.publicTitle!, public_conduct: input.publicConduct! },
      event: { note: input.note ?? null },
      audit: { redactionConfirmed: true },
    }
  })
}

/** Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, EXPOSURE_NOT_REVIEWED (not approved by a second person). */
export async function publishExposure(deps: AppDeps, actor: Actor, id: string, version: number) {
  return act(deps, actor, id, version, 'publish', async ({ actor: user }) => ({
    changes: { published_by: user.userId, published_at: new Date() },
  }))
}

/** Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT, EXPOSURE_NOT_PUBLISHED, EXPOSURE_PERSONAL_DATA. */
export async function rectifyExposure(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: { version: number; rectification: string },
) {
  return act(deps, actor, id, input.version, 'rectify', async () => {
    if (hasPersonalNumbers(input.rectification)) throw new AppError('EXPOSURE_PERSONAL_DATA')
    return { changes: { rectification: input.rectification, rectified_at: new Date() } }
  })
}

/** The public board, newest first: anyone, no sign-in. */
export async function listPublishedExposures(deps: AppDeps, page: { limit: number; offset: number }) {
  const found = await q.findPublishedExposures(deps.db, page)
  return { items: found.items.map(presentPublic), total: found.total }
}

/** Refuses: NOT_FOUND (also for anything not published). */
export async function getPublishedExposure(deps: AppDeps, id: string) {
  const row = await q.findPublishedExposure(deps.db, id)
  if (!row) throw notFound()
  return presentPublic(row)
}

/** Proposals waiting for review or publication (the reviewers' worklist). */
export async function countExposureWork(deps: AppDeps, actor: Actor) {
  const user = requireStaff(actor)
  if (!REVIEWERS.some((r) => hasRole(user, r))) return []
  return [
    { key: 'exposures.pending', count: await q.countProposedExposures(deps.db), path: '/staff/exposures' },
  ]
}

/** A demo staff account as the actor the demo seed acts as (the way a session would present it). */
async function demoStaffActor(
  deps: AppDeps,
  username: string,
  role: StaffRole,
): Promise<UserActor | undefined> {
  const found = await q.findDemoStaffWithRole(deps.db, username, role)
  if (!found) return undefined
  return {
    kind: 'user',
    userId: found.id,
    userKind: 'staff',
    label: found.username ?? username,
    departmentId: found.department_id,
    roles: [{ role, departmentId: found.role_department_id }],
    sessionId: 'seed',
    mustChangePassword: false,
    consentPending: false,
  }
}

/**
 * The exposure board's demo (issue 13 item 7): one item proposed by the task force (dispatcher),
 * reviewed and redacted by the bureau leader (leader), published, and rectified — through the same
 * service calls as the console, so the second-person rule holds. Once: a database with any exposure
 * keeps its own.
 */
export async function seedDemoExposuresIfEmpty(deps: AppDeps): Promise<number> {
  if ((await q.countExposures(deps.db)) > 0) return 0
  const proposer = await demoStaffActor(deps, 'dispatcher', 'dispatcher')
  const reviewer = await demoStaffActor(deps, 'leader', 'bureau_leader')
  if (!proposer || !reviewer) return 0
  const proposed = await proposeExposure(deps, proposer, {
    unitName: '某区市场监督管理局登记窗口',
    title: '（演示数据）多次要求补交同一份材料，拖延办理营业执照',
    conduct:
      '企业负责人李明（电话13900000099）反映，窗口工作人员三次要求补交同一份租赁合同，未一次性告知，拖延办理二十余天。',
  })
  const reviewed = await reviewExposure(deps, reviewer, proposed.id, {
    version: proposed.version,
    decision: 'approve',
    publicTitle: '（演示数据）多次要求补交同一份材料，拖延办理营业执照',
    publicConduct:
      '企业负责人李某反映，窗口工作人员三次要求补交同一份租赁合同，未一次性告知，拖延办理二十余天。',
    redactionConfirmed: true,
    note: '已隐去企业人员姓名和电话。',
  })
  const published = await publishExposure(deps, reviewer, reviewed.id, reviewed.version)
  await rectifyExposure(deps, reviewer, published.id, {
    version: published.version,
    rectification: '已约谈窗口负责人，推行材料一次性告知；该营业执照已于三个工作日内办结。',
  })
  return 1
}
