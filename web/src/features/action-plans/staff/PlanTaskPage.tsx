import { UploadOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
  type UploadFile,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { formatDateTime, formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { actionPlansApi, PLAN_TASK_STATUS_COLORS } from '../action-plans.api'
import { fieldMessage } from '../../../ui/field-message'

type ReportValues = { percent: number; text: string }
type CompleteValues = { text: string }
type ReviewValues = { note?: string }

/**
 * `/staff/action-plan/:id`: one plan task. Its owner unit reports progress (percent, what was done,
 * evidence) or reports it done with evidence; the bureau accepts the evidence or returns it with a
 * note. Reports, evidence and the timeline below.
 */
export function PlanTaskPage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string) => string
  const { id = '' } = useParams()
  const { message, modal } = App.useApp()
  const task = useLoad(() => actionPlansApi.task(id), [id, i18n.language])
  const data = task.data
  const [banner, setBanner] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [files, setFiles] = useState<UploadFile[]>([])
  const [reportForm] = Form.useForm<ReportValues>()
  const [completeForm] = Form.useForm<CompleteValues>()
  const [reviewForm] = Form.useForm<ReviewValues>()
  const canReport = !!data?.actions.includes('report')
  const canReview = !!data?.actions.includes('accept')
  const evidenceIds = files.filter((f) => f.status === 'done').map((f) => (f.response as { id: string }).id)

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBanner(undefined)
    setBusy(true)
    try {
      await work()
      void message.success(done)
      setFiles([])
      reportForm.resetFields()
      completeForm.resetFields()
      reviewForm.resetFields()
      task.reload()
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        modal.warning({ title: t('common.versionConflictTitle'), content: error.message, onOk: task.reload })
        return
      }
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }

  const report = async () => {
    const v = await reportForm.validateFields().catch(() => undefined)
    if (!v) return
    await act(
      () =>
        actionPlansApi.report(id, {
          version: data!.version,
          percent: v.percent,
          text: v.text.trim(),
          evidenceIds,
        }),
      t('actionPlans.report.done'),
    )
  }
  const complete = async () => {
    const v = await completeForm.validateFields().catch(() => undefined)
    if (!v) return
    if (!evidenceIds.length) {
      setBanner(t('actionPlans.complete.evidenceRequired'))
      return
    }
    await act(
      () => actionPlansApi.submit(id, { version: data!.version, text: v.text.trim(), evidenceIds }),
      t('actionPlans.complete.done'),
    )
  }
  const accept = async () => {
    const note = reviewForm.getFieldValue('note') as string | undefined
    await act(
      () =>
        actionPlansApi.accept(id, { version: data!.version, ...(note?.trim() ? { note: note.trim() } : {}) }),
      t('actionPlans.review.accepted'),
    )
  }
  const returnIt = async () => {
    const note = (reviewForm.getFieldValue('note') as string | undefined)?.trim()
    if (!note) {
      setBanner(t('actionPlans.review.noteRequired'))
      return
    }
    await act(
      () => actionPlansApi.return(id, { version: data!.version, note }),
      t('actionPlans.review.returned'),
    )
  }

  if (task.error)
    return <Alert type="error" showIcon title={errorMessage(task.error, t('errors.loadFailed'))} />
  if (!data) return <Card loading />
  const fileName = (fileId: string) => data.files.find((f) => f.id === fileId)?.fileName ?? fileId

  return (
    <>
      <PageHeader
        title={data.title}
        subtitle={<Link to="/staff/action-plan">{t('actionPlans.title')}</Link>}
        extra={
          <Tag color={PLAN_TASK_STATUS_COLORS[data.status]}>{t(`actionPlans.statuses.${data.status}`)}</Tag>
        }
      />
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      {data.status === 'returned' && data.reviewNote ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${t('actionPlans.fields.reviewNote')}：${data.reviewNote}`}
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('actionPlans.fields.area')}>{data.areaName}</Descriptions.Item>
          <Descriptions.Item label={t('actionPlans.fields.owner')}>
            {data.ownerDepartmentName}
          </Descriptions.Item>
          <Descriptions.Item label={t('actionPlans.fields.deadline')}>
            {formatIsoDate(data.deadline)}
            {data.overdue ? (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t('actionPlans.overdue')}
              </Tag>
            ) : null}
            {data.escalated ? <Tag color="red">{t('actionPlans.escalated')}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('actionPlans.fields.progress')}>
            <Progress
              percent={data.progress}
              size="small"
              style={{ minWidth: 160 }}
              aria-label={t('actionPlans.fields.progress')}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('actionPlans.fields.expectedOutput')} span={2}>
            {data.expectedOutput}
          </Descriptions.Item>
          {data.description ? (
            <Descriptions.Item label={t('actionPlans.fields.description')} span={2}>
              {data.description}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      {canReport ? (
        <Card title={t('actionPlans.fields.evidence')} style={{ marginBottom: 16 }}>
          <Upload
            accept="image/jpeg,image/png,image/webp,application/pdf"
            fileList={files}
            customRequest={({ file, onSuccess, onError }) => {
              actionPlansApi
                .upload(id, file as File)
                .then((stored) => onSuccess?.(stored))
                .catch((error: unknown) => onError?.(new Error(errorMessage(error, t('errors.generic')))))
            }}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>{t('actionPlans.evidence.upload')}</Button>
          </Upload>
          <Space align="start" wrap style={{ marginTop: 16, width: '100%' }} size={24}>
            <Form
              form={reportForm}
              name="report"
              layout="vertical"
              style={{ minWidth: 320 }}
              aria-label={t('actionPlans.report.title')}
            >
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('actionPlans.report.title')}
              </Typography.Title>
              <Form.Item
                name="percent"
                label={t('actionPlans.fields.percent')}
                rules={[{ required: true, message: fieldMessage('fields.required') }]}
              >
                <InputNumber min={0} max={99} precision={0} />
              </Form.Item>
              <Form.Item
                name="text"
                label={t('actionPlans.fields.text')}
                rules={[
                  { required: true, whitespace: true, min: 2, message: fieldMessage('fields.required') },
                ]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Button onClick={() => void report()} loading={busy}>
                {t('actionPlans.report.submit')}
              </Button>
            </Form>
            <Form
              form={completeForm}
              name="complete"
              layout="vertical"
              style={{ minWidth: 320 }}
              aria-label={t('actionPlans.complete.title')}
            >
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('actionPlans.complete.title')}
              </Typography.Title>
              <Form.Item
                name="text"
                label={t('actionPlans.fields.completionText')}
                rules={[
                  { required: true, whitespace: true, min: 2, message: fieldMessage('fields.required') },
                ]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Button type="primary" onClick={() => void complete()} loading={busy}>
                {t('actionPlans.complete.submit')}
              </Button>
            </Form>
          </Space>
        </Card>
      ) : null}

      {canReview ? (
        <Card title={t('actionPlans.review.title')} style={{ marginBottom: 16 }}>
          <Form form={reviewForm} name="review" layout="vertical">
            <Form.Item name="note" label={t('actionPlans.fields.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Space>
              <Button type="primary" onClick={() => void accept()} loading={busy}>
                {t('actionPlans.review.accept')}
              </Button>
              <Button danger onClick={() => void returnIt()} loading={busy}>
                {t('actionPlans.review.return')}
              </Button>
            </Space>
          </Form>
        </Card>
      ) : null}

      <Card title={t('actionPlans.reports.title')} style={{ marginBottom: 16 }}>
        <List
          dataSource={[...data.reports].reverse()}
          locale={{ emptyText: t('actionPlans.reports.none') }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Tag color={r.kind === 'completion' ? 'green' : 'blue'}>
                      {t(`actionPlans.reports.${r.kind}`)}
                    </Tag>
                    <span>{r.percent}%</span>
                    <Typography.Text type="secondary">
                      {r.reportedByName} · {formatDateTime(r.reportedAt, i18n.language)}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
                    {r.evidenceIds.length ? (
                      <Space wrap style={{ marginTop: 4 }}>
                        {r.evidenceIds.map((fileId) => (
                          <a
                            key={fileId}
                            href={actionPlansApi.fileUrl(fileId)}
                            target="_blank"
                            rel="noreferrer"
                          >
                            {fileName(fileId)}
                          </a>
                        ))}
                      </Space>
                    ) : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>

      <Card title={t('actionPlans.events')}>
        <Timeline
          items={data.events.map((e) => ({
            content: (
              <>
                <div>
                  {tx(`actionPlans.eventTypes.${e.type}`)}
                  {e.actorName ? ` · ${e.actorName}` : ''} · {formatDateTime(e.at, i18n.language)}
                </div>
                {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
              </>
            ),
          }))}
        />
      </Card>
    </>
  )
}
