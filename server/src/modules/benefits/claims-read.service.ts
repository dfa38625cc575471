import { requireSignedIn, type Actor, type UserActor } from '../../kernel/auth/actor'
import { currentLocale } from '../../kernel/context'
import type { Executor } from '../../kernel/db/database'
import { notFound } from '../../kernel/errors'
import { presentApplicantTimeline } from '../../kernel/timeline/audience'
import { ENTERPRISE_CLAIM_TIMELINE } from './claims-enterprise-view'
import type { AppDeps } from '../../kernel/http/app-env'
import { requireEnterpriseAccess } from '../enterprises'
import { rolesFor, scopeOf, staffViewerOf, type StaffViewer } from './benefits-access'
import { budgetCapOf } from './benefits-eligibility.service'
import type { ClaimDetail, ClaimListInput, ClaimSummary } from './benefits.schema'
import * as q from './benefits.queries'
import type { ClaimRow, ClaimScope } from './benefits.queries'
import { snapshotOf } from './claim-action'
import { presentClaimColumns, presentClaimFile, presentStaffClaimEvent } from './claim-presenters'
import {
  categoryOf,
  mayTake,
  move,
  TRANSITIONS,
  UNDER_REVIEW,
  type ClaimAction,
  type ClaimRole,
} from './claim-states'
import { budgetRemaining } from './payout-rules'
import { findAccountStandings, presentAccount, type AccountStanding } from '../settlement-accounts'
import { maskAccountNumber } from '../../shared/settlement-account'

/** Claims as the enterprise and the department read them: summaries, and details with the timeline. */

const ACTIONS = Object.keys(TRANSITIONS) as ClaimAction[]

function presentSummary(row: ClaimRow, now: Date): ClaimSummary {
  const item = snapshotOf(row)
  const isUnderReview = UNDER_REVIEW.includes(row.status)
  return {
    ...presentClaimColumns(row),
    itemCode: item.code,
    itemTitle: item.title,
    policyTitle: item.policyTitle,
    statusCategory: categoryOf(row.status),
    payout:
      row.payout_amount === null
        ? null
        : {
            amount: row.payout_amount,
            paidOn: row.payout_paid_on!,
            batchId: row.payout_batch_id,
            recordedAt: row.payout_recorded_at!.toISOString(),
            account:
              row.payout_account_id === null
                ? null
                : {
                    accountId: row.payout_account_id,
                    version: row.payout_account_version!,
                    accountName: row.payout_account_name!,
                    bankName: row.payout_bank_name!,
                    accountNumberMasked: maskAccountNumber(row.payout_account_number!),
                    lastFour: row.payout_account_number!.slice(-4),
                  },
          },
    dueAt: isUnderReview && row.due_at ? row.due_at.toISOString() : null,
    isOverdue: isUnderReview && !!row.due_at && row.due_at < now,
    remainingMinutes: row.status === 'supplement_requested' ? row.remaining_minutes : null,
    rating:
      row.rating_level === null
        ? null
        : { level: row.rating_level, comment: row.rating_comment, ratedAt: row.rated_at!.toISOString() },
  }
}

/** The enterprise reads its allow-list of the timeline; staff read every step, with who else reads it. */
function timelineFor(
  events: Awaited<ReturnType<typeof q.findEvents>>,
  isEnterprise: boolean,
): ClaimDetail['timeline'] {
  if (isEnterprise)
    return presentApplicantTimeline(events, ENTERPRISE_CLAIM_TIMELINE).map((e) => ({
      id: e.id,
      at: e.at,
      type: e.type,
      actorRole: null,
      note: e.note,
      data: e.data,
    }))
  return events.map(presentStaffClaimEvent)
}

/** What the caller may do now: their role for this claim, the state, and the rules beside the table. */
export function allowedActions(row: ClaimRow, roles: ClaimRole[], user: UserActor): ClaimAction[] {
  return ACTIONS.filter((action) => {
    if (!mayTake(action, row.mode, roles) || !move(row.status, row.mode, action).ok) return false
    // A no-application consent is paid or excluded on the item's payout list, not one by one.
    if ((action === 'pay' || action === 'exclude') && row.mode === 'no_application') return false
    if (action === 'rate') return row.rating_level === null
    if ((action === 'approve' || action === 'reject') && row.mode === 'standard_application')
      return row.recommended_by !== user.userId
    return true
  })
}

