import { definePermissionRows, randomUuid, unique } from '../../../test/permission-matrix/rows'

/** Who may call each endpoint of benchmarks: its rows of the permission matrix. */
const readers = ['bureau_leader', 'admin', 'dispatcher', 'department_head'] as const
const editors = ['bureau_leader', 'admin'] as const
const source = {
  sourceOrganisation: '测试来源单位',
  sourceDocument: '测试来源文件',
  sourceDate: '2025-06-30',
}

export default definePermissionRows({
  'GET /api/v1/benchmarks': { allow: [...readers], query: 'year=2025' },
  'PUT /api/v1/benchmarks/entries': {
    allow: [...editors],
    body: () => ({ indicatorKey: 'daysToStartBusiness', year: 2024, value: 2.5, ...source }),
  },
  'PUT /api/v1/benchmarks/city-values': {
    allow: [...editors],
    body: () => ({
      indicatorKey: 'daysToStartBusiness',
      city: `测试市${unique()}`,
      year: 2024,
      value: 1,
      ...source,
    }),
  },
  'DELETE /api/v1/benchmarks/city-values/{id}': { allow: [...editors], params: () => ({ id: randomUuid() }) },
})
