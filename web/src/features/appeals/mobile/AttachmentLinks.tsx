import { useTranslation } from 'react-i18next'
import { formatBytes } from '../../../ui/format'
import { attachmentUrl, type Attachment } from '../appeals.api'

/** Files of an appeal or a reply as download links, named with the file name and size. */
export function AttachmentLinks({ attachments, label }: { attachments: Attachment[]; label: string }) {
  const { t } = useTranslation()
  if (!attachments.length) return null
  return (
    <ul className="m-file-links" aria-label={label}>
      {attachments.map((file) => (
        <li key={file.id}>
          {file.contentType.startsWith('image/') ? (
            // A photo is seen at a glance: its thumbnail opens it whole.
            <a href={attachmentUrl(file.id)} target="_blank" rel="noreferrer" className="m-thumb-link">
              <img src={attachmentUrl(file.id)} alt={file.fileName} className="m-thumb" loading="lazy" />
            </a>
          ) : null}
          <a href={attachmentUrl(file.id)} download={file.fileName}>
            {file.fileName}
          </a>{' '}
          <span className="m-muted">
            {formatBytes(file.sizeBytes)} ·{' '}
            {t(file.contentType === 'application/pdf' ? 'appeals.files.pdf' : 'appeals.files.image')}
          </span>
        </li>
      ))}
    </ul>
  )
}
