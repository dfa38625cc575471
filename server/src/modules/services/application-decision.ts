import { systemActor } from '../../kernel/auth/actor'
import { cityToday } from '../../kernel/calendar/city-today'
import { CERTIFICATE_KINDS } from '../certificates/certificates.schema'
import { issueCertificateInTransaction } from '../certificates'
import type { ApplicationContext, ApplicationOutcome } from './application-action'
import { issueNotice } from './application-notices'
import * as sq from './applications-staff.queries'

/**
 * The decision on an application (准予 / 不予行政许可), written the same way whoever decides — the
 * last review step, a department head's refusal, or the rules of an instant matter: the decision
 * columns, the decision notice kept as issued, the certificate signed in the same transaction when
 * the matter issues one, the applicant told. Answers the move's outcome (to approved or refused).
 */
export type DecisionInput = {
  outcome: 'approve' | 'refuse'
  /** required for a refusal (the law asks for the reason and the basis); an approval's explanation */
  reason: string | null
  legalBasis: string | null
  /** an instant matter: decided by the rules on submission, each condition explained */
  instant?: { conditions: { id: string; clause: string; text: string }[] }
  /** the matter's version when the caller has read it already (the instant decision has) */
  version?: MatterVersion
}

type MatterVersion = Awaited<ReturnType<typeof sq.findVersionOf>>

/** How long a certificate an approval issues is valid: five years, the usual term of a licence (decision 0049). */
const CERTIFICATE_YEARS = 5

export async function decideApplication(
  ctx: ApplicationContext,
  input: DecisionInput,
): Promise<ApplicationOutcome> {
  const { deps, tx, row, now } = ctx
  // an instant decision is the rules', not the applicant's who submitted: nobody signs it as a person
  const actor = input.instant ? systemActor('instant-matter') : ctx.actor
  const version =
    input.version ?? (row.matter_version_id ? await sq.findVersionOf(tx, row.matter_version_id) : undefined)
  const matterName = version?.name ?? row.title
  const legalBasis = input.legalBasis ?? version?.legal_basis ?? null
  const today = cityToday(deps, now)
  const received = row.received_at ? cityToday(deps, row.received_at) : today
  const by = actor.kind === 'user' ? actor.userId : null

  let certificate: { id: string; number: string; holderName: string } | null = null
  const kind = version?.certificate_kind
  if (input.outcome === 'approve' && kind && isCertificateKind(kind) && row.department_id)
    certificate = await issueCertificateInTransaction(deps, tx, actor, {
      enterpriseId: row.enterprise_id,
      kind,
      title: matterName,
      issuingDepartmentId: row.department_id,
      issuedOn: today,
      validUntil: yearsLater(today, CERTIFICATE_YEARS),
      applicationId: row.id,
    })

  // the certificate has read the holder's name already (each read is a wait on the database)
  const enterprise = certificate ? certificate.holderName : await sq.findEnterpriseName(tx, row.enterprise_id)
  const approved = input.outcome === 'approve'
  const addressee = `${enterprise ?? '申请人'}：`
  const asked = `你（单位）于${chineseDate(received)}提出的${matterName}申请`
  const body = approved
    ? [
        addressee,
        `${asked}，经审查，符合法定条件、标准${legalBasis ? `，根据${legalBasis}` : ''}，决定准予行政许可。`,
        ...(input.instant
          ? [
              '本事项为即办件，依据下列条件当场作出决定：',
              ...input.instant.conditions.map(
                (c, i) => `${i + 1}. ${c.text}${c.clause ? `（${c.clause}）` : ''}`,
              ),
            ]
          : input.reason
            ? [`审查意见：${input.reason}`]
            : []),
        ...(certificate ? [`电子证照编号：${certificate.number}，可扫码验证。`] : []),
      ].join('\n')
    : [
        addressee,
        `${asked}，经审查，${input.reason}。`,
        `根据${legalBasis}，决定不予行政许可。`,
        '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。',
      ].join('\n')
  await issueNotice(
    { ...ctx, actor },
    {
      kind: approved ? 'approval' : 'refusal',
      title: approved ? '准予行政许可决定书' : '不予行政许可决定书',
      body,
      data: {
        ...(certificate ? { certificateNumber: certificate.number } : {}),
        ...(input.instant ? { instant: true } : {}),
        ...(approved ? {} : { reason: input.reason, legalBasis }),
      },
    },
    {
      template: approved ? 'services.application_approved' : 'services.application_refused',
      params: { title: row.title },
    },
  )
  return {
    to: approved ? 'approved' : 'refused',
    changes: {
      decided_at: now,
      decided_by: by,
      decision_reason: input.reason,
      decision_legal_basis: legalBasis,
      closed_at: now,
      ...(certificate ? { certificate_id: certificate.id } : {}),
      ...(input.instant ? { instant: true } : {}),
    },
    event: {
      audience: 'enterprise',
      data: {
        decision: input.outcome,
        ...(certificate ? { certificateNumber: certificate.number } : {}),
        ...(input.instant ? { instant: true } : {}),
      },
    },
    audit: {
      decision: input.outcome,
      ...(certificate ? { certificateId: certificate.id } : {}),
      ...(input.instant ? { instant: true } : {}),
    },
  }
}

function isCertificateKind(kind: string): kind is (typeof CERTIFICATE_KINDS)[number] {
  return (CERTIFICATE_KINDS as readonly string[]).includes(kind)
}

/** The day before the same date `years` later (a term of five years from 2026-03-01 ends 2031-02-28). */
export function yearsLater(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10)
}

function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  return `${y}年${m}月${d}日`
}
