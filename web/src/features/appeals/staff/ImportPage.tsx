import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd'
import { useId, useState, type ChangeEvent } from 'react'
import { errorMessage, isApiError } from '../../../app/api'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { formatBytes } from '../appeal-form'
import { appealsApi, type ImportReport } from '../appeals.api'
import {
  IMPORT_ACCEPT,
  IMPORT_COLUMN_KEYS,
  IMPORT_COLUMNS,
  IMPORT_MAX_ROWS,
  IMPORT_TEMPLATE_FILE,
  importTemplateCsv,
  REQUIRED_IMPORT_COLUMNS,
  type ImportColumn,
} from '../import-template'
import { useAppealText } from '../use-appeal-text'
import { ImportReportCard } from './ImportReportCard'

/** Lets the browser save the header-only template; nothing is fetched. */
function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([importTemplateCsv()], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = IMPORT_TEMPLATE_FILE
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * `/staff/appeals/import` (task force): a batch from the federation of industry and commerce
 * (工商联) as xlsx or csv, one appeal per row. Every row is filed on its own and idempotently — a
 * bad row never stops the good ones, and the same row uploaded again files nothing — and the answer
 * reports each row.
 */
export function ImportPage() {
  const { t } = useAppealText()
  const [report, setReport] = useState<{ file: string; report: ImportReport }>()
  return (
    <>
      <PageHeader title={t('appeals.import.title')} subtitle={t('appeals.import.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <FormatCard />
        <UploadCard onReport={setReport} />
        {report ? <ImportReportCard fileName={report.file} report={report.report} /> : null}
      </Space>
    </>
  )
}

function FormatCard() {
  const { t, tx } = useAppealText()
  // The file names a category by its Chinese name or its code, whatever the UI language.
  const categories = useLoad(() => appealsApi.categories('zh-CN'), [])
  const rows = IMPORT_COLUMN_KEYS.map((key) => ({ key, title: IMPORT_COLUMNS[key] }))
  return (
    <Card
      title={<h2 className="s-card-title">{t('appeals.import.format')}</h2>}
      extra={
        <Button icon={<DownloadOutlined aria-hidden="true" />} onClick={downloadTemplate}>
          {t('appeals.import.template')}
        </Button>
      }
    >
      <Typography.Paragraph>{t('appeals.import.formatIntro', { max: IMPORT_MAX_ROWS })}</Typography.Paragraph>
      <Table<{ key: ImportColumn; title: string }>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          {
            title: t('appeals.import.column'),
            dataIndex: 'title',
            width: 180,
            render: (title: string) => <strong>{title}</strong>,
          },
          {
            title: t('appeals.import.required'),
            key: 'required',
            width: 90,
            render: (_: unknown, row) =>
              REQUIRED_IMPORT_COLUMNS.includes(row.key) ? (
                <Tag color="red">{t('appeals.import.mustHave')}</Tag>
              ) : (
                <Tag>{t('appeals.import.optional')}</Tag>
              ),
          },
          {
            title: t('appeals.import.content'),
            key: 'content',
            render: (_: unknown, row) => tx(`appeals.import.columns.${row.key}`),
          },
        ]}
      />
      <h3 className="s-subtitle" style={{ marginTop: 16 }}>
        {t('appeals.import.categoryNames')}
      </h3>
      {categories.data ? (
        <ul className="s-category-chips" aria-label={t('appeals.import.categoryNames')}>
          {categories.data.items.map((c) => (
            <li key={c.code}>
              {c.name} <span className="s-mono">{c.code}</span>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Text className="s-empty">{t('common.loading')}</Typography.Text>
      )}
    </Card>
  )
}

function UploadCard({ onReport }: { onReport: (report: { file: string; report: ImportReport }) => void }) {
  const { t } = useAppealText()
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
      onReport({ file: file.name, report: await appealsApi.importBatch(file, setProgress) })
      setFile(undefined)
    } catch (error) {
      // A file refused as a whole (unreadable, columns missing, too many rows) says why under "file".
      const fileMessage = isApiError(error) ? error.fields.file : undefined
      setProblem(fileMessage ?? errorMessage(error, t('errors.generic')))
    } finally {
      setProgress(undefined)
    }
  }

  const isUploading = progress !== undefined
  return (
    <Card title={<h2 className="s-card-title">{t('appeals.import.upload')}</h2>}>
      <Space wrap size={12} align="center">
        <label htmlFor={inputId} className={`s-file-button${isUploading ? ' is-disabled' : ''}`}>
          <input
            id={inputId}
            type="file"
            className="s-file-input"
            accept={IMPORT_ACCEPT}
            disabled={isUploading}
            aria-describedby={hintId}
            onChange={pick}
          />
          <FileExcelOutlined aria-hidden="true" /> {t('appeals.import.pick')}
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
          {t('appeals.import.start')}
        </Button>
      </Space>
      <Typography.Text id={hintId} type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('appeals.import.pickHint')}
      </Typography.Text>
      {isUploading ? (
        <Progress
          percent={Math.round(progress * 100)}
          size="small"
          style={{ maxWidth: 420, marginTop: 8 }}
          aria-label={t('appeals.import.progress')}
        />
      ) : null}
      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('appeals.import.refused')}
          description={problem}
          style={{ marginTop: 12 }}
        />
      ) : null}
    </Card>
  )
}
