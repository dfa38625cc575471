import { definePermissionRows } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the reference module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'GET /api/v1/reference/divisions': { allow: 'everyone' },
  'GET /api/v1/reference/divisions/{code}': { allow: 'everyone', params: () => ({ code: '210211' }) },
  'GET /api/v1/reference/industries': { allow: 'everyone' },
  'GET /api/v1/reference/enterprise-tags': { allow: 'everyone' },
  'GET /api/v1/reference/city': { allow: 'everyone' },
})
