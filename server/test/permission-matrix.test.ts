import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../src/kernel/auth/actor'
import { DEFAULT_APPEAL_SETTINGS } from '../src/modules/appeals/appeal-settings'
import { makeUscc } from '../src/seed/demo-enterprises'
import {
  buildEnterprise,
  buildEnterpriseUser,
  buildStaff,
  randomPhone,
  signInAs,
  signInEnterprise,
} from './factories'
import { createTestApp, type TestApp, type TestClient } from './harness'

/**
 * Every role against every endpoint. The matrix below is written by hand from the product rules;
 * the test fails when an endpoint exists that is not in it (add it, with who may call it) and when
 * an entry names an endpoint that no longer exists.
 *
 * "allowed" means the service let the caller through (any answer but UNAUTHENTICATED or FORBIDDEN:
 * a 404 for something out of scope or a 409 for a stale version still proves the door opened);
 * everyone else must get UNAUTHENTICATED (anonymous) or FORBIDDEN.
 */
type Caller = Role | 'anonymous'
type Ctx = {
  enterpriseId: string
  targetUserId: string
  departmentId: string
  appealId: string
  /** an appeal on which the staff roles' department is a co-handler (another department leads) */
  coAppealId: string
  enterpriseUscc: string
  /** a draft policy of the staff roles' department */
  policyId: string
}
type Entry = {
  allow: 'everyone' | 'signed-in' | 'staff' | Role[]
  body?: (ctx: Ctx) => unknown
  params?: (ctx: Ctx) => Record<string, string>
  query?: string
  /** Ends or changes the caller's own session: run with a fresh client. */
  fresh?: boolean
}

const STAFF: Role[] = ROLES.filter((r) => r !== 'enterprise')
/** Who works with appeals at all: the enterprise, the task force and bureau, the departments. */
const APPEAL_VIEWERS: Role[] = [
  'enterprise',
  'dispatcher',
  'bureau_leader',
  'admin',
  'handler',
  'department_head',
]
const DEPARTMENT: Role[] = ['handler', 'department_head']
const FIGURES: Role[] = ['dispatcher', 'bureau_leader', 'admin', 'department_head']
const appeal = (c: Ctx) => ({ id: c.appealId })
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
const csvForm = () => {
  const form = new FormData()
  form.set('file', new File(['统一社会信用代码,诉求类别,标题,诉求内容\n'], 'batch.csv'))
  return form
}
const pngForm = () => {
  const form = new FormData()
  form.set('file', new File([PNG], 'a.png'))
  return form
}
const randomUuid = () => crypto.randomUUID()
const unique = () => crypto.randomBytes(4).toString('hex')

/** Who reads claims: the enterprise, the bureau and the departments (not inspectors). */
const CLAIM_READERS: Role[] = APPEAL_VIEWERS
const claimOf = (c: Ctx) => ({ id: c.enterpriseId, claimId: randomUuid() })
const BENEFIT_ENTRIES: Record<string, Entry> = {
  'POST /api/v1/enterprises/{id}/claims/consent': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ itemId: randomUuid(), idempotencyKey: randomUuid() }),
  },
  'POST /api/v1/enterprises/{id}/claims/apply': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({
      itemId: randomUuid(),
      idempotencyKey: randomUuid(),
      form: { contactName: '王经理', contactPhone: '13800138000' },
    }),
  },
  'GET /api/v1/enterprises/{id}/claims': { allow: CLAIM_READERS, params: (c) => ({ id: c.enterpriseId }) },
  'GET /api/v1/enterprises/{id}/claims/{claimId}': { allow: CLAIM_READERS, params: claimOf },
  'POST /api/v1/enterprises/{id}/claims/{claimId}/resubmit': {
    allow: ['enterprise'],
    params: claimOf,
    body: () => ({ materials: {} }),
  },
  'POST /api/v1/enterprises/{id}/claims/{claimId}/withdraw': {
    allow: ['enterprise'],
    params: claimOf,
    body: () => ({ reason: '暂不需要' }),
  },
  'POST /api/v1/enterprises/{id}/claims/{claimId}/rating': {
    allow: ['enterprise'],
    params: claimOf,
    body: () => ({ level: 5 }),
  },
  'POST /api/v1/benefits/materials': { allow: ['enterprise'], body: pngForm },
  'GET /api/v1/benefits/materials/{materialId}': {
    allow: CLAIM_READERS,
    params: () => ({ materialId: randomUuid() }),
  },
  'GET /api/v1/benefits/claims': { allow: CLAIM_READERS.filter((r) => r !== 'enterprise') },
  'GET /api/v1/benefits/claims/counts': { allow: CLAIM_READERS.filter((r) => r !== 'enterprise') },
  'GET /api/v1/benefits/claims/{claimId}': {
    allow: CLAIM_READERS.filter((r) => r !== 'enterprise'),
    params: () => ({ claimId: randomUuid() }),
  },
  'POST /api/v1/benefits/claims/{claimId}/supplement-request': {
    allow: DEPARTMENT,
    params: () => ({ claimId: randomUuid() }),
    body: () => ({ note: '请补充材料' }),
  },
  'POST /api/v1/benefits/claims/{claimId}/recommendation': {
    allow: DEPARTMENT,
    params: () => ({ claimId: randomUuid() }),
    body: () => ({ approve: true }),
  },
  'POST /api/v1/benefits/claims/{claimId}/decision': {
    allow: DEPARTMENT,
    params: () => ({ claimId: randomUuid() }),
    body: () => ({ approve: true }),
  },
  'POST /api/v1/benefits/claims/{claimId}/payout': {
    allow: DEPARTMENT,
    params: () => ({ claimId: randomUuid() }),
    body: () => ({ paidOn: '2026-01-05' }),
  },
  'GET /api/v1/benefits/items/{itemId}/payout-list': {
    allow: DEPARTMENT,
    params: () => ({ itemId: randomUuid() }),
  },
  'POST /api/v1/benefits/items/{itemId}/payout-batches': {
    allow: ['department_head'],
    params: () => ({ itemId: randomUuid() }),
    body: () => ({ paidOn: '2026-01-05', claimIds: [randomUuid()] }),
  },
  'GET /api/v1/benefits/evaluation': { allow: ['dispatcher', 'bureau_leader', 'admin', ...DEPARTMENT] },
  'GET /api/v1/benefits/evaluation.xlsx': { allow: ['dispatcher', 'bureau_leader', 'admin', ...DEPARTMENT] },
  // Whole account numbers: the paying department only, never the bureau or the enterprise.
  'GET /api/v1/benefits/payouts.xlsx': { allow: DEPARTMENT },
}

