import { DEPARTMENT, definePermissionRows, pngForm, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the rectifications module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * Rectifications: the bureau (dispatcher, bureau leader, admin) and the units (handlers, heads) read
 * them — a unit only its own (a random id is "not found": the door opened); the unit's moves are
 * refused by the case's roles (a random id is "not found" first), the bureau's moves are the
 * dispatcher's alone. The rater's enterprise reads its own; anyone reads the public counts.
 */
const READERS = [...DEPARTMENT, 'dispatcher', 'bureau_leader', 'admin'] as const
const id = () => ({ id: randomUuid() })
const uploadForm = () => {
  const form = pngForm()
  form.set('caseId', randomUuid())
  return form
}
const contact = { contactedAt: '2026-03-02T09:00:00+08:00', outcome: 'confirmed' }

export default definePermissionRows({
  'GET /api/v1/rectifications': { allow: [...READERS] },
  'GET /api/v1/rectifications/mine': { allow: ['enterprise'] },
  'GET /api/v1/rectifications/mine/{id}': { allow: ['enterprise'], params: id },
  'GET /api/v1/rectifications/settings': { allow: ['admin', 'dispatcher', 'bureau_leader'] },
  'PUT /api/v1/rectifications/settings': {
    allow: ['admin'],
    body: () => ({ deadlineWorkingDays: 15, version: 999 }),
  },
  'GET /api/v1/rectifications/public/excluded-ratings': { allow: 'everyone' },
  'GET /api/v1/rectifications/files/{id}': { allow: [...READERS], params: id },
  'GET /api/v1/rectifications/{id}': { allow: [...READERS], params: id },
  'POST /api/v1/rectifications/evidence-uploads': { allow: [...DEPARTMENT], body: uploadForm },
  'POST /api/v1/rectifications/{id}/submit-evidence': {
    allow: [...DEPARTMENT],
    params: id,
    body: () => ({ measures: '整改措施', version: 1 }),
  },
  'POST /api/v1/rectifications/{id}/verify': {
    allow: ['dispatcher'],
    params: id,
    body: () => ({ ...contact, version: 1 }),
  },
  'POST /api/v1/rectifications/{id}/return': {
    allow: ['dispatcher'],
    params: id,
    body: () => ({ reason: '材料不足', version: 1 }),
  },
  'POST /api/v1/rectifications/{id}/feedback': {
    allow: ['dispatcher'],
    params: id,
    body: () => ({ note: '已整改', version: 1 }),
  },
  'POST /api/v1/rectifications/{id}/close': {
    allow: ['dispatcher'],
    params: id,
    body: () => ({ version: 1 }),
  },
  'GET /api/v1/rectifications/rating-appeals': { allow: [...READERS] },
  'POST /api/v1/rectifications/rating-appeals': {
    allow: [...DEPARTMENT],
    body: () => ({ ratingId: randomUuid(), reasonClass: 'mistaken', reason: '误评' }),
  },
  'GET /api/v1/rectifications/rating-appeals/{id}': { allow: [...READERS], params: id },
  'POST /api/v1/rectifications/rating-appeal-uploads': { allow: [...DEPARTMENT], body: uploadForm },
  'POST /api/v1/rectifications/rating-appeals/{id}/decide': {
    allow: ['dispatcher'],
    params: id,
    body: () => ({ decision: 'reject', reason: '理由', version: 1 }),
  },
})
