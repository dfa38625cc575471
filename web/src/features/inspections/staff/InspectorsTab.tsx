import { Alert, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { useLoad } from '../../../ui/use-load'
import { inspectionsApi, type InspectorList } from '../inspections.api'
import { EnterprisePicker } from '../../../ui/staff/EnterprisePicker'
import { IsoDatePicker } from '../../../ui/staff/IsoDatePicker'

type Inspector = InspectorList['items'][number]
type NewInspector = { userId: string; certificateNo: string; certifiedUntil: string }
type NewConflict = { enterpriseId: string; reason: string }

/**
 * The certified inspectors (执法人员) the caller may read, with their certificates and declared
 * conflicts; the body's head registers its staff and deactivates them.
 */
export function InspectorsTab() {
  const { t, i18n } = useTranslation()
  const { me } = useSession()
  const ownBody =
    me?.kind === 'staff' ? me.roles.find((g) => g.role === 'department_head')?.departmentId : undefined
  const canManage = hasStaffRole(me, 'department_head') && !!ownBody
  const loaded = useLoad(() => inspectionsApi.inspectors(), [i18n.language])
  const choices = useLoad(
    () => (ownBody ? inspectionsApi.choices(ownBody) : Promise.resolve(undefined)),
    [ownBody, i18n.language],
  )
  const [error, setError] = useState<string>()
  const [isAdding, setAdding] = useState(false)
  const [form] = Form.useForm<NewInspector>()
  const [conflictOf, setConflictOf] = useState<Inspector>()
  const [conflictForm] = Form.useForm<NewConflict>()

  const run = async (work: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await work()
      loaded.reload()
      return true
    } catch (e) {
      setError(errorMessage(e, t('errors.generic')))
      return false
    }
  }

  const columns: ColumnsType<Inspector> = [
    { title: t('inspections.fields.name'), dataIndex: 'name' },
    { title: t('inspections.fields.body'), dataIndex: 'departmentName' },
    { title: t('inspections.fields.certificateNo'), dataIndex: 'certificateNo' },
    { title: t('inspections.fields.certifiedUntil'), dataIndex: 'certifiedUntil' },
    {
      title: t('inspections.fields.active'),
      dataIndex: 'active',
      render: (active: boolean) => (
        <Tag color={active ? 'green' : 'default'}>
          {active ? t('inspections.activeYes') : t('inspections.activeNo')}
        </Tag>
      ),
    },
    {
      title: t('inspections.fields.conflicts'),
      render: (_, row) =>
        row.conflicts.length
          ? row.conflicts.map((c) => `${c.enterpriseName}（${c.reason}）`).join('；')
          : t('inspections.noConflicts'),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: '',
            render: (_: unknown, row: Inspector) =>
              row.active ? (
                <Button
                  size="small"
                  danger
                  onClick={() => void run(() => inspectionsApi.deactivate(row.userId))}
                >
                  {t('inspections.actions.deactivate')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ]

  return (
    <>
      {canManage ? (
        <Space style={{ marginBottom: 16 }}>
          <Button onClick={() => setAdding(true)}>{t('inspections.actions.certify')}</Button>
        </Space>
      ) : null}
      {(error ?? loaded.error) ? (
        <Alert type="error" message={error ?? errorMessage(loaded.error, t('errors.loadFailed'))} />
      ) : null}
      <Table
        rowKey="userId"
        size="middle"
        loading={loaded.isLoading}
        columns={columns}
        dataSource={loaded.data?.items ?? []}
        locale={{ emptyText: t('inspections.empty') }}
      />
      <Modal
        open={isAdding}
        title={t('inspections.actions.certify')}
        okText={t('inspections.actions.save')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void run(() => inspectionsApi.certify({ ...v, departmentId: ownBody! })).then((ok) => {
              if (ok) setAdding(false)
            })
          }
        >
          <Form.Item name="userId" label={t('inspections.fields.userId')} rules={[{ required: true }]}>
            <Select options={(choices.data?.staff ?? []).map((s) => ({ value: s.userId, label: s.name }))} />
          </Form.Item>
          <Form.Item
            name="certificateNo"
            label={t('inspections.fields.certificateNo')}
            rules={[{ required: true }]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item
            name="certifiedUntil"
            label={t('inspections.fields.certifiedUntil')}
            rules={[{ required: true }]}
          >
            <IsoDatePicker />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={conflictOf !== undefined}
        title={`${t('inspections.actions.declareConflict')} · ${conflictOf?.name ?? ''}`}
        okText={t('inspections.actions.save')}
        onCancel={() => setConflictOf(undefined)}
        onOk={() => conflictForm.submit()}
        destroyOnHidden
      >
        <Form
          form={conflictForm}
          layout="vertical"
          onFinish={(v) =>
            void run(() => inspectionsApi.declareConflict(conflictOf!.userId, v)).then((ok) => {
              if (ok) setConflictOf(undefined)
            })
          }
        >
          <Form.Item
            name="enterpriseId"
            label={t('inspections.fields.enterpriseId')}
            rules={[{ required: true }]}
          >
            <EnterprisePicker placeholder={t('inspections.searchEnterprise')} />
          </Form.Item>
          <Form.Item name="reason" label={t('inspections.fields.reason')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
