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
