import type { Updateable } from 'kysely'
import { primaryRole, type UserActor } from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import type { WorkingCalendar } from '../../kernel/calendar/working-calendar'
import type { Tx } from '../../kernel/db/database'
import type { BenefitClaimsTable } from './benefits.tables'
import type { Audience } from '../../kernel/timeline/audience'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import type { NotificationRequest } from '../../kernel/notify/notifier'
import { staffToNotify } from '../users'
import { rolesFor, scopeOf, type StaffViewer } from './benefits-access'
import { mayTake, move, type ClaimAction, type ClaimRole, type ClaimState } from './claim-states'
import * as q from './benefits.queries'
import type { ClaimRow } from './benefits.queries'

/**
 * One action on one claim, always the same way: lock the row within the caller's scope, check the
 * caller's role for this claim's mode, ask the transition table, do the action's work, then write the
 * new state, the timeline event and the audit row — all in one transaction.
 */
export type ClaimActor =
  { kind: 'staff'; viewer: StaffViewer } | { kind: 'enterprise'; user: UserActor; enterpriseId: string }

export type ClaimContext = {
  deps: AppDeps
  tx: Tx
  user: UserActor
  claim: ClaimRow
  roles: ClaimRole[]
  now: Date
  calendar: () => Promise<WorkingCalendar>
}

export type ClaimOutcome = {
  changes?: Updateable<BenefitClaimsTable>
  /**
   * The step on the claim's timeline. `audience`: whether the enterprise reads the step at all (its
   * view also lists which types and data keys, claims-enterprise-view.ts); `noteAudience`: who reads the
   * note — reasons a decision owes the applicant are the enterprise's, anything else stays internal.
   */
  event?: {
    note?: string | null
    noteAudience?: Audience
    data?: Record<string, unknown>
    audience?: Audience
  }
  audit?: Record<string, unknown>
}

export async function runClaimAction(
  deps: AppDeps,
  who: ClaimActor,
  claimId: string,
  action: ClaimAction,
  work: (ctx: ClaimContext) => Promise<ClaimOutcome>,
): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const scope =
      who.kind === 'staff'
        ? scopeOf(who.viewer)
        : { kind: 'enterprise' as const, enterpriseId: who.enterpriseId }
    const claim = await q.lockClaim(tx, claimId, scope)
    if (!claim) throw notFound()
    const roles: ClaimRole[] =
      who.kind === 'staff' ? rolesFor(who.viewer, claim.department_id) : ['enterprise']
    if (!mayTake(action, claim.mode, roles)) throw new AppError('FORBIDDEN')
    const m = move(claim.status, claim.mode, action)
    if (!m.ok) throw new AppError(m.code)
    const user = who.kind === 'staff' ? who.viewer.user : who.user
    let calendar: WorkingCalendar | undefined
    const ctx: ClaimContext = {
      deps,
      tx,
      user,
      claim,
      roles,
      now: new Date(),
      calendar: async () => (calendar ??= await deps.calendar.calendar(tx)),
    }
    const outcome = await work(ctx)
    await commitMove(ctx, action, m.to, outcome)
    return claim.id
  })
}

/** Writes the move: the new state, the timeline event, the audit row (last: it holds the chain's lock). */
export async function commitMove(
  ctx: Pick<ClaimContext, 'tx' | 'user' | 'claim'>,
  action: ClaimAction,
  to: ClaimState,
  outcome: ClaimOutcome,
): Promise<void> {
  await q.updateClaim(ctx.tx, ctx.claim.id, { ...outcome.changes, status: to })
  await q.insertEvent(ctx.tx, {
    claimId: ctx.claim.id,
    type: action,
    actorUserId: ctx.user.userId,
    actorRole: primaryRole(ctx.user),
    note: outcome.event?.note ?? null,
    noteAudience: outcome.event?.noteAudience ?? 'internal',
    data: outcome.event?.data ?? {},
    audience: outcome.event?.audience ?? 'internal',
  })
  await writeAudit(ctx.tx, ctx.user, {
    action: `benefit_claim.${action}`,
    entityType: 'benefit_claim',
    entityId: ctx.claim.id,
    before: { status: ctx.claim.status },
    after: { status: to, ...outcome.audit },
  })
}

/** Tells the staff of the paying department with the roles, each in their own inbox. */
export async function notifyDepartment(
  deps: AppDeps,
  tx: Tx,
  departmentId: string,
  roles: ('handler' | 'department_head')[],
  message: Omit<NotificationRequest, 'recipient'>,
): Promise<void> {
  for (const userId of await staffToNotify(tx, [departmentId], roles)) {
    await deps.notifier.enqueue(tx, { ...message, recipient: { userId } })
  }
}

/** Tells the enterprise about its own claim: an answer to its request, so never counted against the contact cap. */
export async function notifyEnterprise(
  deps: AppDeps,
  tx: Tx,
  claim: Pick<ClaimRow, 'enterprise_id' | 'number' | 'item_snapshot'>,
  template: string,
  params: Record<string, string | number>,
): Promise<void> {
  await deps.notifier.enqueue(tx, {
    recipient: { enterpriseId: claim.enterprise_id },
    template,
    params: { number: claim.number, title: snapshotOf(claim).title, ...params },
    isSolicited: true,
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
