import crypto from 'node:crypto'
import {
  departmentsWhere,
  hasRole,
  requireRole,
  requireSignedIn,
  systemActor,
  type Actor,
  type SystemActor,
  type UserActor,
} from '../../kernel/auth/actor'
import { writeAudit, writeAuditWith } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { AppError, notFound } from '../../kernel/errors'
import type { Executor, Tx } from '../../kernel/db/database'
import type { AppDeps } from '../../kernel/http/app-env'
import { definePresenter } from '../../kernel/present'
import {
  certificateKeyFile,
  loadOrCreateCertificateKeyring,
  rotateCertificateKey,
  type CertificateKeyring,
} from './certificate-key'
import { signBytes, signPayload, SM2_USER_ID, type SignedFields } from './certificate-payload'
import { qrSvg, renderCertificatePdf } from './certificate-pdf'
import { checkPayloadRemembered } from './checked-payloads'
import type { Certificate, IssueCertificateInput, Verification } from './certificates.schema'
import * as q from './certificates.queries'
import { forgetStatusList, recordToVerify } from './verification-cache'
import type { CertificateRow } from './certificates.queries'

/**
 * Certificates (电子证照, decision 0042): a department issues a signed certificate to an enterprise;
 * its head or an administrator suspends, reinstates or revokes it with a reason (audited); anyone
 * verifies the QR payload. Each function checks permissions first.
 */

/** The instance's keys, read from their file once per process (decision 0048). */
function keyringOf(deps: AppDeps, options: { recheck?: boolean } = {}): CertificateKeyring {
  return loadOrCreateCertificateKeyring(certificateKeyFile(deps.config.auditSigningKeyFile), options)
}

/** The key that signs new certificates and the status list. */
function keyOf(deps: AppDeps) {
  return keyringOf(deps).current
}

/**
 * Adds a new signing key (`npm run certificates:rotate-key`): certificates signed before keep
 * verifying under the retired key, which stays published. Other running nodes pick it up within
 * KEY_FILE_RECHECK_MS, or at once when asked to verify a payload under the new key.
 */
export function rotateCertificateSigningKey(deps: AppDeps, now: Date) {
  const keyring = rotateCertificateKey(certificateKeyFile(deps.config.auditSigningKeyFile), now)
  return { keyId: keyring.current.keyId, retired: keyring.published.filter((k) => !k.current).length }
}

function statusOf(row: Pick<CertificateRow, 'status' | 'valid_until'>, today: string): Certificate['status'] {
  if (row.status === 'active' && row.valid_until < today) return 'expired'
  return row.status
}

/** What anyone who verifies a certificate reads of it (its signed fields). */
const presentPublic = definePresenter({
  number: 'number',
  kind: 'kind',
  title: 'title',
  holderName: 'holder_name',
  holderUscc: 'holder_uscc',
  issuer: 'issuing_department_name',
  issuedOn: 'issued_on',
  validUntil: 'valid_until',
})

/** What its holder and staff read besides: the record and its status. */
const presentRecord = definePresenter({
  id: 'id',
  enterpriseId: 'enterprise_id',
  issuingDepartmentId: 'issuing_department_id',
  applicationId: 'application_id',
  statusReason: 'status_reason',
  statusChangedAt: 'status_changed_at',
  payload: 'payload',
  keyId: 'key_id',
  version: 'version',
})

function present(row: CertificateRow, today: string): Certificate {
  return { ...presentPublic(row), ...presentRecord(row), status: statusOf(row, today) }
}

/** An administrator, or the head of the issuing department. */
function requireIssuer(actor: Actor, departmentId: string): UserActor {
  const user = requireRole(actor, 'admin', 'department_head')
  if (!hasRole(user, 'admin') && !departmentsWhere(user, 'department_head').includes(departmentId))
    throw new AppError('FORBIDDEN')
  return user
}

/**
 * Issues and signs a certificate. The staff endpoint calls it; the services module will call it from
 * its application flow (exported in index.ts). Refuses: FORBIDDEN, NOT_FOUND (enterprise or department).
 */
