import { makeUscc } from '../../seed/demo-enterprises'
import {
  definePermissionRows,
  STAFF,
  randomPhone,
  randomUuid,
  unique,
} from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the enterprises module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'POST /api/v1/enterprises': {
    allow: ['enterprise'],
    body: () => ({
      uscc: makeUscc(Math.random, '210204', '1'),
      name: `大连矩阵${unique()}有限公司`,
      legalRepresentative: '李四',
      divisionCode: '210204',
      industryCode: 'F51',
      sizeClass: 'micro',
      foundedOn: '2020-01-01',
      employees: 3,
    }),
  },
  'GET /api/v1/enterprises/mine': { allow: ['enterprise'] },
  'GET /api/v1/enterprises': { allow: 'staff' },
  'GET /api/v1/enterprises/{id}': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'PATCH /api/v1/enterprises/{id}': {
    allow: ['enterprise', 'admin'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ version: 999 }),
  },
  'GET /api/v1/enterprises/{id}/versions': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'GET /api/v1/enterprises/{id}/members': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprises/{id}/members': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ phone: randomPhone() }),
  },
  'DELETE /api/v1/enterprises/{id}/members/{userId}': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId, userId: randomUuid() }),
  },
})
