import {
  departmentsWhere,
  hasRole,
  requireSignedIn,
  type Actor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { notifyApplicant, notifyEach } from '../../kernel/cases/outbox'
import { presentApplicantTimeline, type ApplicantAllowList } from '../../kernel/cases/timeline'
import { AppError, notFound } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import { staffToNotify } from '../users'
import { runCommitmentAction } from './commitment-action'
import {
  accruedNumerator,
  applyPayment,
  checkPaymentTerm,
  effectiveRate,
  interestAsOf,
  payableDueOn,
  undisputedFen,
  type AccrualState,
} from './commitment-money'
import type { CommitmentRole } from './commitment-states'
import { moveOverdue } from './commitments.sweep'
import type {
  Commitment,
  CommitmentList,
  CommitmentListInput,
  CommitmentSettings,
  CommitmentSettingsInput,
  CommitmentSummary,
  Complaint,
  ComplaintList,
  CreateCommitmentInput,
  FileComplaintInput,
  FulfilInput,
  RecordPaymentInput,
  RepaymentPlanInput,
  VerifyComplaintInput,
} from './commitments.schema'
import './commitments.messages'
import * as q from './commitments.queries'
import type { CommitmentRow, CommitmentScope, ComplaintRow } from './commitments.queries'
import type { CommitmentOwnerRole } from './commitments.tables'

/**
 * The ledger of the government's word (守信践诺, 清欠): commitments and payables owned by a role in a
 * unit, paid with overdue interest, complained of by enterprises and verified by the bureau.
 *
 * Who sees: the bureau (task force, leadership) every commitment; a unit's staff those their unit owns
 * in the role they hold there (a handler the handlers', a head the heads'), so a change of person
 * changes nothing; an enterprise's users their enterprise's; nobody else any. Each function checks
 * first; every write is one transaction with its audit row.
 */

const BUREAU = ['dispatcher', 'bureau_leader'] as const
const UNIT_ROLES: readonly CommitmentOwnerRole[] = ['handler', 'department_head']

const isBureau = (actor: UserActor) => BUREAU.some((r) => hasRole(actor, r))

/** What the caller may see. Refuses: UNAUTHENTICATED, FORBIDDEN (a role with no part in the ledger). */
function scopeOf(actor: Actor): { user: UserActor; scope: CommitmentScope } {
  const user = requireSignedIn(actor)
  if (isBureau(user)) return { user, scope: { kind: 'all' } }
  if (hasRole(user, 'enterprise')) return { user, scope: { kind: 'member', userId: user.userId } }
  const units = UNIT_ROLES.flatMap((role) =>
    departmentsWhere(user, role).map((departmentId) => ({ departmentId, role })),
  )
  if (units.length === 0) throw new AppError('FORBIDDEN')
  return { user, scope: { kind: 'units', units } }
}

/** Staff who act on a commitment: a unit's role-holders (and the bureau when `withBureau`). */
function staffScopeOf(actor: Actor, withBureau: boolean): { user: UserActor; scope: CommitmentScope } {
  const { user, scope } = scopeOf(actor)
  if (scope.kind === 'member') throw new AppError('FORBIDDEN')
  if (scope.kind === 'all' && !withBureau) {
    const units = UNIT_ROLES.flatMap((role) =>
      departmentsWhere(user, role).map((departmentId) => ({ departmentId, role })),
    )
    if (units.length === 0) throw new AppError('FORBIDDEN')
    return { user, scope: { kind: 'units', units } }
  }
  return { user, scope }
}

function requireBureau(actor: Actor): UserActor {
  const user = requireSignedIn(actor)
  if (!isBureau(user)) throw new AppError('FORBIDDEN')
  return user
}

/** The roles the caller holds on one row: the owning unit's role, the bureau. */
function rolesOn(
  user: UserActor,
  row: Pick<CommitmentRow, 'department_id' | 'owner_role'>,
): CommitmentRole[] {
  const roles: CommitmentRole[] = []
  if (departmentsWhere(user, row.owner_role).includes(row.department_id)) roles.push('owner')
  if (isBureau(user)) roles.push('bureau')
  return roles
}

// ── presenting ───────────────────────────────────────────────────────────────

function accrualOf(row: CommitmentRow): AccrualState | null {
  if (row.kind !== 'payable' || row.accrual_from === null) return null
  return {
    outstandingFen: row.outstanding_fen,
    interestNumerator: BigInt(row.interest_numerator_text.split('.')[0]!),
    accrualFrom: row.accrual_from,
  }
}

/** Interest accrued up to today; once settled, none accrues after the settling day. */
function interestOf(row: CommitmentRow, today: string): number {
  const accrual = accrualOf(row)
  if (!accrual || row.rate_bp === null) return 0
  if (row.status === 'settled' || row.status === 'rescheduled')
    return interestAsOf(accrual, row.rate_bp, accrual.accrualFrom)
  return interestAsOf(accrual, row.rate_bp, today)
}

const presentSummaryColumns = definePresenter({
  id: 'id',
  number: 'number',
  parentId: 'parent_id',
  kind: 'kind',
  enterpriseId: 'enterprise_id',
  enterpriseName: 'enterprise_name',
  departmentId: 'department_id',
  departmentName: 'department_name',
  ownerRole: 'owner_role',
  title: 'title',
  dueOn: 'due_on',
  amountFen: 'amount_fen',
  outstandingFen: 'outstanding_fen',
  status: 'status',
  breachCount: 'breach_count',
  isSecondBreach: 'is_second_breach',
})

function presentSummary(row: CommitmentRow, today: string): CommitmentSummary {
  return {
    ...presentSummaryColumns(row),
    interestDueFen: Math.max(0, interestOf(row, today) - row.interest_paid_fen),
  }
}

const presentComplaintColumns = definePresenter({
  id: 'id',
  commitmentId: 'commitment_id',
  commitmentNumber: 'commitment_number',
  commitmentTitle: 'commitment_title',
  text: 'text',
  status: 'status',
  filedAt: 'filed_at',
  verifyBy: 'verify_by',
  explanation: 'explanation',
  refusedToRectify: 'refused_to_rectify',
  decidedAt: 'decided_at',
  version: 'version',
})

function presentComplaint(row: ComplaintRow, now: Date): Complaint {
  return { ...presentComplaintColumns(row), isOverdue: row.status === 'submitted' && row.verify_by < now }
}

/** What an enterprise reads of its timeline: these steps only, with their notes when addressed to it. */
const ENTERPRISE_TIMELINE: ApplicantAllowList = {
  register: {},
  overdue: {},
  pay: {},
  fulfil: {},
  reschedule: {},
  complain: {},
  complaint_verified: {},
}

async function detail(deps: AppDeps, user: UserActor, row: CommitmentRow, now: Date): Promise<Commitment> {
  const today = cityToday(deps, now)
  const isEnterprise = hasRole(user, 'enterprise')
  const [payments, instalments, complaints, events] = await Promise.all([
    q.findPayments(deps.db, row.id),
    q.listCommitments(deps.db, { kind: 'all' }, { parentId: row.id }),
    q.listComplaints(deps.db, { commitmentId: row.id }),
    q.findEvents(deps.db, row.id, isEnterprise),
  ])
  const timeline = isEnterprise
    ? presentApplicantTimeline(events, ENTERPRISE_TIMELINE).map((e) => ({
        at: e.at,
        type: e.type,
        note: e.note,
      }))
    : events.map((e) => ({ at: e.at.toISOString(), type: e.type, note: e.note }))
  const roles = rolesOn(user, row)
  const isOpen = row.status === 'open' || row.status === 'overdue'
  const actions: Commitment['actions'] = []
  if (roles.includes('owner') && isOpen) actions.push(row.kind === 'payable' ? 'pay' : 'fulfil')
  if (row.kind === 'payable' && row.status === 'overdue' && row.parent_id === null && roles.length)
    actions.push('reschedule')
  if (isEnterprise && !complaints.some((c) => c.status === 'submitted')) actions.push('complain')
  return {
    ...presentSummary(row, today),
    obligation: row.obligation,
    disputedFen: row.disputed_fen,
    undisputedFen: row.amount_fen === null ? 0 : undisputedFen(row.amount_fen, row.disputed_fen),
    acceptedOn: row.accepted_on,
    paymentTermDays: row.payment_term_days,
    isLargeBuyer: row.is_large_buyer,
    rateBp: row.rate_bp,
    paidFen: row.paid_fen,
    interestFen: interestOf(row, today),
    interestPaidFen: row.interest_paid_fen,
    overdueSince: row.overdue_since,
    settledOn: row.settled_on,
    version: row.version,
    payments: payments.map((p) => ({
      id: p.id,
      paidOn: p.paid_on,
      principalFen: p.principal_fen,
      interestFen: p.interest_fen,
    })),
    instalments: instalments.map((r) => presentSummary(r, today)),
    complaints: complaints.map((c) => presentComplaint(c, now)),
    timeline,
    actions,
  }
}

// ── reading ──────────────────────────────────────────────────────────────────

export async function listCommitments(
  deps: AppDeps,
  actor: Actor,
  input: CommitmentListInput,
): Promise<CommitmentList> {
  const { scope } = scopeOf(actor)
  const today = cityToday(deps)
  const rows = await q.listCommitments(deps.db, scope, input)
  return { items: rows.map((r) => presentSummary(r, today)) }
}

/** One commitment the caller may see; any other is "not found". */
export async function getCommitment(deps: AppDeps, actor: Actor, id: string): Promise<Commitment> {
  const { user, scope } = scopeOf(actor)
  const row = await q.findCommitment(deps.db, id, scope)
  if (!row) throw notFound()
  return detail(deps, user, row, new Date())
}

// ── registering ──────────────────────────────────────────────────────────────

/**
 * Registers a commitment or a payable. The bureau registers for any unit; a unit's staff for their own
 * unit. A payable falls due its term after acceptance; its rate is the agreed one or the statutory.
 * Refuses: FORBIDDEN, COMMITMENT_UNIT_UNKNOWN, PAYMENT_TERM_OVER_MAXIMUM, INTEREST_BELOW_FLOOR,
 * COMMITMENT_DISPUTE_TOO_LARGE.
 */
export async function registerCommitment(
  deps: AppDeps,
  actor: Actor,
  input: CreateCommitmentInput,
): Promise<Commitment> {
  const user = requireSignedIn(actor)
  const isUnitStaff = UNIT_ROLES.some((r) => departmentsWhere(user, r).includes(input.departmentId))
  if (!isBureau(user) && !isUnitStaff) throw new AppError('FORBIDDEN')
  const existing = await q.countExisting(deps.db, input.departmentId, input.enterpriseId)
  if (!existing.department || !existing.enterprise) throw new AppError('COMMITMENT_UNIT_UNKNOWN')
  const money = input.kind === 'payable' ? payableTerms(input) : null
  const now = new Date()
  const id = await deps.db.transaction().execute(async (tx) => {
    const { id, number } = await q.insertCommitment(tx, {
      kind: input.kind,
      enterprise_id: input.enterpriseId,
      department_id: input.departmentId,
      owner_role: input.ownerRole,
      title: input.title,
      obligation: input.obligation,
      due_on: money?.dueOn ?? input.dueOn!,
      created_by: user.userId,
      created_at: now,
      ...(money && {
        amount_fen: input.amountFen!,
        disputed_fen: input.disputedFen ?? 0,
        accepted_on: input.acceptedOn!,
        payment_term_days: money.termDays,
        is_large_buyer: input.isLargeBuyer ?? false,
        agreed_rate_bp: input.agreedRateBp ?? null,
        floor_rate_bp: input.floorRateBp ?? null,
        rate_bp: money.rateBp,
        outstanding_fen: undisputedFen(input.amountFen!, input.disputedFen ?? 0),
        accrual_from: money.dueOn,
      }),
    })
    await q.insertCommitmentEvent(tx, id, {
      type: 'register',
      actorUserId: user.userId,
      actorRole: isBureau(user) ? 'bureau' : 'staff',
      departmentId: input.departmentId,
      note: null,
      noteAudience: 'internal',
      data: {},
      audience: 'enterprise',
    })
    await writeAudit(tx, user, {
      action: 'commitment.register',
      entityType: 'commitment',
      entityId: id,
      after: {
        number,
        kind: input.kind,
        departmentId: input.departmentId,
        ownerRole: input.ownerRole,
        ...money,
      },
    })
    await notifyApplicant(deps.notifier, tx, input.enterpriseId, {
      template: 'commitments.registered',
      params: { number, title: input.title },
    })
    // Registered already late (a backlog entered): overdue from the start, as the sweep would make it.
    await moveOverdue(deps, tx, { today: cityToday(deps, now), at: now, onlyId: id })
    return id
  })
  return getCommitment(deps, user, id)
}

function payableTerms(input: CreateCommitmentInput) {
  const term = checkPaymentTerm(input.paymentTermDays, input.isLargeBuyer ?? false)
  if (!term.ok)
    throw new AppError(term.refusal, {
      params: { maxDays: term.maxDays },
      fields: { paymentTermDays: `≤ ${term.maxDays}` },
    })
  const rate = effectiveRate(input.agreedRateBp, input.floorRateBp)
  if (!rate.ok)
    throw new AppError(rate.refusal, {
      params: { floorBp: rate.floorBp },
      fields: { agreedRateBp: `≥ ${rate.floorBp}` },
    })
  if ((input.disputedFen ?? 0) > input.amountFen!) throw new AppError('COMMITMENT_DISPUTE_TOO_LARGE')
  return { termDays: term.days, rateBp: rate.rateBp, dueOn: payableDueOn(input.acceptedOn!, term.days) }
}

// ── the owning unit's moves ──────────────────────────────────────────────────

/**
 * The owning unit records a payment of principal and interest on a day. Interest accrues on the old
 * outstanding up to that day; the payable is settled once no undisputed principal is left and the
 * interest accrued is paid. The enterprise is told.
 * Refuses: NOT_FOUND, FORBIDDEN (not the owning role), COMMITMENT_NOT_PAYABLE_NOW, VERSION_CONFLICT,
 * COMMITMENT_NOT_A_PAYABLE, COMMITMENT_DATE_INVALID, COMMITMENT_PAYMENT_TOO_LARGE.
 */
export async function recordPayment(deps: AppDeps, actor: Actor, id: string, input: RecordPaymentInput) {
  const { user, scope } = staffScopeOf(actor, false)
  await runCommitmentAction(
    deps,
    user,
    scope,
    (row) => rolesOn(user, row),
    id,
    'pay',
    async ({ tx, row, now }) => {
      if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
      const accrual = accrualOf(row)
      if (!accrual || row.rate_bp === null) throw new AppError('COMMITMENT_NOT_A_PAYABLE')
      const today = cityToday(deps, now)
      if (input.paidOn > today || input.paidOn < row.accepted_on!)
        throw new AppError('COMMITMENT_DATE_INVALID', { fields: { paidOn: `${row.accepted_on} … ${today}` } })
      if (input.paidOn < accrual.accrualFrom && row.status === 'overdue')
        throw new AppError('COMMITMENT_DATE_INVALID', { fields: { paidOn: `≥ ${accrual.accrualFrom}` } })
      if (input.principalFen > row.outstanding_fen)
        throw new AppError('COMMITMENT_PAYMENT_TOO_LARGE', {
          fields: { principalFen: `≤ ${row.outstanding_fen}` },
        })
      const after = applyPayment(accrual, row.rate_bp, input.paidOn, input.principalFen)
      const interestPaid = row.interest_paid_fen + input.interestFen
      const interestAccrued = interestAsOf(after, row.rate_bp, input.paidOn)
      const isSettled = after.outstandingFen === 0 && interestPaid >= interestAccrued
      await q.insertPayment(tx, {
        commitmentId: row.id,
        paidOn: input.paidOn,
        principalFen: input.principalFen,
        interestFen: input.interestFen,
        recordedBy: user.userId,
      })
      await notifyApplicant(deps.notifier, tx, row.enterprise_id, {
        template: isSettled ? 'commitments.paid_in_full' : 'commitments.paid_in_part',
        params: {
          number: row.number,
          title: row.title,
          principal: yuan(input.principalFen),
          interest: yuan(input.interestFen),
        },
      })
      return {
        to: isSettled ? 'settled' : undefined,
        changes: {
          outstanding_fen: after.outstandingFen,
          interest_numerator: after.interestNumerator.toString(),
          accrual_from: after.accrualFrom,
          interest_fen: interestAccrued,
          interest_as_of: input.paidOn,
          paid_fen: row.paid_fen + input.principalFen,
          interest_paid_fen: interestPaid,
          settled_on: isSettled ? input.paidOn : null,
        },
        event: {
          audience: 'enterprise',
          data: { paidOn: input.paidOn, principalFen: input.principalFen, interestFen: input.interestFen },
        },
        audit: { paidOn: input.paidOn, principalFen: input.principalFen, interestFen: input.interestFen },
      }
    },
  )
  return getCommitment(deps, user, id)
}

/** Yuan with two decimals from fen, for messages (integers only: no float arithmetic on money). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * The owning unit records a promise delivered. Refuses: NOT_FOUND, FORBIDDEN, COMMITMENT_NOT_OPEN,
 * VERSION_CONFLICT, COMMITMENT_IS_A_PAYABLE (a payable is settled by payment).
 */
export async function fulfilCommitment(deps: AppDeps, actor: Actor, id: string, input: FulfilInput) {
  const { user, scope } = staffScopeOf(actor, false)
  await runCommitmentAction(
    deps,
    user,
    scope,
    (row) => rolesOn(user, row),
    id,
    'fulfil',
    async ({ tx, row, now }) => {
      if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
      if (row.kind === 'payable') throw new AppError('COMMITMENT_IS_A_PAYABLE')
      await notifyApplicant(deps.notifier, tx, row.enterprise_id, {
        template: 'commitments.fulfilled',
        params: { number: row.number, title: row.title },
      })
      return {
        changes: { settled_on: cityToday(deps, now) },
        event: { audience: 'enterprise', note: input.note, noteAudience: 'enterprise' },
        audit: { note: input.note },
      }
    },
  )
  return getCommitment(deps, user, id)
}

/**
 * An agreed repayment plan for an overdue payable: its undisputed principal still owed is split into
 * instalments (children with their own due days, at the same rate); the payable waits on them. An
 * instalment the sweep finds overdue is a second breach (二次失信).
 * Refuses: NOT_FOUND, FORBIDDEN, COMMITMENT_NOT_OVERDUE, VERSION_CONFLICT, COMMITMENT_NOT_A_PAYABLE,
 * COMMITMENT_PLAN_MISMATCH.
 */
export async function agreeRepaymentPlan(deps: AppDeps, actor: Actor, id: string, input: RepaymentPlanInput) {
  const { user, scope } = staffScopeOf(actor, true)
  await runCommitmentAction(
    deps,
    user,
    scope,
    (row) => rolesOn(user, row),
    id,
    'reschedule',
    async ({ tx, row, now }) => {
      if (row.version !== input.version) throw new AppError('VERSION_CONFLICT')
      if (row.kind !== 'payable' || row.parent_id !== null || row.rate_bp === null)
        throw new AppError('COMMITMENT_NOT_A_PAYABLE')
      const today = cityToday(deps, now)
      const total = input.instalments.reduce((sum, i) => sum + i.amountFen, 0)
      if (total !== row.outstanding_fen || input.instalments.some((i) => i.dueOn <= today))
        throw new AppError('COMMITMENT_PLAN_MISMATCH', {
          fields: { instalments: `Σ = ${row.outstanding_fen}` },
        })
      const accrual = accrualOf(row)!
      const frozen = accruedNumerator(accrual, row.rate_bp, today)
      const sorted = [...input.instalments].sort((a, b) => a.dueOn.localeCompare(b.dueOn))
      for (const [n, instalment] of sorted.entries()) {
        const child = await q.insertCommitment(tx, {
          parent_id: row.id,
          kind: 'payable',
          enterprise_id: row.enterprise_id,
          department_id: row.department_id,
          owner_role: row.owner_role,
          title: `${row.title}（还款计划第 ${n + 1} 期）`,
          obligation: row.obligation,
          amount_fen: instalment.amountFen,
          accepted_on: today,
          due_on: instalment.dueOn,
          rate_bp: row.rate_bp,
          outstanding_fen: instalment.amountFen,
          accrual_from: instalment.dueOn,
          created_by: user.userId,
          created_at: now,
        })
        await q.insertCommitmentEvent(tx, child.id, {
          type: 'register',
          actorUserId: user.userId,
          actorRole: 'staff',
          departmentId: row.department_id,
          note: null,
          noteAudience: 'internal',
          data: { parentNumber: row.number },
          audience: 'enterprise',
        })
      }
      await notifyApplicant(deps.notifier, tx, row.enterprise_id, {
        template: 'commitments.rescheduled',
        params: { number: row.number, title: row.title, count: String(sorted.length) },
      })
      return {
        // the interest up to today stays owed on the payable; the principal moves to the instalments
        changes: {
          interest_numerator: frozen.toString(),
          accrual_from: today,
          outstanding_fen: 0,
          interest_as_of: today,
        },
        event: { audience: 'enterprise', data: { instalments: sorted.length } },
        audit: { instalments: sorted },
      }
    },
  )
  return getCommitment(deps, user, id)
}

// ── complaints ───────────────────────────────────────────────────────────────

/**
 * An enterprise complains of a broken promise or an unpaid invoice on one of its commitments. The
 * bureau must verify it within the configured working days (city calendar); the bureau and the
 * owning unit's heads are told. Refuses: FORBIDDEN (not an enterprise user), NOT_FOUND,
 * COMPLAINT_ALREADY_OPEN.
 */
export async function fileComplaint(
  deps: AppDeps,
  actor: Actor,
  id: string,
  input: FileComplaintInput,
): Promise<Complaint> {
  const user = requireSignedIn(actor)
  if (!hasRole(user, 'enterprise')) throw new AppError('FORBIDDEN')
  const scope: CommitmentScope = { kind: 'member', userId: user.userId }
  const now = new Date()
  const complaintId = await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockCommitment(tx, id, scope)
    if (!row) throw notFound()
    if (await q.hasUndecidedComplaint(tx, row.id)) throw new AppError('COMPLAINT_ALREADY_OPEN')
    const { verificationDays } = await q.findSettings(tx)
    const calendar = await deps.calendar.calendar(tx)
    const verifyBy = calendar.addWorkingDays(now, verificationDays)
    const complaintId = await q.insertComplaint(tx, {
      commitmentId: row.id,
      enterpriseId: row.enterprise_id,
      filedBy: user.userId,
      text: input.text,
      filedAt: now,
      verifyBy,
    })
    await q.insertCommitmentEvent(tx, row.id, {
      type: 'complain',
      actorUserId: user.userId,
      actorRole: 'enterprise',
      departmentId: null,
      note: input.text,
      noteAudience: 'enterprise',
      data: { complaintId },
      audience: 'enterprise',
    })
    await writeAudit(tx, user, {
      action: 'commitment_complaint.file',
      entityType: 'commitment_complaint',
      entityId: complaintId,
      after: { commitmentId: row.id, verifyBy: verifyBy.toISOString() },
    })
    const staff = [
      ...(await staffToNotify(tx, null, [...BUREAU])),
      ...(await staffToNotify(tx, [row.department_id], ['department_head'])),
    ]
    await notifyEach(deps.notifier, tx, [...new Set(staff)], {
      template: 'commitments.complaint_filed',
      params: { number: row.number, title: row.title },
    })
    await notifyApplicant(deps.notifier, tx, row.enterprise_id, {
      template: 'commitments.complaint_received',
      params: { number: row.number, verifyBy: verifyBy.toISOString().slice(0, 10) },
    })
    return complaintId
  })
  const row = await q.findComplaint(deps.db, complaintId)
  return presentComplaint(row!, now)
}

