import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { departmentsApi } from '../../../app/shared-api/departments'
import { hasStaffRole, useSession } from '../../../app/session'
import { departmentSelectOptions } from '../../../ui/department-options'
import { useLoad } from '../../../ui/use-load'
import { inspectionsApi, type InspectionItem } from '../inspections.api'

type NewItem = { departmentId: string; code: string; name: string; basis: string; content?: string }

/**
 * The inspection items (检查事项) the caller may read: code, name, body, legal basis, state, and the
 * flag of an item unused for five years; an admin or the body's head adds drafts, publishes and
 * withdraws them.
 */
export function InspectionItemsTab() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const canManage = hasStaffRole(me, 'admin', 'department_head')
  const [q, setQ] = useState('')
  const loaded = useLoad(() => inspectionsApi.items({ q: q.trim() || undefined }), [q, i18n.language])
  const departments = useLoad(
    () => (hasStaffRole(me, 'admin') ? departmentsApi.list() : Promise.resolve({ items: [] })),
    [i18n.language],
  )
  const [error, setError] = useState<string>()
  const [isCreating, setCreating] = useState(false)
  const [form] = Form.useForm<NewItem>()
  const ownBody =
    me?.kind === 'staff' ? me.roles.find((g) => g.role === 'department_head')?.departmentId : undefined

  const move = async (item: InspectionItem, action: 'publish' | 'withdraw') => {
    setError(undefined)
    try {
      await inspectionsApi.moveItem(item.id, action, item.version)
      loaded.reload()
    } catch (e) {
      setError(errorMessage(e, t('errors.generic')))
    }
  }

  const create = async (values: NewItem) => {
    setError(undefined)
    try {
      await inspectionsApi.createItem(values)
      setCreating(false)
      form.resetFields()
      loaded.reload()
    } catch (e) {
      setError(errorMessage(e, t('errors.generic')))
    }
  }

  const columns: ColumnsType<InspectionItem> = [
    { title: t('inspections.fields.code'), dataIndex: 'code' },
    { title: t('inspections.fields.name'), dataIndex: 'name' },
    { title: t('inspections.fields.body'), dataIndex: 'departmentName' },
    { title: t('inspections.fields.basis'), dataIndex: 'basis' },
    {
      title: t('inspections.fields.status'),
      dataIndex: 'status',
      render: (s: InspectionItem['status'], row) => (
        <Space wrap>
          <Tag color={s === 'published' ? 'green' : 'default'}>{t(`inspections.itemStates.${s}`)}</Tag>
          {row.isUnusedFiveYears ? <Tag color="orange">{t('inspections.fields.unused')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('inspections.fields.lastUsedOn'),
      dataIndex: 'lastUsedOn',
      render: (d: string | null) => d ?? t('inspections.never'),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, row: InspectionItem) =>
              row.status === 'draft' ? (
                <Button size="small" onClick={() => void move(row, 'publish')}>
                  {t('inspections.actions.publish')}
                </Button>
              ) : row.status === 'published' ? (
                <Button size="small" danger onClick={() => void move(row, 'withdraw')}>
                  {t('inspections.actions.withdraw')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ]

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          allowClear
          aria-label={t('inspections.fields.name')}
          placeholder={t('inspections.fields.name')}
          onSearch={setQ}
          style={{ width: 260 }}
        />
        {canManage ? (
          <Button onClick={() => setCreating(true)}>{t('inspections.actions.newItem')}</Button>
        ) : null}
      </Space>
      {(error ?? loaded.error) ? (
        <Alert type="error" message={error ?? errorMessage(loaded.error, t('errors.loadFailed'))} />
      ) : null}
      <Table
        rowKey="id"
        size="middle"
        loading={loaded.isLoading}
        columns={columns}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: t('inspections.empty') }}
      />
      <Modal
        open={isCreating}
        title={t('inspections.actions.newItem')}
        okText={t('inspections.actions.save')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void create(v)}
          initialValues={{ departmentId: ownBody }}
        >
          <Form.Item name="departmentId" label={t('inspections.fields.body')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={
                hasStaffRole(me, 'admin')
                  ? departmentSelectOptions(departments.data?.items ?? []).map((d) => ({
                      value: d.value,
                      label: d.label,
                    }))
                  : ownBody
                    ? [{ value: ownBody, label: t('inspections.fields.body') }]
                    : []
              }
            />
          </Form.Item>
          <Form.Item name="code" label={t('inspections.fields.code')} rules={[{ required: true }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="name" label={t('inspections.fields.name')} rules={[{ required: true }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="basis" label={t('inspections.fields.basis')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
          <Form.Item name="content" label={t('inspections.fields.content')}>
            <Input.TextArea maxLength={4000} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
