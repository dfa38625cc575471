import { DownloadOutlined } from '@ant-design/icons'
import { Button, Card, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { saveTextFile } from '../../../ui/staff/save-text-file'
import { SpreadsheetUploadCard } from '../../../ui/staff/SpreadsheetUploadCard'
import { useLoad } from '../../../ui/use-load'
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
        <Button
          icon={<DownloadOutlined aria-hidden="true" />}
          onClick={() => saveTextFile(IMPORT_TEMPLATE_FILE, importTemplateCsv())}
        >
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
  return (
    <SpreadsheetUploadCard
      title={t('appeals.import.upload')}
      accept={IMPORT_ACCEPT}
      labels={{
        pick: t('appeals.import.pick'),
        start: t('appeals.import.start'),
        pickHint: t('appeals.import.pickHint'),
        progress: t('appeals.import.progress'),
        refused: t('appeals.import.refused'),
      }}
      send={async (file, onProgress) =>
        onReport({ file: file.name, report: await appealsApi.importBatch(file, onProgress) })
      }
    />
  )
}
