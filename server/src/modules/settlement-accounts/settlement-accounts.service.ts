import crypto from 'node:crypto'
import type { Actor, UserActor } from '../../kernel/auth/actor'
import { maskPhone } from '../../shared/phone'
import { hashToken, randomDigits, safeEqual } from '../../kernel/auth/tokens'
import { writeAudit } from '../../kernel/audit/audit'
import { definePresenter } from '../../kernel/present'
import type { Executor, Tx } from '../../kernel/db/database'
import { AppError, notFound, type FieldErrors } from '../../kernel/errors'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import {
  checkAccountNumber,
  isSameAccountName,
  maskAccountNumber,
  tidyAccountName,
} from '../../shared/settlement-account'
import { findManagerIds, findMembershipRole } from '../enterprises'
import { requireEnterpriseAccess } from '../enterprises'
import type {
  AccountProblem,
  AccountView,
  ChangeAccountInput,
  SetAccountInput,
  SettlementAccountState,
} from './settlement-accounts.schema'
import * as q from './settlement-accounts.queries'
import type { AccountRow } from './settlement-accounts.queries'
import './settlement-accounts.messages'

/**
 * The enterprise's settlement account (结算账户), the one place money goes. Any member gives the first
 * account; after that only a manager changes it, typing the number twice, giving a reason and the code
 * sent to their own phone. A change supersedes the old row, never overwrites it, and every manager is
 * told at once by text message: a changed account is how payouts get stolen. Everyone reads the
 * number masked; only the paying department's bank file carries it whole (benefits, payout ledger).
 */
export const CODE_LIMITS = {
  ttlMs: 10 * 60_000,
  resendMs: 60_000,
  perUserPerDay: 5,
  attemptsPerCode: 5,
}
const DAY_MS = 86_400_000

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505'

/** A person as other members read them: a display name, a phone only masked. */
function personLabel(name: string | null, phone: string | null): string | null {
  if (phone && (!name || name === phone)) return maskPhone(phone)
  return name
}

/** The account's own columns; its number leaves only masked, and who set it only as a label (below). */
const presentAccountColumns = definePresenter({
  id: 'id',
  version: 'version',
  accountName: 'account_name',
  bankName: 'bank_name',
  setAt: 'set_at',
  changeReason: 'change_reason',
  supersededAt: 'superseded_at',
})

export function presentAccount(row: AccountRow): AccountView {
  return {
    ...presentAccountColumns(row),
    accountNumberMasked: maskAccountNumber(row.account_number),
    lastFour: row.account_number.slice(-4),
    setBy: row.set_by ? personLabel(row.set_by_name, row.set_by_phone) : null,
  }
}

/** A row for the audit trail: which account, never the whole number. */
const auditOf = (row: {
  id: string
  version: number
  bankName: string
  accountName: string
  number: string
}) => ({
  accountId: row.id,
  version: row.version,
  accountName: row.accountName,
  bankName: row.bankName,
  accountNumber: maskAccountNumber(row.number),
})

async function registeredNameOf(db: Executor, enterpriseId: string): Promise<string> {
  const row = (await q.findRegisteredNames(db, [enterpriseId]))[0]
  if (!row) throw notFound()
  return row.registered_name
}

function problemOf(account: AccountRow | undefined, registeredName: string): AccountProblem | null {
  if (!account) return 'missing'
  return isSameAccountName(account.account_name, registeredName) ? null : 'name_mismatch'
}

/** The account name must be the enterprise's registered name; the message names both. */
function checkName(input: { accountName: string }, registeredName: string): FieldErrors {
  if (isSameAccountName(input.accountName, registeredName)) return {}
  return {
    accountName: translate('settlementAccount.nameMismatch', {
      given: tidyAccountName(input.accountName),
      registered: registeredName,
    }),
  }
}

function warningsOf(input: { accountNumber: string }): SettlementAccountState['warnings'] {
  const check = checkAccountNumber(input.accountNumber)
  return check.ok && check.warning
    ? [{ field: 'accountNumber', message: translate(`settlementAccount.warning.${check.warning}`) }]
    : []
}

