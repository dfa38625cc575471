import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the services module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * Enterprise users only: they open, read, submit and withdraw their own applications (another's is "not found").
 */
export default definePermissionRows({
  'POST /api/v1/services/applications': {
    allow: ['enterprise'],
    body: (c) => ({ enterpriseId: c.enterpriseId, title: '矩阵测试' }),
  },
  'GET /api/v1/services/applications/mine': { allow: ['enterprise'] },
  'GET /api/v1/services/applications/{id}': { allow: ['enterprise'], params: () => ({ id: randomUuid() }) },
  'POST /api/v1/services/applications/{id}/submit': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  'POST /api/v1/services/applications/{id}/withdraw': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
})
