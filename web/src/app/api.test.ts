import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, apiRequest, buildQuery, readCookie, toApiError } from './api'

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

describe('api client requests', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  const captureFetch = () => {
    const calls: { url: string; init: RequestInit }[] = []
    vi.stubGlobal('document', { cookie: 'ys_csrf=tok%2B1' })
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init })
        return new Response(JSON.stringify({ id: 'a1' }), { status: 201 })
      }),
    )
    return calls
  }

  it('sends FormData as it is: no content-type of its own, the CSRF header still there', async () => {
    const calls = captureFetch()
    const form = new FormData()
    form.set('file', new Blob(['x'], { type: 'image/png' }), 'a.png')
    await expect(apiRequest('POST', '/appeals/attachments', { body: form })).resolves.toEqual({ id: 'a1' })
    const headers = calls[0]!.init.headers as Record<string, string>
    expect(calls[0]!.init.body).toBe(form)
    expect(headers['content-type']).toBeUndefined()
    expect(headers['x-csrf-token']).toBe('tok+1')
  })

  it('sends JSON bodies as JSON', async () => {
    const calls = captureFetch()
    await apiRequest('POST', '/appeals', { body: { title: '标题' } })
    const headers = calls[0]!.init.headers as Record<string, string>
    expect(headers['content-type']).toBe('application/json')
    expect(headers['x-csrf-token']).toBe('tok+1')
    expect(calls[0]!.init.body).toBe('{"title":"标题"}')
  })
})