export async function issueCertificate(
  deps: AppDeps,
  actor: Actor,
  input: IssueCertificateInput,
): Promise<Certificate> {
  const user = requireIssuer(actor, input.issuingDepartmentId)
  return issueSigned(deps, user, input)
}

/** Signs and stores a certificate, audited as the issuer (a user, or the seed). */
async function issueSigned(
  deps: AppDeps,
  issuer: UserActor | SystemActor,
  input: IssueCertificateInput,
): Promise<Certificate> {
  const { id } = await deps.db
    .transaction()
    .execute((tx) => issueCertificateInTransaction(deps, tx, issuer, input))
  return present((await q.findCertificate(deps.db, id))!, cityToday(deps))
}

/**
 * Signs and stores a certificate inside the caller's transaction and answers its id and number: an
 * approval of the services module issues it in the decision's own transaction, so an application is
 * never approved without its certificate nor a certificate issued for an approval that rolled back.
 * The caller has decided who may issue (the decision's reviewer). Answers the holder's name as signed
 * too (the decision notice addresses it). Refuses: NOT_FOUND (enterprise or department).
 */
export async function issueCertificateInTransaction(
  deps: AppDeps,
  tx: Tx,
  issuer: UserActor | SystemActor,
  input: IssueCertificateInput,
): Promise<{ id: string; number: string; holderName: string }> {
  const holder = await q.findHolderAndIssuer(tx, input.enterpriseId, input.issuingDepartmentId)
  if (!holder) throw notFound()
  const key = keyOf(deps)
  const fields: SignedFields = {
    v: 1,
    no: `YS${input.issuedOn.slice(0, 4)}${crypto.randomBytes(5).toString('hex').toUpperCase()}`,
    kind: input.kind,
    title: input.title,
    holder: holder.name,
    uscc: holder.uscc,
    issuer: holder.department_name,
    issued: input.issuedOn,
    until: input.validUntil,
    kid: key.keyId,
  }
  // the id made here, so the certificate and its audit row go in one statement
  const id = crypto.randomUUID()
  const certificate = q.certificateInsert(tx, {
    id,
    number: fields.no,
    kind: input.kind,
    enterprise_id: input.enterpriseId,
    holder_name: holder.name,
    holder_uscc: holder.uscc,
    title: input.title,
    issuing_department_id: input.issuingDepartmentId,
    issuing_department_name: holder.department_name,
    issued_on: input.issuedOn,
    valid_until: input.validUntil,
    application_id: input.applicationId,
    status_reason: null,
    status_changed_at: null,
    payload: signPayload(fields, key.privateKeyHex, key.publicKeyHex),
    key_id: key.keyId,
    issued_by: issuer.kind === 'user' ? issuer.userId : null,
    created_at: new Date(),
  })
  const audit = {
    action: 'certificate.issue',
    entityType: 'certificate',
    entityId: id,
    after: {
      number: fields.no,
      enterpriseId: input.enterpriseId,
      kind: input.kind,
      validUntil: input.validUntil,
    },
  }
  await writeAuditWith(tx, issuer, audit, certificate)
  return { id, number: fields.no, holderName: holder.name }
}

type StatusMove = 'suspend' | 'reinstate' | 'revoke'

/** Suspend (active → suspended), reinstate (suspended → active), revoke (either → revoked, final). */
export async function changeCertificateStatus(
  deps: AppDeps,
  actor: Actor,
  id: string,
  move: StatusMove,
  reason: string,
): Promise<Certificate> {
  requireRole(actor, 'admin', 'department_head')
  await deps.db.transaction().execute(async (tx) => {
    const row = await q.lockCertificate(tx, id)
    if (!row) throw notFound()
    const user = requireIssuer(actor, row.issuing_department_id)
    if (row.status === 'revoked') throw new AppError('CERTIFICATE_REVOKED')
    if (move === 'suspend' && row.status !== 'active') throw new AppError('CERTIFICATE_NOT_ACTIVE')
    if (move === 'reinstate' && row.status !== 'suspended') throw new AppError('CERTIFICATE_NOT_SUSPENDED')
    const status = move === 'suspend' ? 'suspended' : move === 'revoke' ? 'revoked' : 'active'
    await q.updateCertificate(tx, id, { status, status_reason: reason, status_changed_at: new Date() })
    await writeAudit(tx, user, {
      action: `certificate.${move}`,
      entityType: 'certificate',
      entityId: id,
      before: { status: row.status },
      after: { status, reason },
    })
  })
  forgetStatusList(deps.db)
  return present((await q.findCertificate(deps.db, id))!, cityToday(deps))
}

