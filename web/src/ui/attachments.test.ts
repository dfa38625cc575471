import { describe, expect, it } from 'vitest'
import { attachmentProblem } from './attachments'

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
