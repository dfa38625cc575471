import { describe, expect, it } from 'vitest'
import { newIdempotencyKey } from './idempotency'

describe('idempotency keys', () => {
  it('are what the server accepts (8–80 characters), a new one each time', () => {
    const a = newIdempotencyKey()
    const b = newIdempotencyKey()
    expect(a.length).toBeGreaterThanOrEqual(8)
    expect(a.length).toBeLessThanOrEqual(80)
    expect(a).not.toBe(b)
  })
})
