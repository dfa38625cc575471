import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the supervision module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
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
})
