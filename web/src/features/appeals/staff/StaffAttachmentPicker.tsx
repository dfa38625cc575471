import { PaperClipOutlined } from '@ant-design/icons'
import { Button, Progress, Typography } from 'antd'
import { useId, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS } from '../appeal-form'
import { formatBytes } from '../../../ui/format'
import type { useAttachmentUploads } from '../../../ui/use-attachment-uploads'

type Uploads = ReturnType<typeof useAttachmentUploads>

/** Files for a department's reply: picked, uploaded at once, each with progress, error and removal. */
export function StaffAttachmentPicker({ uploads }: { uploads: Uploads }) {
  const { t } = useTranslation()
  const inputId = useId()
  const hintId = useId()
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    if (event.target.files?.length) uploads.add(event.target.files)
    event.target.value = ''
  }
  return (
    <div className="s-attachments">
      <label htmlFor={inputId} className={`s-file-button${uploads.isFull ? ' is-disabled' : ''}`}>
        <input
          id={inputId}
          type="file"
          className="s-file-input"
          accept={ATTACHMENT_ACCEPT}
          multiple
          disabled={uploads.isFull}
          aria-describedby={hintId}
          onChange={pick}
        />
        <PaperClipOutlined aria-hidden="true" /> {t('appeals.attachments.add')}
      </label>
      <Typography.Text id={hintId} type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {t('appeals.attachments.hint', { max: MAX_ATTACHMENTS })}
      </Typography.Text>
      {uploads.items.length ? (
        <ul className="s-upload-list" aria-label={t('appeals.attachments.listLabel')}>
          {uploads.items.map((item) => {
            const percent = Math.round(item.progress * 100)
            const problem =
              item.problem === 'tooMany'
                ? t('appeals.attachments.tooMany', { max: MAX_ATTACHMENTS })
                : item.problem
                  ? t(`appeals.attachments.problems.${item.problem}`)
                  : item.error
            return (
              <li key={item.key}>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <span>{item.name}</span>{' '}
                  <Typography.Text type="secondary">{formatBytes(item.size)}</Typography.Text>
                  {item.status === 'uploading' ? (
                    <Progress
                      percent={percent}
                      size="small"
                      aria-label={t('appeals.attachments.progressOf', { name: item.name })}
                    />
                  ) : item.status === 'done' ? (
                    <Typography.Text type="success" style={{ display: 'block' }}>
                      {t('appeals.attachments.done')}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="danger" role="alert" style={{ display: 'block' }}>
                      {problem}
                    </Typography.Text>
                  )}
                </div>
                <Button
                  type="link"
                  danger
                  onClick={() => uploads.remove(item.key)}
                  aria-label={t('appeals.attachments.removeNamed', { name: item.name })}
                >
                  {t('appeals.attachments.remove')}
                </Button>
              </li>
            )
          })}
        </ul>
      ) : null}
    </div>
  )
}