async function stateOf(
  db: Executor,
  enterpriseId: string,
  role: 'manager' | 'agent' | null,
  warnings: SettlementAccountState['warnings'] = [],
): Promise<SettlementAccountState> {
  const [registeredName, accounts] = await Promise.all([
    registeredNameOf(db, enterpriseId),
    q.findAccounts(db, enterpriseId),
  ])
  const current = accounts.find((a) => a.superseded_at === null)
  return {
    enterpriseId,
    registeredName,
    current: current ? presentAccount(current) : null,
    history: accounts.filter((a) => a !== current).map(presentAccount),
    problem: problemOf(current, registeredName),
    canSet: role !== null && !current,
    canChange: role === 'manager' && !!current,
    warnings,
  }
}

async function roleIn(db: Executor, user: UserActor, enterpriseId: string, isMember: boolean) {
  return isMember ? findMembershipRole(db, enterpriseId, user.userId) : null
}

/** Members and staff read the account, masked. Refuses: UNAUTHENTICATED, NOT_FOUND (neither a member nor staff). */
export async function getSettlementAccount(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
): Promise<SettlementAccountState> {
  const { user, isMember } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'read')
  return stateOf(deps.db, enterpriseId, await roleIn(deps.db, user, enterpriseId, isMember))
}

async function notifyManagers(
  deps: AppDeps,
  tx: Tx,
  enterpriseId: string,
  template: string,
  params: Record<string, string | number>,
  urgency: { isUrgent?: boolean; isSolicited?: boolean },
) {
  for (const userId of await findManagerIds(tx, enterpriseId))
    await deps.notifier.enqueue(tx, {
      recipient: { userId },
      template,
      params,
      channels: ['inbox', 'sms'],
      ...urgency,
    })
}

async function whoLabel(db: Executor, userId: string): Promise<string> {
  const person = await q.findUserPhone(db, userId)
  return personLabel(person?.display_name ?? null, person?.phone ?? null) ?? '-'
}

/**
 * A member gives the enterprise's first settlement account; the managers are told.
 * Refuses: NOT_FOUND, FORBIDDEN (staff), SETTLEMENT_ACCOUNT_EXISTS (change it instead),
 * VALIDATION_FAILED (an account name that is not the registered name, naming both).
 */
export async function setSettlementAccount(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  input: SetAccountInput,
): Promise<SettlementAccountState> {
  const { user } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'act')
  try {
    await deps.db.transaction().execute(async (tx) => {
      if (await q.lockCurrentAccount(tx, enterpriseId)) throw new AppError('SETTLEMENT_ACCOUNT_EXISTS')
      const registeredName = await registeredNameOf(tx, enterpriseId)
      const fields = checkName(input, registeredName)
      if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
      const accountName = tidyAccountName(input.accountName)
      const { id } = await q.insertAccount(tx, {
        enterpriseId,
        version: 1,
        accountName,
        bankName: input.bankName,
        accountNumber: input.accountNumber,
        changeReason: null,
        setBy: user.userId,
      })
      const audited = { id, version: 1, accountName, bankName: input.bankName, number: input.accountNumber }
      await writeAudit(tx, user, {
        action: 'settlement_account.set',
        entityType: 'enterprise',
        entityId: enterpriseId,
        after: auditOf(audited),
      })
      await notifyManagers(
        deps,
        tx,
        enterpriseId,
        'settlement_account.set',
        {
          enterprise: registeredName,
          who: await whoLabel(tx, user.userId),
          bank: input.bankName,
          number: maskAccountNumber(input.accountNumber),
        },
        { isSolicited: true },
      )
    })
  } catch (error) {
    // Two members gave one at the same moment: the unique index let the first through.
    if (isUniqueViolation(error)) throw new AppError('SETTLEMENT_ACCOUNT_EXISTS')
    throw error
  }
  const role = await findMembershipRole(deps.db, enterpriseId, user.userId)
  return stateOf(deps.db, enterpriseId, role, warningsOf(input))
}

async function requireManager(deps: AppDeps, actor: Actor, enterpriseId: string): Promise<UserActor> {
  const { user } = await requireEnterpriseAccess(deps.db, actor, enterpriseId, 'act')
  if ((await findMembershipRole(deps.db, enterpriseId, user.userId)) !== 'manager')
    throw new AppError('FORBIDDEN')
  return user
}

