import type { Role } from '../../kernel/auth/actor'
import {
  definePermissionRows,
  DEPARTMENT,
  pngForm,
  randomUuid,
  type MatrixContext,
} from '../../../test/permission-matrix/rows'

/** Who reads claims: the enterprise, the bureau and the departments (not inspectors). */
const CLAIM_READERS: Role[] = [
  'enterprise',
  'dispatcher',
  'bureau_leader',
  'admin',
  'handler',
  'department_head',
]
const claimOf = (c: MatrixContext) => ({ id: c.enterpriseId, claimId: randomUuid() })

/**
 * Who may call each endpoint of the benefits module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * The enterprise claims; the paying department reviews and pays; the bureau reads.
 */
export default definePermissionRows({
  'POST /api/v1/enterprises/{id}/claims/consent': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ itemId: randomUuid(), idempotencyKey: randomUuid() }),
  },
  'POST /api/v1/enterprises/{id}/claims/apply': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({
      itemId: randomUuid(),
      idempotencyKey: randomUuid(),
      form: { contactName: '王经理', contactPhone: '13800138000' },
    }),
  },
  'GET /api/v1/enterprises/{id}/claims': { allow: CLAIM_READERS, params: (c) => ({ id: c.enterpriseId }) },
  'GET /api/v1/enterprises/{id}/claims/{claimId}': { allow: CLAIM_READERS, params: claimOf },
  'POST /api/v1/enterprises/{id}/claims/{claimId}/resubmit': {
    allow: ['enterprise'],
    params: claimOf,
    body: () => ({ materials: {} }),
  },
  'POST /api/v1/enterprises/{id}/claims/{claimId}/withdraw': {
    allow: ['enterprise'],
    params: claimOf,
    body: () => ({ reason: '暂不需要' }),
  },
  'POST /api/v1/enterprises/{id}/claims/{claimId}/rating': {
    allow: ['enterprise'],
    params: claimOf,
    body: () => ({ level: 5 }),
  },
  'POST /api/v1/benefits/materials': { allow: ['enterprise'], body: pngForm },
  'GET /api/v1/benefits/materials/{materialId}': {
    allow: CLAIM_READERS,
    params: () => ({ materialId: randomUuid() }),
  },
  'GET /api/v1/benefits/claims': { allow: CLAIM_READERS.filter((r) => r !== 'enterprise') },
  'GET /api/v1/benefits/claims/counts': { allow: CLAIM_READERS.filter((r) => r !== 'enterprise') },
  'GET /api/v1/benefits/claims/{claimId}': {
    allow: CLAIM_READERS.filter((r) => r !== 'enterprise'),
    params: () => ({ claimId: randomUuid() }),
  },
  'POST /api/v1/benefits/claims/{claimId}/supplement-request': {
    allow: DEPARTMENT,
    params: () => ({ claimId: randomUuid() }),
    body: () => ({ note: '请补充材料' }),
  },
  'POST /api/v1/benefits/claims/{claimId}/recommendation': {
    allow: DEPARTMENT,
    params: () => ({ claimId: randomUuid() }),
    body: () => ({ approve: true }),
  },
  'POST /api/v1/benefits/claims/{claimId}/decision': {
    allow: DEPARTMENT,
    params: () => ({ claimId: randomUuid() }),
    body: () => ({ approve: true }),
  },
  'POST /api/v1/benefits/claims/{claimId}/payout': {
    allow: DEPARTMENT,
    params: () => ({ claimId: randomUuid() }),
    body: () => ({ paidOn: '2026-01-05' }),
  },
  'GET /api/v1/benefits/items/{itemId}/payout-list': {
    allow: DEPARTMENT,
    params: () => ({ itemId: randomUuid() }),
  },
  'POST /api/v1/benefits/items/{itemId}/payout-batches': {
    allow: ['department_head'],
    params: () => ({ itemId: randomUuid() }),
    body: () => ({ paidOn: '2026-01-05', claimIds: [randomUuid()] }),
  },
  'GET /api/v1/benefits/evaluation': { allow: ['dispatcher', 'bureau_leader', 'admin', ...DEPARTMENT] },
  'GET /api/v1/benefits/evaluation.xlsx': { allow: ['dispatcher', 'bureau_leader', 'admin', ...DEPARTMENT] },
  // Whole account numbers: the paying department only, never the bureau or the enterprise.
  'GET /api/v1/benefits/payouts.xlsx': { allow: DEPARTMENT },
})
