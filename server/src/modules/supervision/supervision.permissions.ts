import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the supervision module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
const READERS = ['dispatcher', 'bureau_leader', 'department_head', 'handler', 'discipline_inspector'] as const
const BUREAU = ['dispatcher', 'bureau_leader'] as const
const move = (allow: readonly ('dispatcher' | 'bureau_leader' | 'department_head')[]) => ({
  allow: [...allow],
  params: () => ({ id: randomUuid() }),
  body: () => ({ version: 1, note: '已约谈部门负责人，限期整改' }),
})

export default definePermissionRows({
  'GET /api/v1/supervision-cases': { allow: [...READERS] },
  'POST /api/v1/supervision-cases': {
    allow: [...BUREAU],
    body: (c) => ({ departmentId: c.departmentId, reason: '多次反映办事难，督促整改' }),
  },
  'GET /api/v1/supervision-cases/{id}': {
    allow: [...READERS],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/supervision-cases/{id}/respond': {
    allow: ['department_head'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1, note: '已约谈窗口人员并整改', evidence: ['整改报告'] }),
  },
  'POST /api/v1/supervision-cases/{id}/accept': move(BUREAU),
  'POST /api/v1/supervision-cases/{id}/reject': move(BUREAU),
  'POST /api/v1/supervision-cases/{id}/escalate': move(BUREAU),
  'POST /api/v1/supervision-cases/{id}/close': move(BUREAU),
  'GET /api/v1/supervision-settings': { allow: ['dispatcher', 'bureau_leader', 'admin'] },
  'PUT /api/v1/supervision-settings': {
    allow: ['bureau_leader', 'admin'],
    body: () => ({
      sectionDays: 5,
      bureauDays: 3,
      cityDays: 2,
      badRatingThreshold: 3,
      badRatingWindowDays: 30,
    }),
  },
})