/**
 * The form as it was filed. Applications filed before settlement accounts carried a typed bank account:
 * shown masked like every account number (the money now goes to the settlement account).
 */
function presentForm(form: Record<string, unknown>): Record<string, unknown> {
  const account = form.bankAccount
  if (typeof account !== 'string' || !/^\d{4,}$/.test(account)) return form
  return { ...form, bankAccount: maskAccountNumber(account) }
}

function settlementAccountOf(standing: AccountStanding | undefined): ClaimDetail['settlementAccount'] {
  return {
    account: standing?.account ? presentAccount(standing.account) : null,
    problem: standing ? standing.problem : 'missing',
  }
}

async function presentDetails(
  deps: AppDeps,
  db: Executor,
  rows: ClaimRow[],
  who: { user: UserActor; isEnterprise: boolean; rolesOf: (row: ClaimRow) => ClaimRole[] },
): Promise<ClaimDetail[]> {
  const ids = rows.map((r) => r.id)
  const [events, materials, standings] = await Promise.all([
    q.findEvents(db, ids),
    q.findMaterialsOf(db, ids),
    findAccountStandings(
      db,
      rows.map((r) => r.enterprise_id),
    ),
  ])
  const en = currentLocale() === 'en'
  const now = new Date()
  const details: ClaimDetail[] = []
  for (const row of rows) {
    const item = snapshotOf(row)
    const explanation = row.explanation as unknown as ClaimDetail['explanation']
    let budget: ClaimDetail['budget'] = null
    if (!who.isEnterprise) {
      const [cap, used] = await Promise.all([budgetCapOf(deps, db, row), q.sumPayouts(db, row.item_id)])
      budget = { cap, used, remaining: budgetRemaining(cap, used) }
    }
    details.push({
      ...presentSummary(row, now),
      benefitKind: item.benefitKind,
      promisedWorkingDays: item.promisedWorkingDays,
      outcomeAtClaim: row.outcome_at_claim,
      explanation: {
        outcome: explanation.outcome,
        conditions: explanation.conditions.map((c) => ({
          id: c.id,
          clause: c.clause,
          text: c.text,
          result: c.result,
        })),
        missingFacts: explanation.missingFacts.map((f) => ({ key: f.key, label: f.label })),
        amount: explanation.amount,
        amountText: explanation.amountText,
      },
      form: presentForm(row.form),
      requiredMaterials: item.requiredMaterials.map((m) => ({
        key: m.key,
        name: en ? m.nameEn : m.nameZh,
        isRequired: m.isRequired,
      })),
      materials: materials
        .filter((m) => m.claim_id === row.id)
        .map((m) => ({
          ...presentClaimFile(m),
          key: m.material_key!,
          round: m.round!,
          isSuperseded: m.superseded_at !== null,
        })),
      recommendation:
        who.isEnterprise || row.recommendation === null
          ? null
          : {
              approve: row.recommendation === 'approve',
              amount: row.recommended_amount,
              note: row.recommendation_note,
              at: row.recommended_at!.toISOString(),
            },
      decision:
        row.decided_at === null
          ? null
          : {
              approve: row.status !== 'rejected',
              amount: row.approved_amount,
              reason: row.decision_reason,
              at: row.decided_at.toISOString(),
            },
      statusReason: row.status_reason,
      timeline: timelineFor(
        events.filter((e) => e.claim_id === row.id),
        who.isEnterprise,
      ),
      budget,
      settlementAccount: settlementAccountOf(standings.get(row.enterprise_id)),
      allowedActions: allowedActions(row, who.rolesOf(row), who.user),
    })
  }
  return details
}

function staffWho(viewer: StaffViewer) {
  return {
    user: viewer.user,
    isEnterprise: false,
    rolesOf: (row: ClaimRow) => rolesFor(viewer, row.department_id),
  }
}

