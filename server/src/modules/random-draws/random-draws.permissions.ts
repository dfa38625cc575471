import { definePermissionRows, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the random-draws module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * Anyone reads a draw's public page and list. The bureau, or the head of the inspecting body, opens,
 * freezes, draws and publishes; the named parties commit and reveal; any member of staff may ask (and
 * is told "not found" for a draw that is not theirs). The administrator sets the publication deadline.
 */
const OPENERS = ['dispatcher', 'bureau_leader', 'department_head'] as const
const id = () => ({ id: randomUuid() })

export default definePermissionRows({
  'GET /api/v1/public/draws': { allow: 'everyone' },
  'GET /api/v1/public/draws/{id}': { allow: 'everyone', params: id },
  'GET /api/v1/public/draws/{id}/list.json': { allow: 'everyone', params: id },
  'GET /api/v1/random-draws/settings': { allow: ['admin', 'dispatcher', 'bureau_leader'] },
  'PUT /api/v1/random-draws/settings': {
    allow: ['admin'],
    body: () => ({ version: 0, publishWithinWorkingDays: 20 }),
  },
  'GET /api/v1/random-draws/party-candidates': { allow: [...OPENERS] },
  'POST /api/v1/random-draws': {
    allow: [...OPENERS],
    body: (c) => ({
      departmentId: c.departmentId,
      title: '矩阵测试抽查',
      scope: '矩阵测试范围',
      parties: [randomUuid(), randomUuid(), randomUuid()].map((userId) => ({ userId, capacity: 'bureau' })),
    }),
  },
  'GET /api/v1/random-draws': { allow: 'staff' },
  'GET /api/v1/random-draws/{id}': { allow: 'staff', params: id },
  'POST /api/v1/random-draws/{id}/commit': {
    allow: 'staff',
    params: id,
    body: () => ({ commitment: 'a'.repeat(64) }),
  },
  'POST /api/v1/random-draws/{id}/freeze': { allow: 'staff', params: id, body: () => ({ version: 1 }) },
  'POST /api/v1/random-draws/{id}/reveal': {
    allow: 'staff',
    params: id,
    body: () => ({ secret: 'matrix-secret-0123456789' }),
  },
  'POST /api/v1/random-draws/{id}/draw': { allow: 'staff', params: id, body: () => ({ version: 1 }) },
  'POST /api/v1/random-draws/{id}/publish': { allow: 'staff', params: id, body: () => ({ version: 1 }) },
})
