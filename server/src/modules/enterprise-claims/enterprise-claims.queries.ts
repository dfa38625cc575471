import type { Insertable, Updateable } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type {
  EnterpriseClaimMethod,
  EnterpriseClaimStatus,
  EnterpriseClaimsTable,
  EnterpriseDisputesTable,
} from './enterprise-claims.tables'

const claimColumns = (db: Executor) =>
  db
    .selectFrom('enterprise_claims as c')
    .innerJoin('enterprises as e', 'e.id', 'c.enterprise_id')
    .innerJoin('users as u', 'u.id', 'c.claimant_id')
    .selectAll('c')
    .select(['e.name as enterprise_name', 'e.uscc as enterprise_uscc', 'u.phone as claimant_phone'])

export type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaim>>>

export async function findClaim(db: Executor, id: string) {
  return claimColumns(db).where('c.id', '=', id).executeTakeFirst()
}

export async function lockClaim(tx: Tx, id: string) {
  await tx.selectFrom('enterprise_claims').select('id').where('id', '=', id).forUpdate().executeTakeFirst()
  return findClaim(tx, id)
}

export async function findPendingClaim(db: Executor, enterpriseId: string, claimantId: string) {
  return claimColumns(db)
    .where('c.enterprise_id', '=', enterpriseId)
    .where('c.claimant_id', '=', claimantId)
    .where('c.status', '=', 'pending')
    .executeTakeFirst()
}

export async function insertClaim(tx: Tx, values: Insertable<EnterpriseClaimsTable>) {
  return tx.insertInto('enterprise_claims').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function updateClaim(tx: Tx, id: string, changes: Updateable<EnterpriseClaimsTable>) {
  await tx
    .updateTable('enterprise_claims')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export async function findClaimsOfClaimant(db: Executor, claimantId: string) {
  return claimColumns(db)
    .where('c.claimant_id', '=', claimantId)
    .orderBy('c.created_at', 'desc')
    .limit(50)
    .execute()
}

export async function findClaimsOfEnterprise(
  db: Executor,
  enterpriseId: string,
  method: EnterpriseClaimMethod,
) {
  return claimColumns(db)
    .where('c.enterprise_id', '=', enterpriseId)
    .where('c.method', '=', method)
    .orderBy('c.created_at', 'desc')
    .limit(50)
    .execute()
}

export async function findClaimsForReview(db: Executor, status: EnterpriseClaimStatus) {
  return claimColumns(db)
    .where('c.method', '=', 'licence_review')
    .where('c.status', '=', status)
    .orderBy('c.created_at', status === 'pending' ? 'asc' : 'desc')
    .limit(200)
    .execute()
}

/** Code claims whose code ran out without being entered. */
export async function expireCodeClaims(tx: Tx, before: Date): Promise<number> {
  const result = await tx
    .updateTable('enterprise_claims')
    .set({ status: 'expired', updated_at: new Date() })
    .where('method', '=', 'legal_rep_code')
    .where('status', '=', 'pending')
    .where('code_expires_at', '<', before)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

// Files

export async function insertFile(
  db: Executor,
  row: {
    fileName: string
    contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'
    content: Buffer
    sha256: string
    uploadedBy: string
  },
) {
  return db
    .insertInto('enterprise_claim_files')
    .values({
      file_name: row.fileName,
      content_type: row.contentType,
      size_bytes: row.content.length,
      sha256: row.sha256,
      content: row.content,
      uploaded_by: row.uploadedBy,
    })
    .returning(['id', 'file_name', 'content_type', 'size_bytes'])
    .executeTakeFirstOrThrow()
}

export async function findFileMeta(db: Executor, id: string) {
  return db
    .selectFrom('enterprise_claim_files')
    .select(['id', 'file_name', 'content_type', 'size_bytes', 'uploaded_by'])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function findFileContent(db: Executor, id: string) {
  return db.selectFrom('enterprise_claim_files').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A licence file the user uploaded that no claim uses yet (a file serves one claim only). */
export async function isOwnUnusedFile(db: Executor, id: string, userId: string): Promise<boolean> {
  const file = await db
    .selectFrom('enterprise_claim_files')
    .select('id')
    .where('id', '=', id)
    .where('uploaded_by', '=', userId)
    .executeTakeFirst()
  if (!file) return false
  return !(await db
    .selectFrom('enterprise_claims')
    .select('id')
    .where('licence_file_id', '=', id)
    .executeTakeFirst())
}

/** Codes sent to a phone since an instant, over every claim: the legal representative is not to be flooded. */
export async function countCodesToPhone(db: Executor, phone: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('enterprise_claims')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('codes_sent'), eb.lit(0)).as('n'))
    .where('code_phone', '=', phone)
    .where('code_sent_at', '>', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

// Disputes

const disputeColumns = (db: Executor) =>
  db
    .selectFrom('enterprise_disputes as d')
    .innerJoin('enterprises as e', 'e.id', 'd.enterprise_id')
    .innerJoin('users as u', 'u.id', 'd.reported_by')
    .selectAll('d')
    .select(['e.name as enterprise_name', 'e.uscc as enterprise_uscc', 'u.phone as reporter_phone'])

export type DisputeRow = NonNullable<Awaited<ReturnType<typeof findDispute>>>

export async function insertDispute(tx: Tx, values: Insertable<EnterpriseDisputesTable>) {
  return tx.insertInto('enterprise_disputes').values(values).returning('id').executeTakeFirstOrThrow()
}

export async function findDispute(db: Executor, id: string) {
  return disputeColumns(db).where('d.id', '=', id).executeTakeFirst()
}

export async function findDisputes(db: Executor, status: 'open' | 'resolved') {
  return disputeColumns(db)
    .where('d.status', '=', status)
    .orderBy('d.created_at', status === 'open' ? 'asc' : 'desc')
    .limit(200)
    .execute()
}

export async function resolveDispute(tx: Tx, id: string, row: { resolution: string; by: string }) {
  return tx
    .updateTable('enterprise_disputes')
    .set({ status: 'resolved', resolution: row.resolution, resolved_by: row.by, resolved_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst()
}
