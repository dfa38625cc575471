import { DEFAULT_APPEAL_SETTINGS } from './appeal-settings'
import type { Role } from '../../kernel/auth/actor'
import {
  definePermissionRows,
  DEPARTMENT,
  pngForm,
  randomUuid,
  type MatrixContext,
} from '../../../test/permission-matrix/rows'

/** Who works with appeals at all: the enterprise, the task force and bureau, the departments. */
const APPEAL_VIEWERS: Role[] = [
  'enterprise',
  'dispatcher',
  'bureau_leader',
  'admin',
  'handler',
  'department_head',
]
const FIGURES: Role[] = ['dispatcher', 'bureau_leader', 'admin', 'department_head']
const appeal = (c: MatrixContext) => ({ id: c.appealId })
const csvForm = () => {
  const form = new FormData()
  form.set('file', new File(['统一社会信用代码,诉求类别,标题,诉求内容\n'], 'batch.csv'))
  return form
}

/**
 * Who may call each endpoint of the appeals module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 */
export default definePermissionRows({
  'GET /api/v1/appeals/categories': { allow: 'signed-in' },
  'PUT /api/v1/appeals/categories/{code}': {
    allow: ['admin'],
    params: () => ({ code: 'matrix_test' }),
    body: () => ({
      name: '矩阵测试',
      nameEn: 'Matrix test',
      defaultDepartmentId: null,
      defaultTier: 'normal',
      isActive: false,
    }),
  },
  'POST /api/v1/appeals/attachments': { allow: APPEAL_VIEWERS, body: pngForm },
  'GET /api/v1/appeals/attachments/{id}': { allow: APPEAL_VIEWERS, params: () => ({ id: randomUuid() }) },
  'POST /api/v1/appeals': {
    allow: ['enterprise'],
    body: (c) => ({
      enterpriseId: c.enterpriseId,
      categoryCode: 'tax',
      title: '退税没有到账',
      body: '增值税留抵退税申请三个月仍未到账。',
      idempotencyKey: randomUuid(),
    }),
  },
  'POST /api/v1/appeals/on-behalf': {
    allow: ['dispatcher'],
    body: (c) => ({
      enterpriseUscc: c.enterpriseUscc,
      channel: 'hotline',
      callerName: '王经理',
      categoryCode: 'tax',
      title: '退税没有到账',
      body: '增值税留抵退税申请三个月仍未到账。',
      idempotencyKey: randomUuid(),
    }),
  },
  'POST /api/v1/appeals/imports': { allow: ['dispatcher'], body: () => csvForm() },
  'GET /api/v1/appeals/similar': {
    allow: ['enterprise', 'dispatcher', 'bureau_leader'],
    query: 'text=%E9%80%80%E7%A8%8E',
  },
  'GET /api/v1/appeals/mine': { allow: ['enterprise'] },
  'GET /api/v1/appeals/queue': { allow: ['dispatcher', 'bureau_leader', 'admin'] },
  'GET /api/v1/appeals/inbox': { allow: DEPARTMENT },
  'GET /api/v1/appeals/queue/counts': { allow: ['dispatcher', 'bureau_leader', 'admin'] },
  'GET /api/v1/appeals/inbox/counts': { allow: DEPARTMENT },
  'GET /api/v1/appeals/return-visits': { allow: ['dispatcher', 'bureau_leader'] },
  'POST /api/v1/appeals/return-visits/{visitId}': {
    allow: ['dispatcher'],
    params: () => ({ visitId: randomUuid() }),
    body: () => ({ status: 'unreachable' }),
  },
  'GET /api/v1/appeals/settings': { allow: ['admin', 'dispatcher', 'bureau_leader'] },
  'PUT /api/v1/appeals/settings': {
    allow: ['admin'],
    body: () => ({ version: 999, settings: DEFAULT_APPEAL_SETTINGS }),
  },
  'GET /api/v1/appeals/figures': { allow: FIGURES, query: 'from=2026-01-01&to=2026-02-01' },
  'GET /api/v1/appeals/ranking': { allow: FIGURES, query: 'month=2026-01' },
  'GET /api/v1/appeals/ranking.xlsx': { allow: FIGURES, query: 'month=2026-01' },
  'GET /api/v1/appeals/withdrawals': { allow: FIGURES, query: 'from=2026-01-01&to=2026-02-01' },
  'GET /api/v1/appeals/{id}': { allow: APPEAL_VIEWERS, params: appeal },
  'GET /api/v1/appeals/{id}/department-suggestions': { allow: ['dispatcher'], params: appeal },
  'POST /api/v1/appeals/{id}/accept': { allow: ['dispatcher'], params: appeal, body: () => ({}) },
  'POST /api/v1/appeals/{id}/reject': {
    allow: ['dispatcher'],
    params: appeal,
    body: () => ({ reason: '无效诉求' }),
  },
  'POST /api/v1/appeals/{id}/merge': {
    allow: ['dispatcher'],
    params: appeal,
    body: () => ({ originalId: randomUuid() }),
  },
  'POST /api/v1/appeals/{id}/dispatch': { allow: ['dispatcher'], params: appeal, body: () => ({}) },
  'POST /api/v1/appeals/{id}/arbitrate': {
    allow: ['dispatcher'],
    params: appeal,
    body: (c) => ({ departmentId: c.departmentId, note: '仲裁', noteAudience: 'internal' }),
  },
  'POST /api/v1/appeals/{id}/sign-for': { allow: DEPARTMENT, params: appeal },
  'POST /api/v1/appeals/{id}/pause': {
    allow: DEPARTMENT,
    params: appeal,
    body: () => ({ reason: 'awaiting_third_party', note: '等待第三方', noteAudience: 'internal' }),
  },
  'POST /api/v1/appeals/{id}/resume': { allow: DEPARTMENT, params: appeal, body: () => ({}) },
  'POST /api/v1/appeals/{id}/contact': {
    allow: DEPARTMENT,
    params: appeal,
    body: () => ({ method: 'phone', contactPerson: '王经理', note: '已联系', noteAudience: 'internal' }),
  },
  'POST /api/v1/appeals/{id}/co-sign-for': { allow: DEPARTMENT, params: (c) => ({ id: c.coAppealId }) },
  'POST /api/v1/appeals/{id}/parts': {
    allow: DEPARTMENT,
    params: (c) => ({ id: c.coAppealId }),
    body: () => ({ body: '本部门意见：已核实' }),
  },
  'POST /api/v1/appeals/{id}/extension': {
    allow: ['department_head'],
    params: appeal,
    body: () => ({ workingDays: 2, reason: '需要核查' }),
  },
  'POST /api/v1/appeals/{id}/extensions/{extensionId}/decision': {
    allow: ['dispatcher'],
    params: (c) => ({ id: c.appealId, extensionId: randomUuid() }),
    body: () => ({ approve: false }),
  },
  'POST /api/v1/appeals/{id}/reply': {
    allow: DEPARTMENT,
    params: appeal,
    body: () => ({ body: '答复内容已经写好了。', attachmentIds: [] }),
  },
  'POST /api/v1/appeals/{id}/replies/{replyId}/decision': {
    allow: ['department_head'],
    params: (c) => ({ id: c.appealId, replyId: randomUuid() }),
    body: () => ({ approve: true }),
  },
  'POST /api/v1/appeals/{id}/rating': {
    allow: ['enterprise'],
    params: appeal,
    body: () => ({ solved: true, level: 5 }),
  },
  'POST /api/v1/appeals/{id}/verdict': {
    allow: ['enterprise'],
    params: appeal,
    body: () => ({ solved: true, level: 5 }),
  },
  'POST /api/v1/appeals/{id}/return': {
    allow: DEPARTMENT,
    params: appeal,
    body: () => ({ reason: '不属于本部门' }),
  },
  'POST /api/v1/appeals/{id}/return-visit': {
    allow: ['enterprise'],
    params: appeal,
    body: () => ({ solved: true, level: 5 }),
  },
  'POST /api/v1/appeals/{id}/withdraw': {
    allow: ['enterprise'],
    params: appeal,
    body: () => ({ reason: '已自行解决' }),
  },
  'GET /api/open311/discovery.json': { allow: 'everyone' },
  'GET /api/open311/discovery.xml': { allow: 'everyone' },
  'GET /api/open311/v2/services.json': { allow: 'everyone' },
  'GET /api/open311/v2/services.xml': { allow: 'everyone' },
  'GET /api/open311/v2/services/{file}': { allow: 'everyone', params: () => ({ file: 'tax.xml' }) },
  'GET /api/open311/v2/requests.json': { allow: 'everyone' },
  'GET /api/open311/v2/requests.xml': { allow: 'everyone' },
  'GET /api/open311/v2/requests/{file}': {
    allow: 'everyone',
    params: () => ({ file: 'DL-2026-999999.json' }),
  },
  'GET /api/open311/v2/media/{file}': { allow: 'everyone', params: () => ({ file: `${randomUuid()}.png` }) },
})
