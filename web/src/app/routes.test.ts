import { describe, expect, it } from 'vitest'
import { consentPathFor, isConsentFreePath, isStaffPath, loginPathFor, safeNextPath } from './routes'

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

describe('consent redirects', () => {
  it('send each area to its own consent page and remember where to go on to', () => {
    expect(consentPathFor('/appeals/new')).toBe('/consent?next=%2Fappeals%2Fnew')
    expect(consentPathFor('/')).toBe('/consent')
    expect(consentPathFor('/staff/users', '?q=1')).toBe('/staff/consent?next=%2Fstaff%2Fusers%3Fq%3D1')
    expect(consentPathFor('/staff')).toBe('/staff/consent')
  })

  it('leave open the documents, the consent pages and 我的', () => {
    expect(isConsentFreePath('/legal/privacy_notice')).toBe(true)
    expect(isConsentFreePath('/legal/terms_of_use/versions/1')).toBe(true)
    expect(isConsentFreePath('/me')).toBe(true)
    expect(isConsentFreePath('/consent')).toBe(true)
    expect(isConsentFreePath('/appeals')).toBe(false)
  })
})
