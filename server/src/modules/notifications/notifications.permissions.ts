import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the notifications module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'GET /api/v1/inbox': { allow: 'signed-in' },
  'POST /api/v1/inbox/{id}/read': { allow: 'signed-in', params: () => ({ id: randomUuid() }) },
  'POST /api/v1/inbox/read-all': { allow: 'signed-in' },
  'GET /api/v1/dev/inbox': { allow: 'everyone' },
})