/** The settlement account: members give and (managers) change it; members and staff read it masked. */
const settlementAccountBody = () => ({
  accountName: '矩阵测试企业',
  bankName: '中国工商银行股份有限公司大连中山支行',
  accountNumber: '3400200009100012345',
  accountNumberConfirm: '3400200009100012345',
})
const SETTLEMENT_ACCOUNT_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/enterprises/{id}/settlement-account': {
    allow: 'signed-in',
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprises/{id}/settlement-account': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: settlementAccountBody,
  },
  'POST /api/v1/enterprises/{id}/settlement-account/change-code': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'PUT /api/v1/enterprises/{id}/settlement-account': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ ...settlementAccountBody(), reason: '更换开户行', code: '123456' }),
  },
}

/**
 * Privacy: anyone reads the documents; an admin publishes (the body names a stale version, so nothing is
 * published and nobody is asked again mid-matrix); everyone signed in reads, accepts and downloads their
 * own; only enterprise users withdraw (it ends their sessions: fresh clients); an enterprise's managers
 * download its data.
 */
const PRIVACY_ENTRIES: Record<string, Entry> = {
  'GET /api/v1/legal-documents': { allow: 'everyone' },
  'GET /api/v1/legal-documents/{kind}': { allow: 'everyone', params: () => ({ kind: 'privacy_notice' }) },
  'GET /api/v1/legal-documents/{kind}/versions': {
    allow: 'everyone',
    params: () => ({ kind: 'terms_of_use' }),
  },
  'GET /api/v1/legal-documents/{kind}/versions/{version}': {
    allow: 'everyone',
    params: () => ({ kind: 'staff_notice', version: '1' }),
  },
  'POST /api/v1/legal-documents/{kind}/versions': {
    allow: ['admin'],
    params: () => ({ kind: 'privacy_notice' }),
    body: () => ({
      basedOnVersion: 999,
      effectiveOn: '2099-01-01',
      titleZh: '隐私政策',
      titleEn: 'Privacy notice',
      bodyZh: '本平台如何处理个人信息。'.repeat(30),
      bodyEn: 'How the platform processes personal information. '.repeat(10),
      changeSummaryZh: '矩阵测试',
      changeSummaryEn: 'Matrix test',
    }),
  },
  'GET /api/v1/consents/mine': { allow: 'signed-in' },
  'POST /api/v1/consents': {
    allow: 'signed-in',
    body: () => ({ documents: [{ kind: 'privacy_notice', version: 1 }] }),
  },
  'POST /api/v1/consents/withdraw': { allow: ['enterprise'], fresh: true, body: () => ({}) },
  'GET /api/v1/privacy/my-data': { allow: 'signed-in', query: 'format=json' },
  'GET /api/v1/enterprises/{id}/data-export': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    query: 'format=json',
  },
}

