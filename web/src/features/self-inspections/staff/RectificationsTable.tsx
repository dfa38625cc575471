import { Alert, App, Button, Form, Input, Modal, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatIsoDate } from '../../../ui/format'
import {
  RECTIFICATION_STATUS_COLORS,
  selfInspectionsApi,
  type SelfInspectionRectification,
} from '../self-inspections.api'
import { EvidenceUpload } from './EvidenceUpload'
import { fieldMessage } from '../../../ui/field-message'

type Pending = { kind: 'done' | 'reopen'; row: SelfInspectionRectification }

/**
 * Rectifications with the moves the viewer may make: a department reports one done with evidence; the
 * bureau confirms it or sends it back with a note. The server decides; the buttons follow the role.
 */
export function RectificationsTable({
  rows,
  loading,
  as,
  onChanged,
  showDepartment,
}: {
  rows: SelfInspectionRectification[]
  loading?: boolean
  as: 'bureau' | 'department'
  onChanged: () => void
  showDepartment?: boolean
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [pending, setPending] = useState<Pending>()
  const [banner, setBanner] = useState<string>()
  const [evidence, setEvidence] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<{ note: string }>()

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setBanner(undefined)
    try {
      await work()
      void message.success(done)
      setPending(undefined)
      onChanged()
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) onChanged()
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }

  const columns: ColumnsType<SelfInspectionRectification> = [
    {
      title: t('selfInspections.rect.item'),
      key: 'item',
      render: (_: unknown, row) => (
        <>
          <div>{row.itemText}</div>
          <Link to={paths.staffSelfInspectionAnswer(row.answerId)} className="s-small">
            {row.taskTitle}
          </Link>
        </>
      ),
    },
    ...(showDepartment
      ? [{ title: t('selfInspections.fields.department'), dataIndex: 'departmentName', width: 160 }]
      : []),
    {
      title: t('selfInspections.rect.measure'),
      key: 'measure',
      render: (_: unknown, row) => (
        <>
          <div>{row.measure}</div>
          <div className="s-small">{t('selfInspections.rect.ownerIs', { owner: row.owner })}</div>
          {row.doneNote ? <div className="s-note">{row.doneNote}</div> : null}
        </>
      ),
    },
    {
      title: t('selfInspections.rect.due'),
      dataIndex: 'dueDate',
      width: 130,
      render: (due: string, row) => (
        <>
          <div className="s-nowrap">{formatIsoDate(due)}</div>
          {row.overdue ? <Tag color="red">{t('selfInspections.overdue')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('selfInspections.fields.status'),
      dataIndex: 'status',
      width: 110,
      render: (status: SelfInspectionRectification['status']) => (
        <Tag color={RECTIFICATION_STATUS_COLORS[status]}>{t(`selfInspections.rectStatuses.${status}`)}</Tag>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, row) => (
        <Space wrap>
          {as === 'department' && row.status === 'open' ? (
            <Button
              size="small"
              type="primary"
              onClick={() => {
                form.resetFields()
                setEvidence([])
                setBanner(undefined)
                setPending({ kind: 'done', row })
              }}
            >
              {t('selfInspections.rect.markDone')}
            </Button>
          ) : null}
          {as === 'bureau' && row.status === 'done' ? (
            <>
              <Button
                size="small"
                type="primary"
                loading={busy}
                onClick={() =>
                  void run(
                    () => selfInspectionsApi.confirm(row.id, row.version),
                    t('selfInspections.rect.confirmed'),
                  )
                }
              >
                {t('selfInspections.rect.confirm')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  form.resetFields()
                  setBanner(undefined)
                  setPending({ kind: 'reopen', row })
                }}
              >
                {t('selfInspections.rect.reopen')}
              </Button>
            </>
          ) : null}
        </Space>
      ),
    },
  ]

  const submit = ({ note }: { note: string }) => {
    if (!pending) return
    const { row, kind } = pending
    void run(
      () =>
        kind === 'done'
          ? selfInspectionsApi.markDone(row.id, {
              version: row.version,
              note: note.trim(),
              evidenceIds: evidence,
            })
          : selfInspectionsApi.reopen(row.id, { version: row.version, note: note.trim() }),
      kind === 'done' ? t('selfInspections.rect.doneSaved') : t('selfInspections.rect.reopened'),
    )
  }

  return (
    <>
      {banner && !pending ? (
        <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<SelfInspectionRectification>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        size="middle"
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('selfInspections.rect.empty') }}
      />
      {pending ? (
        <Modal
          open
          title={
            pending.kind === 'done' ? t('selfInspections.rect.markDone') : t('selfInspections.rect.reopen')
          }
          okText={t('selfInspections.ok')}
          cancelText={t('common.cancel')}
          confirmLoading={busy}
          onOk={() => form.submit()}
          onCancel={() => setPending(undefined)}
          destroyOnHidden
        >
          <p>{pending.row.measure}</p>
          {banner ? (
            <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 12 }} />
          ) : null}
          <Form form={form} layout="vertical" name="rectification" onFinish={submit}>
            <Form.Item
              name="note"
              label={
                pending.kind === 'done'
                  ? t('selfInspections.rect.doneNote')
                  : t('selfInspections.rect.reopenNote')
              }
              rules={[
                { required: true, whitespace: true, message: fieldMessage('fields.required') },
                { min: 2, message: fieldMessage('selfInspections.validation.min2') },
              ]}
            >
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Form>
          {pending.kind === 'done' ? (
            <EvidenceUpload answerId={pending.row.answerId} value={evidence} onChange={setEvidence} />
          ) : null}
        </Modal>
      ) : null}
    </>
  )
}
