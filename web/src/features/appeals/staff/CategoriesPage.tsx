import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { errorMessage } from '../../../app/api'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { departmentSelectOptions } from '../../../ui/department-options'
import { departmentsApi } from '../../../app/shared-api/departments'
import { appealsApi } from '../appeals.api'
import { catalogueEntries, saveBody, type CatalogueEntry } from '../category-catalogue'
import { useAppealText } from '../use-appeal-text'
import { TierTag } from './AppealStatusTag'
import { CategoryFormModal } from './CategoryFormModal'

/**
 * `/staff/appeals/categories` (admin): the appeal catalogue — each category's Chinese and English
 * name, the department it goes to by default (the routing table until the model has learned from
 * real dispatches), the keywords that point to it and its default urgency. A retired category is deactivated, never deleted: old
 * appeals keep it.
 */
export function CategoriesPage() {
  const { t } = useAppealText()
  const { message } = App.useApp()
  // Both names of every category: the catalogue answers in the language asked for.
  const catalogue = useLoad(async () => {
    const [zh, en] = await Promise.all([appealsApi.categories('zh-CN'), appealsApi.categories('en')])
    return catalogueEntries(zh.items, en.items)
  }, [])
  const departments = useLoad(() => departmentsApi.list(), [])
  const departmentOptions = useMemo(
    () => departmentSelectOptions(departments.data?.items ?? []),
    [departments.data],
  )
  const departmentName = (id: string | null) =>
    id ? (departments.data?.items.find((d) => d.id === id)?.name ?? '…') : t('appeals.categories.noDefault')
  const [editing, setEditing] = useState<{ entry?: CatalogueEntry }>()
  const entries = catalogue.data ?? []

  const retire = async (entry: CatalogueEntry) => {
    try {
      await appealsApi.saveCategory(entry.code, { ...saveBody(entry), isActive: false })
      void message.success(t('appeals.categories.retired', { name: entry.name }))
      catalogue.reload()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    }
  }

  const columns: ColumnsType<CatalogueEntry> = [
    {
      title: t('appeals.categories.code'),
      dataIndex: 'code',
      width: 220,
      render: (code: string) => <span className="s-mono s-code">{code}</span>,
    },
    { title: t('appeals.categories.name'), dataIndex: 'name' },
    { title: t('appeals.categories.nameEn'), dataIndex: 'nameEn' },
    {
      title: t('appeals.categories.defaultDepartment'),
      dataIndex: 'defaultDepartmentId',
      render: (id: string | null) => departmentName(id),
    },
    {
      title: t('appeals.categories.keywords'),
      dataIndex: 'keywords',
      width: 240,
      render: (keywords: string[]) =>
        keywords.length ? (
          <Typography.Text
            type="secondary"
            ellipsis={{ tooltip: keywords.join('、') }}
            style={{ maxWidth: 220 }}
          >
            {t('appeals.categories.keywordCount', { count: keywords.length })} ·{' '}
            {keywords.slice(0, 4).join('、')}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('appeals.categories.defaultTier'),
      dataIndex: 'defaultTier',
      width: 110,
      render: (_: unknown, entry) => <TierTag tier={entry.defaultTier} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_: unknown, entry) => (
        <Space size={4}>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ entry })}
            aria-label={t('appeals.categories.editNamed', { name: entry.name })}
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('appeals.categories.retireConfirm', { name: entry.name })}
            description={t('appeals.categories.retireHelp')}
            okText={t('appeals.categories.retire')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => retire(entry)}
          >
            <Button
              type="link"
              size="small"
              danger
              aria-label={t('appeals.categories.retireNamed', { name: entry.name })}
            >
              {t('appeals.categories.retire')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('appeals.categories.title')}
        subtitle={t('appeals.categories.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden="true" />} onClick={() => setEditing({})}>
            {t('appeals.categories.add')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        {catalogue.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(catalogue.error, t('errors.loadFailed'))}
            style={{ margin: 16 }}
          />
        ) : null}
        <Table<CatalogueEntry>
          className="s-flush-table"
          rowKey="code"
          columns={columns}
          dataSource={entries}
          loading={catalogue.isLoading}
          pagination={false}
          size="middle"
        />
        <Typography.Paragraph type="secondary" style={{ margin: 16 }}>
          {t('appeals.categories.retiredHidden')}
        </Typography.Paragraph>
      </Card>
      {editing ? (
        <CategoryFormModal
          entry={editing.entry}
          existing={entries}
          departments={departmentOptions}
          onClose={() => setEditing(undefined)}
          onSaved={(name) => {
            setEditing(undefined)
            catalogue.reload()
            void message.success(t('appeals.categories.saved', { name }))
          }}
        />
      ) : null}
    </>
  )
}