const MATRIX: Record<string, Entry> = {
  'POST /api/v1/auth/staff/sign-in': {
    allow: 'everyone',
    body: () => ({ username: `nobody${unique()}`, password: 'Wrong-passw0rd' }),
  },
  'POST /api/v1/auth/staff/second-factor': {
    allow: 'everyone',
    body: () => ({ challenge: 'x'.repeat(24), code: '123456' }),
  },
  'POST /api/v1/auth/enterprise/code': { allow: 'everyone', body: () => ({ phone: randomPhone() }) },
  'POST /api/v1/auth/enterprise/sign-in': {
    allow: 'everyone',
    body: () => ({ phone: randomPhone(), code: '000000' }),
  },
  'GET /api/v1/auth/me': { allow: 'signed-in' },
  'POST /api/v1/auth/sign-out': { allow: 'signed-in', fresh: true },
  'POST /api/v1/auth/sign-out-everywhere': { allow: 'signed-in', fresh: true },
  'POST /api/v1/auth/password': {
    allow: 'staff',
    body: () => ({ currentPassword: 'wrong', newPassword: 'Another-Passw0rd' }),
  },
  'POST /api/v1/auth/totp/setup': { allow: 'staff', fresh: true },
  'POST /api/v1/auth/totp/enable': { allow: 'staff', body: () => ({ code: '000000' }) },
  'POST /api/v1/auth/totp/disable': { allow: 'staff', body: () => ({ code: '000000' }) },

  'POST /api/v1/enterprises': {
    allow: ['enterprise'],
    body: () => ({
      uscc: makeUscc(Math.random, '210204', '1'),
      name: `大连矩阵${unique()}有限公司`,
      legalRepresentative: '李四',
      divisionCode: '210204',
      industryCode: 'F51',
      sizeClass: 'micro',
      foundedOn: '2020-01-01',
      employees: 3,
    }),
  },
  'GET /api/v1/enterprises/mine': { allow: ['enterprise'] },
  'GET /api/v1/enterprises': { allow: 'staff' },
  'GET /api/v1/enterprises/{id}': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'PATCH /api/v1/enterprises/{id}': {
    allow: ['enterprise', 'admin'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ version: 999 }),
  },
  'GET /api/v1/enterprise-claims/lookup': {
    allow: ['enterprise'],
    query: `uscc=${makeUscc(() => 0.5, '210204', '1')}`,
  },
  'POST /api/v1/enterprise-claims': {
    allow: ['enterprise'],
    body: (c) => ({ uscc: c.enterpriseUscc, method: 'manager_approval' }),
  },
  'GET /api/v1/enterprise-claims/mine': { allow: ['enterprise'] },
  'GET /api/v1/enterprise-claims/reviews': { allow: ['dispatcher', 'bureau_leader'] },
  'POST /api/v1/enterprise-claims/files': { allow: ['enterprise'], body: pngForm },
  'GET /api/v1/enterprise-claims/files/{fileId}': {
    allow: 'signed-in',
    params: () => ({ fileId: randomUuid() }),
  },
  'POST /api/v1/enterprise-claims/{id}/code': { allow: ['enterprise'], params: () => ({ id: randomUuid() }) },
  'POST /api/v1/enterprise-claims/{id}/verify': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ code: '123456' }),
  },
  'POST /api/v1/enterprise-claims/{id}/withdraw': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  // Who decides depends on the claim (its managers, or the task force): with no such claim, everyone signed in gets "not found".
  'POST /api/v1/enterprise-claims/{id}/decision': {
    allow: 'signed-in',
    params: () => ({ id: randomUuid() }),
    body: () => ({ approve: true }),
  },
  'GET /api/v1/enterprises/{id}/membership-claims': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprise-disputes': {
    allow: ['enterprise'],
    body: (c) => ({ uscc: c.enterpriseUscc, reason: '平台上的管理人员不是本公司的人' }),
  },
  'GET /api/v1/enterprise-disputes': { allow: ['dispatcher', 'bureau_leader'] },
  'POST /api/v1/enterprise-disputes/{id}/resolve': {
    allow: ['dispatcher'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ resolution: '已核实' }),
  },
  // The staff roles' department is the market-regulation department, which sends the registry.
  'POST /api/v1/facts/registry-imports': {
    allow: ['handler', 'department_head', 'admin'],
    body: () => {
      const form = new FormData()
      form.set('file', new File(['统一社会信用代码,企业名称,法定代表人\n'], 'registry.csv'))
      return form
    },
  },
  'GET /api/v1/enterprises/{id}/versions': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'GET /api/v1/enterprises/{id}/members': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprises/{id}/members': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ phone: randomPhone() }),
  },
  'DELETE /api/v1/enterprises/{id}/members/{userId}': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId, userId: randomUuid() }),
  },
  'GET /api/v1/enterprises/{id}/facts': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprises/{id}/facts': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ facts: [{ key: 'isSmallScaleTaxpayer', value: true }] }),
  },
  'GET /api/v1/enterprises/{id}/facts/history': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'GET /api/v1/public/policies': { allow: 'everyone' },
  'GET /api/v1/public/policies/{id}': { allow: 'everyone', params: () => ({ id: randomUuid() }) },
  'POST /api/v1/public/policy-calculator': { allow: 'everyone', body: () => ({ facts: { employees: 10 } }) },
  'GET /api/v1/enterprises/{id}/policy-matches': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'GET /api/v1/enterprises/{id}/policy-matches/{itemId}': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId, itemId: randomUuid() }),
  },
  'GET /api/v1/enterprises/{id}/policy-subscription': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'PUT /api/v1/enterprises/{id}/policy-subscription': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ topics: ['tax_relief'], isPushEnabled: true }),
  },
  'GET /api/v1/enterprises/{id}/needs': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprises/{id}/needs': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ topic: 'finance', text: '希望了解贷款贴息政策' }),
  },
  'GET /api/v1/policies/needs': { allow: ['bureau_leader', 'dispatcher', 'department_head', 'handler'] },
  'GET /api/v1/policies/needs/summary': {
    allow: ['bureau_leader', 'dispatcher', 'department_head', 'handler'],
  },
  'POST /api/v1/policies/needs/{needId}/answer': {
    allow: ['bureau_leader', 'dispatcher'],
    params: () => ({ needId: randomUuid() }),
    body: () => ({ answer: '已转相关部门' }),
  },
  'POST /api/v1/policies/rules/check': {
    allow: ['handler', 'department_head', 'bureau_leader'],
    body: () => ({ rule: '从业人数 <= 300' }),
  },
  'GET /api/v1/policies/match-runs': { allow: ['bureau_leader', 'dispatcher', 'admin'] },
  'POST /api/v1/policies/match-runs': { allow: ['bureau_leader', 'admin'] },
  'GET /api/v1/policies': { allow: 'staff' },
  'POST /api/v1/policies': {
    allow: ['handler', 'department_head', 'bureau_leader'],
    body: (c) => ({
      title: '矩阵测试政策',
      issuer: '测试',
      level: 'city',
      ownerDepartmentId: c.departmentId,
    }),
  },
  // Id-based: who cannot see the draft gets "not found" (let through to the visibility check);
  // who sees it but may not write it (the task force) is refused.
  'GET /api/v1/policies/{id}': { allow: 'staff', params: (c) => ({ id: c.policyId }) },
  'GET /api/v1/policies/{id}/versions': { allow: 'staff', params: (c) => ({ id: c.policyId }) },
  'PATCH /api/v1/policies/{id}': {
    allow: STAFF.filter((r) => r !== 'dispatcher'),
    params: (c) => ({ id: c.policyId }),
    body: () => ({ version: 999, title: '改个标题' }),
  },
  'POST /api/v1/policies/{id}/items': {
    allow: STAFF.filter((r) => r !== 'dispatcher'),
    params: (c) => ({ id: c.policyId }),
    body: () => ({
      code: '矩阵',
      title: '矩阵事项',
      benefitKind: 'service',
      mode: 'fast_application',
      departmentId: randomUuid(),
    }),
  },
  'PATCH /api/v1/policies/{id}/items/{itemId}': {
    allow: STAFF.filter((r) => r !== 'dispatcher'),
    params: (c) => ({ id: c.policyId, itemId: randomUuid() }),
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/policies/{id}/submit': {
    allow: STAFF.filter((r) => r !== 'dispatcher'),
    params: (c) => ({ id: c.policyId }),
    body: () => ({ version: 999 }),
  },
  ...Object.fromEntries(
    ['return', 'publish', 'revise', 'repeal'].map((action) => [
      `POST /api/v1/policies/{id}/${action}`,
      {
        allow: STAFF.filter((r) => r !== 'dispatcher' && r !== 'handler'),
        params: (c: Ctx) => ({ id: c.policyId }),
        body: () => ({
          version: 999,
          note: '矩阵',
          ...(action === 'publish' ? { previewDigest: '0'.repeat(64) } : {}),
        }),
      } satisfies Entry,
    ]),
  ),
  // The owning department's writers and heads and the bureau leadership; the task force sees the
  // draft but may not preview its publication (refused); others do not see it ("not found").
  'GET /api/v1/policies/{id}/publication-preview': {
    allow: STAFF.filter((r) => r !== 'dispatcher'),
    params: (c) => ({ id: c.policyId }),
  },
  'POST /api/v1/policies/{id}/item-preview': {
    allow: STAFF.filter((r) => r !== 'dispatcher'),
    params: (c) => ({ id: c.policyId }),
    body: () => ({
      code: '矩阵',
      title: '矩阵事项',
      benefitKind: 'service',
      mode: 'fast_application',
      conditions: [{ clause: '矩阵', rule: '从业人数 <= 300' }],
    }),
  },
  'GET /api/v1/policies/publication-settings': { allow: 'staff' },
  'PUT /api/v1/policies/publication-settings': {
    allow: ['admin'],
    body: () => ({ version: 999, settings: { pushConfirmationThreshold: 500 } }),
  },
  'POST /api/v1/policies/{id}/attachments': {
    allow: STAFF.filter((r) => r !== 'dispatcher'),
    params: (c) => ({ id: c.policyId }),
    body: pngForm,
  },
  'GET /api/v1/policies/{id}/attachments/{attachmentId}': {
    allow: 'staff',
    params: (c) => ({ id: c.policyId, attachmentId: randomUuid() }),
  },
  'GET /api/v1/facts/definitions': { allow: 'everyone' },
  'GET /api/v1/facts/definitions/all': { allow: ['admin'] },
  'POST /api/v1/facts/definitions': {
    allow: ['admin'],
    body: () => ({ key: `m${unique()}`, labelZh: `矩阵${unique()}`, labelEn: 'Matrix', type: 'number' }),
  },
  'PATCH /api/v1/facts/definitions/{key}': {
    allow: ['admin'],
    params: () => ({ key: 'employees' }),
    body: () => ({ version: 999, unitZh: '人' }),
  },
  // Staff of a department that verifies the source (the matrix's staff are not): admins only here.
  'POST /api/v1/facts/imports': {
    allow: ['admin'],
    query: 'source=tax',
    body: () => {
      const form = new FormData()
      form.set('file', new File(['统一社会信用代码,所属年度,年度应纳税所得额\n'], 'facts.csv'))
      return form
    },
  },
  'GET /api/v1/facts/imports': { allow: 'staff' },
  'GET /api/v1/facts/imports/sources': { allow: 'staff' },

  'GET /api/v1/appeals/categories': { allow: 'signed-in' },
  'PUT /api/v1/appeals/categories/{code}': {
    allow: ['admin'],
    params: () => ({ code: 'matrix_test' }),
    body: () => ({
      name: '矩阵测试',
      nameEn: 'Matrix test',
      defaultDepartmentId: null,
      defaultTier: 'normal',
      isActive: false,
    }),
  },
  'POST /api/v1/appeals/attachments': { allow: APPEAL_VIEWERS, body: pngForm },
  'GET /api/v1/appeals/attachments/{id}': { allow: APPEAL_VIEWERS, params: () => ({ id: randomUuid() }) },
  'POST /api/v1/appeals': {
    allow: ['enterprise'],
    body: (c) => ({
      enterpriseId: c.enterpriseId,
      categoryCode: 'tax',
      title: '退税没有到账',
      body: '增值税留抵退税申请三个月仍未到账。',
      idempotencyKey: randomUuid(),
    }),
  },
  'POST /api/v1/appeals/on-behalf': {
    allow: ['dispatcher'],
    body: (c) => ({
      enterpriseUscc: c.enterpriseUscc,
      channel: 'hotline',
      callerName: '王经理',
      categoryCode: 'tax',
      title: '退税没有到账',
      body: '增值税留抵退税申请三个月仍未到账。',
      idempotencyKey: randomUuid(),
    }),
  },
  'POST /api/v1/appeals/imports': { allow: ['dispatcher'], body: () => csvForm() },
  'GET /api/v1/appeals/similar': {
    allow: ['enterprise', 'dispatcher', 'bureau_leader'],
    query: 'text=%E9%80%80%E7%A8%8E',
  },
  'GET /api/v1/appeals/mine': { allow: ['enterprise'] },
  'GET /api/v1/appeals/queue': { allow: ['dispatcher', 'bureau_leader', 'admin'] },
  'GET /api/v1/appeals/inbox': { allow: DEPARTMENT },
  'GET /api/v1/appeals/queue/counts': { allow: ['dispatcher', 'bureau_leader', 'admin'] },
  'GET /api/v1/appeals/inbox/counts': { allow: DEPARTMENT },
  'GET /api/v1/worklist': { allow: 'staff' },
  'GET /api/v1/appeals/return-visits': { allow: ['dispatcher', 'bureau_leader'] },
  'POST /api/v1/appeals/return-visits/{visitId}': {
    allow: ['dispatcher'],
    params: () => ({ visitId: randomUuid() }),
    body: () => ({ status: 'unreachable' }),
  },
  'GET /api/v1/appeals/settings': { allow: ['admin', 'dispatcher', 'bureau_leader'] },
  'PUT /api/v1/appeals/settings': {
    allow: ['admin'],
    body: () => ({ version: 999, settings: DEFAULT_APPEAL_SETTINGS }),
  },
  'GET /api/v1/appeals/figures': { allow: FIGURES, query: 'from=2026-01-01&to=2026-02-01' },
  'GET /api/v1/appeals/ranking': { allow: FIGURES, query: 'month=2026-01' },
  'GET /api/v1/appeals/ranking.xlsx': { allow: FIGURES, query: 'month=2026-01' },
  'GET /api/v1/appeals/withdrawals': { allow: FIGURES, query: 'from=2026-01-01&to=2026-02-01' },
  'GET /api/v1/appeals/{id}': { allow: APPEAL_VIEWERS, params: appeal },
  'GET /api/v1/supervision-cases': { allow: ['dispatcher', 'bureau_leader', 'department_head'] },
  'GET /api/v1/supervision-cases/{id}': {
    allow: ['dispatcher', 'bureau_leader', 'department_head'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/supervision-cases/{id}/close': {
    allow: ['dispatcher', 'bureau_leader'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1, note: '已约谈部门负责人，限期整改' }),
  },
  'GET /api/v1/appeals/{id}/department-suggestions': { allow: ['dispatcher'], params: appeal },
  'POST /api/v1/appeals/{id}/accept': { allow: ['dispatcher'], params: appeal, body: () => ({}) },
  'POST /api/v1/appeals/{id}/reject': {
    allow: ['dispatcher'],
    params: appeal,
    body: () => ({ reason: '无效诉求' }),
  },
  'POST /api/v1/appeals/{id}/merge': {
    allow: ['dispatcher'],
    params: appeal,
    body: () => ({ originalId: randomUuid() }),
  },
  'POST /api/v1/appeals/{id}/dispatch': { allow: ['dispatcher'], params: appeal, body: () => ({}) },
  'POST /api/v1/appeals/{id}/arbitrate': {
    allow: ['dispatcher'],
    params: appeal,
    body: (c) => ({ departmentId: c.departmentId, note: '仲裁', noteAudience: 'internal' }),
  },
  'POST /api/v1/appeals/{id}/sign-for': { allow: DEPARTMENT, params: appeal },
  'POST /api/v1/appeals/{id}/pause': {
    allow: DEPARTMENT,
    params: appeal,
    body: () => ({ reason: 'awaiting_third_party', note: '等待第三方', noteAudience: 'internal' }),
  },
  'POST /api/v1/appeals/{id}/resume': { allow: DEPARTMENT, params: appeal, body: () => ({}) },
  'POST /api/v1/appeals/{id}/contact': {
    allow: DEPARTMENT,
    params: appeal,
    body: () => ({ method: 'phone', contactPerson: '王经理', note: '已联系', noteAudience: 'internal' }),
  },
  'POST /api/v1/appeals/{id}/co-sign-for': { allow: DEPARTMENT, params: (c) => ({ id: c.coAppealId }) },
  'POST /api/v1/appeals/{id}/parts': {
    allow: DEPARTMENT,
    params: (c) => ({ id: c.coAppealId }),
    body: () => ({ body: '本部门意见：已核实' }),
  },
  'POST /api/v1/appeals/{id}/extension': {
    allow: ['department_head'],
    params: appeal,
    body: () => ({ workingDays: 2, reason: '需要核查' }),
  },
  'POST /api/v1/appeals/{id}/extensions/{extensionId}/decision': {
    allow: ['dispatcher'],
    params: (c) => ({ id: c.appealId, extensionId: randomUuid() }),
    body: () => ({ approve: false }),
  },
  'POST /api/v1/appeals/{id}/reply': {
    allow: DEPARTMENT,
    params: appeal,
    body: () => ({ body: '答复内容已经写好了。', attachmentIds: [] }),
  },
  'POST /api/v1/appeals/{id}/replies/{replyId}/decision': {
    allow: ['department_head'],
    params: (c) => ({ id: c.appealId, replyId: randomUuid() }),
    body: () => ({ approve: true }),
  },
  'POST /api/v1/appeals/{id}/verdict': {
    allow: ['enterprise'],
    params: appeal,
    body: () => ({ solved: true, level: 5 }),
  },
  'POST /api/v1/appeals/{id}/return': {
    allow: DEPARTMENT,
    params: appeal,
    body: () => ({ reason: '不属于本部门' }),
  },
  'POST /api/v1/appeals/{id}/return-visit': {
    allow: ['enterprise'],
    params: appeal,
    body: () => ({ solved: true, level: 5 }),
  },
  'POST /api/v1/appeals/{id}/withdraw': {
    allow: ['enterprise'],
    params: appeal,
    body: () => ({ reason: '已自行解决' }),
  },

  'GET /api/v1/departments': { allow: 'staff' },
  'POST /api/v1/departments': {
    allow: ['admin'],
    body: (c) => ({
      code: `M-${unique().toUpperCase()}`,
      name: '矩阵测试处',
      kind: 'division',
      parentId: c.departmentId,
    }),
  },
  'PATCH /api/v1/departments/{id}': {
    allow: ['admin'],
    params: (c) => ({ id: c.departmentId }),
    body: () => ({ version: 999 }),
  },

  'GET /api/v1/users': { allow: ['admin', 'department_head'] },
  'POST /api/v1/users': {
    allow: ['admin'],
    body: (c) => ({
      username: `m${unique()}`,
      displayName: '矩阵',
      departmentId: c.departmentId,
      roles: [{ role: 'handler' }],
    }),
  },
  'GET /api/v1/users/{id}': { allow: ['admin', 'department_head'], params: (c) => ({ id: c.targetUserId }) },
  'PATCH /api/v1/users/{id}': {
    allow: ['admin'],
    params: (c) => ({ id: c.targetUserId }),
    body: () => ({ version: 999 }),
  },
  'POST /api/v1/users/{id}/password-reset': { allow: ['admin'], params: (c) => ({ id: c.targetUserId }) },
  'POST /api/v1/users/{id}/unlock': { allow: ['admin'], params: (c) => ({ id: c.targetUserId }) },
  'POST /api/v1/users/{id}/revoke-sessions': { allow: ['admin'], params: (c) => ({ id: c.targetUserId }) },

  'GET /api/v1/calendar/days': { allow: 'everyone', query: 'from=2026-01-01&to=2026-01-31' },
  'GET /api/v1/calendar/due': { allow: 'everyone', query: 'start=2026-11-27T10:00:00%2B08:00&workingDays=1' },
  'GET /api/v1/calendar/settings': { allow: 'everyone' },
  'PUT /api/v1/calendar/settings': {
    allow: ['admin'],
    body: () => ({ version: 999, workingSlots: [{ start: '09:00', end: '17:00' }] }),
  },
  'GET /api/v1/calendar/overrides': { allow: ['admin'] },
  'PUT /api/v1/calendar/overrides/{date}': {
    allow: ['admin'],
    params: () => ({ date: '2035-01-01' }),
    body: () => ({ isWorkingDay: true, name: '测试' }),
  },
  'DELETE /api/v1/calendar/overrides/{date}': { allow: ['admin'], params: () => ({ date: '2035-01-02' }) },
  'GET /api/v1/calendar/notices': { allow: ['admin'] },
  'PUT /api/v1/calendar/notices/{year}': {
    allow: ['admin'],
    params: () => ({ year: '2040' }),
    body: () => ({ title: '测试通知', holidays: [], makeUpDays: [] }),
  },
  'DELETE /api/v1/calendar/notices/{year}': { allow: ['admin'], params: () => ({ year: '2041' }) },

  'GET /api/v1/audit': { allow: ['admin', 'discipline_inspector'] },
  'POST /api/v1/audit/verify': { allow: ['admin', 'discipline_inspector'] },
  'GET /api/v1/audit/checkpoints': { allow: 'everyone' },
  'POST /api/v1/audit/checkpoints': { allow: ['admin'] },

  'GET /api/v1/inbox': { allow: 'signed-in' },
  'POST /api/v1/inbox/{id}/read': { allow: 'signed-in', params: () => ({ id: randomUuid() }) },
  'POST /api/v1/inbox/read-all': { allow: 'signed-in' },
  'GET /api/v1/dev/inbox': { allow: 'everyone' },

  'GET /api/open311/discovery.json': { allow: 'everyone' },
  'GET /api/open311/discovery.xml': { allow: 'everyone' },
  'GET /api/open311/v2/services.json': { allow: 'everyone' },
  'GET /api/open311/v2/services.xml': { allow: 'everyone' },
  'GET /api/open311/v2/services/{file}': { allow: 'everyone', params: () => ({ file: 'tax.xml' }) },
  'GET /api/open311/v2/requests.json': { allow: 'everyone' },
  'GET /api/open311/v2/requests.xml': { allow: 'everyone' },
  'GET /api/open311/v2/requests/{file}': {
    allow: 'everyone',
    params: () => ({ file: 'DL-2026-999999.json' }),
  },
  'GET /api/open311/v2/media/{file}': { allow: 'everyone', params: () => ({ file: `${randomUuid()}.png` }) },
  'GET /api/v1/reference/divisions': { allow: 'everyone' },
  'GET /api/v1/reference/divisions/{code}': { allow: 'everyone', params: () => ({ code: '210211' }) },
  'GET /api/v1/reference/industries': { allow: 'everyone' },
  'GET /api/v1/reference/enterprise-tags': { allow: 'everyone' },
  'GET /api/v1/reference/city': { allow: 'everyone' },

  // Benefits: the enterprise claims; the paying department reviews and pays; the bureau reads.
  ...BENEFIT_ENTRIES,
  ...SETTLEMENT_ACCOUNT_ENTRIES,
  ...PRIVACY_ENTRIES,
}