/**
 * Sends a manager the code that confirms a change, to the phone they sign in with (never one typed
 * here). Refuses: NOT_FOUND, FORBIDDEN (not a manager), SETTLEMENT_ACCOUNT_NOT_SET (give one first),
 * RATE_LIMITED (one a minute, five a day).
 */
export async function sendChangeCode(deps: AppDeps, actor: Actor, enterpriseId: string) {
  const user = await requireManager(deps, actor, enterpriseId)
  const sent = await deps.db.transaction().execute(async (tx) => {
    if (!(await q.lockCurrentAccount(tx, enterpriseId))) throw new AppError('SETTLEMENT_ACCOUNT_NOT_SET')
    const now = new Date()
    const last = await q.findLatestCode(tx, enterpriseId, user.userId)
    if (last && now.getTime() - last.sent_at.getTime() < CODE_LIMITS.resendMs)
      throw new AppError('RATE_LIMITED', {
        params: {
          seconds: Math.ceil((last.sent_at.getTime() + CODE_LIMITS.resendMs - now.getTime()) / 1000),
        },
      })
    if (
      (await q.countCodesSince(tx, user.userId, new Date(now.getTime() - DAY_MS))) >=
      CODE_LIMITS.perUserPerDay
    )
      throw new AppError('RATE_LIMITED', { params: { seconds: Math.ceil(DAY_MS / 1000) } })
    const phone = (await q.findUserPhone(tx, user.userId))?.phone
    if (!phone) throw new AppError('FORBIDDEN')
    const code = randomDigits(6)
    const expiresAt = new Date(now.getTime() + CODE_LIMITS.ttlMs)
    // The hash binds the code to its row: a code from another request never fits.
    const id = crypto.randomUUID()
    await q.insertCode(tx, {
      id,
      enterpriseId,
      userId: user.userId,
      phone,
      codeHash: hashToken(`${id}:${code}`),
      sentAt: now,
      expiresAt,
    })
    await deps.notifier.enqueue(tx, {
      recipient: { phone },
      template: 'settlement_account.code',
      params: {
        code,
        enterprise: await registeredNameOf(tx, enterpriseId),
        minutes: CODE_LIMITS.ttlMs / 60_000,
      },
      channels: ['sms'],
      isUrgent: true,
    })
    return {
      sentTo: maskPhone(phone),
      expiresAt: expiresAt.toISOString(),
      resendAfter: new Date(now.getTime() + CODE_LIMITS.resendMs).toISOString(),
    }
  })
  deps.notifier.deliverUrgentNow()
  return sent
}

/**
 * A manager changes the account: the number typed twice, a reason, the code from their phone. The old
 * account stays (superseded); every manager is told by text message at once.
 * Refuses: NOT_FOUND, FORBIDDEN (not a manager), SETTLEMENT_ACCOUNT_NOT_SET, VALIDATION_FAILED (the
 * name is not the registered name, the same account again, a wrong or expired code — a wrong one counts).
 */