/** The bureau: every complaint; an enterprise's users: their enterprise's; nobody else. */
export async function listComplaints(deps: AppDeps, actor: Actor): Promise<ComplaintList> {
  const user = requireSignedIn(actor)
  const now = new Date()
  if (isBureau(user))
    return { items: (await q.listComplaints(deps.db, {})).map((r) => presentComplaint(r, now)) }
  if (hasRole(user, 'enterprise'))
    return {
      items: (await q.listComplaints(deps.db, { memberUserId: user.userId })).map((r) =>
        presentComplaint(r, now),
      ),
    }
  throw new AppError('FORBIDDEN')
}

/**
 * The bureau verifies a complaint: not founded (explained), rectified, or a recorded breach (with the
 * unit's refusal to rectify when it refused). A breach counts on the commitment. The enterprise is
 * told the outcome and the explanation. Refuses: FORBIDDEN, NOT_FOUND, VERSION_CONFLICT,
 * COMPLAINT_ALREADY_DECIDED.
 */
export async function verifyComplaint(
  deps: AppDeps,
  actor: Actor,
  complaintId: string,
  input: VerifyComplaintInput,
): Promise<Complaint> {
  const user = requireBureau(actor)
  const now = new Date()
  const refused = input.outcome === 'breach' && (input.refusedToRectify ?? false)
  await deps.db.transaction().execute(async (tx) => {
    const complaint = await q.lockComplaint(tx, complaintId)
    if (!complaint) throw notFound()
    if (complaint.version !== input.version) throw new AppError('VERSION_CONFLICT')
    if (complaint.status !== 'submitted') throw new AppError('COMPLAINT_ALREADY_DECIDED')
    await q.decideComplaint(tx, complaint.id, {
      status: input.outcome,
      explanation: input.explanation,
      refusedToRectify: refused,
      decidedBy: user.userId,
      at: now,
    })
    await q.insertCommitmentEvent(tx, complaint.commitment_id, {
      type: 'complaint_verified',
      actorUserId: user.userId,
      actorRole: 'bureau',
      departmentId: null,
      note: input.explanation,
      noteAudience: 'enterprise',
      data: { complaintId, outcome: input.outcome, refusedToRectify: refused },
      audience: 'enterprise',
    })
    await writeAudit(tx, user, {
      action: 'commitment_complaint.verify',
      entityType: 'commitment_complaint',
      entityId: complaint.id,
      before: { status: complaint.status },
      after: { status: input.outcome, refusedToRectify: refused },
    })
    if (input.outcome === 'breach') {
      const row = await q.lockCommitment(tx, complaint.commitment_id, { kind: 'all' })
      await q.updateCommitment(tx, complaint.commitment_id, {
        breach_count: row!.breach_count + 1,
        is_second_breach: row!.is_second_breach || row!.parent_id !== null,
      })
      await writeAudit(tx, user, {
        action: 'commitment.record_breach',
        entityType: 'commitment',
        entityId: complaint.commitment_id,
        before: { breachCount: row!.breach_count },
        after: { breachCount: row!.breach_count + 1, complaintId, refusedToRectify: refused },
      })
    }
    await notifyApplicant(deps.notifier, tx, complaint.enterprise_id, {
      template: `commitments.complaint_${input.outcome}`,
      params: { number: complaint.commitment_number, explanation: input.explanation },
    })
  })
  return presentComplaint((await q.findComplaint(deps.db, complaintId))!, now)
}

// ── settings ─────────────────────────────────────────────────────────────────

export async function getSettings(deps: AppDeps, actor: Actor): Promise<CommitmentSettings> {
  requireBureau(actor)
  return q.findSettings(deps.db)
}

/** The bureau sets the working days a complaint must be verified in. Refuses: FORBIDDEN. */
export async function updateSettings(deps: AppDeps, actor: Actor, input: CommitmentSettingsInput) {
  const user = requireBureau(actor)
  await deps.db.transaction().execute(async (tx) => {
    const before = await q.findSettings(tx)
    await q.updateSettings(tx, input.verificationDays, user.userId)
    await writeAudit(tx, user, {
      action: 'commitment_settings.update',
      entityType: 'commitment_settings',
      before,
      after: input,
    })
  })
  return q.findSettings(deps.db)
}
