import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'

/** All SQL of settlement accounts and the codes that confirm a change. */

/**
 * The enterprises with the name an account name must equal: the market-regulation registry's when
 * the city's registry has the enterprise (a member cannot edit it), else the profile's.
 */
export async function findRegisteredNames(db: Executor, enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return []
  return db
    .selectFrom('enterprises as e')
    .leftJoin('enterprise_registry as r', 'r.uscc', 'e.uscc')
    .select(['e.id', 'e.name', sql<string>`coalesce(r.name, e.name)`.as('registered_name')])
    .where('e.id', 'in', enterpriseIds)
    .execute()
}

function accountQuery(db: Executor) {
  return db
    .selectFrom('settlement_accounts as a')
    .leftJoin('users as u', 'u.id', 'a.set_by')
    .selectAll('a')
    .select(['u.display_name as set_by_name', 'u.phone as set_by_phone'])
}

export type AccountRow = Awaited<ReturnType<typeof findAccounts>>[number]

/** Every account the enterprise has had, newest first. */
export async function findAccounts(db: Executor, enterpriseId: string) {
  return accountQuery(db).where('a.enterprise_id', '=', enterpriseId).orderBy('a.version', 'desc').execute()
}

/** The current account of each enterprise that has one. */
export async function findCurrentAccounts(db: Executor, enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return []
  return accountQuery(db)
    .where('a.enterprise_id', 'in', enterpriseIds)
    .where('a.superseded_at', 'is', null)
    .execute()
}

/** The current account locked for a change (null when there is none yet). */
export async function lockCurrentAccount(tx: Tx, enterpriseId: string) {
  const row = await tx
    .selectFrom('settlement_accounts')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('superseded_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
  if (!row) return undefined
  return accountQuery(tx).where('a.id', '=', row.id).executeTakeFirstOrThrow()
}

export async function insertAccount(
  tx: Tx,
  values: {
    enterpriseId: string
    version: number
    accountName: string
    bankName: string
    accountNumber: string
    changeReason: string | null
    setBy: string
    isDemo?: boolean
  },
) {
  return tx
    .insertInto('settlement_accounts')
    .values({
      enterprise_id: values.enterpriseId,
      version: values.version,
      account_name: values.accountName,
      bank_name: values.bankName,
      account_number: values.accountNumber,
      change_reason: values.changeReason,
      set_by: values.setBy,
      is_demo: values.isDemo ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function supersedeAccount(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.updateTable('settlement_accounts').set({ superseded_at: at }).where('id', '=', id).execute()
}

export async function findUserPhone(db: Executor, userId: string) {
  return db.selectFrom('users').select(['phone', 'display_name']).where('id', '=', userId).executeTakeFirst()
}

// Codes

/** The latest code sent to this manager for this enterprise. */
export async function findLatestCode(db: Executor, enterpriseId: string, userId: string) {
  return db
    .selectFrom('settlement_account_codes')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function lockLatestCode(tx: Tx, enterpriseId: string, userId: string) {
  return tx
    .selectFrom('settlement_account_codes')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
}

export async function countCodesSince(db: Executor, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('settlement_account_codes')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('user_id', '=', userId)
    .where('sent_at', '>', since)
    .executeTakeFirstOrThrow()
  return row.n
}

export async function insertCode(
  tx: Tx,
  values: {
    id: string
    enterpriseId: string
    userId: string
    phone: string
    codeHash: string
    sentAt: Date
    expiresAt: Date
  },
): Promise<void> {
  await tx
    .insertInto('settlement_account_codes')
    .values({
      id: values.id,
      enterprise_id: values.enterpriseId,
      user_id: values.userId,
      phone: values.phone,
      code_hash: values.codeHash,
      sent_at: values.sentAt,
      expires_at: values.expiresAt,
    })
    .execute()
}

export async function updateCode(tx: Tx, id: string, changes: { attempts?: number; used_at?: Date }) {
  await tx.updateTable('settlement_account_codes').set(changes).where('id', '=', id).execute()
}

// Demo data

/** Demo enterprises with no account yet, with their registered names (the seed gives each a demo account). */
export async function findDemoEnterprisesWithoutAccount(db: Executor) {
  return db
    .selectFrom('enterprises as e')
    .leftJoin('enterprise_registry as r', 'r.uscc', 'e.uscc')
    .select(['e.id', 'e.uscc', sql<string>`coalesce(r.name, e.name)`.as('registered_name')])
    .where('e.is_demo', '=', true)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('settlement_accounts as a').select('a.id').whereRef('a.enterprise_id', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.uscc')
    .execute()
}

export async function insertDemoAccounts(
  tx: Tx,
  rows: { enterpriseId: string; accountName: string; bankName: string; accountNumber: string }[],
): Promise<number> {
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('settlement_accounts')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          enterprise_id: r.enterpriseId,
          version: 1,
          account_name: r.accountName,
          bank_name: r.bankName,
          account_number: r.accountNumber,
          change_reason: null,
          set_by: null,
          is_demo: true,
        })),
      )
      .execute()
  return rows.length
}
