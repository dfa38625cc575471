import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the certificates module: its rows of the permission matrix.
 * Verification, keys and the status list are public; an enterprise lists its own; an administrator or
 * the issuing department's head issues and changes status (others: FORBIDDEN before any lookup).
 */
const reason = () => ({ reason: '矩阵测试' })

export default definePermissionRows({
  'POST /api/v1/public/certificates/verify': { allow: 'everyone', body: () => ({ payload: 'x.y' }) },
  'GET /api/v1/public/certificates/verify': { allow: 'everyone', query: 'payload=x.y' },
  'GET /api/v1/public/certificates/keys': { allow: 'everyone' },
  'GET /api/v1/public/certificates/status-list': { allow: 'everyone' },
  'GET /api/v1/certificates/mine': { allow: ['enterprise'] },
  'POST /api/v1/certificates': {
    allow: ['admin', 'department_head'],
    body: (c) => ({
      enterpriseId: c.enterpriseId,
      kind: 'licence',
      title: '矩阵测试',
      issuingDepartmentId: c.departmentId,
      issuedOn: '2026-03-01',
      validUntil: '2027-02-28',
    }),
  },
  // Holder, issuing department or admin: checked after the lookup, so any signed-in caller reaches a 404.
  'GET /api/v1/certificates/{id}/pdf': { allow: 'signed-in', params: () => ({ id: randomUuid() }) },
  'GET /api/v1/certificates/{id}/qr.svg': { allow: 'signed-in', params: () => ({ id: randomUuid() }) },
  'POST /api/v1/certificates/{id}/suspend': {
    allow: ['admin', 'department_head'],
    params: () => ({ id: randomUuid() }),
    body: reason,
  },
  'POST /api/v1/certificates/{id}/reinstate': {
    allow: ['admin', 'department_head'],
    params: () => ({ id: randomUuid() }),
    body: reason,
  },
  'POST /api/v1/certificates/{id}/revoke': {
    allow: ['admin', 'department_head'],
    params: () => ({ id: randomUuid() }),
    body: reason,
  },
})
