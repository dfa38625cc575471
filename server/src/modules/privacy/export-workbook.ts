import ExcelJS from 'exceljs'
import { formatInstant } from '../../kernel/calendar/zoned-time'
import { currentLocale } from '../../kernel/context'
import { translate } from '../../kernel/i18n'
import type { AppDeps } from '../../kernel/http/app-env'
import { TAG_NAMES, type EnterpriseTag } from '../../shared/enterprise-tags'
import { industryName } from '../../shared/industries'
import { findDivision } from '../reference'
import { POLICY_TOPIC_NAMES, type PolicyTopic } from '../../shared/policies'
import type { EnterpriseExport, PersonalExport } from './privacy.schema'

/**
 * The exports as workbooks: one sheet per kind of data, column titles in the words the app uses for
 * them, values as people read them (labels, not codes; times in the city's time zone).
 */

type Row = Record<string, unknown>
type Column = { label: string; width: number; value: (row: Row) => unknown }

const t = (key: string, params?: Record<string, string | number>) => translate(`export.${key}`, params)
const col = (field: string, width: number, value: (row: Row) => unknown): Column => ({
  label: t(`field.${field}`),
  width,
  value,
})
const yesNo = (v: unknown) => (v === true ? t('yes') : v === false ? t('no') : '')
const label = (group: string) => (v: unknown) =>
  v === null || v === undefined ? '' : t(`${group}.${String(v)}`)
const text = (v: unknown) =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : v

function addSheet(book: ExcelJS.Workbook, name: string, columns: Column[], rows: readonly Row[]): void {
  const sheet = book.addWorksheet(t(`sheet.${name}`))
  sheet.columns = columns.map((c, i) => ({ header: c.label, key: String(i), width: c.width }))
  for (const row of rows) sheet.addRow(Object.fromEntries(columns.map((c, i) => [String(i), c.value(row)])))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
}

function newBook(): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook()
  book.creator = '营商通 Yingshang'
  return book
}

function timeIn(deps: AppDeps) {
  return (v: unknown) => (typeof v === 'string' && v ? formatInstant(new Date(v), deps.config.timeZone) : '')
}

const tagNames = (tags: unknown) =>
  (Array.isArray(tags) ? tags : [])
    .map((tag) => TAG_NAMES[tag as EnterpriseTag]?.[currentLocale() === 'en' ? 'en' : 'zh'] ?? String(tag))
    .join('、')

const topicNames = (topics: unknown) =>
  (Array.isArray(topics) ? topics : [])
    .map(
      (topic) =>
        POLICY_TOPIC_NAMES[topic as PolicyTopic]?.[currentLocale() === 'en' ? 'en' : 'zh'] ?? String(topic),
    )
    .join('、')

const PROFILE_FIELDS = [
  'name',
  'legalRepresentative',
  'divisionCode',
  'industryCode',
  'sizeClass',
  'foundedOn',
  'employees',
  'annualRevenue',
  'tags',
  'address',
  'contactPhone',
] as const

function profileValue(field: (typeof PROFILE_FIELDS)[number], profile: Row): unknown {
  const v = profile[field]
  if (field === 'sizeClass') return label('sizeClass')(v)
  if (field === 'tags') return tagNames(v)
  if (field === 'divisionCode' && typeof v === 'string') return findDivision(v)?.name ?? v
  if (field === 'industryCode' && typeof v === 'string') return `${v} ${industryName(v) ?? ''}`.trim()
  return text(v)
}

