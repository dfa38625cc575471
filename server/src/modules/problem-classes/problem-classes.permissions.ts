import { DEPARTMENT, definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the problem-classes module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * The bureau (task force, leadership) runs the clustering, decides proposals and moves classes; a
 * department's handlers and heads read the monthly problems of their unit and record their tasks done
 * (a random id is "not found": the door opened); an appeal's classes are for whoever may read the appeal.
 */
const BUREAU = ['dispatcher', 'bureau_leader'] as const
const id = () => ({ id: randomUuid() })

export default definePermissionRows({
  'POST /api/v1/problem-classes/runs': { allow: [...BUREAU], body: () => ({ month: '2026-01' }) },
  'GET /api/v1/problem-classes/proposals': { allow: [...BUREAU], query: 'month=2026-01' },
  'GET /api/v1/problem-classes/proposals/{id}': { allow: [...BUREAU], params: id },
  'POST /api/v1/problem-classes/proposals/{id}/accept': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ name: '施工许可审批慢' }),
  },
  'POST /api/v1/problem-classes/proposals/{id}/dismiss': { allow: [...BUREAU], params: id },
  'GET /api/v1/problem-classes': { allow: [...BUREAU, ...DEPARTMENT] },
  'GET /api/v1/problem-classes/{id}': { allow: [...BUREAU, ...DEPARTMENT], params: id },
  'POST /api/v1/problem-classes/{id}/remove-cases': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1, itemIds: [randomUuid()] }),
  },
  'POST /api/v1/problem-classes/{id}/monthly': {
    allow: [...BUREAU],
    params: id,
    body: (c) => ({ version: 1, month: '2026-01', ownerDepartmentId: c.departmentId }),
  },
  'POST /api/v1/problem-classes/{id}/tasks': {
    allow: [...BUREAU],
    params: id,
    body: (c) => ({ title: '梳理审批材料清单', ownerDepartmentId: c.departmentId, dueOn: '2026-02-10' }),
  },
  'POST /api/v1/problem-classes/{id}/outputs': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ reference: '大政办发〔2026〕1号' }),
  },
  'POST /api/v1/problem-classes/{id}/close': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1, summary: '审批材料精简为三项' }),
  },
  'POST /api/v1/problem-classes/{id}/tasks/{taskId}/done': {
    allow: [...BUREAU, ...DEPARTMENT],
    params: () => ({ id: randomUuid(), taskId: randomUuid() }),
    body: () => ({ evidence: '已印发新版材料清单' }),
  },
  'GET /api/v1/problem-classes/of-appeal/{appealId}': {
    allow: 'signed-in',
    params: (c) => ({ appealId: c.appealId }),
  },
})
