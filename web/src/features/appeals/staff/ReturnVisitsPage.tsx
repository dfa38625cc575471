import { Alert, App, Button, Card, Form, Input, Modal, Radio, Table, Tabs, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { REASON_MAX } from '../appeal-form'
import { RATING_LEVELS } from '../appeal-labels'
import { appealsApi, type ReturnVisit, type VisitStatus } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'
import { EmptyList } from '../../../ui/staff/EmptyList'
import { fieldMessage } from '../../../ui/field-message'

const STATUSES: VisitStatus[] = ['pending', 'done', 'unreachable']

/**
 * `/staff/appeals/return-visits` (task force): appeals drawn for a return visit — every low or
 * missing rating and a random sample — and the results of visits made by phone. The handling
 * department never runs its own visits, so nobody can talk a rating up.
 */
export function ReturnVisitsPage() {
  const { t, tx, language } = useAppealText()
  const [params, setParams] = useSearchParams()
  const requested = params.get('status') as VisitStatus | null
  const status: VisitStatus = requested && STATUSES.includes(requested) ? requested : 'pending'
  const visits = useLoad(() => appealsApi.returnVisits(status), [status, language])
  const [recording, setRecording] = useState<ReturnVisit>()
  const { message } = App.useApp()

  const columns: ColumnsType<ReturnVisit> = [
    {
      title: t('appeals.fields.number'),
      dataIndex: 'appealNumber',
      width: 160,
      render: (number: string, visit) => (
        <Link to={paths.staffAppeal(visit.appealId)} className="s-mono">
          {number}
        </Link>
      ),
    },
    { title: t('appeals.fields.enterpriseName'), dataIndex: 'enterpriseName', ellipsis: true },
    {
      title: t('appeals.visits.reason'),
      dataIndex: 'sampleReason',
      width: 130,
      render: (reason: string) => (
        <Tag color={reason === 'random' ? 'default' : 'orange'}>
          {tx(`appeals.visits.reasons.${reason}`, { defaultValue: reason })}
        </Tag>
      ),
    },
    {
      title: t('appeals.visits.sampledAt'),
      dataIndex: 'sampledAt',
      width: 170,
      render: (at: string) => formatDateTime(at, language),
    },
    ...(status === 'pending'
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, visit: ReturnVisit) => (
              <Button
                type="primary"
                size="small"
                onClick={() => setRecording(visit)}
                aria-label={t('appeals.visits.recordNamed', { number: visit.appealNumber })}
              >
                {t('appeals.visits.record')}
              </Button>
            ),
          },
        ]
      : [
          {
            title: t('appeals.visits.result'),
            key: 'result',
            render: (_: unknown, visit: ReturnVisit) =>
              visit.status === 'unreachable' ? (
                t('appeals.visits.statuses.unreachable')
              ) : (
                <>
                  {visit.solved === null
                    ? '—'
                    : visit.solved
                      ? t('appeals.solvedYes')
                      : t('appeals.solvedNo')}
                  {visit.level ? ` · ${tx(`appeals.levels.${visit.level}`)}` : ''}
                </>
              ),
          },
          {
            title: t('appeals.visits.note'),
            dataIndex: 'note',
            ellipsis: true,
            render: (note: string | null) => note ?? '—',
          },
        ]),
  ]

  return (
    <>
      <PageHeader title={t('appeals.visits.title')} subtitle={t('appeals.visits.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={status}
          onChange={(key) => setParams({ status: key })}
          items={STATUSES.map((key) => ({ key, label: tx(`appeals.visits.statuses.${key}`) }))}
        />
        {visits.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(visits.error, t('errors.loadFailed'))}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<ReturnVisit>
          rowKey="id"
          columns={columns}
          dataSource={visits.data?.items ?? []}
          loading={visits.isLoading}
          size="middle"
          locale={{
            emptyText: (
              <EmptyList
                title={tx(`appeals.visits.empty.${status}.title`)}
                why={tx(`appeals.visits.empty.${status}.why`)}
              />
            ),
          }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
      {recording ? (
        <RecordVisitModal
          visit={recording}
          onClose={() => setRecording(undefined)}
          onDone={() => {
            setRecording(undefined)
            visits.reload()
            void message.success(t('appeals.visits.recorded'))
          }}
        />
      ) : null}
    </>
  )
}

type Values = { status: 'done' | 'unreachable'; solved?: 'yes' | 'no'; level?: number; note?: string }

function RecordVisitModal({
  visit,
  onClose,
  onDone,
}: {
  visit: ReturnVisit
  onClose: () => void
  onDone: () => void
}) {
  const { t, tx } = useAppealText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  // The enterprise had its share of contacts this week: the server says when a call is possible again.
  const [capReached, setCapReached] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const outcome = Form.useWatch('status', form)

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      const reached = values.status === 'done'
      await appealsApi.recordReturnVisit(visit.id, {
        status: values.status,
        solved: reached && values.solved ? values.solved === 'yes' : null,
        level: reached ? (values.level ?? null) : null,
        note: values.note?.trim() || null,
      })
      onDone()
    } catch (error) {
      if (isApiError(error, 'CONTACT_CAP_REACHED')) {
        setCapReached(error.message)
        return
      }
      setBanner(
        showApiErrorOnForm(
          form,
          error,
          ['status', 'solved', 'level', 'note'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('appeals.visits.recordTitle', { number: visit.appealNumber })}
      okText={t('appeals.visits.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      okButtonProps={{ disabled: !!capReached }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {visit.enterpriseName} ·{' '}
        {tx(`appeals.visits.reasons.${visit.sampleReason}`, { defaultValue: visit.sampleReason })}
      </Typography.Paragraph>
      {capReached ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('appeals.visits.capTitle')}
          description={
            <>
              <p style={{ margin: 0 }}>
                <strong>{capReached}</strong>
              </p>
              <p style={{ margin: '4px 0 0' }}>{t('appeals.visits.capHelp')}</p>
            </>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        name="return-visit"
        layout="vertical"
        initialValues={{ status: 'done' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="status"
          label={t('appeals.visits.outcome')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <Radio.Group
            options={[
              { value: 'done', label: t('appeals.visits.reached') },
              { value: 'unreachable', label: t('appeals.visits.statuses.unreachable') },
            ]}
          />
        </Form.Item>
        {outcome !== 'unreachable' ? (
          <>
            <Form.Item
              name="solved"
              label={t('appeals.rating.solved')}
              rules={[{ required: true, message: fieldMessage('fields.required') }]}
            >
              <Radio.Group
                options={[
                  { value: 'yes', label: t('appeals.solvedYes') },
                  { value: 'no', label: t('appeals.solvedNo') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="level"
              label={t('appeals.rating.level')}
              rules={[{ required: true, message: fieldMessage('fields.required') }]}
            >
              <Radio.Group
                options={RATING_LEVELS.map((level) => ({
                  value: level,
                  label: tx(`appeals.levels.${level}`),
                }))}
              />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label={t('appeals.visits.note')}>
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
