import {
  Alert,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { formatDateTime } from '../../../ui/format'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { useLoad } from '../../../ui/use-load'
import { topicOptions } from '../policy-labels'
import { policiesApi, type Need, type NeedStatus, type NeedsSummary, type PolicyTopic } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { fieldMessage } from '../../../ui/field-message'

const PAGE_SIZE = 20
const STATUSES: NeedStatus[] = ['open', 'answered', 'closed']
const STATUS_COLORS: Record<NeedStatus, string> = { open: 'orange', answered: 'green', closed: 'default' }

/** Every need, newest first, filtered by topic, district and status; the bureau answers from here. */
export function NeedsTable({
  summary,
  onAnswered,
}: {
  summary: NeedsSummary | undefined
  onAnswered: () => void
}) {
  const { t, tx, topic: topicName, language } = usePolicyText()
  const { me } = useSession()
  const canAnswer = hasStaffRole(me, 'bureau_leader', 'dispatcher')
  const [filter, setFilter] = useState<{
    topic?: PolicyTopic
    divisionCode?: string
    status?: NeedStatus
    page: number
  }>({
    status: 'open',
    page: 1,
  })
  const [answering, setAnswering] = useState<Need>()
  const list = useLoad(
    () =>
      policiesApi.needs({
        topic: filter.topic,
        divisionCode: filter.divisionCode,
        status: filter.status,
        limit: PAGE_SIZE,
        offset: (filter.page - 1) * PAGE_SIZE,
      }),
    [filter],
  )
  const divisions = new Map(
    (summary?.byDivision ?? []).map((d) => [d.divisionCode, d.divisionName ?? d.divisionCode]),
  )

  return (
    <Card title={<h2 className="s-card-title">{t('policies.staff.needs.list')}</h2>}>
      <Space wrap size={12} className="s-toolbar">
        <Select<PolicyTopic>
          allowClear
          style={{ width: 200 }}
          placeholder={t('policies.staff.list.allTopics')}
          aria-label={t('policies.needs.topic')}
          value={filter.topic}
          onChange={(topic) => setFilter((f) => ({ ...f, topic, page: 1 }))}
          options={topicOptions(language)}
        />
        <Select<string>
          allowClear
          style={{ width: 180 }}
          placeholder={t('policies.staff.needs.allDivisions')}
          aria-label={t('policies.staff.needs.division')}
          value={filter.divisionCode}
          onChange={(divisionCode) => setFilter((f) => ({ ...f, divisionCode, page: 1 }))}
          options={[...divisions].map(([value, label]) => ({ value, label }))}
        />
        <Select<NeedStatus>
          allowClear
          style={{ width: 160 }}
          placeholder={t('policies.staff.needs.allStatuses')}
          aria-label={t('policies.staff.fields.status')}
          value={filter.status}
          onChange={(status) => setFilter((f) => ({ ...f, status, page: 1 }))}
          options={STATUSES.map((s) => ({ value: s, label: tx(`policies.needStatus.${s}`) }))}
        />
      </Space>
      {list.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(list.error, t('errors.loadFailed'))}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<Need>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <EmptyText>{t('policies.staff.needs.noneMatch')}</EmptyText> }}
        pagination={{
          current: filter.page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: (page) => setFilter((f) => ({ ...f, page })),
        }}
        columns={[
          {
            title: t('policies.staff.needs.statedAt'),
            dataIndex: 'createdAt',
            width: 160,
            render: (v: string) => formatDateTime(v, language),
          },
          {
            title: t('policies.staff.needs.enterprise'),
            key: 'enterprise',
            width: 220,
            render: (_: unknown, n) => (
              <>
                {n.enterpriseName}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {divisions.get(n.divisionCode) ?? n.divisionCode}
                </Typography.Text>
              </>
            ),
          },
          {
            title: t('policies.needs.topic'),
            dataIndex: 'topic',
            width: 140,
            render: (v: string) => topicName(v),
          },
          {
            title: t('policies.staff.needs.text'),
            key: 'text',
            render: (_: unknown, n) => (
              <>
                <span className="s-prewrap">{n.text}</span>
                {n.answer ? (
                  <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                    {t('policies.needs.answer')}
                    {t('appeals.import.fieldSeparator')}
                    {n.answer}
                  </Typography.Paragraph>
                ) : null}
              </>
            ),
          },
          {
            title: t('policies.staff.fields.status'),
            dataIndex: 'status',
            width: 100,
            render: (v: NeedStatus) => <Tag color={STATUS_COLORS[v]}>{tx(`policies.needStatus.${v}`)}</Tag>,
          },
          ...(canAnswer
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, n: Need) =>
                    n.status === 'closed' ? null : (
                      <Button size="small" onClick={() => setAnswering(n)}>
                        {n.answer ? t('policies.staff.needs.answerAgain') : t('policies.staff.needs.answer')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {answering ? (
        <AnswerModal
          need={answering}
          onClose={() => setAnswering(undefined)}
          onAnswered={() => {
            setAnswering(undefined)
            list.reload()
            onAnswered()
          }}
        />
      ) : null}
    </Card>
  )
}

function AnswerModal({
  need,
  onClose,
  onAnswered,
}: {
  need: Need
  onClose: () => void
  onAnswered: () => void
}) {
  const { t, topic } = usePolicyText()
  const [form] = Form.useForm<{ answer: string; close: boolean }>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const submit = async (values: { answer: string; close: boolean }) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await policiesApi.answerNeed(need.id, { answer: values.answer.trim(), close: values.close })
      onAnswered()
    } catch (error) {
      setBanner(
        showApiErrorOnForm(form, error, ['answer', 'close'], errorMessage(error, t('errors.generic'))),
      )
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      open
      title={t('policies.staff.needs.answerTitle', { enterprise: need.enterpriseName })}
      okText={t('policies.staff.needs.send')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving }}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">
        {topic(need.topic)}
        {t('appeals.import.fieldSeparator')}
        {need.text}
      </Typography.Paragraph>
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="need-answer"
        initialValues={{ answer: need.answer ?? '', close: false }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="answer"
          label={t('policies.needs.answer')}
          rules={[{ required: true, whitespace: true, min: 2, message: fieldMessage('fields.required') }]}
          extra={t('policies.staff.needs.answerHint')}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="close" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('policies.staff.needs.closeToo')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  )
}
