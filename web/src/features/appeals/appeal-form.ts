/*
 * Rules of the enterprise's appeal form that need no UI: the same limits the server checks
 * (appeals.schema.ts, attachment-rules.ts), so a phone user hears about a problem before uploading
 * 10 MB or pressing submit.
 */
export const TITLE_MIN = 4
export const TITLE_MAX = 80
export const BODY_MIN = 10
export const BODY_MAX = 5000
export const REASON_MIN = 2
export const REASON_MAX = 500
export const MAX_ATTACHMENTS = 5
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.join(',')
/** Text shorter than this finds nothing useful; the similar-appeal check waits for more. */
export const SIMILAR_MIN_CHARS = 6
export const SIMILAR_DEBOUNCE_MS = 400

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

/**
 * One key per opening of the form, reused on every retry: a double tap or a retry after a lost
 * answer gets the first receipt back instead of filing twice.
 */
export function newIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID()
  // randomUUID needs a secure context; plain http on a LAN address still has getRandomValues.
  const bytes = new Uint8Array(16)
  cryptoApi.getRandomValues(bytes)
  return `appeal-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** What the similar-appeal check searches for; empty while there is too little to search. */
export function similarQueryText(title: string | undefined, body: string | undefined): string {
  const text = `${title?.trim() ?? ''} ${body?.trim() ?? ''}`.trim()
  return text.length >= SIMILAR_MIN_CHARS ? text.slice(0, BODY_MAX) : ''
}

/** Trimmed text, or undefined when blank (optional fields the API wants left out). */
export const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)
