import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the commitments module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * The bureau (task force, leadership) sees and verifies everything; a unit's handlers and heads see
 * and pay what their unit owns in their role; an enterprise's users see their own and complain; the
 * yearly publication is public. Nobody else reaches any of it.
 */
const BUREAU = ['dispatcher', 'bureau_leader'] as const
const UNIT = ['handler', 'department_head'] as const
const id = () => ({ id: randomUuid() })

export default definePermissionRows({
  'GET /api/v1/commitments/complaints': { allow: [...BUREAU, 'enterprise'] },
  'POST /api/v1/commitments/complaints/{id}/verify': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1, outcome: 'not_founded', explanation: '经核实合同约定尚未到期' }),
  },
  'GET /api/v1/commitments/publications/{year}': { allow: 'everyone', params: () => ({ year: '2025' }) },
  'GET /api/v1/commitments/settings': { allow: [...BUREAU] },
  'PUT /api/v1/commitments/settings': { allow: [...BUREAU], body: () => ({ verificationDays: 10 }) },
  'POST /api/v1/commitments': {
    allow: [...BUREAU, ...UNIT],
    body: (c) => ({
      kind: 'investment_promise',
      enterpriseId: c.enterpriseId,
      departmentId: c.departmentId,
      ownerRole: 'department_head',
      title: '矩阵测试承诺',
      obligation: '2099 年底前完成厂区道路配套',
      dueOn: '2099-12-31',
    }),
  },
  'GET /api/v1/commitments': { allow: [...BUREAU, ...UNIT, 'enterprise'] },
  'GET /api/v1/commitments/{id}': { allow: [...BUREAU, ...UNIT, 'enterprise'], params: id },
  'POST /api/v1/commitments/{id}/payments': {
    allow: [...UNIT],
    params: id,
    body: () => ({ version: 1, paidOn: '2026-01-05', principalFen: 100, interestFen: 0 }),
  },
  'POST /api/v1/commitments/{id}/fulfil': {
    allow: [...UNIT],
    params: id,
    body: () => ({ version: 1, note: '已完成' }),
  },
  'POST /api/v1/commitments/{id}/repayment-plan': {
    allow: [...BUREAU, ...UNIT],
    params: id,
    body: () => ({ version: 1, instalments: [{ dueOn: '2099-01-31', amountFen: 100 }] }),
  },
  'POST /api/v1/commitments/{id}/complaints': {
    allow: ['enterprise'],
    params: id,
    body: () => ({ text: '发票已验收两个月仍未付款' }),
  },
})