export async function changeSettlementAccount(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  input: ChangeAccountInput,
): Promise<SettlementAccountState> {
  const user = await requireManager(deps, actor, enterpriseId)
  const outcome = await deps.db.transaction().execute(async (tx) => {
    const current = await q.lockCurrentAccount(tx, enterpriseId)
    if (!current) throw new AppError('SETTLEMENT_ACCOUNT_NOT_SET')
    const registeredName = await registeredNameOf(tx, enterpriseId)
    const fields = checkName(input, registeredName)
    const accountName = tidyAccountName(input.accountName)
    if (
      current.account_number === input.accountNumber &&
      current.bank_name === input.bankName &&
      current.account_name === accountName
    )
      fields.accountNumber = translate('settlementAccount.sameAsCurrent')
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })

    const now = new Date()
    const code = await q.lockLatestCode(tx, enterpriseId, user.userId)
    const isLive =
      !!code && code.used_at === null && code.expires_at > now && code.attempts < CODE_LIMITS.attemptsPerCode
    if (!isLive || !safeEqual(code.code_hash, hashToken(`${code.id}:${input.code}`))) {
      // The attempt is kept though the request fails: the transaction commits it.
      if (code && code.used_at === null) await q.updateCode(tx, code.id, { attempts: code.attempts + 1 })
      return 'wrong' as const
    }
    await q.updateCode(tx, code.id, { used_at: now })
    await q.supersedeAccount(tx, current.id, now)
    const version = current.version + 1
    const { id } = await q.insertAccount(tx, {
      enterpriseId,
      version,
      accountName,
      bankName: input.bankName,
      accountNumber: input.accountNumber,
      changeReason: input.reason,
      setBy: user.userId,
    })
    const before = {
      id: current.id,
      version: current.version,
      accountName: current.account_name,
      bankName: current.bank_name,
      number: current.account_number,
    }
    const after = { id, version, accountName, bankName: input.bankName, number: input.accountNumber }
    await writeAudit(tx, user, {
      action: 'settlement_account.change',
      entityType: 'enterprise',
      entityId: enterpriseId,
      before: auditOf(before),
      after: { ...auditOf(after), reason: input.reason, confirmedBy: 'sms_code' },
    })
    // Urgent: a change nobody in the enterprise made must reach every manager before a payout does.
    await notifyManagers(
      deps,
      tx,
      enterpriseId,
      'settlement_account.changed',
      {
        enterprise: registeredName,
        who: await whoLabel(tx, user.userId),
        oldBank: current.bank_name,
        oldNumber: maskAccountNumber(current.account_number),
        bank: input.bankName,
        number: maskAccountNumber(input.accountNumber),
      },
      { isUrgent: true },
    )
    return 'changed' as const
  })
  if (outcome === 'wrong')
    throw new AppError('VALIDATION_FAILED', { fields: { code: translate('settlementAccount.wrongCode') } })
  return stateOf(deps.db, enterpriseId, 'manager', warningsOf(input))
}

// For the benefits module: where a claim's money would go, and whether it may go there.

export type AccountStanding = {
  account: AccountRow | undefined
  registeredName: string
  problem: AccountProblem | null
}

/** Each enterprise's current account and whether payouts may go to it (its name still the registered name). */
export async function findAccountStandings(
  db: Executor,
  enterpriseIds: string[],
): Promise<Map<string, AccountStanding>> {
  const ids = [...new Set(enterpriseIds)]
  const [names, accounts] = await Promise.all([
    q.findRegisteredNames(db, ids),
    q.findCurrentAccounts(db, ids),
  ])
  const byEnterprise = new Map(accounts.map((a) => [a.enterprise_id, a]))
  return new Map(
    names.map((n) => {
      const account = byEnterprise.get(n.id)
      return [
        n.id,
        { account, registeredName: n.registered_name, problem: problemOf(account, n.registered_name) },
      ]
    }),
  )
}

/**
 * The account a claim's money will go to. Refuses: SETTLEMENT_ACCOUNT_REQUIRED (none given yet),
 * SETTLEMENT_ACCOUNT_NAME_MISMATCH (the registered name changed since: a manager must change the account).
 */
export async function requirePayableAccount(db: Executor, enterpriseId: string): Promise<AccountRow> {
  const standing = (await findAccountStandings(db, [enterpriseId])).get(enterpriseId)
  if (!standing) throw notFound()
  return accountOrRefusal(standing)
}

export function accountOrRefusal(standing: AccountStanding): AccountRow {
  if (!standing.account) throw new AppError('SETTLEMENT_ACCOUNT_REQUIRED')
  if (standing.problem === 'name_mismatch')
    throw new AppError('SETTLEMENT_ACCOUNT_NAME_MISMATCH', {
      params: { accountName: standing.account.account_name, registeredName: standing.registeredName },
    })
  return standing.account
}

/**
 * Demo data: every demo enterprise without an account gets one in its registered name, marked as
 * demo, given by nobody (the seed). In the caller's transaction; answers how many were added.
 */
export async function giveDemoAccounts(
  tx: Tx,
  accountFor: (uscc: string) => { bankName: string; accountNumber: string },
): Promise<number> {
  const enterprises = await q.findDemoEnterprisesWithoutAccount(tx)
  return q.insertDemoAccounts(
    tx,
    enterprises.map((e) => ({ enterpriseId: e.id, accountName: e.registered_name, ...accountFor(e.uscc) })),
  )
}