/** The certificates of the caller's enterprises. */
export async function listMyCertificates(deps: AppDeps, actor: Actor) {
  const user = requireRole(actor, 'enterprise')
  const today = cityToday(deps)
  return { items: (await q.findCertificatesOfMember(deps.db, user.userId)).map((r) => present(r, today)) }
}

/**
 * Public: the QR payload checked offline first (canonical bytes, SM2 under the published key), then
 * online against the status the instance keeps. Any payload that does not check out is "invalid".
 */
export async function verifyCertificate(deps: AppDeps, payload: string): Promise<Verification> {
  const today = cityToday(deps)
  const text = payload.trim()
  // Cheap on purpose (decisions 0048, 0058): keys parsed again only when their file changes, the
  // signature check remembered per payload, the record read once per payload, the status from the
  // published status list in memory.
  let check = checkPayloadRemembered(text, keyringOf(deps))
  // a key this node has not read yet (rotated a moment ago by another process): look at the file now
  if (!check.ok && check.reason === 'unknown_key')
    check = checkPayloadRemembered(text, keyringOf(deps, { recheck: true }))
  if (!check.ok) return { result: 'invalid', certificate: null, statusReason: null, checkedOn: today }
  const row = await recordToVerify(deps.db, check.fields.no, text)
  if (!row) return { result: 'unknown', certificate: null, statusReason: null, checkedOn: today }
  // Signed by this key but not the payload on record: only a leaked key makes one.
  if (row === 'mismatch')
    return { result: 'invalid', certificate: null, statusReason: null, checkedOn: today }
  const status = statusOf(row, today)
  return {
    result: status === 'active' ? 'valid' : status,
    certificate: presentPublic(row),
    statusReason: status === 'suspended' || status === 'revoked' ? row.status_reason : null,
    checkedOn: today,
  }
}

/**
 * A certificate its holder or staff may read: an administrator, staff of the issuing department, or a
 * member of the holding enterprise. Anyone else gets NOT_FOUND, as for a certificate that is not there.
 */
async function findReadableCertificate(deps: AppDeps, actor: Actor, id: string): Promise<CertificateRow> {
  const user = requireSignedIn(actor)
  const row = await q.findCertificate(deps.db, id)
  if (!row) throw notFound()
  if (hasRole(user, 'admin')) return row
  if (user.userKind === 'staff' && user.roles.some((g) => g.departmentId === row.issuing_department_id))
    return row
  if (user.userKind === 'enterprise' && (await q.isEnterpriseMember(deps.db, user.userId, row.enterprise_id)))
    return row
  throw notFound()
}

/** Where the certificate's QR leads: the web verify page with the payload (PUBLIC_URL, else the request's). */
function verifyUrlOf(deps: AppDeps, requestOrigin: string, payload: string): string {
  return `${(deps.config.publicUrl ?? requestOrigin).replace(/\/+$/, '')}/certificates/verify?p=${payload}`
}

/** The certificate as a PDF for its holder or staff. Refuses: UNAUTHENTICATED, NOT_FOUND. */
export async function certificatePdf(deps: AppDeps, actor: Actor, id: string, requestOrigin: string) {
  const row = await findReadableCertificate(deps, actor, id)
  const bytes = await renderCertificatePdf(
    {
      number: row.number,
      title: row.title,
      holderName: row.holder_name,
      holderUscc: row.holder_uscc,
      issuer: row.issuing_department_name,
      issuedOn: row.issued_on,
      validUntil: row.valid_until,
      keyId: row.key_id,
    },
    verifyUrlOf(deps, requestOrigin, row.payload),
  )
  return { bytes, fileName: `${row.title}-${row.number}.pdf` }
}

