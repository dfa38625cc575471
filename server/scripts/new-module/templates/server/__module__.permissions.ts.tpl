import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the {{module}} module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * Enterprise users only: they open, read and submit their own {{casesWordsEn}} (another's is "not found").
 */
export default definePermissionRows({
  'POST /api/v1/{{module}}/{{cases}}': {
    allow: ['enterprise'],
    body: (c) => ({ enterpriseId: c.enterpriseId, title: '矩阵测试' }),
  },
  'GET /api/v1/{{module}}/{{cases}}/mine': { allow: ['enterprise'] },
  'GET /api/v1/{{module}}/{{cases}}/{id}': { allow: ['enterprise'], params: () => ({ id: randomUuid() }) },
  'POST /api/v1/{{module}}/{{cases}}/{id}/submit': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
})
