import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'
import { DEFAULT_CAP_SETTINGS } from './cap-arithmetic'

/**
 * Who may call each endpoint of inspection caps (server/test/permission-matrix.test.ts). Staff read
 * the caps; the administrator and bureau leadership add versions; a body's staff ask for exemptions
 * and read their own; the task force and leadership decide them, merge joint visits and read the
 * high-frequency list.
 */
export default definePermissionRows({
  'GET /api/v1/inspection-caps/settings': { allow: 'staff' },
  'POST /api/v1/inspection-caps/settings/versions': {
    allow: ['admin', 'bureau_leader'],
    // a date long past: the allowed roles get INSPECTION_CAP_EFFECTIVE_PAST, the door still opened
    body: () => ({ effectiveFrom: '2001-01-01', settings: DEFAULT_CAP_SETTINGS, note: '矩阵测试' }),
  },
  'POST /api/v1/inspection-caps/exemption-requests': {
    allow: ['inspector', 'department_head', 'handler'],
    body: (c) => ({
      enterpriseId: c.enterpriseId,
      departmentId: c.departmentId,
      plannedOn: '2026-06-01',
      reason: '矩阵测试：超频次',
    }),
  },
  'GET /api/v1/inspection-caps/exemption-requests': {
    allow: ['dispatcher', 'bureau_leader', 'inspector', 'department_head', 'handler'],
  },
  'POST /api/v1/inspection-caps/exemption-requests/{id}/decision': {
    allow: ['dispatcher', 'bureau_leader'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1, decision: 'refuse', note: '矩阵测试' }),
  },
  'GET /api/v1/inspection-caps/joint-proposals': { allow: ['dispatcher', 'bureau_leader'] },
  'POST /api/v1/inspection-caps/joint-visits': {
    allow: ['dispatcher', 'bureau_leader'],
    body: (c) => ({
      inspectionIds: [randomUuid(), randomUuid()],
      visitOn: '2026-06-01',
      leadDepartmentId: c.departmentId,
    }),
  },
  'GET /api/v1/inspection-caps/high-frequency': { allow: ['dispatcher', 'bureau_leader'] },
})
