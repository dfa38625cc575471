import { makeUscc } from '../../seed/demo-enterprises'
import { definePermissionRows, pngForm, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the enterprise-claims module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'GET /api/v1/enterprise-claims/lookup': {
    allow: ['enterprise'],
    query: `uscc=${makeUscc(() => 0.5, '210204', '1')}`,
  },
  'POST /api/v1/enterprise-claims': {
    allow: ['enterprise'],
    body: (c) => ({ uscc: c.enterpriseUscc, method: 'manager_approval' }),
  },
  'GET /api/v1/enterprise-claims/mine': { allow: ['enterprise'] },
  'GET /api/v1/enterprise-claims/reviews': { allow: ['dispatcher', 'bureau_leader'] },
  'POST /api/v1/enterprise-claims/files': { allow: ['enterprise'], body: pngForm },
  'GET /api/v1/enterprise-claims/files/{fileId}': {
    allow: 'signed-in',
    params: () => ({ fileId: randomUuid() }),
  },
  'POST /api/v1/enterprise-claims/{id}/code': { allow: ['enterprise'], params: () => ({ id: randomUuid() }) },
  'POST /api/v1/enterprise-claims/{id}/verify': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ code: '123456' }),
  },
  'POST /api/v1/enterprise-claims/{id}/withdraw': {
    allow: ['enterprise'],
    params: () => ({ id: randomUuid() }),
  },
  // Who decides depends on the claim (its managers, or the task force): with no such claim, everyone signed in gets "not found".
  'POST /api/v1/enterprise-claims/{id}/decision': {
    allow: 'signed-in',
    params: () => ({ id: randomUuid() }),
    body: () => ({ approve: true }),
  },
  'GET /api/v1/enterprises/{id}/membership-claims': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprise-disputes': {
    allow: ['enterprise'],
    body: (c) => ({ uscc: c.enterpriseUscc, reason: '平台上的管理人员不是本公司的人' }),
  },
  'GET /api/v1/enterprise-disputes': { allow: ['dispatcher', 'bureau_leader'] },
  'POST /api/v1/enterprise-disputes/{id}/resolve': {
    allow: ['dispatcher'],
    params: () => ({ id: randomUuid() }),
    body: () => ({ resolution: '已核实' }),
  },
})
