import type { Insertable, Updateable } from 'kysely'
import { sql } from 'kysely'
import type { Executor, Tx } from '../../kernel/db/database'
import type { CertificatesTable } from './certificates.tables'

/** All the SQL of certificates (a lint rule keeps it here). */

export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>

export async function findCertificate(db: Executor, id: string) {
  return db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst()
}

/** What the verifier needs, by the unique number (one index lookup). */
export async function findCertificateToVerify(db: Executor, number: string) {
  return db
    .selectFrom('certificates')
    .select([
      'number',
      'kind',
      'title',
      'holder_name',
      'holder_uscc',
      'issuing_department_name',
      'issued_on',
      'valid_until',
      'status',
      'status_reason',
      'payload',
    ])
    .where('number', '=', number)
    .executeTakeFirst()
}

export async function isEnterpriseMember(db: Executor, userId: string, enterpriseId: string) {
  const row = await db
    .selectFrom('enterprise_members')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst()
  return row !== undefined
}

export async function lockCertificate(tx: Tx, id: string) {
  return tx.selectFrom('certificates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** The certificates of the enterprises the user belongs to, newest first. */
export async function findCertificatesOfMember(db: Executor, userId: string) {
  return db
    .selectFrom('certificates')
    .selectAll()
    .where('enterprise_id', 'in', (eb) =>
      eb.selectFrom('enterprise_members').select('enterprise_id').where('user_id', '=', userId),
    )
    .orderBy('issued_on', 'desc')
    .orderBy('number')
    .limit(200)
    .execute()
}

/**
 * The holder's name and USCC and the issuing department's name, as printed and signed: one round
 * trip (an instant decision waits on each, decision 0066). Undefined when either is not there.
 */
export async function findHolderAndIssuer(db: Executor, enterpriseId: string, departmentId: string) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('departments as d', (join) => join.on('d.id', '=', departmentId))
    .select(['e.name', 'e.uscc', 'd.name as department_name'])
    .where('e.id', '=', enterpriseId)
    .executeTakeFirst()
}

/** A certificate's INSERT, not sent: the issue sends it with its audit row, in one statement (its id given). */
export function certificateInsert(tx: Tx, values: Insertable<CertificatesTable> & { id: string }) {
  return tx.insertInto('certificates').values(values)
}

export async function updateCertificate(tx: Tx, id: string, changes: Updateable<CertificatesTable>) {
  await tx
    .updateTable('certificates')
    .set({ ...changes, version: sql`version + 1` })
    .where('id', '=', id)
    .execute()
}

/** Every certificate not in force by decision (expiry needs no list: the date is signed). */
export async function findWithdrawnCertificates(db: Executor) {
  return db
    .selectFrom('certificates')
    .select(['number', 'status', 'status_reason', 'status_changed_at'])
    .where('status', '<>', 'active')
    .orderBy('number')
    .execute()
}

/** The first enterprise (by name) of the user with this sign-in phone, and whether it holds certificates. */
export async function findDemoHolder(db: Executor, phone: string) {
  return db
    .selectFrom('enterprise_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('enterprises as e', 'e.id', 'm.enterprise_id')
    .select([
      'e.id',
      (eb) =>
        eb
          .exists(eb.selectFrom('certificates as c').whereRef('c.enterprise_id', '=', 'e.id'))
          .as('has_certificates'),
    ])
    .where('u.phone', '=', phone)
    .orderBy('e.name')
    .executeTakeFirst()
}

export async function findDepartmentIdByCode(db: Executor, code: string) {
  return db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst()
}

/** One enterprise's certificates, for another module to reuse (证照免提交): what stands for a material. */
export async function findCertificatesOfEnterprise(db: Executor, enterpriseId: string) {
  return db
    .selectFrom('certificates')
    .select(['id', 'number', 'title', 'status', 'valid_until'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('issued_on', 'desc')
    .orderBy('number')
    .limit(200)
    .execute()
}