/** The enterprise's export as a workbook. */
export async function enterpriseWorkbook(deps: AppDeps, data: EnterpriseExport): Promise<Uint8Array> {
  const at = timeIn(deps)
  const book = newBook()
  const e = data.enterprise
  const tier = e.creditTier as { tier: string } | null
  addSheet(
    book,
    'profile',
    [
      { label: t('item'), width: 24, value: (r) => r.item },
      { label: t('value'), width: 60, value: (r) => r.value },
    ],
    [
      { item: t('field.uscc'), value: e.uscc },
      { item: t('field.name'), value: e.name },
      { item: t('field.legalRepresentative'), value: e.legalRepresentative },
      { item: t('field.divisionCode'), value: e.divisionName ?? e.divisionCode },
      {
        item: t('field.industryCode'),
        value: `${String(e.industryCode)} ${String(e.industryName ?? '')}`.trim(),
      },
      { item: t('field.sizeClass'), value: label('sizeClass')(e.sizeClass) },
      { item: t('field.foundedOn'), value: e.foundedOn },
      { item: t('field.employees'), value: e.employees },
      { item: t('field.annualRevenue'), value: e.annualRevenue ?? '' },
      { item: t('field.tags'), value: tagNames(e.tags) },
      { item: t('field.address'), value: e.address ?? '' },
      { item: t('field.contactPhone'), value: e.contactPhone ?? '' },
      { item: t('field.creditTier'), value: tier?.tier ?? '' },
      { item: t('field.version'), value: e.version },
      { item: t('field.createdAt'), value: at(e.createdAt) },
      { item: t('field.updatedAt'), value: at(e.updatedAt) },
      {
        item: t('field.subscriptionTopics'),
        value: topicNames(data.policySubscription.topics) || t('field.allTopics'),
      },
      { item: t('field.pushEnabled'), value: yesNo(data.policySubscription.isPushEnabled) },
      { item: t('sheet.about'), value: about(deps, data) },
    ],
  )
  addSheet(
    book,
    'profileVersions',
    [
      col('version', 8, (r) => r.version),
      col('changedAt', 18, (r) => at(r.changedAt)),
      col('changedBy', 16, (r) => text(r.changedBy)),
      col('changedFields', 30, (r) => (r.changedFields as string[]).map((f) => t(`field.${f}`)).join('、')),
      ...PROFILE_FIELDS.map((f) => col(f, 18, (r) => profileValue(f, r.profile as Row))),
    ],
    data.profileVersions,
  )
  addSheet(
    book,
    'members',
    [
      col('displayName', 16, (r) => r.displayName),
      col('phone', 16, (r) => r.phone),
      col('role', 12, (r) => label('memberRole')(r.role)),
      col('addedAt', 18, (r) => at(r.addedAt)),
    ],
    data.members,
  )
  const factColumns = [
    col('fact', 28, (r) => r.label),
    col('factValue', 20, (r) => text(r.value)),
    col('period', 8, (r) => text(r.period)),
    col('source', 18, (r) => (r.source ? translate(`facts.source.${String(r.source)}`) : '')),
    col('isVerified', 10, (r) => yesNo(r.isVerified)),
    col('recordedAt', 18, (r) => at(r.recordedAt)),
  ]
  addSheet(book, 'facts', factColumns, data.facts)
  addSheet(
    book,
    'factHistory',
    [...factColumns, col('isCurrent', 8, (r) => yesNo(r.isCurrent))],
    data.factHistory,
  )
  addAppealSheets(book, deps, data.appeals)
  addClaimSheets(book, deps, data)
  addSheet(
    book,
    'settlementAccounts',
    [
      col('version', 8, (r) => r.version),
      col('accountName', 30, (r) => r.accountName),
      col('bankName', 30, (r) => r.bankName),
      col('accountNumberMasked', 26, (r) => r.accountNumberMasked),
      col('changedAt', 18, (r) => at(r.setAt)),
      col('changedBy', 16, (r) => text(r.setBy)),
      col('changeReason', 30, (r) => text(r.changeReason)),
      col('supersededAt', 18, (r) => at(r.supersededAt)),
    ],
    data.settlementAccounts,
  )
  addSheet(
    book,
    'matches',
    [
      col('benefitItem', 30, (r) => `${String(r.code)} ${String(r.title)}`),
      col('policy', 36, (r) => r.policyTitle),
      col('documentNumber', 24, (r) => text(r.documentNumber)),
      col('mode', 12, (r) => translate(`benefits.mode.${String(r.mode)}`)),
      col('responsibleDepartment', 20, (r) => text(r.departmentName)),
      col('outcome', 12, (r) => label('outcome')(r.outcome)),
      col('expectedAmount', 14, (r) => text(r.amountText ?? r.amount)),
      col('missingFacts', 30, (r) => (r.missingFacts as string[]).join('、')),
      col('pushedAt', 18, (r) => at(r.pushedAt)),
      col('viewedAt', 18, (r) => at(r.viewedAt)),
    ],
    data.policyMatches,
  )
  addSheet(
    book,
    'needs',
    [
      col('topic', 14, (r) => topicNames([r.topic])),
      col('needText', 50, (r) => r.text),
      col('status', 10, (r) => label('needStatus')(r.status)),
      col('answer', 50, (r) => text(r.answer)),
      col('submittedAt', 18, (r) => at(r.createdAt)),
      col('answeredAt', 18, (r) => at(r.answeredAt)),
    ],
    data.policyNeeds,
  )
  addSheet(
    book,
    'notifications',
    [
      col('title', 24, (r) => r.title),
      col('messageBody', 60, (r) => r.body),
      col('channels', 16, (r) => (r.channels as string[]).map((c) => t(`contact.${c}`)).join('、')),
      col('status', 18, (r) => label('notificationStatus')(r.status)),
      col('sentAt', 18, (r) => at(r.sentAt ?? r.createdAt)),
    ],
    data.notifications,
  )
  addSheet(
    book,
    'exports',
    [
      col('exportedBy', 16, (r) => text(r.exportedBy)),
      col('format', 8, (r) => String(r.format).toUpperCase()),
      col('sizeBytes', 14, (r) => r.sizeBytes),
      col('exportedAt', 18, (r) => at(r.exportedAt)),
    ],
    data.dataExports,
  )
  return new Uint8Array(await book.xlsx.writeBuffer())
}

