import { describe, expect, it } from 'vitest'
import { cleanFileName, sniffAttachmentType } from './uploads'

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)])

describe('sniffAttachmentType', () => {
  it.each([
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['WebP', new Uint8Array([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50, 0]), 'image/webp'],
    ['PDF', new TextEncoder().encode('%PDF-1.7\n'), 'application/pdf'],
    ['a script renamed', new TextEncoder().encode('<script>alert(1)</script>'), undefined],
    ['an executable', bytes(0x4d, 0x5a, 0x90, 0x00), undefined],
    ['a GIF', new TextEncoder().encode('GIF89a'), undefined],
    ['nothing', new Uint8Array([]), undefined],
  ])('%s', (_name, input, expected) => {
    expect(sniffAttachmentType(input)).toBe(expected)
  })
})

describe('cleanFileName', () => {
  it.each([
    ['施工许可.pdf', '施工许可.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\a\\现场照片.jpg', '现场照片.jpg'],
    ['a"b<c>.png', 'a_b_c_.png'],
    ['', 'file'],
  ])('%s → %s', (input, expected) => {
    expect(cleanFileName(input)).toBe(expected)
  })
})
