import type { LegalDocumentKind } from '@shared/legal-documents'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../app/routes'
import './legal-links.css'

/** The documents a visitor or user reads, as links (sign-in page, 我的). */
export function LegalLinks({ kinds }: { kinds: readonly LegalDocumentKind[] }) {
  const { t } = useTranslation()
  return (
    <span className="legal-links">
      {kinds.map((kind) => (
        <Link key={kind} to={paths.legalDocument(kind)}>
          {t(`privacy.kind.${kind}`)}
        </Link>
      ))}
    </span>
  )
}
