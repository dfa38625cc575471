import { describe, expect, it } from 'vitest'
import { grantsToRows, rowsToGrants, sameGrants } from './role-grants'
import type { StaffUser } from './users.api'

const user = {
  departmentId: 'home',
  roles: [
    { role: 'handler', departmentId: 'home', departmentName: '本部门' },
    { role: 'inspector', departmentId: 'other', departmentName: '他部门' },
  ],
} as StaffUser

describe('role grants', () => {
  it('shows grants in the home department with an empty department', () => {
    expect(grantsToRows(user)).toEqual([
      { role: 'handler', departmentId: undefined },
      { role: 'inspector', departmentId: 'other' },
    ])
  })

  it('drops rows without a role and omits empty departments', () => {
    expect(rowsToGrants([{ role: 'admin' }, {}, { role: 'handler', departmentId: 'x' }])).toEqual([
      { role: 'admin' },
      { role: 'handler', departmentId: 'x' },
    ])
  })

  it('compares grants with the home department filled in', () => {
    expect(sameGrants(rowsToGrants(grantsToRows(user)), user.roles, 'home')).toBe(true)
    expect(sameGrants([{ role: 'handler' }], [{ role: 'handler', departmentId: 'home' }], 'home')).toBe(true)
    expect(
      sameGrants([{ role: 'handler' }], [{ role: 'handler', departmentId: 'home' }], 'elsewhere', 'home'),
    ).toBe(false)
    expect(sameGrants([{ role: 'admin' }], [{ role: 'handler' }], 'home')).toBe(false)
  })
})
