import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDepartment, buildStaff, signInAs, signInStaff } from '../../../test/factories'
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness'

let t: TestApp
let admin: TestClient
beforeAll(async () => {
  t = await createTestApp()
  admin = await signInAs(t, 'admin')
})
afterAll(() => t.close())

describe('staff accounts', () => {
  it('an admin creates a handler; the one-time password works once and must be changed', async () => {
    const department = await buildDepartment(t)
    const res = await admin.post('/api/v1/users', {
      username: 'Handler.Wang',
      displayName: '王办理',
      departmentId: department.id,
      roles: [{ role: 'handler' }],
    })
    expect(res.status).toBe(201)
    expect(res.body.user).toMatchObject({
      username: 'handler.wang',
      departmentId: department.id,
      mustChangePassword: true,
    })
    expect(res.body.user.roles).toEqual([
      { role: 'handler', departmentId: department.id, departmentName: department.name },
    ])
    const client = await signInStaff(t, { username: 'handler.wang', password: res.body.initialPassword })
    expect((await client.get('/api/v1/auth/me')).body.mustChangePassword).toBe(true)
    expect(
      (
        await admin.post('/api/v1/users', {
          username: 'handler.wang',
          displayName: '重名',
          departmentId: department.id,
          roles: [{ role: 'handler' }],
        })
      ).body.error.code,
    ).toBe('USERNAME_TAKEN')
  })

  it('disabling a user ends their sessions; the last admin cannot be disabled', async () => {
    const staff = await buildStaff(t)
    const client = await signInStaff(t, staff)
    const res = await admin.patch(`/api/v1/users/${staff.id}`, { version: 1, isDisabled: true })
    expect(res.body.isDisabled).toBe(true)
    expect((await client.get('/api/v1/auth/me')).status).toBe(401)

    const lone = await createTestApp()
    try {
      const onlyAdmin = await buildStaff(lone, { roles: ['admin'] })
      const self = await signInStaff(lone, onlyAdmin)
      const refused = await self.patch(`/api/v1/users/${onlyAdmin.id}`, {
        version: 1,
        roles: [{ role: 'handler' }],
      })
      expect(refused.body.error.code).toBe('LAST_ADMIN')
    } finally {
      await lone.close()
    }
  })

  it('a password reset gives a new one-time password and ends sessions', async () => {
    const staff = await buildStaff(t)
    const client = await signInStaff(t, staff)
    const reset = await admin.post(`/api/v1/users/${staff.id}/password-reset`)
    expect(reset.body.initialPassword).toMatch(/^.{12}$/)
    expect((await client.get('/api/v1/auth/me')).status).toBe(401)
    await signInStaff(t, { username: staff.username, password: reset.body.initialPassword })
  })

  it('a department head sees only the people of their department and its divisions', async () => {
    const department = await buildDepartment(t)
    const division = await buildDepartment(t, { kind: 'division', parent_id: department.id })
    const own = await buildStaff(t, { departmentId: department.id })
    const inDivision = await buildStaff(t, { departmentId: division.id })
    const elsewhere = await buildStaff(t)
    const head = await signInAs(t, 'department_head', { departmentId: department.id })
    const list = await head.get('/api/v1/users')
    const ids = list.body.items.map((u: { id: string }) => u.id)
    expect(ids).toEqual(expect.arrayContaining([own.id, inDivision.id]))
    expect(ids).not.toContain(elsewhere.id)
    expect((await head.get(`/api/v1/users/${elsewhere.id}`)).status).toBe(404)
    expect((await head.post(`/api/v1/users/${own.id}/password-reset`)).status).toBe(403)
  })

  it('roles can be granted in another department than the home one', async () => {
    const home = await buildDepartment(t)
    const other = await buildDepartment(t)
    const res = await admin.post('/api/v1/users', {
      username: `multi${Date.now()}`,
      displayName: '多岗',
      departmentId: home.id,
      roles: [{ role: 'handler' }, { role: 'inspector', departmentId: other.id }],
    })
    expect(
      res.body.user.roles
        .map((r: { role: string; departmentId: string }) => `${r.role}@${r.departmentId}`)
        .sort(),
    ).toEqual([`handler@${home.id}`, `inspector@${other.id}`].sort())
  })
})
