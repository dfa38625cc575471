import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the result step (issue 14 item 4); inspections.permissions.ts lists
 * them with the module's other rows. The administrator adds local list entries; any member of staff
 * looks the lists up and reads the result of an inspection they hold (another's is "not found");
 * an inspector records results; the enterprise reads its own inspections' results; the bureau reads
 * the figures.
 */
const id = () => ({ id: randomUuid() })

export const inspectionResultsPermissionRows = definePermissionRows({
  'POST /api/v1/inspection-results/leniency-entries': {
    allow: ['admin'],
    body: () => ({
      code: 'DL-MATRIX-01',
      list: 'first_offence',
      scope: 'municipal',
      title: '矩阵测试清单事项',
      provision: '《大连市测试条例》第一条',
      conditions: [{ key: 'first_offence', text: '两年内无同类违法记录' }],
      source: '矩阵测试文件',
      issuer: '大连市市场监督管理局',
      effectiveOn: '2025-06-01',
    }),
  },
  'GET /api/v1/inspection-results/leniency-lookup': { allow: 'staff', query: 'q=营业执照' },
  'GET /api/v1/inspection-results/mine': { allow: ['inspector'] },
  'GET /api/v1/inspection-results/figures': {
    allow: ['dispatcher', 'bureau_leader', 'admin'],
    query: 'from=2026-01-01&to=2026-02-01',
  },
  'GET /api/v1/inspection-results/{id}': { allow: 'staff', params: id },
  'POST /api/v1/inspections/{id}/result': {
    allow: ['inspector'],
    params: id,
    body: () => ({ version: 1, outcome: 'no_problem' }),
  },
  'GET /api/v1/inspections/{id}/result': { allow: ['enterprise'], params: id },
  'POST /api/v1/inspections/{id}/recheck': { allow: 'staff', params: id, body: () => ({ version: 1 }) },
})