function about(deps: AppDeps, data: EnterpriseExport): string {
  return t('about.text', {
    subject: String(data.enterprise.name),
    at: formatInstant(new Date(data.exportedAt), deps.config.timeZone),
    by: data.exportedBy,
  })
}

function addAppealSheets(book: ExcelJS.Workbook, deps: AppDeps, appeals: readonly Row[]): void {
  const at = timeIn(deps)
  addSheet(
    book,
    'appeals',
    [
      col('number', 18, (r) => r.number),
      col('title', 30, (r) => r.title),
      col('category', 18, (r) => r.categoryName),
      col('status', 12, (r) => label('appealStatus')(r.status)),
      col('channel', 10, (r) => label('channel')(r.channel)),
      col('tier', 8, (r) => label('tier')(r.tier)),
      col('submittedAt', 18, (r) => at(r.createdAt)),
      col('leadDepartment', 20, (r) => (r.leadDepartment as { name: string } | null)?.name ?? ''),
      col('coDepartments', 20, (r) => (r.coDepartmentNames as string[]).join('、')),
      col('body', 60, (r) => r.body),
      col('contactPhone', 16, (r) => text(r.contactPhone)),
      col('preferredContact', 12, (r) => label('contact')(r.preferredContact)),
      col('appealAddress', 30, (r) => text(r.address)),
      col('hideIdentity', 10, (r) => yesNo(r.hideIdentity)),
      col('isPublic', 10, (r) => yesNo(r.isPublic)),
      col('statusReason', 30, (r) => text(r.statusReason)),
      col('dueAt', 18, (r) => at(r.dueAt)),
    ],
    appeals,
  )
  const perAppeal = (key: string) =>
    appeals.flatMap((a) => (a[key] as Row[]).map((item) => ({ ...item, number: a.number })))
  addSheet(
    book,
    'appealTimeline',
    [
      col('number', 18, (r) => r.number),
      col('at', 18, (r) => at(r.at)),
      col('step', 28, (r) => t(`appealEvent.${String(r.type)}`)),
      col('department', 20, (r) => text(r.departmentName)),
      col('note', 50, (r) => text(r.note)),
    ],
    perAppeal('timeline'),
  )
  addSheet(
    book,
    'appealReplies',
    [
      col('number', 18, (r) => r.number),
      col('cycle', 8, (r) => r.cycle),
      col('replyDepartment', 20, (r) => r.departmentName),
      col('at', 18, (r) => at(r.writtenAt)),
      col('replyBody', 70, (r) => r.body),
    ],
    perAppeal('replies'),
  )
  addSheet(
    book,
    'appealRatings',
    [
      col('number', 18, (r) => r.number),
      col('cycle', 8, (r) => r.cycle),
      col('solved', 10, (r) => yesNo(r.solved)),
      col('rating', 12, (r) => (r.level ? t(`rating.${String(r.level)}`) : '')),
      col('comment', 40, (r) => text(r.comment)),
      col('at', 18, (r) => at(r.ratedAt)),
    ],
    perAppeal('ratings'),
  )
}

