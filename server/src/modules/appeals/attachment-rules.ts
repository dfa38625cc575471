/**
 * What an attachment may be. The type is read from the file's first bytes, never taken from the name
 * or the declared content type, so a script renamed to .jpg is refused.
 */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

export type AttachmentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf'

export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return 'image/webp'
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'
  return undefined
}

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file'
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim()
  return (cleaned || 'file').slice(0, 120)
}
