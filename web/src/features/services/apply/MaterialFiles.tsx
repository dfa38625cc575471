import { Button } from 'antd-mobile'
import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ATTACHMENT_ACCEPT } from '../../../ui/attachments'

/**
 * A material's files and its upload button on the phone, said once for a single application
 * (MaterialsStep) and a bundle (BundleMaterials): the same markup, the caller's calls.
 */
export function MaterialFileList({
  files,
  busy,
  onRemove,
}: {
  files: { key: string; fileName: string | null; href?: string }[]
  busy: boolean
  onRemove: (key: string) => void
}) {
  const { t } = useTranslation()
  if (files.length === 0) return null
  return (
    <ul className="apply-files">
      {files.map((f) => (
        <li key={f.key}>
          {f.href ? (
            <a href={f.href} target="_blank" rel="noreferrer">
              {f.fileName}
            </a>
          ) : (
            <span>{f.fileName}</span>
          )}
          <Button size="mini" fill="none" color="danger" disabled={busy} onClick={() => onRemove(f.key)}>
            {t('services.apply.remove')}
          </Button>
        </li>
      ))}
    </ul>
  )
}

export function MaterialUploadButton({
  busy,
  onPick,
}: {
  busy: boolean
  onPick: (event: ChangeEvent<HTMLInputElement>) => void
}) {
  const { t } = useTranslation()
  const inputId = useId()
  return (
    <>
      <label htmlFor={inputId} className={`m-file-button apply-upload${busy ? ' is-disabled' : ''}`}>
        <input
          id={inputId}
          type="file"
          className="m-file-input"
          accept={ATTACHMENT_ACCEPT}
          onChange={onPick}
          disabled={busy}
        />
        {busy ? t('services.apply.uploading') : t('services.apply.upload')}
      </label>
      <p className="m-muted apply-hint">{t('services.apply.uploadHint')}</p>
    </>
  )
}
