import { definePermissionRows, unique } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the departments module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
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
})
