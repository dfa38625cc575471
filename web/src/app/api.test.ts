import { describe, expect, it } from 'vitest'
import { ApiError, buildQuery, readCookie, toApiError } from './api'

describe('api client helpers', () => {
  it('builds query strings without empty filters', () => {
    expect(buildQuery({ q: '张', role: undefined, departmentId: '', limit: 50, active: false })).toBe(
      '?q=%E5%BC%A0&limit=50&active=false',
    )
    expect(buildQuery({})).toBe('')
  })

  it('reads the CSRF cookie among others', () => {
    expect(readCookie('ys_csrf', 'a=1; ys_csrf=abc%3D; b=2')).toBe('abc=')
    expect(readCookie('ys_csrf', 'a=1')).toBeUndefined()
  })

  it('reads the server error shape, fields included', () => {
    const error = toApiError(400, {
      error: { code: 'VALIDATION_FAILED', message: '提交的内容有误', fields: { 'roles.0.role': '无效' } },
    })
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '提交的内容有误' })
    expect(error.fields).toEqual({ 'roles.0.role': '无效' })
  })

  it('turns anything else into BAD_RESPONSE', () => {
    expect(toApiError(502, '<html>Bad gateway</html>')).toMatchObject({ status: 502, code: 'BAD_RESPONSE' })
  })
})
