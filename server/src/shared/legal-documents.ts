/**
 * The legal documents the platform publishes, and who must accept which before using it. Shared by the
 * server (the session gate, the API) and the web app (the consent screen, the links).
 *
 * Enterprise users consent to the privacy notice and the terms of use (PIPL art. 13(1), 14). Staff are
 * data subjects too, but the platform processes their data for human-resources management and their
 * official duties (PIPL art. 13(2), (3)), not on consent: they acknowledge the staff notice (art. 17)
 * instead, and cannot "withdraw" it.
 */
export const LEGAL_DOCUMENT_KINDS = ['privacy_notice', 'terms_of_use', 'staff_notice'] as const
export type LegalDocumentKind = (typeof LEGAL_DOCUMENT_KINDS)[number]

export const REQUIRED_DOCUMENTS: Readonly<Record<'staff' | 'enterprise', readonly LegalDocumentKind[]>> = {
  enterprise: ['privacy_notice', 'terms_of_use'],
  staff: ['staff_notice'],
}

/** Which documents a kind of user is asked to accept. */
export function requiredDocumentsOf(userKind: 'staff' | 'enterprise'): readonly LegalDocumentKind[] {
  return REQUIRED_DOCUMENTS[userKind]
}

/**
 * The text format of a document body: plain text, a blank line between paragraphs, "# " and "## "
 * for headings, "- " for list items. No markup: the web renders it as text, never as HTML.
 */
export type DocumentBlock =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }

export function parseDocumentBody(body: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = []
  let paragraph: string[] = []
  let list: string[] | null = null
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join('\n') })
    if (list) blocks.push({ type: 'list', items: list })
    paragraph = []
    list = null
  }
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd()
    if (!line.trim()) {
      flush()
    } else if (/^#{1,2} /.test(line)) {
      flush()
      const level = line.startsWith('## ') ? 2 : 1
      blocks.push({ type: 'heading', level, text: line.slice(level + 1).trim() })
    } else if (line.startsWith('- ')) {
      if (paragraph.length) flush()
      list ??= []
      list.push(line.slice(2).trim())
    } else if (list && /^\s+\S/.test(raw)) {
      // an indented line continues the list item above
      list[list.length - 1] += ` ${line.trim()}`
    } else {
      if (list) flush()
      paragraph.push(line.trim())
    }
  }
  flush()
  return blocks
}
