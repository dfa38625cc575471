import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'
import { DEFAULT_RATING_SETTINGS } from './rating-settings'

/**
 * Who may call each endpoint of the ratings module (server/test/permission-matrix.test.ts).
 * Enterprise users rate and list their own (another's case or enterprise is "not found"); the bureau
 * and the handling units read a case's ratings; the bureau and department heads the figures; anyone
 * the public statistics; the administrator changes the settings.
 */
export default definePermissionRows({
  'POST /api/v1/ratings': {
    allow: ['enterprise'],
    body: (c) => ({ subjectType: 'appeal', subjectId: c.appealId, stage: 'cycle-1', level: 5 }),
  },
  'GET /api/v1/ratings/mine': { allow: ['enterprise'], query: `enterpriseId=${randomUuid()}` },
  'GET /api/v1/ratings/cases/{subjectType}/{subjectId}': {
    allow: ['dispatcher', 'bureau_leader', 'handler', 'department_head'],
    params: (c) => ({ subjectType: 'appeal', subjectId: c.appealId }),
  },
  'GET /api/v1/ratings/figures': {
    allow: ['dispatcher', 'bureau_leader', 'admin', 'department_head'],
    query: 'from=2026-01&to=2026-03',
  },
  'GET /api/v1/ratings/statistics': { allow: 'everyone', query: 'from=2026-01&to=2026-03' },
  'GET /api/v1/ratings/settings': { allow: ['admin', 'dispatcher', 'bureau_leader'] },
  'PUT /api/v1/ratings/settings': {
    allow: ['admin'],
    body: () => ({ version: 999, settings: DEFAULT_RATING_SETTINGS }),
  },
})
