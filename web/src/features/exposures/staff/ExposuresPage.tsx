import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Table, Tabs, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { formatDateTime } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { exposuresApi, type Exposure, type ExposureStatus } from '../exposures.api'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

const VIEWS = ['proposed', 'approved', 'published', 'rectified', 'rejected'] as const

/**
 * `/staff/exposures`: the exposure board's back office — propose a finding, review another person's
 * proposal (the redaction helper's suggestion beside it; confirm the public text), publish, and record
 * the rectification. The second-person rule and "nothing unreviewed is published" are the server's.
 */
export function ExposuresPage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const { me } = useSession()
  const { message } = App.useApp()
  const [view, setView] = useState<ExposureStatus>('proposed')
  const [reload, setReload] = useState(0)
  const [proposing, setProposing] = useState(false)
  const [reviewing, setReviewing] = useState<Exposure>()
  const [rectifying, setRectifying] = useState<Exposure>()
  const canReview = hasStaffRole(me, 'discipline_inspector', 'bureau_leader')
  const list = useLoad(
    () => exposuresApi.list({ status: view, limit: 50, offset: 0 }),
    [view, reload, i18n.language],
  )
  const done = () => {
    setReload((n) => n + 1)
    void message.success(t('exposures.staff.done'))
  }
  const publish = async (item: Exposure) => {
    try {
      await exposuresApi.publish(item.id, item.version)
      done()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    }
  }

  const columns: ColumnsType<Exposure> = [
    { title: t('exposures.fields.unitName'), dataIndex: 'unitName', width: 180 },
    {
      title: t('exposures.fields.title'),
      key: 'title',
      render: (_: unknown, row) => (
        <>
          <div>{row.publicTitle ?? row.title}</div>
          <div className="s-small">{row.publicConduct ?? row.conduct}</div>
        </>
      ),
    },
    {
      title: t('exposures.fields.proposed'),
      key: 'proposed',
      width: 170,
      render: (_: unknown, row) =>
        `${row.proposedByName ?? '—'} · ${formatDateTime(row.proposedAt, i18n.language)}`,
    },
    {
      title: t('exposures.fields.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: ExposureStatus) => <Tag>{tx(`exposures.statuses.${s}`)}</Tag>,
    },
    ...(canReview
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, row: Exposure) =>
              row.status === 'proposed' && row.proposedBy !== me?.id ? (
                <Button size="small" type="primary" onClick={() => setReviewing(row)}>
                  {t('exposures.staff.review')}
                </Button>
              ) : row.status === 'approved' ? (
                <Button size="small" type="primary" onClick={() => void publish(row)}>
                  {t('exposures.staff.publish')}
                </Button>
              ) : row.status === 'published' ? (
                <Button size="small" onClick={() => setRectifying(row)}>
                  {t('exposures.staff.rectify')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ]

  return (
    <>
      <PageHeader
        title={t('exposures.staff.title')}
        subtitle={t('exposures.staff.subtitle')}
        extra={
          <Button type="primary" onClick={() => setProposing(true)}>
            {t('exposures.staff.propose')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => setView(key as ExposureStatus)}
          items={VIEWS.map((v) => ({ key: v, label: tx(`exposures.statuses.${v}`) }))}
        />
        {list.error ? (
          <Alert type="error" showIcon title={errorMessage(list.error, t('errors.loadFailed'))} />
        ) : null}
        <Table
          rowKey="id"
          size="middle"
          loading={!list.data && !list.error}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 800 }}
          pagination={false}
        />
      </Card>
      {proposing ? (
        <ProposeModal onClose={() => setProposing(false)} onDone={() => (setProposing(false), done())} />
      ) : null}
      {reviewing ? (
        <ReviewModal
          item={reviewing}
          onClose={() => setReviewing(undefined)}
          onDone={() => (setReviewing(undefined), done())}
        />
      ) : null}
      {rectifying ? (
        <RectifyModal
          item={rectifying}
          onClose={() => setRectifying(undefined)}
          onDone={() => (setRectifying(undefined), done())}
        />
      ) : null}
    </>
  )
}

/** A form in a modal that sends its values and reports the server's refusal. */
function FormModal({
  title,
  onClose,
  send,
  initialValues,
  children,
}: {
  title: string
  onClose: () => void
  send: (values: Record<string, unknown>) => Promise<unknown>
  initialValues?: Record<string, unknown>
  children: React.ReactNode
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const values = (await form.validateFields()) as Record<string, unknown>
    setBusy(true)
    try {
      await send(values)
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal open width={640} title={title} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy}>
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  )
}

function ProposeModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const required = [{ required: true, message: fieldMessage('exposures.staff.required') }]
  return (
    <FormModal
      title={t('exposures.staff.propose')}
      onClose={onClose}
      send={async (v) => {
        await exposuresApi.propose(v as { unitName: string; title: string; conduct: string })
        onDone()
      }}
    >
      <Form.Item name="unitName" label={t('exposures.fields.unitName')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="title" label={t('exposures.fields.title')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="conduct" label={t('exposures.fields.conduct')} rules={required}>
        <Input.TextArea rows={5} maxLength={5000} />
      </Form.Item>
    </FormModal>
  )
}

function ReviewModal({ item, onClose, onDone }: { item: Exposure; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const [title, ...rest] = item.suggestion.text.split('\n')
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve')
  return (
    <FormModal
      title={t('exposures.staff.review')}
      onClose={onClose}
      initialValues={{ publicTitle: title, publicConduct: rest.join('\n') }}
      send={async (v) => {
        await exposuresApi.review(item.id, { version: item.version, decision, ...v })
        onDone()
      }}
    >
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title={t('exposures.staff.original')}
        description={
          <>
            <div>{item.title}</div>
            <div style={{ whiteSpace: 'pre-wrap' }}>{item.conduct}</div>
            <Space wrap style={{ marginTop: 8 }}>
              {item.suggestion.hits.map((h, i) => (
                <Tag key={i} color="orange">
                  {tx(`exposures.kinds.${h.kind}`)}: {h.text} → {h.replacement}
                </Tag>
              ))}
            </Space>
          </>
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <Button type={decision === 'approve' ? 'primary' : 'default'} onClick={() => setDecision('approve')}>
          {t('exposures.staff.approve')}
        </Button>
        <Button danger={decision === 'reject'} onClick={() => setDecision('reject')}>
          {t('exposures.staff.reject')}
        </Button>
      </Space>
      {decision === 'approve' ? (
        <>
          <Form.Item
            name="publicTitle"
            label={t('exposures.fields.publicTitle')}
            rules={[{ required: true }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="publicConduct"
            label={t('exposures.fields.publicConduct')}
            rules={[{ required: true }]}
          >
            <Input.TextArea rows={5} maxLength={5000} />
          </Form.Item>
          <Form.Item
            name="redactionConfirmed"
            valuePropName="checked"
            rules={[
              {
                validator: (_, v) =>
                  v ? Promise.resolve() : rejectWith(fieldMessage('exposures.staff.required')),
              },
            ]}
          >
            <Checkbox>{t('exposures.staff.confirmRedaction')}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="note" label={t('exposures.fields.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  )
}

function RectifyModal({
  item,
  onClose,
  onDone,
}: {
  item: Exposure
  onClose: () => void
  onDone: () => void
}) {
  const { t } = useTranslation()
  return (
    <FormModal
      title={t('exposures.staff.rectify')}
      onClose={onClose}
      send={async (v) => {
        await exposuresApi.rectify(item.id, { version: item.version, rectification: String(v.rectification) })
        onDone()
      }}
    >
      <Form.Item
        name="rectification"
        label={t('exposures.fields.rectification')}
        rules={[{ required: true }]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </FormModal>
  )
}
