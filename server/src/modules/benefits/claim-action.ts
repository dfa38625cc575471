import type { Updateable } from 'kysely'
import type { UserActor } from '../../kernel/auth/actor'
import {
  commitCaseMove,
  runCaseAction,
  type CaseKind,
  type CaseOutcome,
} from '../../kernel/cases/action-runner'
import { notifyApplicant, notifyEach } from '../../kernel/cases/outbox'
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import type { Tx } from '../../kernel/db/database'
import type { BenefitClaimsTable } from './benefits.tables'
import type { ErrorCode } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { NotificationRequest } from '../../kernel/notify/notifier'
import type { BenefitMode } from '../../shared/policies'
import { staffToNotify } from '../users'
import { rolesFor, scopeOf, type StaffViewer } from './benefits-access'
import { CLAIM_TABLE, type ClaimAction, type ClaimRole, type ClaimState } from './claim-states'
import * as q from './benefits.queries'
import type { ClaimRow } from './benefits.queries'

/**
 * A benefit claim on the case kit (kernel/cases): how a claim is stored, and how the caller's roles
 * on it are found. The kit's runner does the rest the same way for every case: lock, check the role
 * for this claim's mode, ask the table, do the action's work, then write the new state, the timeline
 * event and the audit row — all in one transaction.
 */
export type ClaimActor =
  { kind: 'staff'; viewer: StaffViewer } | { kind: 'enterprise'; user: UserActor; enterpriseId: string }

type ClaimChanges = Updateable<BenefitClaimsTable>

/** `user` and `claim` are the claim's names for the kit's `actor` and `row` (the same objects). */
export type ClaimContext = {
  deps: AppDeps
  tx: Tx
  actor: UserActor
  user: UserActor
  row: ClaimRow
  claim: ClaimRow
  roles: ClaimRole[]
  now: Date
  calendar: () => Promise<WorkingCalendar>
}

/**
 * `changes` to the claim's row; `event` the step on the claim's timeline — `audience`: whether the
 * enterprise reads the step at all (its view also lists which types and data keys,
 * claims-enterprise-view.ts); `noteAudience`: who reads the note — reasons a decision owes the
 * applicant are the enterprise's, anything else stays internal.
 */
export type ClaimOutcome = Omit<CaseOutcome<ClaimState, ClaimChanges>, 'to'>

const CLAIM_KIND: CaseKind<
  ClaimRow,
  ClaimState,
  ClaimAction,
  ClaimRole,
  ErrorCode,
  BenefitMode,
  ClaimChanges,
  string
> = {
  entityType: 'benefit_claim',
  table: CLAIM_TABLE,
  idOf: (claim) => claim.id,
  stateOf: (claim) => claim.status,
  variantOf: (claim) => claim.mode,
  save: async (tx, claim, changes, to) => {
    await q.updateClaim(tx, claim.id, { ...changes, status: to })
    return claim.id
  },
  eventInsert: (tx, claim, event) =>
    q.eventInsert(tx, {
      claimId: claim.id,
      type: event.type,
      actorUserId: event.actorUserId,
      actorRole: event.actorRole,
      note: event.note,
      noteAudience: event.noteAudience,
      data: event.data,
      audience: event.audience,
    }),
}

/** Runs an action on one claim within the caller's scope; answers the claim's id. */
export async function runClaimAction(
  deps: AppDeps,
  who: ClaimActor,
  claimId: string,
  action: ClaimAction,
  work: (ctx: ClaimContext) => Promise<ClaimOutcome>,
): Promise<string> {
  return runCaseAction(
    deps.db,
    CLAIM_KIND,
    action,
    async (tx) => {
      const scope =
        who.kind === 'staff'
          ? scopeOf(who.viewer)
          : { kind: 'enterprise' as const, enterpriseId: who.enterpriseId }
      const claim = await q.lockClaim(tx, claimId, scope)
      if (!claim) return undefined
      const roles: ClaimRole[] =
        who.kind === 'staff' ? rolesFor(who.viewer, claim.department_id) : ['enterprise']
      const user = who.kind === 'staff' ? who.viewer.user : who.user
      let calendar: WorkingCalendar | undefined
      const ctx: ClaimContext = {
        deps,
        tx,
        actor: user,
        user,
        row: claim,
        claim,
        roles,
        now: new Date(),
        calendar: async () => (calendar ??= await deps.calendar.calendar(tx)),
      }
      return { ctx, roles }
    },
    work,
  )
}

/**
 * Writes a move already checked by the caller (a payout list locks and checks its claims together):
 * the new state, the timeline event, the audit row.
 */
export async function commitMove(
  ctx: { tx: Tx; user: UserActor; claim: ClaimRow },
  action: ClaimAction,
  to: ClaimState,
  outcome: ClaimOutcome,
): Promise<void> {
  await commitCaseMove(CLAIM_KIND, { tx: ctx.tx, actor: ctx.user, row: ctx.claim }, action, to, outcome)
}

/** Tells the staff of the paying department with the roles, each in their own inbox. */
export async function notifyDepartment(
  deps: AppDeps,
  tx: Tx,
  departmentId: string,
  roles: ('handler' | 'department_head')[],
  message: Omit<NotificationRequest, 'recipient'>,
): Promise<void> {
  await notifyEach(deps.notifier, tx, await staffToNotify(tx, [departmentId], roles), message)
}

/** Tells the enterprise about its own claim: an answer to its request, so never counted against the contact cap. */
export async function notifyEnterprise(
  deps: AppDeps,
  tx: Tx,
  claim: Pick<ClaimRow, 'enterprise_id' | 'number' | 'item_snapshot'>,
  template: string,
  params: Record<string, string | number>,
): Promise<void> {
  await notifyApplicant(deps.notifier, tx, claim.enterprise_id, {
    template,
    params: { number: claim.number, title: snapshotOf(claim).title, ...params },
  })
}

/** What the item was when the claim was made (the claim keeps it, so a later revision does not rewrite it). */
export type ItemSnapshot = {
  code: string
  title: string
  policyTitle: string
  documentNumber: string | null
  benefitKind: 'amount' | 'formula' | 'service'
  budgetCap: number | null
  promisedWorkingDays: number
  requiredMaterials: { key: string; nameZh: string; nameEn: string; isRequired: boolean }[]
  ruleVersion: number
}

export function snapshotOf(claim: Pick<ClaimRow, 'item_snapshot'>): ItemSnapshot {
  return claim.item_snapshot as unknown as ItemSnapshot
}
