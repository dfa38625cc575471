import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS } from '../attachments'
import { formatBytes } from '../format'
import type { useAttachmentUploads, UploadItem } from '../use-attachment-uploads'

type Uploads = ReturnType<typeof useAttachmentUploads>

/**
 * Photos and PDFs for an appeal on a phone: the native file input (camera or files, as the phone
 * offers), each file uploaded at once with its progress, its error and a remove button.
 */
export function AttachmentPicker({
  uploads,
  addLabel,
  listLabel,
  hint,
}: {
  uploads: Uploads
  /** The button's words and the list's name when one form has several pickers (one per material). */
  addLabel?: string
  listLabel?: string
  hint?: string
}) {
  const { t } = useTranslation()
  const hintId = useId()
  const inputId = useId()

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    if (event.target.files?.length) uploads.add(event.target.files)
    event.target.value = '' // the same file can be picked again after removing it
  }

  return (
    <div className="m-attachments">
      <label htmlFor={inputId} className={`m-file-button${uploads.isFull ? ' is-disabled' : ''}`}>
        <input
          id={inputId}
          type="file"
          className="m-file-input"
          accept={ATTACHMENT_ACCEPT}
          multiple
          disabled={uploads.isFull}
          aria-describedby={hintId}
          onChange={pick}
        />
        <span aria-hidden="true" className="m-file-plus">
          +
        </span>
        {addLabel ?? t('appeals.attachments.add')}
      </label>
      <p id={hintId} className="m-muted m-attachments-hint">
        {hint ?? t('appeals.attachments.hint', { max: MAX_ATTACHMENTS })}
      </p>
      {uploads.items.length ? (
        <ul className="m-upload-list" aria-label={listLabel ?? t('appeals.attachments.listLabel')}>
          {uploads.items.map((item) => (
            <UploadRow key={item.key} item={item} onRemove={() => uploads.remove(item.key)} />
          ))}
        </ul>
      ) : null}
    </div>
  )
}

function UploadRow({ item, onRemove }: { item: UploadItem; onRemove: () => void }) {
  const { t } = useTranslation()
  const percent = Math.round(item.progress * 100)
  const problem =
    item.problem === 'tooMany'
      ? t('appeals.attachments.tooMany', { max: MAX_ATTACHMENTS })
      : item.problem
        ? t(`appeals.attachments.problems.${item.problem}`)
        : item.error
  return (
    <li className={`m-upload-row is-${item.status}`}>
      <div className="m-upload-main">
        <span className="m-upload-name">{item.name}</span>
        <span className="m-muted"> {formatBytes(item.size)}</span>
        {item.status === 'uploading' ? (
          <div className="m-upload-progress">
            <progress
              max={100}
              value={percent}
              aria-label={t('appeals.attachments.progressOf', { name: item.name })}
            />
            <span className="m-muted">{t('appeals.attachments.uploading', { percent })}</span>
          </div>
        ) : item.status === 'done' ? (
          <div className="m-success-text">{t('appeals.attachments.done')}</div>
        ) : (
          <div className="m-error-text" role="alert">
            {problem}
          </div>
        )}
      </div>
      <button
        type="button"
        className="m-text-button"
        onClick={onRemove}
        aria-label={t('appeals.attachments.removeNamed', { name: item.name })}
      >
        {t('appeals.attachments.remove')}
      </button>
    </li>
  )
}
