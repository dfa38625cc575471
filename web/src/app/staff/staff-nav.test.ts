import { describe, expect, it } from 'vitest'
import { canOpenStaffPath, staffPagesFor } from './staff-nav'

const keys = (roles: string[]) => staffPagesFor(roles).map((page) => page.key)

describe('staff menu by role', () => {
  it('shows admins everything', () => {
    expect(keys(['admin'])).toEqual(['home', 'departments', 'users', 'audit', 'calendar', 'account'])
  })

  it('shows department heads the users page but not departments or audit', () => {
    expect(keys(['department_head'])).toEqual(['home', 'users', 'calendar', 'account'])
  })

  it('shows discipline inspectors the audit trail', () => {
    expect(keys(['discipline_inspector'])).toEqual(['home', 'audit', 'calendar', 'account'])
  })

  it('shows other staff the common pages only', () => {
    expect(keys(['handler'])).toEqual(['home', 'calendar', 'account'])
    expect(keys(['dispatcher', 'inspector'])).toEqual(['home', 'calendar', 'account'])
  })

  it('combines roles', () => {
    expect(keys(['department_head', 'discipline_inspector'])).toEqual([
      'home',
      'users',
      'audit',
      'calendar',
      'account',
    ])
  })

  it('guards paths the same way', () => {
    expect(canOpenStaffPath('/staff/departments', ['handler'])).toBe(false)
    expect(canOpenStaffPath('/staff/departments/', ['admin'])).toBe(true)
    expect(canOpenStaffPath('/staff/no-such-page', ['handler'])).toBe(true)
  })
})
