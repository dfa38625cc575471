/*
 * The attachment rules every upload form shares (appeals, replies, benefit materials): the same
 * limits the server checks (attachment-rules.ts), so a phone user hears about a problem before
 * uploading 10 MB.
 */
export const MAX_ATTACHMENTS = 5
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.join(',')

export type AttachmentProblem = 'type' | 'size' | 'empty'

/** Why a picked file cannot be an attachment, or undefined. The server still reads the bytes. */
export function attachmentProblem(file: {
  type: string
  size: number
  name: string
}): AttachmentProblem | undefined {
  if (file.size === 0) return 'empty'
  const type = file.type || typeFromName(file.name)
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(type)) return 'type'
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size'
  return undefined
}

/** Some phones give no MIME type for camera files; the extension decides then. */
function typeFromName(name: string): string {
  const extension = name.toLowerCase().split('.').pop() ?? ''
  const byExtension: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    webp: 'image/webp',
    pdf: 'application/pdf',
  }
  return byExtension[extension] ?? ''
}
