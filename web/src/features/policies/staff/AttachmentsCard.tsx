import { PaperClipOutlined } from '@ant-design/icons'
import { Alert, Card, Progress, Typography } from 'antd'
import { useId, useState, type ChangeEvent } from 'react'
import { errorMessage, isApiError } from '../../../app/api'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { ATTACHMENT_ACCEPT, attachmentProblem } from '../../../ui/attachments'
import { formatBytes } from '../../../ui/format'
import { policiesApi, policyAttachmentUrl, type PolicyView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'

type Attachment = PolicyView['attachments'][number]

/**
 * The document's files (the signed PDF, scans): listed with links for everyone who may read the
 * policy; added while the working copy is editable. A file is stored as soon as it is picked.
 */
export function AttachmentsCard({
  policy,
  canEdit,
  onAdded,
}: {
  policy: PolicyView
  canEdit: boolean
  onAdded: (attachment: Attachment) => void
}) {
  const { t } = usePolicyText()
  const inputId = useId()
  const hintId = useId()
  const [progress, setProgress] = useState<{ name: string; fraction: number }>()
  const [problem, setProblem] = useState<string>()

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? [])
    event.target.value = ''
    setProblem(undefined)
    for (const file of files) {
      const local = attachmentProblem(file)
      if (local) {
        setProblem(`${file.name}: ${t(`appeals.attachments.problems.${local}`)}`)
        continue
      }
      setProgress({ name: file.name, fraction: 0 })
      try {
        onAdded(
          await policiesApi.uploadAttachment(policy.id, file, (fraction) =>
            setProgress({ name: file.name, fraction }),
          ),
        )
      } catch (error) {
        const message = isApiError(error) ? (error.fields.file ?? error.message) : undefined
        setProblem(`${file.name}: ${message ?? errorMessage(error, t('errors.generic'))}`)
      } finally {
        setProgress(undefined)
      }
    }
  }

  return (
    <Card title={<h2 className="s-card-title">{t('policies.library.attachments')}</h2>}>
      {policy.attachments.length ? (
        <ul className="s-file-list" aria-label={t('policies.library.attachments')}>
          {policy.attachments.map((a) => (
            <li key={a.id}>
              <a href={policyAttachmentUrl(policy.id, a.id)} target="_blank" rel="noreferrer">
                {a.fileName}
              </a>{' '}
              <Typography.Text type="secondary">{formatBytes(a.sizeBytes)}</Typography.Text>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyText>{t('policies.staff.attachments.none')}</EmptyText>
      )}
      {canEdit ? (
        <div style={{ marginTop: 12 }}>
          <label htmlFor={inputId} className={`s-file-button${progress ? ' is-disabled' : ''}`}>
            <input
              id={inputId}
              type="file"
              className="s-file-input"
              accept={ATTACHMENT_ACCEPT}
              multiple
              disabled={!!progress}
              aria-describedby={hintId}
              onChange={(event) => void pick(event)}
            />
            <PaperClipOutlined aria-hidden="true" /> {t('policies.staff.attachments.add')}
          </label>
          <Typography.Text id={hintId} type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {t('policies.staff.attachments.hint')}
          </Typography.Text>
          {progress ? (
            <Progress
              percent={Math.round(progress.fraction * 100)}
              size="small"
              style={{ maxWidth: 420 }}
              aria-label={t('appeals.attachments.progressOf', { name: progress.name })}
            />
          ) : null}
        </div>
      ) : null}
      {problem ? (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 12 }} />
      ) : null}
    </Card>
  )
}
