import { definePermissionRows } from '../../../test/permission-matrix/rows'

const settlementAccountBody = () => ({
  accountName: '矩阵测试企业',
  bankName: '中国工商银行股份有限公司大连中山支行',
  accountNumber: '3400200009100012345',
  accountNumberConfirm: '3400200009100012345',
})

/**
 * Who may call each endpoint of the settlement-accounts module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * Members give and (managers) change it; members and staff read it masked.
 */
export default definePermissionRows({
  'GET /api/v1/enterprises/{id}/settlement-account': {
    allow: 'signed-in',
    params: (c) => ({ id: c.enterpriseId }),
  },
  'POST /api/v1/enterprises/{id}/settlement-account': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: settlementAccountBody,
  },
  'POST /api/v1/enterprises/{id}/settlement-account/change-code': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
  },
  'PUT /api/v1/enterprises/{id}/settlement-account': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    body: () => ({ ...settlementAccountBody(), reason: '更换开户行', code: '123456' }),
  },
})
