import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Table, Tag, Tree, Typography } from 'antd'
import type { DataNode } from 'antd/es/tree'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { paths } from '../../../app/routes'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { SpreadsheetUploadCard } from '../../../ui/staff/SpreadsheetUploadCard'
import { useLoad } from '../../../ui/use-load'
import { VARIANT_LABELS } from '../matter-labels'
import {
  catalogueXlsxUrl,
  servicesApi,
  type CatalogueImportReport,
  type EditableMatterList,
} from '../services.api'
import { importErrorRows, type ImportErrorRow } from './import-errors'
import { NewMatterDialog } from './NewMatterDialog'

type Item = EditableMatterList['items'][number]

/**
 * `/staff/matters`: the catalogue a department keeps — its matters as a tree (主项 → 子项 →
 * 业务办理项; the bureau sees every department's), each with where its versions stand; the
 * catalogue out to a workbook and back in as drafts, every bad row and column listed.
 */
export function MatterCataloguePage() {
  const { t } = useTranslation()
  const [report, setReport] = useState<CatalogueImportReport>()
  const [rowErrors, setRowErrors] = useState<ImportErrorRow[]>()
  const [creating, setCreating] = useState(false)
  const matters = useLoad(() => servicesApi.editable(), [report])
  return (
    <>
      <PageHeader
        title={t('services.staff.catalogue.title')}
        subtitle={t('services.staff.catalogue.subtitle')}
        extra={
          <Space wrap>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {t('services.staff.create.title')}
            </Button>
            <Button icon={<DownloadOutlined aria-hidden="true" />} href={catalogueXlsxUrl()} download>
              {t('services.staff.catalogue.export')}
            </Button>
          </Space>
        }
      />
      <NewMatterDialog
        open={creating}
        onClose={() => setCreating(false)}
        matters={matters.data?.items ?? []}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 className="s-card-title">{t('services.staff.catalogue.tree')}</h2>}>
          {matters.error ? (
            <Alert type="error" showIcon title={errorMessage(matters.error, t('errors.loadFailed'))} />
          ) : matters.data && matters.data.items.length === 0 ? (
            <EmptyText>{t('services.staff.catalogue.empty')}</EmptyText>
          ) : (
            <MatterTree items={matters.data?.items ?? []} />
          )}
        </Card>
        <SpreadsheetUploadCard
          title={t('services.staff.catalogue.import')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          labels={{
            pick: t('services.staff.catalogue.pick'),
            start: t('services.staff.catalogue.start'),
            pickHint: t('services.staff.catalogue.pickHint'),
            progress: t('services.staff.catalogue.progress'),
            refused: t('services.staff.catalogue.refused'),
          }}
          send={async (file, onProgress) => {
            setRowErrors(undefined)
            setReport(undefined)
            try {
              setReport(await servicesApi.importCatalogue(file, onProgress))
            } catch (error) {
              if (isApiError(error) && !error.fields.file) setRowErrors(importErrorRows(error.fields))
              throw error
            }
          }}
          refusal={(error) =>
            isApiError(error, 'VALIDATION_FAILED') && !error.fields.file
              ? t('services.staff.catalogue.rowsRefused')
              : undefined
          }
        />
        {report ? <ImportReportCard report={report} /> : null}
        {rowErrors ? <ImportErrorsCard rows={rowErrors} /> : null}
      </Space>
    </>
  )
}

/** Departments at the top (the bureau edits several), then each matter under its parent. */
function MatterTree({ items }: { items: Item[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const treeData = useMemo(() => {
    const children = new Map<string | null, Item[]>()
    for (const item of items) {
      const key = item.parentId
      children.set(key, [...(children.get(key) ?? []), item])
    }
    const node = (item: Item): DataNode => ({
      key: item.id,
      title: <MatterTitle item={item} />,
      children: (children.get(item.id) ?? []).map(node),
    })
    const departments = new Map<string, { name: string; roots: Item[] }>()
    for (const root of children.get(null) ?? []) {
      const entry = departments.get(root.departmentId) ?? { name: root.departmentName, roots: [] }
      entry.roots.push(root)
      departments.set(root.departmentId, entry)
    }
    return [...departments].map(([id, d]) => ({
      key: `department:${id}`,
      title: <Typography.Text strong>{d.name}</Typography.Text>,
      selectable: false,
      children: d.roots.map(node),
    }))
  }, [items])
  if (treeData.length === 0) return <EmptyText>{t('services.staff.catalogue.loading')}</EmptyText>
  return (
    <Tree
      showLine
      blockNode
      defaultExpandAll
      treeData={treeData}
      onSelect={(keys) => {
        const key = String(keys[0] ?? '')
        if (key && !key.startsWith('department:')) void navigate(paths.staffMatter(key))
      }}
    />
  )
}

function MatterTitle({ item }: { item: Item }) {
  const { t } = useTranslation()
  return (
    <span className="s-matter-node">
      <Link to={paths.staffMatter(item.id)} onClick={(e) => e.stopPropagation()}>
        {item.name}
      </Link>{' '}
      <Typography.Text type="secondary" className="s-small">
        {item.code}
      </Typography.Text>{' '}
      {item.variant ? <Tag>{t(VARIANT_LABELS[item.variant])}</Tag> : null}
      {item.currentVersionNumber !== null ? (
        <Tag color="green">
          {t('services.staff.catalogue.published', { number: item.currentVersionNumber })}
        </Tag>
      ) : (
        <Tag>{t('services.staff.catalogue.neverPublished')}</Tag>
      )}
      {item.draftVersionNumber !== null ? (
        <Tag color="orange">{t('services.staff.catalogue.draft', { number: item.draftVersionNumber })}</Tag>
      ) : null}
    </span>
  )
}

function ImportReportCard({ report }: { report: CatalogueImportReport }) {
  const { t } = useTranslation()
  return (
    <Card title={<h2 className="s-card-title">{t('services.staff.catalogue.reportTitle')}</h2>}>
      <dl className="s-figures-grid" aria-live="polite">
        <div>
          <dt>{t('services.staff.catalogue.created')}</dt>
          <dd>{report.created.length}</dd>
        </div>
        <div>
          <dt>{t('services.staff.catalogue.updated')}</dt>
          <dd>{report.updated.length}</dd>
        </div>
        <div>
          <dt>{t('services.staff.catalogue.unchanged')}</dt>
          <dd>{report.unchanged.length}</dd>
        </div>
      </dl>
      <p className="s-small">{t('services.staff.catalogue.draftsNote')}</p>
    </Card>
  )
}

function ImportErrorsCard({ rows }: { rows: ImportErrorRow[] }) {
  const { t } = useTranslation()
  return (
    <Card
      title={
        <h2 className="s-card-title">{t('services.staff.catalogue.errorsTitle', { count: rows.length })}</h2>
      }
    >
      <Table<ImportErrorRow>
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: t('services.staff.catalogue.sheet'),
            dataIndex: 'sheet',
            width: 90,
            render: (sheet: ImportErrorRow['sheet']) => t(`services.staff.catalogue.sheets.${sheet}`),
          },
          { title: t('services.staff.catalogue.row'), dataIndex: 'row', width: 70, align: 'right' },
          { title: t('services.staff.catalogue.problem'), dataIndex: 'message' },
        ]}
      />
    </Card>
  )
}
