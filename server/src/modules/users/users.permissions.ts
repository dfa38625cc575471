import { definePermissionRows, unique } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the users module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
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
})