/** One claim for a department or the bureau. Refuses: FORBIDDEN (no claims role), NOT_FOUND (out of scope). */
export async function getClaim(deps: AppDeps, actor: Actor, claimId: string): Promise<ClaimDetail> {
  const viewer = await staffViewerOf(deps.db, actor)
  const row = await q.findClaim(deps.db, claimId, scopeOf(viewer))
  if (!row) throw notFound()
  return (await presentDetails(deps, deps.db, [row], staffWho(viewer)))[0]!
}

const VIEWS: Record<Exclude<ClaimListInput['view'], 'overdue'>, readonly ClaimRow['status'][] | undefined> = {
  review: UNDER_REVIEW,
  supplement: ['supplement_requested'],
  approved: ['approved'],
  consented: ['consented'],
  closed: ['rejected', 'withdrawn', 'paid', 'excluded'],
  all: undefined,
}

/**
 * The department's claims (the bureau: every claim). 'review' and 'overdue' list applications
 * waiting for a decision, nearest deadline first; 'overdue' only those past it.
 */
export async function listClaims(deps: AppDeps, actor: Actor, input: ClaimListInput) {
  const viewer = await staffViewerOf(deps.db, actor)
  const now = new Date()
  const filter: q.ClaimFilter =
    input.view === 'overdue'
      ? { statuses: UNDER_REVIEW, dueBefore: now, itemId: input.itemId }
      : { statuses: VIEWS[input.view], itemId: input.itemId }
  const order = input.view === 'review' || input.view === 'overdue' ? 'due' : 'created'
  const page = await q.pageClaims(deps.db, scopeOf(viewer), filter, input, order)
  return { items: page.items.map((r) => presentSummary(r, now)), total: page.total }
}

/**
 * The scope in which a caller reads one enterprise's claims: its members every claim, the bureau
 * every claim, a department the claims it pays. Refuses: NOT_FOUND, FORBIDDEN (staff without a claims role).
 */
async function enterpriseReader(deps: AppDeps, actor: Actor, enterpriseId: string) {
  const { user, isMember } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  if (isMember) {
    const scope: ClaimScope = { kind: 'enterprise', enterpriseId }
    return { scope, who: { user, isEnterprise: true, rolesOf: (): ClaimRole[] => ['enterprise'] } }
  }
  const viewer = await staffViewerOf(deps.db, user)
  const base = scopeOf(viewer)
  const scope: ClaimScope = base.kind === 'all' ? { kind: 'enterprise', enterpriseId } : base
  return { scope, who: staffWho(viewer) }
}

/** An enterprise's claims and payouts as a timeline, newest first. */
export async function listEnterpriseClaims(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  page: { limit: number; offset: number; itemId?: string | undefined },
) {
  const { scope, who } = await enterpriseReader(deps, actor, enterpriseId)
  const result = await q.pageClaims(
    deps.db,
    scope,
    { enterpriseId, ...(page.itemId ? { itemId: page.itemId } : {}) },
    page,
    'created',
  )
  return { items: await presentDetails(deps, deps.db, result.items, who), total: result.total }
}

/** One claim of the enterprise. Refuses: NOT_FOUND. */
export async function getEnterpriseClaim(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  claimId: string,
): Promise<ClaimDetail> {
  const { scope, who } = await enterpriseReader(deps, actor, enterpriseId)
  const row = await q.findClaim(deps.db, claimId, scope)
  if (!row || row.enterprise_id !== enterpriseId) throw notFound()
  return (await presentDetails(deps, deps.db, [row], who))[0]!
}

/** Used by the routes after an action: the claim as the caller now sees it. */
export async function claimAfterAction(
  deps: AppDeps,
  actor: Actor,
  claimId: string,
  enterpriseId?: string,
): Promise<ClaimDetail> {
  requireSignedIn(actor)
  return enterpriseId
    ? getEnterpriseClaim(deps, actor, enterpriseId, claimId)
    : getClaim(deps, actor, claimId)
}
