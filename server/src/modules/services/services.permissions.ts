import { definePermissionRows, randomUuid, unique } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the services module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * Applications: enterprise users only; they open, read, submit and withdraw their own (another's is "not found").
 * The matter catalogue: everyone reads it; handlers and department heads edit their own department's
 * matters, the bureau's leaders and administrators any (a random id is "not found": the door opened).
 */
const EDITORS = ['handler', 'department_head', 'admin', 'bureau_leader'] as const
const content = {
  name: '矩阵测试事项',
  matterType: 'licence',
  implementingBody: '矩阵测试部门',
  legalBasis: '《矩阵测试条例》',
  conditions: '无',
  materials: [],
  fees: [],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  specialSteps: [],
  visitsNeeded: 0,
  onlineLevel: 'full',
  faq: [],
}

export default definePermissionRows({
  'POST /api/v1/services/applications': {
    allow: ['enterprise'],
    body: (c) => ({ enterpriseId: c.enterpriseId, title: '矩阵测试' }),
  },
  'GET /api/v1/services/applications/mine': { allow: ['enterprise'] },
  'GET /api/v1/services/applications/{id}': { allow: ['enterprise'], params: () => ({ id: randomUuid() }) },
  'POST /api/v1/services/applications/{id}/submit': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/withdraw': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  // the 办不成事 desk: the applicant only (a random id is "not found": the door opened)
  'GET /api/v1/services/applications/{id}/appeal': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/appeal': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({}),
  },
  // the history: the applicant, the matter's department, the appeal's readers (rules in the service)
  'GET /api/v1/services/applications/{id}/history': {
    allow: 'signed-in',
    params: () => ({ id: randomUuid() }),
  },
  // figures: the bureau all departments, a department head their own; the statistics: everyone
  'GET /api/v1/services/figures': {
    allow: ['dispatcher', 'bureau_leader', 'admin', 'department_head'],
    query: 'from=2026-01&to=2026-03',
  },
  'GET /api/v1/services/statistics': { allow: 'everyone', query: 'from=2026-01&to=2026-03' },
  'GET /api/v1/services/matters': { allow: 'everyone' },
  'GET /api/v1/services/matters/{id}': { allow: 'everyone', params: () => ({ id: randomUuid() }) },
  'POST /api/v1/services/matters': {
    allow: [...EDITORS],
    body: (c) => ({
      code: `MATRIX-${unique()}`,
      departmentId: c.departmentId,
      parentId: null,
      variant: null,
      content,
    }),
  },
  'GET /api/v1/services/matters/{id}/draft': { allow: [...EDITORS], params: () => ({ id: randomUuid() }) },
  'PUT /api/v1/services/matters/{id}/draft': {
    allow: [...EDITORS],
    params: () => ({ id: randomUuid() }),
    body: () => content,
  },
  'POST /api/v1/services/matters/{id}/publish': { allow: [...EDITORS], params: () => ({ id: randomUuid() }) },
})
