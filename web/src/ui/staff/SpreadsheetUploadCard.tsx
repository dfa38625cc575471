import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Progress, Space, Typography } from 'antd'
import { useId, useState, type ChangeEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../app/api'
import { formatBytes } from '../format'

export type UploadLabels = {
  pick: string
  start: string
  pickHint: string
  progress: string
  refused: string
}

/**
 * One spreadsheet to send (the federation's appeals, a department's facts): pick a file, send it
 * with a progress bar, and say plainly why a file was refused as a whole (unreadable, columns
 * missing, too many rows — the server names it under "file"). Rows are reported by the caller.
 */
export function SpreadsheetUploadCard({
  title,
  accept,
  labels,
  send,
  refusal,
}: {
  title: ReactNode
  accept: string
  labels: UploadLabels
  /** sends the file; resolves once the caller has the report */
  send: (file: File, onProgress: (share: number) => void) => Promise<void>
  /** a refusal the caller words itself (e.g. not this department's source); else the server's */
  refusal?: (error: unknown) => string | undefined
}) {
  const { t } = useTranslation()
  const inputId = useId()
  const hintId = useId()
  const [file, setFile] = useState<File>()
  const [progress, setProgress] = useState<number>()
  const [problem, setProblem] = useState<string>()

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0])
    setProblem(undefined)
    event.target.value = ''
  }

  const upload = async () => {
    if (!file) return
    setProblem(undefined)
    setProgress(0)
    try {
      await send(file, setProgress)
      setFile(undefined)
    } catch (error) {
      const fileMessage = isApiError(error) ? error.fields.file : undefined
      setProblem(refusal?.(error) ?? fileMessage ?? errorMessage(error, t('errors.generic')))
    } finally {
      setProgress(undefined)
    }
  }

  const isUploading = progress !== undefined
  return (
    <Card title={<h2 className="s-card-title">{title}</h2>}>
      <Space wrap size={12} align="center">
        <label htmlFor={inputId} className={`s-file-button${isUploading ? ' is-disabled' : ''}`}>
          <input
            id={inputId}
            type="file"
            className="s-file-input"
            accept={accept}
            disabled={isUploading}
            aria-describedby={hintId}
            onChange={pick}
          />
          <FileExcelOutlined aria-hidden="true" /> {labels.pick}
        </label>
        {file ? (
          <span>
            {file.name} <Typography.Text type="secondary">{formatBytes(file.size)}</Typography.Text>
          </span>
        ) : null}
        <Button
          type="primary"
          icon={<UploadOutlined aria-hidden="true" />}
          disabled={!file}
          loading={isUploading}
          onClick={() => void upload()}
        >
          {labels.start}
        </Button>
      </Space>
      <Typography.Text id={hintId} type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {labels.pickHint}
      </Typography.Text>
      {isUploading ? (
        <Progress
          percent={Math.round(progress * 100)}
          size="small"
          style={{ maxWidth: 420, marginTop: 8 }}
          aria-label={labels.progress}
        />
      ) : null}
      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={labels.refused}
          description={problem}
          style={{ marginTop: 12 }}
        />
      ) : null}
    </Card>
  )
}
