import { requireRole, requireSignedIn, type Actor, type UserActor } from '../../kernel/auth/actor'
import { maskPhone } from '../../shared/phone'
import { writeAudit } from '../../kernel/audit/audit'
import { cityToday } from '../../kernel/calendar/city-today'
import { currentLocale } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import type { AppDeps } from '../../kernel/http/app-env'
import { listEnterpriseAppealViews } from '../appeals'
import { listEnterpriseClaims } from '../benefits'
import { getEnterprise, listMembers, listProfileVersions } from '../enterprises'
import { getEnterpriseFacts, getFactHistory, listFactDefinitions } from '../facts'
import { listInbox, listNotificationsOfEnterprise } from '../notifications'
import { listMatches } from '../matching'
import { getSubscription, listMyNeeds } from '../policies'
import { getSettlementAccount } from '../settlement-accounts'
import { enterpriseWorkbook, personalWorkbook } from './export-workbook'
import type { EnterpriseExport, PersonalExport } from './privacy.schema'
import * as q from './privacy.queries'

/**
 * Taking a copy of one's data (PIPL art. 45): an enterprise's managers download everything the platform
 * holds about the enterprise, anyone their own account's data; as JSON (for machines, and for moving it
 * elsewhere) or xlsx (one sheet per kind, the app's labels). Every download is recorded and audited, and
 * a person may take at most EXPORTS_PER_HOUR of them an hour: each one reads every case of the enterprise.
 */
export const EXPORTS_PER_HOUR = 10

export type ExportFile = { fileName: string; contentType: string; bytes: Uint8Array }
type Format = 'json' | 'xlsx'

const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

async function assertUnderRateLimit(deps: AppDeps, userId: string): Promise<void> {
  const hourAgo = new Date(Date.now() - 3600_000)
  const { count, oldest } = await q.countExportsSince(deps.db, userId, hourAgo)
  if (count < EXPORTS_PER_HOUR) return
  const waitMs = (oldest ? oldest.getTime() + 3600_000 : Date.now() + 3600_000) - Date.now()
  throw new AppError('RATE_LIMITED', { params: { seconds: Math.max(1, Math.ceil(waitMs / 1000)) } })
}

const stamp = (deps: AppDeps) => cityToday(deps).replaceAll('-', '')

/**
 * Everything the platform holds about one enterprise, as its managers may take it away: the profile
 * and its versions, members (other people's numbers masked), facts with their sources, appeals and
 * benefit claims as the enterprise reads them, its settlement accounts (masked, as the app shows them) (allow-listed views — never a department's internal
 * notes), no-application consents, policy matches and pushes, needs, messages, and earlier downloads.
 * Agents act for the enterprise case by case but do not take its whole record: that is the managers'
 * decision, as adding members is. Refuses: FORBIDDEN (staff, or an agent), NOT_FOUND (not a member),
 * RATE_LIMITED.
 */
export async function exportEnterpriseData(
  deps: AppDeps,
  actor: Actor,
  enterpriseId: string,
  format: Format,
): Promise<ExportFile> {
  const user = requireRole(actor, 'enterprise')
  const enterprise = await getEnterprise(deps, user, enterpriseId)
  if (enterprise.myRole !== 'manager') throw new AppError('FORBIDDEN')
  await assertUnderRateLimit(deps, user.userId)

  const data = await collectEnterpriseData(deps, user, enterprise)
  const bytes =
    format === 'json'
      ? new TextEncoder().encode(JSON.stringify(data, null, 2))
      : await enterpriseWorkbook(deps, data)
  await deps.db.transaction().execute(async (tx) => {
    await q.insertDataExport(tx, {
      userId: user.userId,
      scope: 'enterprise',
      enterpriseId,
      format,
      sizeBytes: bytes.byteLength,
    })
    await writeAudit(tx, user, {
      action: 'privacy.export_enterprise',
      entityType: 'enterprise',
      entityId: enterpriseId,
      after: {
        format,
        sizeBytes: bytes.byteLength,
        appeals: data.appeals.length,
        benefitClaims: data.benefitClaims.length,
      },
    })
  })
  return {
    fileName: `enterprise-${enterprise.uscc}-${stamp(deps)}.${format}`,
    contentType: CONTENT_TYPES[format],
    bytes,
  }
}

