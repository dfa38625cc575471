import { definePermissionRows, STAFF, unique } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the facts module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  // The staff roles' department is the market-regulation department, which sends the registry.
  'POST /api/v1/facts/registry-imports': {
    allow: ['handler', 'department_head', 'admin'],
    body: () => {
      const form = new FormData()
      form.set('file', new File(['统一社会信用代码,企业名称,法定代表人\n'], 'registry.csv'))
      return form
    },
  },
  'GET /api/v1/enterprises/{id}/facts': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprises/{id}/facts': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ facts: [{ key: 'isSmallScaleTaxpayer', value: true }] }),
  },
  'GET /api/v1/enterprises/{id}/facts/history': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'GET /api/v1/facts/definitions': { allow: 'everyone' },
  'GET /api/v1/facts/definitions/all': { allow: ['admin'] },
  'POST /api/v1/facts/definitions': {
    allow: ['admin'],
    body: () => ({ key: `m${unique()}`, labelZh: `矩阵${unique()}`, labelEn: 'Matrix', type: 'number' }),
  },
  'PATCH /api/v1/facts/definitions/{key}': {
    allow: ['admin'],
    params: () => ({ key: 'employees' }),
    body: () => ({ version: 999, unitZh: '人' }),
  },
  // Staff of a department that verifies the source (the matrix's staff are not): admins only here.
  'POST /api/v1/facts/imports': {
    allow: ['admin'],
    query: 'source=tax',
    body: () => {
      const form = new FormData()
      form.set('file', new File(['统一社会信用代码,所属年度,年度应纳税所得额\n'], 'facts.csv'))
      return form
    },
  },
  'GET /api/v1/facts/imports': { allow: 'staff' },
  'GET /api/v1/facts/imports/sources': { allow: 'staff' },
})
