import { parseDocumentBody } from '@shared/legal-documents'
import { useMemo } from 'react'
import './privacy.css'

/**
 * A legal document's body as text: headings, paragraphs and lists from its plain-text form, never
 * its text as HTML. Headings start at h2/h3 below the page's own h1 (or at `baseLevel`).
 */
export function DocumentText({ body, baseLevel = 2 }: { body: string; baseLevel?: 2 | 3 }) {
  const blocks = useMemo(() => parseDocumentBody(body), [body])
  return (
    <div className="legal-text">
      {blocks.map((block, i) => {
        if (block.type === 'heading') {
          const level = Math.min(baseLevel + block.level - 1, 4)
          const Tag = `h${level}` as 'h2' | 'h3' | 'h4'
          return <Tag key={i}>{block.text}</Tag>
        }
        if (block.type === 'list')
          return (
            <ul key={i}>
              {block.items.map((item, j) => (
                <li key={j}>{item}</li>
              ))}
            </ul>
          )
        return <p key={i}>{block.text}</p>
      })}
    </div>
  )
}
