import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage, isApiError } from '../../../app/api'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { saveTextFile } from '../../../ui/staff/save-text-file'
import { SpreadsheetUploadCard } from '../../../ui/staff/SpreadsheetUploadCard'
import { useLoad } from '../../../ui/use-load'
import { useFactText } from '../use-fact-text'
import {
  FACT_IMPORT_ACCEPT,
  FACT_IMPORT_MAX_ROWS,
  factsForSource,
  factTemplateCsv,
  PERIOD_COLUMN,
  templateFileName,
  USCC_COLUMN,
} from '../fact-import-template'
import {
  factsApi,
  type FactDefinition,
  type FactImportReport,
  type FactImportSummary,
  type ImportSource,
} from '../facts.api'
import { FactImportReportCard } from './FactImportReportCard'
import { EmptyText } from '../../../ui/staff/EmptyText'

/**
 * `/staff/facts/imports`: a department sends its data (税务、人社、市场监管 …) as xlsx or csv, one
 * row per enterprise; what it says is verified and wins over what enterprises declared. Each row is
 * reported: applied, unchanged, or refused with every column's problem.
 */
export function FactImportsPage() {
  const { t, language } = useFactText()
  const [picked, setSource] = useState<ImportSource>()
  const [report, setReport] = useState<FactImportReport>()
  const definitions = useLoad(() => factsApi.definitions(), [language])
  const imports = useLoad(() => factsApi.imports(), [report?.id])
  // Only the sources the server lets this user send (a tax officer: tax), the first chosen at first.
  const sources = useLoad(() => factsApi.importSources(), [])
  const allowed = sources.data?.items ?? []
  const source = picked && allowed.includes(picked) ? picked : allowed[0]
  return (
    <>
      <PageHeader title={t('facts.imports.title')} subtitle={t('facts.imports.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {sources.error ? (
          <Alert type="error" showIcon title={errorMessage(sources.error, t('errors.loadFailed'))} />
        ) : sources.data && !source ? (
          <Alert type="info" showIcon title={t('facts.imports.noSources')} />
        ) : null}
        {source ? (
          <>
            <FormatCard
              source={source}
              sources={allowed}
              onSource={setSource}
              definitions={definitions.data?.items}
              error={definitions.error}
            />
            <UploadCard source={source} onReport={setReport} />
          </>
        ) : null}
        {allowed.includes('market_regulation') ? <RegistryCard onReport={setReport} /> : null}
        {report ? <FactImportReportCard report={report} /> : null}
        <Card title={<h2 className="s-card-title">{t('facts.imports.recent')}</h2>}>
          {imports.error ? (
            <Alert type="error" showIcon title={errorMessage(imports.error, t('errors.loadFailed'))} />
          ) : (
            <RecentImports items={imports.data?.items} isLoading={imports.isLoading} />
          )}
        </Card>
      </Space>
    </>
  )
}

function FormatCard({
  source,
  sources,
  onSource,
  definitions,
  error,
}: {
  source: ImportSource
  sources: ImportSource[]
  onSource: (source: ImportSource) => void
  definitions: FactDefinition[] | undefined
  error: unknown
}) {
  const { t, source: sourceName, language } = useFactText()
  const facts = definitions ? factsForSource(definitions, source) : []
  return (
    <Card
      title={<h2 className="s-card-title">{t('facts.imports.format')}</h2>}
      extra={
        <Button
          icon={<DownloadOutlined aria-hidden="true" />}
          disabled={!definitions}
          onClick={() =>
            definitions && saveTextFile(templateFileName(source), factTemplateCsv(definitions, source))
          }
        >
          {t('facts.imports.template')}
        </Button>
      }
    >
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <label htmlFor="import-source">
          <strong>{t('facts.imports.source')}</strong>
        </label>
        <Select<ImportSource>
          id="import-source"
          value={source}
          onChange={onSource}
          style={{ width: 240 }}
          options={sources.map((s) => ({ value: s, label: sourceName(s) }))}
        />
      </Space>
      <Typography.Paragraph>
        {t('facts.imports.formatIntro', {
          uscc: USCC_COLUMN,
          period: PERIOD_COLUMN,
          max: FACT_IMPORT_MAX_ROWS,
        })}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={errorMessage(error, t('errors.loadFailed'))} /> : null}
      <Table<FactDefinition>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={facts}
        loading={!definitions && !error}
        locale={{ emptyText: <EmptyText>{t('facts.imports.noFacts')}</EmptyText> }}
        columns={[
          {
            title: t('facts.imports.column'),
            dataIndex: 'labelZh',
            width: 280,
            render: (v: string) => <strong>{v}</strong>,
          },
          ...(language === 'en'
            ? [{ title: t('facts.imports.meaning'), dataIndex: 'labelEn', width: 260 }]
            : []),
          {
            title: t('facts.imports.type'),
            dataIndex: 'type',
            width: 120,
            render: (v: string) => t(`facts.types.${v as 'money'}`),
          },
          {
            title: t('facts.imports.perYear'),
            dataIndex: 'isPeriodic',
            width: 110,
            render: (v: boolean) =>
              v ? (
                <Tag color="blue">{t('facts.imports.yearNeeded')}</Tag>
              ) : (
                <Tag>{t('facts.imports.noYear')}</Tag>
              ),
          },
          {
            title: t('facts.imports.example'),
            key: 'example',
            render: (_: unknown, d) => t(`facts.imports.examples.${d.type as 'money'}`),
          },
        ]}
      />
    </Card>
  )
}

