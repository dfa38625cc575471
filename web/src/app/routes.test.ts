import { describe, expect, it } from 'vitest'
import { isStaffPath, loginPathFor, safeNextPath } from './routes'

describe('login redirects', () => {
  it('sends each area to its own login page and remembers where to come back', () => {
    expect(loginPathFor('/inbox')).toBe('/login?next=%2Finbox')
    expect(loginPathFor('/staff/users', '?role=admin')).toBe(
      '/staff/login?next=%2Fstaff%2Fusers%3Frole%3Dadmin',
    )
    expect(loginPathFor('/staff')).toBe('/staff/login')
    expect(loginPathFor('/')).toBe('/login')
  })

  it('tells console paths from the enterprise app', () => {
    expect(isStaffPath('/staff')).toBe(true)
    expect(isStaffPath('/staff/audit')).toBe(true)
    expect(isStaffPath('/staffing')).toBe(false)
  })

  it('follows only same-app paths after sign-in (no open redirect)', () => {
    expect(safeNextPath('/enterprises/new', '/')).toBe('/enterprises/new')
    expect(safeNextPath('https://evil.example', '/')).toBe('/')
    expect(safeNextPath('//evil.example/x', '/')).toBe('/')
    expect(safeNextPath('/\\evil.example', '/')).toBe('/')
    expect(safeNextPath(null, '/staff')).toBe('/staff')
  })
})
