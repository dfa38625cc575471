import { definePermissionRows } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the worklist module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'GET /api/v1/worklist': { allow: 'staff' },
})
