import {
  DEPARTMENT,
  definePermissionRows,
  pngForm,
  randomUuid,
  unique,
} from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the services module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * Applications: enterprise users open, read, submit, withdraw, answer and commit on their own (another's is
 * "not found"); handlers and department heads make the completeness check and the clock's moves on
 * their department's (any other is "not found"), the extension is the head's alone.
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
    body: (c) => ({ enterpriseId: c.enterpriseId, matterId: randomUuid() }),
  },
  'GET /api/v1/services/applications/mine': { allow: ['enterprise'] },
  'GET /api/v1/services/applications/{id}': { allow: ['enterprise'], params: () => ({ id: randomUuid() }) },
  'GET /api/v1/services/applications/{id}/timeline': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'GET /api/v1/services/applications/{id}/notices': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/submit': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/withdraw': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/supplement': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ note: '已补正', uploadIds: [] }),
  },
  'POST /api/v1/services/applications/{id}/tolerance-commitment': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ items: ['矩阵材料'], commitment: '承诺按期补交' }),
  },
  'POST /api/v1/services/applications/{id}/tolerance-fulfilment': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ note: '已补交' }),
  },
  'POST /api/v1/services/applications/{id}/accept': {
    allow: DEPARTMENT,
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/not-accept': {
    allow: DEPARTMENT,
    params: () => ({ id: randomUuid() }),
    body: () => ({ reason: '不属于本机关职权范围', referTo: '矩阵测试部门' }),
  },
  'POST /api/v1/services/applications/{id}/supplement-request': {
    allow: DEPARTMENT,
    params: () => ({ id: randomUuid() }),
    body: () => ({ items: [{ item: '营业执照', problem: '缺少' }] }),
  },
  'POST /api/v1/services/applications/{id}/tolerance-acceptance': {
    allow: DEPARTMENT,
    params: () => ({ id: randomUuid() }),
    body: () => ({ items: ['矩阵材料'], dueWorkingDays: 3 }),
  },
  'POST /api/v1/services/applications/{id}/extension': {
    allow: ['department_head'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ reason: '情况复杂' }),
  },
  'POST /api/v1/services/applications/{id}/special-steps': {
    allow: DEPARTMENT,
    params: () => ({ id: randomUuid() }),
    body: () => ({ kind: 'hearing' }),
  },
  'POST /api/v1/services/applications/{id}/special-steps/end': {
    allow: DEPARTMENT,
    params: () => ({ id: randomUuid() }),
    body: () => ({}),
  },
  // the staff side: the department's handlers and heads act; the bureau's leaders and administrators read
  'GET /api/v1/services/queue': { allow: [...EDITORS] },
  'GET /api/v1/services/applications/{id}/staff': {
    // the task force reads an application through the appeal it became (the 办不成事 desk)
    allow: [...EDITORS, 'dispatcher'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/archive': {
    allow: ['handler', 'department_head'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/review-tasks/{taskId}/claim': {
    allow: ['handler', 'department_head'],
    params: () => ({ id: randomUuid(), taskId: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/review-tasks/{taskId}/unclaim': {
    allow: ['handler', 'department_head'],
    params: () => ({ id: randomUuid(), taskId: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/review-tasks/{taskId}/delegate': {
    allow: ['handler', 'department_head'],
    params: () => ({ id: randomUuid(), taskId: randomUuid() }),
    body: () => ({ assigneeId: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/review-tasks/{taskId}/decide': {
    allow: ['handler', 'department_head'],
    params: () => ({ id: randomUuid(), taskId: randomUuid() }),
    body: () => ({ outcome: 'approve' }),
  },
  // an application's form and materials: its applicant changes them; its department's staff read them
  'GET /api/v1/services/applications/{id}/form': { allow: 'signed-in', params: () => ({ id: randomUuid() }) },
  'PUT /api/v1/services/applications/{id}/form': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ data: {} }),
  },
  'POST /api/v1/services/material-uploads': {
    allow: ['enterprise'],
    body: () => {
      const form = pngForm()
      form.set('applicationId', randomUuid())
      form.set('materialName', '矩阵测试材料')
      return form
    },
  },
  'POST /api/v1/services/applications/{id}/materials/reuse': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ materialName: '矩阵测试材料', uploadId: randomUuid(), consent: true }),
  },
  'DELETE /api/v1/services/applications/{id}/materials/{materialId}': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid(), materialId: randomUuid() }),
  },
  'GET /api/v1/services/applications/{id}/materials/{materialId}/file': {
    allow: 'signed-in',
    params: () => ({ id: randomUuid(), materialId: randomUuid() }),
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
  'GET /api/v1/services/matters/editable': { allow: [...EDITORS] },
  'GET /api/v1/services/matters/export.xlsx': { allow: [...EDITORS] },
  // a PNG is no workbook: an editor is refused with 422, anyone else before the file is read
  'POST /api/v1/services/matters/import': { allow: [...EDITORS], body: () => pngForm() },
  'GET /api/v1/services/matters/{id}/versions': { allow: [...EDITORS], params: () => ({ id: randomUuid() }) },
  'GET /api/v1/services/matters/{id}/versions/{versionId}': {
    allow: [...EDITORS],
    params: () => ({ id: randomUuid(), versionId: randomUuid() }),
  },
  // bundles (一件事一次办): the bureau writes them, everyone reads them, enterprises apply, staff monitor
  'GET /api/v1/services/bundles': { allow: 'everyone' },
  'GET /api/v1/services/bundles/{id}': { allow: 'everyone', params: () => ({ id: randomUuid() }) },
  'POST /api/v1/services/bundles': {
    allow: ['admin', 'bureau_leader'],
    body: () => ({
      code: `MATRIX-${unique()}`,
      name: '矩阵测试一件事',
      description: '',
      promisedLimitDays: 1,
      members: [
        { matterId: randomUuid(), stage: 1 },
        { matterId: randomUuid(), stage: 1 },
      ],
    }),
  },
  'PUT /api/v1/services/bundles/{id}': {
    allow: ['admin', 'bureau_leader'],
    params: () => ({ id: randomUuid() }),
    body: () => ({
      code: `MATRIX-${unique()}`,
      name: '矩阵测试一件事',
      description: '',
      promisedLimitDays: 1,
      members: [
        { matterId: randomUuid(), stage: 1 },
        { matterId: randomUuid(), stage: 1 },
      ],
    }),
  },
  'POST /api/v1/services/bundles/{id}/publish': {
    allow: ['admin', 'bureau_leader'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/bundle-applications': {
    allow: ['enterprise'],
    body: (c) => ({ enterpriseId: c.enterpriseId, bundleId: randomUuid() }),
  },
  'GET /api/v1/services/bundle-applications/mine': { allow: ['enterprise'] },
  'GET /api/v1/services/bundle-applications/monitor': {
    allow: ['admin', 'bureau_leader', 'handler', 'department_head'],
  },
  'GET /api/v1/services/bundle-applications/{id}': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'PUT /api/v1/services/bundle-applications/{id}/form': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ formData: {} }),
  },
  'POST /api/v1/services/bundle-applications/{id}/submit': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/bundle-material-uploads': {
    allow: ['enterprise'],
    body: () => {
      const form = pngForm()
      form.set('bundleApplicationId', randomUuid())
      form.set('materialName', '矩阵测试材料')
      return form
    },
  },
  'DELETE /api/v1/services/bundle-applications/{id}/materials/{uploadId}': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid(), uploadId: randomUuid() }),
  },
  'POST /api/v1/services/bundle-applications/{id}/withdraw': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'GET /api/v1/services/bundle-applications/{id}/results': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
})