function allowed(entry: Entry, caller: Caller): boolean {
  if (entry.allow === 'everyone') return true
  if (caller === 'anonymous') return false
  if (entry.allow === 'signed-in') return true
  if (entry.allow === 'staff') return caller !== 'enterprise'
  return entry.allow.includes(caller)
}

let t: TestApp
let ctx: Ctx
const clients = new Map<Caller, TestClient>()
const enterprisePhones: string[] = []

async function clientFor(caller: Caller, fresh: boolean): Promise<TestClient> {
  if (caller === 'anonymous')
    return t.anonymous(`10.9.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 255)}`)
  if (!fresh && clients.has(caller)) return clients.get(caller)!
  let client: TestClient
  if (caller === 'enterprise') {
    const user = await buildEnterpriseUser(t, { enterpriseIds: [ctx.enterpriseId] })
    enterprisePhones.push(user.phone)
    client = await signInEnterprise(t, user.phone)
  } else {
    client = await signInAs(t, caller, { departmentId: ctx.departmentId })
  }
  if (!fresh) clients.set(caller, client)
  return client
}

beforeAll(async () => {
  t = await createTestApp()
  const enterprise = await buildEnterprise(t)
  const department = await t.deps.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', 'DL-SCJGJ')
    .executeTakeFirstOrThrow()
  const target = await buildStaff(t, { departmentId: department.id })
  // An appeal of the enterprise, held by the department the staff roles belong to.
  const member = await buildEnterpriseUser(t, { enterpriseIds: [enterprise.id] })
  const filer = await signInEnterprise(t, member.phone)
  const filed = await filer.post('/api/v1/appeals', {
    enterpriseId: enterprise.id,
    categoryCode: 'tax',
    title: '退税没有到账',
    body: '增值税留抵退税申请三个月仍未到账。',
    idempotencyKey: randomUuid(),
  })
  const dispatcher = await signInAs(t, 'dispatcher')
  await dispatcher.post(`/api/v1/appeals/${filed.body.id}/dispatch`, { leadDepartmentId: department.id })
  // Another department leads this one; the staff roles' department co-handles it.
  const coFiled = await filer.post('/api/v1/appeals', {
    enterpriseId: enterprise.id,
    categoryCode: 'tax',
    title: '退税与社保同时卡住',
    body: '增值税留抵退税和社保补贴都没有到账。',
    idempotencyKey: randomUuid(),
  })
  const otherLead = await t.deps.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', 'DL-SWJ')
    .executeTakeFirstOrThrow()
  await dispatcher.post(`/api/v1/appeals/${coFiled.body.id}/dispatch`, {
    leadDepartmentId: otherLead.id,
    coDepartmentIds: [department.id],
  })
  const writer = await signInAs(t, 'handler', { departmentId: department.id })
  const draft = await writer.post('/api/v1/policies', {
    title: '矩阵用草稿政策',
    issuer: '大连市市场监督管理局',
    level: 'city',
    ownerDepartmentId: department.id,
  })
  ctx = {
    policyId: draft.body.id,
    enterpriseId: enterprise.id,
    targetUserId: target.id,
    departmentId: department.id,
    appealId: filed.body.id,
    coAppealId: coFiled.body.id,
    enterpriseUscc: enterprise.uscc,
  }
})
afterAll(() => t.close())