function addClaimSheets(book: ExcelJS.Workbook, deps: AppDeps, data: EnterpriseExport): void {
  const at = timeIn(deps)
  addSheet(
    book,
    'claims',
    [
      col('number', 18, (r) => r.number),
      col('benefitItem', 30, (r) => `${String(r.itemCode)} ${String(r.itemTitle)}`),
      col('policy', 36, (r) => r.policyTitle),
      col('mode', 12, (r) => translate(`benefits.mode.${String(r.mode)}`)),
      col('status', 14, (r) => label('claimStatus')(r.status)),
      col('payingDepartment', 20, (r) => text(r.departmentName)),
      col('submittedAt', 18, (r) => at(r.createdAt)),
      col('expectedAmount', 14, (r) => text(r.expectedAmount)),
      col('approvedAmount', 14, (r) => text(r.approvedAmount)),
      col('payout', 24, (r) => {
        const payout = r.payout as { amount: number; paidOn: string } | null
        return payout ? `${payout.amount}（${payout.paidOn}）` : ''
      }),
      col('dueAt', 18, (r) => at(r.dueAt)),
      col('statusReason', 30, (r) => text(r.statusReason)),
      col('rating', 12, (r) => {
        const rating = r.rating as { level: number } | null
        return rating ? t(`rating.${rating.level}`) : ''
      }),
    ],
    data.benefitClaims,
  )
  addSheet(
    book,
    'claimTimeline',
    [
      col('number', 18, (r) => r.number),
      col('at', 18, (r) => at(r.at)),
      col('step', 24, (r) => t(`claimEvent.${String(r.type)}`)),
      col('note', 50, (r) => text(r.note)),
    ],
    data.benefitClaims.flatMap((c) => (c.timeline as Row[]).map((event) => ({ ...event, number: c.number }))),
  )
  addSheet(
    book,
    'consents',
    [
      col('number', 18, (r) => r.number),
      col('benefitItem', 30, (r) => `${String(r.itemCode)} ${String(r.itemTitle)}`),
      col('policy', 36, (r) => r.policyTitle),
      col('consentedAt', 18, (r) => at(r.consentedAt)),
      col('expectedAmount', 14, (r) => text(r.expectedAmount)),
      col('status', 14, (r) => label('claimStatus')(r.status)),
    ],
    data.benefitConsents,
  )
}

/** A person's own export as a workbook. */
export async function personalWorkbook(deps: AppDeps, data: PersonalExport): Promise<Uint8Array> {
  const at = timeIn(deps)
  const book = newBook()
  const a = data.account
  const roles = (a.roles as { role: string; department: string }[])
    .map((r) => `${t(`role.${r.role}`)}（${r.department}）`)
    .join('、')
  addSheet(
    book,
    'account',
    [
      { label: t('item'), width: 20, value: (r) => r.item },
      { label: t('value'), width: 60, value: (r) => r.value },
    ],
    [
      { item: t('field.accountKind'), value: label('accountKind')(a.kind) },
      { item: t('field.username'), value: text(a.username) },
      { item: t('field.phone'), value: text(a.phone) },
      { item: t('field.displayName'), value: text(a.displayName) },
      { item: t('field.roles'), value: roles },
      { item: t('field.accountCreatedAt'), value: at(a.createdAt) },
      { item: t('field.lastSignInAt'), value: at(a.lastSignInAt) },
      { item: t('field.totpEnabled'), value: yesNo(a.totpEnabled) },
      {
        item: t('sheet.about'),
        value: t('about.personal', { at: formatInstant(new Date(data.exportedAt), deps.config.timeZone) }),
      },
    ],
  )
  addSheet(
    book,
    'memberships',
    [
      col('enterprise', 30, (r) => r.enterpriseName),
      col('uscc', 22, (r) => r.uscc),
      col('role', 12, (r) => label('memberRole')(r.role)),
      col('addedAt', 18, (r) => at(r.since)),
    ],
    data.memberships,
  )
  addSheet(
    book,
    'legalConsents',
    [
      col('document', 30, (r) => r.title),
      col('version', 8, (r) => r.version),
      col('acceptedAt', 18, (r) => at(r.acceptedAt)),
      col('withdrawnAt', 18, (r) => at(r.withdrawnAt)),
      col('ip', 16, (r) => text(r.ip)),
      col('userAgent', 40, (r) => text(r.userAgent)),
    ],
    data.consents,
  )
  addSheet(
    book,
    'sessions',
    [
      col('signedInAt', 18, (r) => at(r.signedInAt)),
      col('lastSeenAt', 18, (r) => at(r.lastSeenAt)),
      col('expiresAt', 18, (r) => at(r.expiresAt)),
      col('ip', 16, (r) => text(r.ip)),
      col('userAgent', 40, (r) => text(r.userAgent)),
    ],
    data.sessions,
  )
  addSheet(
    book,
    'notifications',
    [
      col('title', 24, (r) => r.title),
      col('messageBody', 60, (r) => r.body),
      col('enterprise', 24, (r) => text(r.enterpriseName)),
      col('sentAt', 18, (r) => at(r.sentAt)),
    ],
    data.notifications,
  )
  addSheet(
    book,
    'exports',
    [
      col('scope', 10, (r) => label('scope')(r.scope)),
      col('enterprise', 24, (r) => text(r.enterpriseName)),
      col('format', 8, (r) => String(r.format).toUpperCase()),
      col('sizeBytes', 14, (r) => r.sizeBytes),
      col('exportedAt', 18, (r) => at(r.exportedAt)),
    ],
    data.dataExports,
  )
  return new Uint8Array(await book.xlsx.writeBuffer())
}
