import { definePermissionRows } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the audit module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'GET /api/v1/audit': { allow: ['admin', 'discipline_inspector'] },
  'POST /api/v1/audit/verify': { allow: ['admin', 'discipline_inspector'] },
  'GET /api/v1/audit/checkpoints': { allow: 'everyone' },
  'POST /api/v1/audit/checkpoints': { allow: ['admin'] },
})
