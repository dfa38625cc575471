import { definePermissionRows, pngForm, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the action plan: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint).
 *
 * The bureau (task force, leadership) writes the plan and reviews; an owner unit's handlers and head
 * report and upload; everyone, signed in or not, reads the public view. Nobody else reaches the rest.
 */
const BUREAU = ['dispatcher', 'bureau_leader'] as const
const UNIT = ['handler', 'department_head'] as const
const ANY = [...BUREAU, ...UNIT]
const id = () => ({ id: randomUuid() })

export default definePermissionRows({
  'GET /api/v1/public/action-plan': { allow: 'everyone' },
  'POST /api/v1/action-plans/areas': {
    allow: [...BUREAU],
    body: () => ({ name: `矩阵测试领域${randomUuid().slice(0, 8)}` }),
  },
  'POST /api/v1/action-plans/tasks': {
    allow: [...BUREAU],
    // a random area: the door opened when the refusal is PLAN_AREA_UNKNOWN rather than FORBIDDEN
    body: (c) => ({
      areaId: randomUuid(),
      title: '矩阵测试任务',
      expectedOutput: '出台实施细则',
      ownerDepartmentId: c.departmentId,
      deadline: '2099-12-31',
    }),
  },
  'GET /api/v1/action-plans/tasks': { allow: ANY },
  'GET /api/v1/action-plans/tasks/{id}': { allow: ANY, params: id },
  'POST /api/v1/action-plans/tasks/{id}/progress': {
    allow: [...UNIT],
    params: id,
    body: () => ({ version: 1, percent: 50, text: '已完成方案起草' }),
  },
  'POST /api/v1/action-plans/tasks/{id}/submit': {
    allow: [...UNIT],
    params: id,
    body: () => ({ version: 1, text: '已出台', evidenceIds: [randomUuid()] }),
  },
  'POST /api/v1/action-plans/tasks/{id}/return': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1, note: '佐证不足' }),
  },
  'POST /api/v1/action-plans/tasks/{id}/accept': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/action-plans/files': {
    allow: [...UNIT],
    body: () => {
      const form = pngForm()
      form.set('taskId', randomUuid())
      return form
    },
  },
  'GET /api/v1/action-plans/files/{id}': { allow: ANY, params: id },
  'GET /api/v1/action-plans/figures': { allow: [...BUREAU] },
})