describe('the permission matrix', () => {
  it('covers every endpoint of the API, and only those', async () => {
    const doc = await t.anonymous().get('/api/openapi.json')
    const endpoints = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([p, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`),
    )
    expect(
      endpoints.filter((e) => !(e in MATRIX)),
      'endpoints missing from the permission matrix',
    ).toEqual([])
    expect(
      Object.keys(MATRIX).filter((e) => !endpoints.includes(e)),
      'matrix entries with no endpoint',
    ).toEqual([])
  })

  const callers: Caller[] = ['anonymous', ...ROLES]
  it.each(Object.entries(MATRIX))('%s', async (endpoint, entry) => {
    const [method, template] = endpoint.split(' ') as [string, string]
    const failures: string[] = []
    for (const caller of callers) {
      const client = await clientFor(caller, !!entry.fresh)
      let path = template
      for (const [k, v] of Object.entries(entry.params?.(ctx) ?? {})) path = path.replace(`{${k}}`, v)
      if (entry.query) path += `?${entry.query}`
      const res = await client.request(method, path, entry.body?.(ctx))
      const code = res.body?.error?.code as string | undefined
      const refused = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN'
      if (allowed(entry, caller) && refused)
        failures.push(`${caller} should be let through, got ${res.status} ${code}`)
      if (!allowed(entry, caller)) {
        const expected = caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'
        if (code !== expected)
          failures.push(`${caller} should get ${expected}, got ${res.status} ${code ?? ''}`)
      }
      if (res.status >= 500) failures.push(`${caller}: server error ${JSON.stringify(res.body)}`)
    }
    expect(failures).toEqual([])
  })
})
