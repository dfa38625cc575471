import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { cityMinuteInstant, cityMinuteOf, formatDateTime } from '../../../ui/format'
import { IsoDateTimePicker } from '../../../ui/staff/IsoDatePicker'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { rectificationsApi, type Rectification } from '../rectifications.api'
import { fieldMessage } from '../../../ui/field-message'

type Tx = (key: string, params?: Record<string, unknown>) => string

/**
 * `/staff/rectifications/:id`: one rectification with every move the caller may make — the unit
 * uploads evidence and sends its measures (and may appeal the rating); the bureau's task force
 * records its contact with the rater and verifies or returns, tells the rater, closes. The rater's
 * name shows to the bureau, never to the unit while the case runs.
 */
export function RectificationPage() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as Tx
  const { id = '' } = useParams()
  const loaded = useLoad(() => rectificationsApi.get(id), [id, i18n.language])
  const r = loaded.data
  return (
    <>
      <PageHeader
        title={t('rectifications.title')}
        subtitle={<Link to="/staff/rectifications">{t('nav.staff.rectifications')}</Link>}
      />
      {loaded.error ? (
        <Alert type="error" showIcon title={errorMessage(loaded.error, t('errors.loadFailed'))} />
      ) : null}
      {r ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('rectifications.fields.case')}>
                {tx(`rectifications.subjects.${r.subjectType}`)} {r.subjectNumber ?? ''}{' '}
                {r.subjectTitle ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifications.fields.status')}>
                <Tag>{tx(`rectifications.states.${r.status}`)}</Tag>
                {r.returnedCount ? t('rectifications.fields.returned', { count: r.returnedCount }) : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifications.fields.department')}>
                {r.departmentName}
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifications.fields.dueAt')}>
                <Typography.Text type={r.overdue ? 'danger' : undefined}>
                  {formatDateTime(r.dueAt, i18n.language)} (
                  {t('rectifications.fields.deadline', { days: r.deadlineWorkingDays })})
                  {r.overdue ? ` · ${t('rectifications.overdue')}` : ''}
                  {r.late ? ` · ${t('rectifications.late')}` : ''}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifications.fields.rating')}>
                <Tag color="red">{tx(`rectifications.levels.${r.rating.level}`)}</Tag>
                {formatDateTime(r.rating.ratedAt, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifications.fields.rater')}>
                {r.rater
                  ? `${r.rater.name}${r.rater.phone ? ` · ${r.rater.phone}` : ''}`
                  : t('rectifications.fields.raterHidden')}
              </Descriptions.Item>
              <Descriptions.Item label={t('rectifications.fields.comment')} span={2}>
                {r.rating.comment ?? '—'}
              </Descriptions.Item>
              {r.measures ? (
                <Descriptions.Item label={t('rectifications.fields.measures')} span={2}>
                  {r.measures}
                </Descriptions.Item>
              ) : null}
              {r.contact ? (
                <Descriptions.Item label={t('rectifications.fields.contact')} span={2}>
                  {formatDateTime(r.contact.at, i18n.language)} ·{' '}
                  {tx(`rectifications.outcomes.${r.contact.outcome}`)}
                  {r.contact.note ? ` · ${r.contact.note}` : ''}
                </Descriptions.Item>
              ) : null}
              {r.feedbackNote ? (
                <Descriptions.Item label={t('rectifications.fields.feedback')} span={2}>
                  {formatDateTime(r.feedbackAt, i18n.language)} · {r.feedbackNote}
                </Descriptions.Item>
              ) : null}
              {r.finalLevel ? (
                <Descriptions.Item label={t('rectifications.fields.finalLevel')}>
                  {tx(`rectifications.levels.${r.finalLevel}`)}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('rectifications.fields.files')} span={2}>
                {r.files.length
                  ? r.files.map((f) => (
                      <div key={f.id}>
                        <a href={rectificationsApi.fileUrl(f.id)} target="_blank" rel="noreferrer">
                          {f.fileName}
                        </a>
                      </div>
                    ))
                  : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Actions rectification={r} onChanged={loaded.reload} />
          <Card title={t('rectifications.fields.timeline')}>
            <Timeline
              items={r.timeline.map((e) => ({
                key: e.id,
                children: (
                  <>
                    <div>
                      {formatDateTime(e.at, i18n.language)} · {tx(`rectifications.mine.steps.${e.type}`)}
                    </div>
                    {e.note ? <div className="s-note">{e.note}</div> : null}
                  </>
                ),
              }))}
            />
          </Card>
        </Space>
      ) : null}
    </>
  )
}

function Actions({ rectification: r, onChanged }: { rectification: Rectification; onChanged: () => void }) {
  const { t } = useTranslation()
  const tx = t as unknown as Tx
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm()
  const allowed = new Set(r.allowedActions)
  const run = async (work: () => Promise<unknown>) => {
    setBusy(true)
    try {
      await work()
      form.resetFields()
      void message.success(t('rectifications.done'))
      onChanged()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.loadFailed')))
    } finally {
      setBusy(false)
    }
  }
  const required = [
    { required: true, whitespace: true, message: fieldMessage('rectifications.form.required') },
  ]
  const valuesOf = () => form.validateFields()
  const contactOf = (v: { contactedAt: string; outcome: string; note?: string }) => ({
    // picked on the city's clock (the one the enterprise answered by), not the device's
    contactedAt: cityMinuteInstant(v.contactedAt).toISOString(),
    outcome: v.outcome,
    ...(v.note ? { note: v.note } : {}),
  })

  if (!allowed.size && !r.canAppealRating) return null
  return (
    <Card>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ contactedAt: cityMinuteOf(new Date()), outcome: 'confirmed' }}
      >
        {allowed.has('submit_evidence') ? (
          <>
            <Form.Item label={t('rectifications.actions.upload')}>
              <Upload
                accept="image/jpeg,image/png,image/webp,application/pdf"
                showUploadList={false}
                customRequest={({ file }) =>
                  void run(() => rectificationsApi.uploadEvidence(r.id, file as File))
                }
              >
                <Button disabled={busy}>{t('rectifications.actions.upload')}</Button>
              </Upload>
            </Form.Item>
            <Form.Item name="measures" label={t('rectifications.form.measures')} rules={required}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                void valuesOf().then((v) =>
                  run(() =>
                    rectificationsApi.move(r.id, 'submit-evidence', {
                      measures: v.measures,
                      version: r.version,
                    }),
                  ),
                )
              }
            >
              {t('rectifications.actions.submit')}
            </Button>
          </>
        ) : null}
        {allowed.has('verify') ? (
          <>
            <Form.Item name="contactedAt" label={t('rectifications.form.contactedAt')} rules={required}>
              <IsoDateTimePicker />
            </Form.Item>
            <Form.Item name="outcome" label={t('rectifications.form.outcome')} rules={required}>
              <Select
                options={(['confirmed', 'not_confirmed', 'unreachable'] as const).map((o) => ({
                  value: o,
                  label: tx(`rectifications.outcomes.${o}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="note" label={t('rectifications.form.note')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item name="reason" label={t('rectifications.form.reason')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Space wrap>
              <Button
                type="primary"
                loading={busy}
                onClick={() =>
                  void valuesOf().then((v) =>
                    run(() =>
                      rectificationsApi.move(r.id, 'verify', { ...contactOf(v), version: r.version }),
                    ),
                  )
                }
              >
                {t('rectifications.actions.verify')}
              </Button>
              <Button
                danger
                loading={busy}
                onClick={() =>
                  void valuesOf().then((v) =>
                    run(() =>
                      rectificationsApi.move(r.id, 'return', {
                        reason: v.reason || tx(`rectifications.outcomes.${v.outcome}`),
                        contact: contactOf(v),
                        version: r.version,
                      }),
                    ),
                  )
                }
              >
                {t('rectifications.actions.return')}
              </Button>
            </Space>
          </>
        ) : null}
        {allowed.has('give_feedback') ? (
          <>
            <Form.Item name="feedback" label={t('rectifications.form.feedback')} rules={required}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                void valuesOf().then((v) =>
                  run(() =>
                    rectificationsApi.move(r.id, 'feedback', { note: v.feedback, version: r.version }),
                  ),
                )
              }
            >
              {t('rectifications.actions.feedback')}
            </Button>
          </>
        ) : null}
        {allowed.has('close') ? (
          <Button
            loading={busy}
            onClick={() => void run(() => rectificationsApi.move(r.id, 'close', { version: r.version }))}
          >
            {t('rectifications.actions.close')}
          </Button>
        ) : null}
        {r.canAppealRating ? <AppealRating rectification={r} onFiled={onChanged} /> : null}
      </Form>
    </Card>
  )
}

/** The unit contests the rating: its kind (mistaken, malicious) and reason; evidence on the appeal's page. */
function AppealRating({ rectification: r, onFiled }: { rectification: Rectification; onFiled: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [reasonClass, setReasonClass] = useState<'mistaken' | 'malicious'>('mistaken')
  const [reason, setReason] = useState('')
  if (!open)
    return (
      <div style={{ marginTop: 16 }}>
        <Button onClick={() => setOpen(true)}>{t('rectifications.actions.appeal')}</Button>
      </div>
    )
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
      <Select
        aria-label={t('rectifications.form.reasonClass')}
        value={reasonClass}
        onChange={setReasonClass}
        options={(['mistaken', 'malicious'] as const).map((c) => ({
          value: c,
          label: t(`rectifications.reasonClasses.${c}`),
        }))}
        style={{ width: 200 }}
      />
      <Input.TextArea
        aria-label={t('rectifications.form.appealReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        maxLength={2000}
      />
      <Button
        type="primary"
        disabled={!reason.trim()}
        onClick={() =>
          void rectificationsApi
            .fileAppeal({ ratingId: r.ratingId, reasonClass, reason })
            .then(() => {
              void message.success(t('rectifications.appeals.filed'))
              setOpen(false)
              onFiled()
            })
            .catch((error: unknown) => void message.error(errorMessage(error, t('errors.loadFailed'))))
        }
      >
        {t('rectifications.actions.appeal')}
      </Button>
    </Space>
  )
}
