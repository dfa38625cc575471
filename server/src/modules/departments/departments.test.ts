import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDepartment, buildStaff, findDepartmentByCode, signInAs } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

let t: TestApp
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  admin = await signInAs(t, 'admin')
})
afterAll(() => t.close())

describe('the department tree', () => {
  it('starts with Dalian: the city, the bureau, about 28 departments and the ten districts', async () => {
    const res = await admin.get('/api/v1/departments')
    const items = res.body.items as {
      code: string
      kind: string
      divisionCode: string | null
      isBureau: boolean
    }[]
    expect(items.find((d) => d.kind === 'city')?.code).toBe('DL')
    expect(items.find((d) => d.isBureau)?.code).toBe('DL-YSJ')
    expect(items.filter((d) => d.kind === 'department').length).toBeGreaterThanOrEqual(25)
    expect(
      items
        .filter((d) => d.kind === 'district')
        .map((d) => d.divisionCode)
        .sort(),
    ).toEqual([
      '210202',
      '210203',
      '210204',
      '210211',
      '210212',
      '210213',
      '210214',
      '210224',
      '210281',
      '210283',
    ])
  })

  it('an admin creates a department and a division under it; the change is audited', async () => {
    const city = await findDepartmentByCode(t, 'DL')
    const created = await admin.post('/api/v1/departments', {
      code: 'dl-test-a',
      name: '大连市测试局',
      kind: 'department',
      parentId: city.id,
    })
    expect(created.status).toBe(201)
    expect(created.body.code).toBe('DL-TEST-A')
    const division = await admin.post('/api/v1/departments', {
      code: 'DL-TEST-A-1',
      name: '测试处',
      kind: 'division',
      parentId: created.body.id,
    })
    expect(division.status).toBe(201)
    const audit = await admin.get(`/api/v1/audit?entityType=department&entityId=${created.body.id}`)
    expect(audit.body.items[0].action).toBe('department.create')
  })

  it('refuses a taken code, a wrong parent kind, an unknown division code', async () => {
    const city = await findDepartmentByCode(t, 'DL')
    const bureau = await findDepartmentByCode(t, 'DL-YSJ')
    expect(
      (
        await admin.post('/api/v1/departments', {
          code: 'DL-YSJ',
          name: '重复',
          kind: 'department',
          parentId: city.id,
        })
      ).body.error.code,
    ).toBe('DEPARTMENT_CODE_TAKEN')
    const wrongParent = await admin.post('/api/v1/departments', {
      code: 'DL-X1',
      name: '错位部门',
      kind: 'department',
      parentId: bureau.id,
    })
    expect(wrongParent.body.error.fields.parentId).toBeTruthy()
    const wrongCode = await admin.post('/api/v1/departments', {
      code: 'DL-X2',
      name: '某区',
      kind: 'district',
      parentId: city.id,
      divisionCode: '999999',
    })
    expect(wrongCode.body.error.fields.divisionCode).toBeTruthy()
  })

  it('refuses moving a department under its own division, and deactivating one that still has people', async () => {
    const department = await buildDepartment(t)
    const division = await buildDepartment(t, { kind: 'division', parent_id: department.id })
    const cycle = await admin.patch(`/api/v1/departments/${department.id}`, {
      version: 1,
      parentId: division.id,
    })
    expect(cycle.body.error.code).toBe('DEPARTMENT_CYCLE')
    await buildStaff(t, { departmentId: department.id })
    const busy = await admin.patch(`/api/v1/departments/${department.id}`, { version: 1, isActive: false })
    expect(busy.body.error.code).toBe('DEPARTMENT_NOT_EMPTY')
    const renamed = await admin.patch(`/api/v1/departments/${department.id}`, {
      version: 1,
      name: '改名后的部门',
    })
    expect(renamed.body).toMatchObject({ name: '改名后的部门', version: 2 })
    expect(
      (await admin.patch(`/api/v1/departments/${department.id}`, { version: 1, name: '又改' })).body.error
        .code,
    ).toBe('VERSION_CONFLICT')
  })

  it('only admins change departments; enterprises do not see them', async () => {
    const city = await findDepartmentByCode(t, 'DL')
    const head = await signInAs(t, 'department_head')
    expect((await head.get('/api/v1/departments')).status).toBe(200)
    expect(
      (
        await head.post('/api/v1/departments', {
          code: 'DL-NO',
          name: '不行',
          kind: 'department',
          parentId: city.id,
        })
      ).status,
    ).toBe(403)
    const enterprise = await signInAs(t, 'enterprise')
    expect((await enterprise.get('/api/v1/departments')).status).toBe(403)
  })
})
