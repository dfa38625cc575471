import { definePermissionRows } from '../../../test/permission-matrix/rows'

/** Who may call each endpoint of the cockpit: its rows of the permission matrix. */
const bureauAndHeads = ['bureau_leader', 'dispatcher', 'admin', 'department_head'] as const
const period = 'from=2026-01&to=2026-03'

export default definePermissionRows({
  'GET /api/v1/cockpit': { allow: [...bureauAndHeads], query: period },
  'GET /api/v1/cockpit/cases': {
    allow: [...bureauAndHeads],
    query: 'metric=appealsDispatched&month=2026-03',
  },
  'GET /api/v1/cockpit.xlsx': { allow: [...bureauAndHeads], query: period },
  'GET /api/v1/open-data/monthly': { allow: 'everyone' },
  'GET /api/v1/open-data/monthly/{file}': { allow: 'everyone', params: () => ({ file: '2020-01.json' }) },
})
