import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { cityToday, formatDateTime, formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { ANSWER_STATUS_COLORS, selfInspectionsApi, type SelfInspectionAnswer } from '../self-inspections.api'
import { EvidenceUpload } from './EvidenceUpload'
import { RectificationsTable } from './RectificationsTable'
import { fieldMessage } from '../../../ui/field-message'

type Item = SelfInspectionAnswer['items'][number]
type ItemValues = {
  finding?: 'no_problem' | 'problem'
  description?: string
  evidenceIds: string[]
  measure?: string
  owner?: string
  dueDate?: Dayjs | null
}
type Values = { items: Record<string, ItemValues> }
type ReviewValues = { note: string; itemNotes: Record<string, string | undefined> }

function initialValues(answer: SelfInspectionAnswer): Values {
  const items: Record<string, ItemValues> = {}
  for (const item of answer.items) {
    const a = item.answer
    items[item.id] = {
      finding: a?.finding,
      description: a?.description ?? '',
      evidenceIds: a?.evidenceIds ?? [],
      measure: a?.plan?.measure,
      owner: a?.plan?.owner,
      dueDate: a?.plan ? dayjs(a.plan.dueDate) : null,
    }
  }
  return { items }
}

/**
 * `/staff/self-inspection-answers/:id`: one department's copy of a task. The department answers each
 * checklist item (finding, description, evidence, a plan for each problem), saves a draft and — the
 * head — submits; the bureau reads it and returns it with notes (per item) or accepts it. Accepted
 * problems are tracked below as rectifications.
 */
export function SelfInspectionAnswerPage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const { message, modal } = App.useApp()
  const answer = useLoad(() => selfInspectionsApi.answer(id), [id, i18n.language])
  const data = answer.data
  const [form] = Form.useForm<Values>()
  const [review] = Form.useForm<ReviewValues>()
  const [banner, setBanner] = useState<string>()
  const [busy, setBusy] = useState(false)
  const canEdit = !!data?.actions.includes('save')
  // The head may submit whenever the copy is editable: the submit saves first (a copy not started becomes a draft).
  const canSubmit = canEdit && !!data?.viewerRoles.includes('head')
  const canReview = !!data?.actions.includes('accept')
  const today = cityToday()

  useEffect(() => {
    if (data) form.setFieldsValue(initialValues(data))
  }, [data, form])

  const findingsOf = (values: Values) =>
    Object.entries(values.items ?? {})
      .filter(([, v]) => v.finding)
      .map(([itemId, v]) => ({
        itemId,
        finding: v.finding!,
        description: (v.description ?? '').trim(),
        evidenceIds: v.evidenceIds ?? [],
        plan:
          v.finding === 'problem' && v.measure?.trim() && v.owner?.trim() && v.dueDate
            ? { measure: v.measure.trim(), owner: v.owner.trim(), dueDate: v.dueDate.format('YYYY-MM-DD') }
            : null,
      }))

  const act = async (work: () => Promise<unknown>, done: string) => {
    setBanner(undefined)
    setBusy(true)
    try {
      await work()
      void message.success(done)
      answer.reload()
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        modal.warning({
          title: t('common.versionConflictTitle'),
          content: error.message,
          onOk: answer.reload,
        })
        return
      }
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }

  const saveDraft = () =>
    act(async () => {
      await selfInspectionsApi.save(id, {
        version: data!.version,
        findings: findingsOf(form.getFieldsValue(true)),
      })
    }, t('selfInspections.draftSaved'))

  const submit = async () => {
    try {
      await form.validateFields()
    } catch {
      setBanner(t('selfInspections.completeFirst'))
      return
    }
    await act(async () => {
      const saved = await selfInspectionsApi.save(id, {
        version: data!.version,
        findings: findingsOf(form.getFieldsValue(true)),
      })
      await selfInspectionsApi.submit(id, saved.version)
    }, t('selfInspections.submitted'))
  }

  const returnIt = async () => {
    const v = await review.validateFields().catch(() => undefined)
    if (!v) return
    const itemNotes = Object.entries(v.itemNotes ?? {})
      .filter(([, note]) => note?.trim())
      .map(([itemId, note]) => ({ itemId, note: note!.trim() }))
    await act(
      () => selfInspectionsApi.return(id, { version: data!.version, note: v.note.trim(), itemNotes }),
      t('selfInspections.returnedDone'),
    )
  }

  const renderItem = (item: Item) => {
    const a = item.answer
    return (
      <Card key={item.id} size="small" style={{ marginBottom: 12 }} title={`${item.position}. ${item.text}`}>
        {item.guidance ? <Typography.Paragraph type="secondary">{item.guidance}</Typography.Paragraph> : null}
        {a?.returnNote ? (
          <Alert
            type="warning"
            showIcon
            title={t('selfInspections.itemReturnNote', { note: a.returnNote })}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        {canEdit ? (
          <>
            <Form.Item
              name={['items', item.id, 'finding']}
              label={t('selfInspections.fields.finding')}
              rules={[{ required: true, message: fieldMessage('fields.required') }]}
            >
              <Radio.Group
                options={[
                  { value: 'no_problem', label: t('selfInspections.findings.no_problem') },
                  { value: 'problem', label: t('selfInspections.findings.problem') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name={['items', item.id, 'description']}
              label={t('selfInspections.fields.description')}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name={['items', item.id, 'evidenceIds']}
              label={t('selfInspections.fields.evidence')}
              valuePropName="value"
            >
              <EvidenceField answerId={id} known={data!.files} />
            </Form.Item>
            <Form.Item noStyle dependencies={[['items', item.id, 'finding']]}>
              {({ getFieldValue }) =>
                getFieldValue(['items', item.id, 'finding']) === 'problem' ? (
                  <div className="si-plan">
                    <Typography.Text strong>{t('selfInspections.fields.plan')}</Typography.Text>
                    <Form.Item
                      name={['items', item.id, 'measure']}
                      label={t('selfInspections.fields.measure')}
                      rules={[{ required: true, whitespace: true, message: fieldMessage('fields.required') }]}
                    >
                      <Input.TextArea rows={2} maxLength={1000} />
                    </Form.Item>
                    <Space wrap>
                      <Form.Item
                        name={['items', item.id, 'owner']}
                        label={t('selfInspections.fields.owner')}
                        rules={[
                          { required: true, whitespace: true, message: fieldMessage('fields.required') },
                        ]}
                      >
                        <Input maxLength={100} placeholder={t('selfInspections.placeholders.owner')} />
                      </Form.Item>
                      <Form.Item
                        name={['items', item.id, 'dueDate']}
                        label={t('selfInspections.fields.dueDate')}
                        rules={[{ required: true, message: fieldMessage('fields.required') }]}
                      >
                        <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
                      </Form.Item>
                    </Space>
                  </div>
                ) : null
              }
            </Form.Item>
          </>
        ) : (
          <>
            {a ? (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('selfInspections.fields.finding')}>
                  <Tag color={a.finding === 'problem' ? 'orange' : 'green'}>
                    {t(`selfInspections.findings.${a.finding}`)}
                  </Tag>
                </Descriptions.Item>
                {a.description ? (
                  <Descriptions.Item label={t('selfInspections.fields.description')}>
                    {a.description}
                  </Descriptions.Item>
                ) : null}
                {a.evidenceIds.length ? (
                  <Descriptions.Item label={t('selfInspections.fields.evidence')}>
                    <Space wrap>
                      {a.evidenceIds.map((fid) => (
                        <a key={fid} href={selfInspectionsApi.fileUrl(fid)} target="_blank" rel="noreferrer">
                          {data!.files.find((f) => f.id === fid)?.fileName ?? fid}
                        </a>
                      ))}
                    </Space>
                  </Descriptions.Item>
                ) : null}
                {a.plan ? (
                  <Descriptions.Item label={t('selfInspections.fields.plan')}>
                    {a.plan.measure} · {a.plan.owner} · {formatIsoDate(a.plan.dueDate)}
                  </Descriptions.Item>
                ) : null}
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('selfInspections.notAnswered')}</Typography.Text>
            )}
            {canReview ? (
              <Form.Item
                name={['itemNotes', item.id]}
                label={t('selfInspections.fields.itemNote')}
                style={{ marginTop: 8, marginBottom: 0 }}
              >
                <Input maxLength={1000} />
              </Form.Item>
            ) : null}
          </>
        )}
      </Card>
    )
  }

  return (
    <>
      <PageHeader
        title={data ? data.title : t('selfInspections.title')}
        subtitle={
          data
            ? `${data.departmentName} · ${t('selfInspections.dueOn', { date: formatIsoDate(data.deadline) })}`
            : undefined
        }
        extra={
          data ? (
            <Space>
              <Tag color={ANSWER_STATUS_COLORS[data.status]}>
                {t(`selfInspections.statuses.${data.status}`)}
              </Tag>
              {data.overdue ? <Tag color="red">{t('selfInspections.overdue')}</Tag> : null}
            </Space>
          ) : null
        }
      />
      {answer.error ? (
        <Alert type="error" showIcon title={errorMessage(answer.error, t('errors.loadFailed'))} />
      ) : null}
      {banner ? (
        <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} />
      ) : null}
      {data ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('selfInspections.fields.scope')}>{data.scope}</Descriptions.Item>
              <Descriptions.Item label={t('selfInspections.fields.basis')}>{data.basis}</Descriptions.Item>
            </Descriptions>
            {data.reviewNote && data.status === 'returned' ? (
              <Alert
                type="warning"
                showIcon
                title={t('selfInspections.returnedWith', { note: data.reviewNote })}
                style={{ marginTop: 12 }}
              />
            ) : null}
          </Card>
          {canEdit ? (
            <Form<Values> form={form} layout="vertical" name="self-inspection-answer">
              {data.items.map(renderItem)}
              <Space wrap style={{ marginBottom: 16 }}>
                <Button loading={busy} onClick={() => void saveDraft()}>
                  {t('selfInspections.saveDraft')}
                </Button>
                {canSubmit ? (
                  <Button type="primary" loading={busy} onClick={() => void submit()}>
                    {t('selfInspections.submit')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">{t('selfInspections.headSubmits')}</Typography.Text>
                )}
              </Space>
            </Form>
          ) : (
            <Form<ReviewValues> form={review} layout="vertical" name="self-inspection-review">
              {data.items.map(renderItem)}
              {canReview ? (
                <Card title={t('selfInspections.reviewTitle')} style={{ marginBottom: 16 }}>
                  <Form.Item
                    name="note"
                    label={t('selfInspections.fields.reviewNote')}
                    extra={t('selfInspections.reviewNoteHelp')}
                  >
                    <Input.TextArea rows={3} maxLength={2000} />
                  </Form.Item>
                  <Space wrap>
                    <Button
                      type="primary"
                      loading={busy}
                      onClick={() =>
                        void act(
                          () => selfInspectionsApi.accept(id, data.version),
                          t('selfInspections.acceptedDone'),
                        )
                      }
                    >
                      {t('selfInspections.accept')}
                    </Button>
                    <Button
                      danger
                      loading={busy}
                      onClick={() => {
                        const note = review.getFieldValue('note') as string | undefined
                        if (!note || note.trim().length < 2) {
                          review.setFields([
                            { name: 'note', errors: [t('selfInspections.validation.returnNote')] },
                          ])
                          return
                        }
                        void returnIt()
                      }}
                    >
                      {t('selfInspections.return')}
                    </Button>
                  </Space>
                </Card>
              ) : null}
            </Form>
          )}
          {data.rectifications.length ? (
            <Card title={t('selfInspections.tabs.rectifications')} style={{ marginBottom: 16 }}>
              <RectificationsTable
                rows={data.rectifications}
                as={data.viewerRoles.includes('bureau') ? 'bureau' : 'department'}
                onChanged={answer.reload}
              />
            </Card>
          ) : null}
          <Card title={t('selfInspections.timeline')}>
            <Timeline
              items={data.events.map((e) => ({
                children: (
                  <>
                    <div>
                      {t(`selfInspections.events.${e.type.replace('.', '_')}`, { defaultValue: e.type })}
                      {e.actorName ? ` · ${e.actorName}` : ''}
                    </div>
                    <div className="s-small">{formatDateTime(e.at, i18n.language)}</div>
                    {e.note ? <div className="s-note">{e.note}</div> : null}
                  </>
                ),
              }))}
            />
          </Card>
        </>
      ) : null}
    </>
  )
}

/** The evidence upload as a form control (value: the file ids). */
function EvidenceField({
  answerId,
  known,
  value,
  onChange,
}: {
  answerId: string
  known: SelfInspectionAnswer['files']
  value?: string[]
  onChange?: (ids: string[]) => void
}) {
  return (
    <EvidenceUpload
      answerId={answerId}
      known={known}
      value={value ?? []}
      onChange={(ids) => onChange?.(ids)}
    />
  )
}
