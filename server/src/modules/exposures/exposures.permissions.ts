import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

const PROPOSERS = ['discipline_inspector', 'bureau_leader', 'dispatcher'] as const
const REVIEWERS = ['discipline_inspector', 'bureau_leader'] as const

/** Who may call each endpoint of the exposure board (server/test/permission-matrix.test.ts runs them). */
export default definePermissionRows({
  'GET /api/v1/public/exposures': { allow: 'everyone' },
  'GET /api/v1/public/exposures/{id}': { allow: 'everyone', params: () => ({ id: randomUuid() }) },
  'GET /api/v1/exposures': { allow: [...PROPOSERS] },
  'POST /api/v1/exposures': {
    allow: [...PROPOSERS],
    body: () => ({
      unitName: '某区行政审批局',
      title: '拖延办理营业执照',
      conduct: '窗口人员多次要求企业补交同一份材料，拖延办理。',
    }),
  },
  'POST /api/v1/exposures/redaction': { allow: [...PROPOSERS], body: () => ({ text: '科长张伟拖延审批' }) },
  'GET /api/v1/exposures/{id}': { allow: [...PROPOSERS], params: () => ({ id: randomUuid() }) },
  'POST /api/v1/exposures/{id}/review': {
    allow: [...REVIEWERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1, decision: 'reject', note: '证据不足' }),
  },
  'POST /api/v1/exposures/{id}/publish': {
    allow: [...REVIEWERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/exposures/{id}/rectification': {
    allow: [...REVIEWERS],
    params: () => ({ id: randomUuid() }),
    body: () => ({ version: 1, rectification: '已约谈并整改到位' }),
  },
})
