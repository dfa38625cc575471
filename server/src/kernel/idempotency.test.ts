import { describe, expect, it } from 'vitest'
import { AppError } from './errors'
import { assertSameRequest, requestFingerprint } from './idempotency'

describe('request fingerprints', () => {
  it.each([
    ['key order does not matter', { a: 1, b: [1, { y: 2, x: 1 }] }, { b: [1, { x: 1, y: 2 }], a: 1 }, true],
    ['an absent field is an undefined one', { a: 1, b: undefined }, { a: 1 }, true],
    ['a different value is another request', { a: 1 }, { a: 2 }, false],
    ['a null is not an absent field', { a: null }, {}, false],
    ['array order matters', { ids: [1, 2] }, { ids: [2, 1] }, false],
    ['a number is not its text', { a: 1 }, { a: '1' }, false],
    ['nested objects are compared whole', { form: { name: '张三' } }, { form: { name: '李四' } }, false],
  ])('%s', (_, first, second, same) => {
    expect(requestFingerprint(first) === requestFingerprint(second)).toBe(same)
  })

  it('refuses a key reused with another request, and lets the same request and old rows through', () => {
    const fingerprint = requestFingerprint({ a: 1 })
    expect(() => assertSameRequest(fingerprint, fingerprint)).not.toThrow()
    expect(() => assertSameRequest(null, fingerprint)).not.toThrow()
    try {
      assertSameRequest(requestFingerprint({ a: 2 }), fingerprint)
      expect.unreachable()
    } catch (error) {
      expect((error as AppError).code).toBe('IDEMPOTENCY_KEY_REUSED')
      expect((error as AppError).status).toBe(409)
    }
  })
})