function UploadCard({
  source,
  onReport,
}: {
  source: ImportSource
  onReport: (report: FactImportReport) => void
}) {
  const { t, source: sourceName } = useFactText()
  return (
    <SpreadsheetUploadCard
      title={t('facts.imports.upload', { source: sourceName(source) })}
      accept={FACT_IMPORT_ACCEPT}
      labels={{
        pick: t('facts.imports.pick'),
        start: t('facts.imports.start'),
        pickHint: t('facts.imports.pickHint'),
        progress: t('facts.imports.progress'),
        refused: t('facts.imports.refused'),
      }}
      send={async (file, onProgress) => onReport(await factsApi.importFile(source, file, onProgress))}
      refusal={(error) =>
        isApiError(error, 'FORBIDDEN')
          ? t('facts.imports.notYourSource', { source: sourceName(source) })
          : undefined
      }
    />
  )
}

/** The registry's own columns (server: facts-registry-import.service.ts REGISTRY_COLUMNS). */
const REGISTRY_COLUMNS = [USCC_COLUMN, '企业名称', '法定代表人', '法定代表人手机号']

/**
 * The market-regulation department's registry of legal representatives and their phones: what a claim
 * by the legal representative's code trusts.
 */
function RegistryCard({ onReport }: { onReport: (report: FactImportReport) => void }) {
  const { t } = useFactText()
  return (
    <>
      <Card
        title={<h2 className="s-card-title">{t('facts.registry.title')}</h2>}
        extra={
          <Button
            icon={<DownloadOutlined aria-hidden="true" />}
            onClick={() => saveTextFile('登记注册数据模板.csv', `\uFEFF${REGISTRY_COLUMNS.join(',')}\n`)}
          >
            {t('facts.registry.template')}
          </Button>
        }
      >
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('facts.registry.intro', { columns: REGISTRY_COLUMNS.join('、') })}
        </Typography.Paragraph>
      </Card>
      <SpreadsheetUploadCard
        title={t('facts.registry.title')}
        accept={FACT_IMPORT_ACCEPT}
        labels={{
          pick: t('facts.imports.pick'),
          start: t('facts.imports.start'),
          pickHint: t('facts.imports.pickHint'),
          progress: t('facts.imports.progress'),
          refused: t('facts.imports.refused'),
        }}
        send={async (file, onProgress) => onReport(await factsApi.importRegistry(file, onProgress))}
      />
    </>
  )
}

function RecentImports({ items, isLoading }: { items: FactImportSummary[] | undefined; isLoading: boolean }) {
  const { t, source, language } = useFactText()
  return (
    <Table<FactImportSummary>
      size="small"
      rowKey="id"
      loading={isLoading}
      dataSource={items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <EmptyText>{t('facts.imports.none')}</EmptyText> }}
      columns={[
        {
          title: t('facts.imports.importedAt'),
          dataIndex: 'importedAt',
          width: 170,
          render: (v: string) => formatDateTime(v, language),
        },
        {
          title: t('facts.imports.source'),
          dataIndex: 'source',
          width: 150,
          render: (v: string) => source(v),
        },
        { title: t('facts.imports.file'), dataIndex: 'fileName' },
        { title: t('facts.imports.total'), dataIndex: 'rowsTotal', width: 90, align: 'right' },
        { title: t('facts.imports.rowsOk'), dataIndex: 'rowsApplied', width: 100, align: 'right' },
        {
          title: t('facts.imports.statuses.error'),
          dataIndex: 'rowsFailed',
          width: 100,
          align: 'right',
          render: (v: number) => (v ? <span className="s-danger-text">{v}</span> : v),
        },
        { title: t('facts.imports.importedBy'), dataIndex: 'importedBy', width: 140 },
      ]}
    />
  )
}