async function collectEnterpriseData(
  deps: AppDeps,
  user: UserActor,
  enterprise: Awaited<ReturnType<typeof getEnterprise>>,
): Promise<EnterpriseExport> {
  const id = enterprise.id
  const en = currentLocale() === 'en'
  const [versions, members, facts, history, definitions, appeals, matches, subscription, needs] =
    await Promise.all([
      listProfileVersions(deps, user, id),
      listMembers(deps, user, id),
      getEnterpriseFacts(deps, user, id),
      getFactHistory(deps, user, id, undefined),
      listFactDefinitions(deps),
      listEnterpriseAppealViews(deps, user, id),
      listMatches(deps, user, id, {}),
      getSubscription(deps, user, id),
      listMyNeeds(deps, user, id),
    ])
  const claims = await allClaimsOf(deps, user, id)
  const notifications = await listNotificationsOfEnterprise(deps, user, id)
  const account = await getSettlementAccount(deps, user, id)
  const exportsBefore = await q.findExportsOfEnterprise(deps.db, id)
  const labelOf = new Map(definitions.map((d) => [d.key, en ? d.labelEn : d.labelZh]))
  const withLabel = <T extends { key: string }>(f: T) => ({ ...f, label: labelOf.get(f.key) ?? f.key })
  return {
    format: 'yingshang.enterprise-export',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    exportedBy: user.label,
    language: en ? 'en' : 'zh-CN',
    enterprise: { ...enterprise },
    profileVersions: versions,
    members,
    facts: facts.facts.map(withLabel),
    factHistory: history.items.map(withLabel),
    appeals,
    benefitClaims: claims,
    // as the app shows them: the number masked (the whole number is for the paying bank only)
    settlementAccounts: account.current ? [account.current, ...account.history] : account.history,
    benefitConsents: claims
      .filter((c) => c.mode === 'no_application')
      .map((c) => ({
        number: c.number,
        itemCode: c.itemCode,
        itemTitle: c.itemTitle,
        policyTitle: c.policyTitle,
        consentedAt: c.createdAt,
        expectedAmount: c.expectedAmount,
        status: c.status,
      })),
    policyMatches: matches.items.map((m) => ({
      itemId: m.item.id,
      code: m.item.code,
      title: m.item.title,
      policyTitle: m.item.policyTitle,
      documentNumber: m.item.documentNumber,
      mode: m.item.mode,
      departmentName: m.item.departmentName,
      outcome: m.explanation.outcome,
      amount: m.explanation.amount,
      amountText: m.explanation.amountText,
      missingFacts: m.explanation.missingFacts.map((f) => f.label),
      conditions: m.explanation.conditions.map((c) => ({ clause: c.clause, text: c.text, result: c.result })),
      pushedAt: m.pushedAt,
      viewedAt: m.viewedAt,
    })),
    policySubscription: { topics: subscription.topics, isPushEnabled: subscription.isPushEnabled },
    policyNeeds: needs.items,
    notifications,
    dataExports: exportsBefore.map((x) => ({
      exportedBy: x.phone ? maskPhone(x.phone) : null,
      format: x.format,
      sizeBytes: x.size_bytes,
      exportedAt: x.exported_at.toISOString(),
    })),
  }
}

/** Every claim of the enterprise as it reads them, a page at a time. */
async function allClaimsOf(deps: AppDeps, user: UserActor, enterpriseId: string) {
  const limit = 100
  const claims: Awaited<ReturnType<typeof listEnterpriseClaims>>['items'] = []
  for (let offset = 0; ; offset += limit) {
    const page = await listEnterpriseClaims(deps, user, enterpriseId, { limit, offset })
    claims.push(...page.items)
    if (offset + limit >= page.total) return claims
  }
}

