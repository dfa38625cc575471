import { definePermissionRows } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the privacy module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * Anyone reads the documents; an admin publishes (the body names a stale version, so nothing is published and nobody is asked again mid-matrix); everyone signed in reads, accepts and downloads their own; only enterprise users withdraw (it ends their sessions: fresh clients); an enterprise's managers download its data.
 */
export default definePermissionRows({
  'GET /api/v1/legal-documents': { allow: 'everyone' },
  'GET /api/v1/legal-documents/{kind}': { allow: 'everyone', params: () => ({ kind: 'privacy_notice' }) },
  'GET /api/v1/legal-documents/{kind}/versions': {
    allow: 'everyone',
    params: () => ({ kind: 'terms_of_use' }),
  },
  'GET /api/v1/legal-documents/{kind}/versions/{version}': {
    allow: 'everyone',
    params: () => ({ kind: 'staff_notice', version: '1' }),
  },
  'POST /api/v1/legal-documents/{kind}/versions': {
    allow: ['admin'],
    params: () => ({ kind: 'privacy_notice' }),
    body: () => ({
      basedOnVersion: 999,
      effectiveOn: '2099-01-01',
      titleZh: '隐私政策',
      titleEn: 'Privacy notice',
      bodyZh: '本平台如何处理个人信息。'.repeat(30),
      bodyEn: 'How the platform processes personal information. '.repeat(10),
      changeSummaryZh: '矩阵测试',
      changeSummaryEn: 'Matrix test',
    }),
  },
  'GET /api/v1/consents/mine': { allow: 'signed-in' },
  'POST /api/v1/consents': {
    allow: 'signed-in',
    body: () => ({ documents: [{ kind: 'privacy_notice', version: 1 }] }),
  },
  'POST /api/v1/consents/withdraw': { allow: ['enterprise'], fresh: true, body: () => ({}) },
  'GET /api/v1/privacy/my-data': { allow: 'signed-in', query: 'format=json' },
  'GET /api/v1/enterprises/{id}/data-export': {
    allow: ['enterprise'],
    params: (c) => ({ id: c.enterpriseId }),
    query: 'format=json',
  },
})
