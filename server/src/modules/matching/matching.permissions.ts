import { definePermissionRows, STAFF, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the matching module (the calculator, an enterprise's matches and their
 * explanations, the rule check, match runs): its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's.
 */
export default definePermissionRows({
  'POST /api/v1/public/policy-calculator': { allow: 'everyone', body: () => ({ facts: { employees: 10 } }) },
  'GET /api/v1/enterprises/{id}/policy-matches': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'GET /api/v1/enterprises/{id}/policy-matches/{itemId}': {
    allow: ['enterprise', ...STAFF],
    params: (c) => ({ id: c.enterpriseId, itemId: randomUuid() }),
  },
  'POST /api/v1/policies/rules/check': {
    allow: ['handler', 'department_head', 'bureau_leader'],
    body: () => ({ rule: '从业人数 <= 300' }),
  },
  'GET /api/v1/policies/match-runs': { allow: ['bureau_leader', 'dispatcher', 'admin'] },
  'POST /api/v1/policies/match-runs': { allow: ['bureau_leader', 'admin'] },
})
