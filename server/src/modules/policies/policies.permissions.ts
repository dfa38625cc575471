import {
  definePermissionRows,
  STAFF,
  pngForm,
  randomUuid,
  type MatrixContext,
  type PermissionRow,
} from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the policies module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'GET /api/v1/public/policies': { allow: 'everyone' },
  'GET /api/v1/public/policies/{id}': { allow: 'everyone', params: () => ({ id: randomUuid() }) },
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
        params: (c: MatrixContext) => ({ id: c.policyId }),
        body: () => ({
          version: 999,
          note: '矩阵',
          ...(action === 'publish' ? { previewDigest: '0'.repeat(64) } : {}),
        }),
      } satisfies PermissionRow,
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
})
