import crypto from 'node:crypto'
import { AppError } from './errors'
import { translate } from './i18n'

/**
 * What an uploaded file (an appeal's attachment, a claim's material, a policy's document) may be. The type is read from the file's first bytes, never taken from the name
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

export type AcceptedUpload = {
  fileName: string
  contentType: AttachmentType
  content: Buffer
  sha256: string
}

/**
 * Checks an upload the same way everywhere: not empty, not too large, an image or a PDF by its bytes.
 * Refuses: ATTACHMENT_REJECTED with the field `file` saying which.
 */
export function acceptUpload(
  file: { name: string; bytes: Uint8Array },
  maxBytes = MAX_ATTACHMENT_BYTES,
): AcceptedUpload {
  const reject = (key: string, params?: Record<string, string | number>) =>
    new AppError('ATTACHMENT_REJECTED', { fields: { file: translate(key, params) } })
  if (file.bytes.length === 0) throw reject('uploads.empty')
  if (file.bytes.length > maxBytes) throw reject('uploads.size', { mb: maxBytes / 1024 / 1024 })
  const contentType = sniffAttachmentType(file.bytes)
  if (!contentType) throw reject('uploads.type')
  const content = Buffer.from(file.bytes)
  return {
    fileName: cleanFileName(file.name),
    contentType,
    content,
    sha256: crypto.createHash('sha256').update(content).digest('hex'),
  }
}

/** The answer when a multipart request has no file in its field. */
export function missingUpload(): AppError {
  return new AppError('ATTACHMENT_REJECTED', { fields: { file: translate('uploads.missing') } })
}

/** The file of a multipart form's `file` field, read whole; refuses like missingUpload when there is none. */
export async function readFileField(form: { file?: unknown }): Promise<{ name: string; bytes: Uint8Array }> {
  const file = form.file
  if (!(file instanceof File)) throw missingUpload()
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
}