/**
 * The signed-in person's own account: who they are, the enterprises they act for, their acceptances of
 * the notice and terms (with the address and browser each came from), their signed-in devices, the
 * messages in their inbox, and their downloads. Allowed before the current notice is accepted: the
 * right to a copy does not wait for consent. Refuses: RATE_LIMITED.
 */
export async function exportPersonalData(deps: AppDeps, actor: Actor, format: Format): Promise<ExportFile> {
  const user = requireSignedIn(actor)
  await assertUnderRateLimit(deps, user.userId)
  const en = currentLocale() === 'en'
  const [account, memberships, roles, acceptances, sessions, exportsBefore] = await Promise.all([
    q.findAccount(deps.db, user.userId),
    q.findMembershipsOfUser(deps.db, user.userId),
    q.findRoleNamesOfUser(deps.db, user.userId),
    q.findAcceptancesOfUser(deps.db, user.userId),
    q.findSessionsOfUser(deps.db, user.userId),
    q.findExportsOfUser(deps.db, user.userId),
  ])
  const inbox = await listInbox(deps, user)
  const data: PersonalExport = {
    format: 'yingshang.personal-export',
    formatVersion: 1,
    exportedAt: new Date().toISOString(),
    language: en ? 'en' : 'zh-CN',
    account: {
      kind: account!.kind,
      username: account!.username,
      phone: account!.phone,
      displayName: account!.display_name,
      email: account!.email,
      createdAt: account!.created_at.toISOString(),
      lastSignInAt: account!.last_sign_in_at?.toISOString() ?? null,
      totpEnabled: account!.totp_enabled_at !== null,
      roles: roles.map((r) => ({ role: r.role, department: r.department_name })),
    },
    memberships: memberships.map((m) => ({
      enterpriseName: m.name,
      uscc: m.uscc,
      role: m.role,
      since: m.created_at.toISOString(),
    })),
    consents: acceptances.map((a) => ({
      kind: a.kind,
      version: a.version,
      title: en ? a.title_en : a.title_zh,
      acceptedAt: a.accepted_at.toISOString(),
      withdrawnAt: a.withdrawn_at?.toISOString() ?? null,
      ip: a.ip,
      userAgent: a.user_agent,
    })),
    sessions: sessions.map((s) => ({
      isThisDevice: s.id === user.sessionId,
      signedInAt: s.created_at.toISOString(),
      lastSeenAt: s.last_seen_at.toISOString(),
      expiresAt: s.expires_at.toISOString(),
      ip: s.ip,
      userAgent: s.user_agent,
    })),
    notifications: inbox.map((m) => ({
      title: m.title,
      body: m.body,
      enterpriseName: m.enterpriseName,
      sentAt: m.sentAt,
      isRead: m.isRead,
    })),
    dataExports: exportsBefore.map((x) => ({
      scope: x.scope,
      enterpriseName: x.enterprise_name,
      format: x.format,
      sizeBytes: x.size_bytes,
      exportedAt: x.exported_at.toISOString(),
    })),
  }
  const bytes =
    format === 'json'
      ? new TextEncoder().encode(JSON.stringify(data, null, 2))
      : await personalWorkbook(deps, data)
  await deps.db.transaction().execute(async (tx) => {
    await q.insertDataExport(tx, {
      userId: user.userId,
      scope: 'personal',
      enterpriseId: null,
      format,
      sizeBytes: bytes.byteLength,
    })
    await writeAudit(tx, user, {
      action: 'privacy.export_personal',
      entityType: 'user',
      entityId: user.userId,
      after: { format, sizeBytes: bytes.byteLength },
    })
  })
  return { fileName: `my-data-${stamp(deps)}.${format}`, contentType: CONTENT_TYPES[format], bytes }
}
