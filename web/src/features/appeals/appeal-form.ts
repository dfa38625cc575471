/*
 * Rules of the enterprise's appeal form that need no UI: the same limits the server checks
 * (appeals.schema.ts, attachment-rules.ts), so a phone user hears about a problem before uploading
 * 10 MB or pressing submit.
 */
export {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_TYPES,
  attachmentProblem,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type AttachmentProblem,
} from '../../ui/attachments'
export { newIdempotencyKey } from '../../ui/idempotency'

export const TITLE_MIN = 4
export const TITLE_MAX = 80
export const BODY_MIN = 10
export const BODY_MAX = 5000
export const REASON_MIN = 2
export const REASON_MAX = 500
/** Text shorter than this finds nothing useful; the similar-appeal check waits for more. */
export const SIMILAR_MIN_CHARS = 6
export const SIMILAR_DEBOUNCE_MS = 400

/** What the similar-appeal check searches for; empty while there is too little to search. */
export function similarQueryText(title: string | undefined, body: string | undefined): string {
  const text = `${title?.trim() ?? ''} ${body?.trim() ?? ''}`.trim()
  return text.length >= SIMILAR_MIN_CHARS ? text.slice(0, BODY_MAX) : ''
}

/** Trimmed text, or undefined when blank (optional fields the API wants left out). */
export const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)
