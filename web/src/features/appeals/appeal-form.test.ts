import { describe, expect, it } from 'vitest'
import { attachmentProblem, newIdempotencyKey, similarQueryText } from './appeal-form'

describe('attachments', () => {
  it('accepts images and PDFs up to 10 MB, refuses the rest before uploading', () => {
    expect(attachmentProblem({ name: 'a.jpg', type: 'image/jpeg', size: 2_000_000 })).toBeUndefined()
    expect(
      attachmentProblem({ name: 'scan.pdf', type: 'application/pdf', size: 10 * 1024 * 1024 }),
    ).toBeUndefined()
    expect(attachmentProblem({ name: 'big.png', type: 'image/png', size: 10 * 1024 * 1024 + 1 })).toBe('size')
    expect(attachmentProblem({ name: 'a.docx', type: 'application/msword', size: 10 })).toBe('type')
    expect(attachmentProblem({ name: 'a.png', type: 'image/png', size: 0 })).toBe('empty')
  })

  it('reads the extension when the phone gives no type', () => {
    expect(attachmentProblem({ name: 'IMG_0001.JPG', type: '', size: 10 })).toBeUndefined()
    expect(attachmentProblem({ name: 'noext', type: '', size: 10 })).toBe('type')
  })
})

describe('filing', () => {
  it('makes idempotency keys the server accepts (8–80 characters), a new one each time', () => {
    const a = newIdempotencyKey()
    const b = newIdempotencyKey()
    expect(a.length).toBeGreaterThanOrEqual(8)
    expect(a.length).toBeLessThanOrEqual(80)
    expect(a).not.toBe(b)
  })

  it('searches for similar appeals only once there is enough text', () => {
    expect(similarQueryText('停电', '')).toBe('')
    expect(similarQueryText(' 厂区停电三天 ', undefined)).toBe('厂区停电三天')
    expect(similarQueryText('停电', '已经三天了')).toBe('停电 已经三天了')
  })
})