/** The certificate's QR code as SVG, for its holder or staff. Refuses: UNAUTHENTICATED, NOT_FOUND. */
export async function certificateQrSvg(deps: AppDeps, actor: Actor, id: string, requestOrigin: string) {
  const row = await findReadableCertificate(deps, actor, id)
  return qrSvg(verifyUrlOf(deps, requestOrigin, row.payload))
}

export const PAYLOAD_FORMAT =
  '<base64url(canonical JSON: sorted keys holder,issued,issuer,kid,kind,no,title,until,uscc,v)>.<base64url(SM2 signature, DER)>'

/**
 * Public: the keys that sign certificates, for a verifier to keep and check offline: the current one
 * first, then the retired ones (what they signed still verifies).
 */
export function listCertificateKeys(deps: AppDeps) {
  return {
    algorithm: 'SM2-with-SM3' as const,
    userId: SM2_USER_ID,
    payloadFormat: PAYLOAD_FORMAT,
    keys: keyringOf(deps).published.map((k) => ({
      keyId: k.keyId,
      publicKeyHex: k.publicKeyHex,
      publicKeyPem: k.publicKeyPem,
      current: k.current,
      retiredAt: k.retiredAt,
    })),
  }
}

/** Public: the suspended and revoked numbers, signed with the current certificate key and dated. */
export async function certificateStatusList(deps: AppDeps) {
  const key = keyOf(deps)
  const rows = await q.findWithdrawnCertificates(deps.db)
  const items = rows.map((r) => ({
    number: r.number,
    status: r.status as 'suspended' | 'revoked',
    changedAt: r.status_changed_at?.toISOString() ?? '',
  }))
  const issuedAt = new Date().toISOString()
  const signed = Buffer.from(JSON.stringify({ issuedAt, items, keyId: key.keyId }), 'utf8')
  return {
    issuedAt,
    keyId: key.keyId,
    items,
    signature: signBytes(signed, key.privateKeyHex, key.publicKeyHex),
  }
}

/** The market regulation bureau issues the demo certificates (Dalian's seed has it under this code). */
const DEMO_ISSUER_CODE = 'DL-SCJGJ'

/**
 * Demo data: a food business licence in force and a revoked public-place hygiene licence for the first
 * enterprise of the demo enterprise user, so the list and the verify page have something to show.
 * Once: an enterprise that holds certificates keeps them. Answers how many it issued.
 */
export async function seedDemoCertificates(deps: AppDeps, demoPhone: string): Promise<number> {
  const holder = await q.findDemoHolder(deps.db, demoPhone)
  const department = await q.findDepartmentIdByCode(deps.db, DEMO_ISSUER_CODE)
  if (!holder || holder.has_certificates || !department) return 0
  const seed = systemActor('seed')
  const base = { enterpriseId: holder.id, issuingDepartmentId: department.id, applicationId: null }
  await issueSigned(deps, seed, {
    ...base,
    kind: 'licence',
    title: '食品经营许可证',
    issuedOn: '2026-03-02',
    validUntil: '2031-03-01',
  })
  const revoked = await issueSigned(deps, seed, {
    ...base,
    kind: 'licence',
    title: '公共场所卫生许可证',
    issuedOn: '2025-06-16',
    validUntil: '2029-06-15',
  })
  await deps.db.transaction().execute(async (tx) => {
    await q.updateCertificate(tx, revoked.id, {
      status: 'revoked',
      status_reason: '演示数据：经营场所已注销',
      status_changed_at: new Date(),
    })
    await writeAudit(tx, seed, {
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: revoked.id,
      before: { status: 'active' },
      after: { status: 'revoked', reason: '演示数据：经营场所已注销' },
    })
  })
  return 2
}

/**
 * An enterprise's certificates as another module reuses them instead of an upload (证照免提交): the
 * caller checks its own permission on the enterprise first. Dates as the city's YYYY-MM-DD.
 */
export async function listEnterpriseCertificates(db: Executor, enterpriseId: string) {
  return (await q.findCertificatesOfEnterprise(db, enterpriseId)).map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    validUntil: r.valid_until,
  }))
}
