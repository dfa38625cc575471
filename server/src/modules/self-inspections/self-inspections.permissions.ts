import { definePermissionRows, pngForm, randomUuid } from '../../../test/permission-matrix/rows'

/**
 * Who may call each endpoint of the self-inspections module: its rows of the permission matrix, run by
 * server/test/permission-matrix.test.ts with every other module's (a row per endpoint, or that test fails).
 *
 * The bureau (task force, leadership) issues and reviews; a department's handlers draft and upload,
 * its head submits; both report rectifications done. Nobody else reaches any of it.
 */
const BUREAU = ['dispatcher', 'bureau_leader'] as const
const DEPARTMENT = ['handler', 'department_head'] as const
const ANY = [...BUREAU, ...DEPARTMENT]
const id = () => ({ id: randomUuid() })

export default definePermissionRows({
  'POST /api/v1/self-inspections/tasks': {
    allow: [...BUREAU],
    body: (c) => ({
      title: '矩阵测试自查任务',
      scope: '全市各部门涉企收费情况',
      basis: '矩阵测试依据',
      deadline: '2099-12-31',
      items: [{ text: '是否存在违规收费' }],
      departmentIds: [c.departmentId],
    }),
  },
  'GET /api/v1/self-inspections/tasks': { allow: [...BUREAU] },
  'GET /api/v1/self-inspections/tasks/{id}': { allow: [...BUREAU], params: id },
  'GET /api/v1/self-inspections/answers': { allow: ANY },
  'GET /api/v1/self-inspections/answers/{id}': { allow: ANY, params: id },
  'PUT /api/v1/self-inspections/answers/{id}/findings': {
    allow: [...DEPARTMENT],
    params: id,
    body: () => ({ version: 1, findings: [] }),
  },
  'POST /api/v1/self-inspections/answers/{id}/submit': {
    allow: ['department_head'],
    params: id,
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/self-inspections/answers/{id}/return': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1, note: '请补充佐证材料' }),
  },
  'POST /api/v1/self-inspections/answers/{id}/accept': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/self-inspections/files': {
    allow: [...DEPARTMENT],
    body: () => {
      const form = pngForm()
      form.set('answerId', randomUuid())
      return form
    },
  },
  'GET /api/v1/self-inspections/files/{id}': { allow: ANY, params: id },
  'GET /api/v1/self-inspections/rectifications': { allow: ANY },
  'POST /api/v1/self-inspections/rectifications/{id}/done': {
    allow: [...DEPARTMENT],
    params: id,
    body: () => ({ version: 1, note: '已完成整改' }),
  },
  'POST /api/v1/self-inspections/rectifications/{id}/confirm': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1 }),
  },
  'POST /api/v1/self-inspections/rectifications/{id}/reopen': {
    allow: [...BUREAU],
    params: id,
    body: () => ({ version: 1, note: '佐证不足' }),
  },
})
