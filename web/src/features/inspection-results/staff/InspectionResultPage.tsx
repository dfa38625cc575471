import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { formatDateTime, formatIsoDate } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import {
  inspectionResultsApi,
  type LeniencyLookupEntry,
  type RecordResultBody,
  type StaffResult,
} from '../inspection-results.api'

type Decision = 'leniency' | 'not_applied' | 'penalty'
type ProblemValues = {
  description?: string
  provision?: string
  decision?: Decision
  leniencyEntryId?: string
  confirmedConditions?: string[]
  reason?: string
  penalty?: string
  correction?: string
  correctionWorkingDays?: number
}
type Values = {
  outcome: 'no_problem' | 'problem_found'
  summary?: string
  internalNote?: string
  problems?: ProblemValues[]
}

const DECISION_COLORS: Record<Decision, string> = { leniency: 'green', not_applied: 'orange', penalty: 'red' }

/**
 * `/staff/inspection-results/:id`: the result of one inspection. An inspector on it records the
 * outcome and, for each problem found, looks the no-penalty lists up (with any earlier offence of the
 * kind), confirms each condition of the entry applied — or gives the reason it does not apply, or the
 * penalty — and sets the correction and its deadline in working days; afterwards the page shows the
 * result and lets an inspector or the body's head plan the re-check early.
 */
export function InspectionResultPage() {
  const { t, i18n } = useTranslation()
  const { id = '' } = useParams()
  const { message } = App.useApp()
  const loaded = useLoad(() => inspectionResultsApi.result(id), [id, i18n.language])
  const data = loaded.data
  const canRecord = !!data?.actions.includes('record_result')
  const lookup = useLoad(
    () => inspectionResultsApi.lookup({ inspectionId: id }),
    [id, i18n.language],
    canRecord,
  )
  const entries = lookup.data?.entries ?? []
  const [form] = Form.useForm<Values>()
  const outcome = Form.useWatch('outcome', form)
  const problems = Form.useWatch('problems', form) ?? []
  const [banner, setBanner] = useState<string>()
  const [busy, setBusy] = useState(false)

  const act = async (work: () => Promise<StaffResult>, done: string) => {
    setBanner(undefined)
    setBusy(true)
    try {
      loaded.setData(await work())
      void message.success(done)
    } catch (error) {
      if (isApiError(error)) {
        // The server names each field it refuses ('problems.0.reason'): show it under that field.
        const fields = Object.entries(error.fields).map(([name, errors]) => ({
          name: name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          errors: [errors],
        }))
        if (fields.length) form.setFields(fields as never)
      }
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }

  const submit = async (values: Values) => {
    const body: RecordResultBody = {
      version: data!.inspection.version,
      outcome: values.outcome,
      summary: values.summary ?? '',
      internalNote: values.internalNote ?? '',
      problems:
        values.outcome === 'problem_found'
          ? (values.problems ?? []).map((p) => ({
              description: p.description ?? '',
              provision: p.provision ?? '',
              decision: p.decision ?? 'leniency',
              leniencyEntryId: p.leniencyEntryId || undefined,
              confirmedConditions: (p.decision === 'leniency' ? (p.confirmedConditions ?? []) : []) as never,
              reason: p.decision === 'leniency' ? undefined : p.reason || undefined,
              penalty: p.decision === 'penalty' ? p.penalty || undefined : undefined,
              correction: p.correction ?? '',
              correctionWorkingDays: p.correctionWorkingDays ?? 5,
            }))
          : [],
    }
    await act(() => inspectionResultsApi.record(id, body), t('inspectionResults.recorded'))
  }

  const entryOf = (entryId?: string): LeniencyLookupEntry | undefined => entries.find((e) => e.id === entryId)
  const head = data?.inspection

  return (
    <>
      <PageHeader title={t('inspectionResults.resultTitle', { number: head?.number ?? '' })} />
      {loaded.error ? (
        <Alert type="error" showIcon title={errorMessage(loaded.error, t('errors.loadFailed'))} />
      ) : null}
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      {head ? (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('inspectionResults.fields.enterprise')}>
              {head.enterpriseName}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspectionResults.fields.body')}>
              {head.departmentName}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspectionResults.fields.plannedOn')}>
              {formatIsoDate(head.plannedOn)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspectionResults.fields.status')}>
              <Tag>{t(`inspectionResults.statuses.${head.status}`, head.status)}</Tag>
              {head.kind === 'recheck' ? <Tag>{t('inspectionResults.recheck')}</Tag> : null}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}

      {data?.result ? (
        <Card title={t('inspectionResults.resultCard')} style={{ marginBottom: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('inspectionResults.fields.outcome')}>
              {t(`inspectionResults.outcomes.${data.result.outcome}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspectionResults.fields.summary')}>
              {data.result.summary || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspectionResults.fields.internalNote')}>
              {data.result.internalNote || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspectionResults.fields.recordedAt')}>
              {formatDateTime(data.result.recordedAt, i18n.language)}
            </Descriptions.Item>
            {data.result.recheckDueAt ? (
              <Descriptions.Item label={t('inspectionResults.fields.recheck')}>
                {data.result.recheckPlannedAt
                  ? t('inspectionResults.recheckPlanned', {
                      at: formatDateTime(data.result.recheckPlannedAt, i18n.language),
                    })
                  : t('inspectionResults.recheckDue', {
                      at: formatDateTime(data.result.recheckDueAt, i18n.language),
                    })}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {data.result.problems.map((p) => (
            <Card key={p.id} size="small" style={{ marginTop: 12 }} title={`${p.position}. ${p.description}`}>
              <Space wrap style={{ marginBottom: 8 }}>
                <Tag color={DECISION_COLORS[p.decision]}>
                  {t(`inspectionResults.decisions.${p.decision}`)}
                </Tag>
                <Tag>{t(`inspectionResults.corrections.${p.correctionStatus}`)}</Tag>
                {p.earlierProblemId ? <Tag color="red">{t('inspectionResults.earlierOffence')}</Tag> : null}
              </Space>
              <Typography.Paragraph>
                {t('inspectionResults.fields.provision')}：{p.provision}
                {p.leniencyEntry ? (
                  <>
                    <br />
                    {t('inspectionResults.fields.entry')}：{p.leniencyEntry.code} {p.leniencyEntry.title}
                  </>
                ) : null}
                {p.reason ? (
                  <>
                    <br />
                    {t('inspectionResults.fields.reason')}：{p.reason}
                  </>
                ) : null}
                {p.penalty ? (
                  <>
                    <br />
                    {t('inspectionResults.fields.penalty')}：{p.penalty}
                  </>
                ) : null}
                <br />
                {t('inspectionResults.fields.correction')}：{p.correction}（
                {t('inspectionResults.dueBy', { at: formatDateTime(p.correctionDueAt, i18n.language) })}）
              </Typography.Paragraph>
            </Card>
          ))}
          {data.actions.includes('plan_recheck') ? (
            <Button
              style={{ marginTop: 16 }}
              loading={busy}
              onClick={() =>
                act(
                  () => inspectionResultsApi.planRecheck(id, data.inspection.version),
                  t('inspectionResults.recheckPlannedNow'),
                )
              }
            >
              {t('inspectionResults.planRecheck')}
            </Button>
          ) : null}
        </Card>
      ) : null}

      {canRecord ? (
        <Card title={t('inspectionResults.formTitle')}>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ outcome: 'no_problem', problems: [] }}
            onFinish={submit}
          >
            <Form.Item name="outcome" label={t('inspectionResults.fields.outcome')}>
              <Radio.Group
                options={[
                  { value: 'no_problem', label: t('inspectionResults.outcomes.no_problem') },
                  { value: 'problem_found', label: t('inspectionResults.outcomes.problem_found') },
                ]}
                onChange={(e) => {
                  if (e.target.value === 'problem_found' && !form.getFieldValue('problems')?.length)
                    form.setFieldValue('problems', [{ decision: 'leniency', correctionWorkingDays: 5 }])
                }}
              />
            </Form.Item>
            <Form.Item
              name="summary"
              label={t('inspectionResults.fields.summary')}
              extra={t('inspectionResults.summaryHelp')}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item
              name="internalNote"
              label={t('inspectionResults.fields.internalNote')}
              extra={t('inspectionResults.internalNoteHelp')}
            >
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            {outcome === 'problem_found' ? (
              <Form.List name="problems">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => {
                      const p = problems[index] ?? {}
                      const entry = entryOf(p.leniencyEntryId)
                      return (
                        <Card
                          key={field.key}
                          size="small"
                          style={{ marginBottom: 12 }}
                          title={t('inspectionResults.problemN', { n: index + 1 })}
                          extra={
                            fields.length > 1 ? (
                              <Button type="link" onClick={() => remove(field.name)}>
                                {t('inspectionResults.removeProblem')}
                              </Button>
                            ) : null
                          }
                        >
                          <Form.Item
                            name={[field.name, 'description']}
                            label={t('inspectionResults.fields.description')}
                            rules={[{ required: true }]}
                          >
                            <Input.TextArea rows={2} maxLength={2000} />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'provision']}
                            label={t('inspectionResults.fields.provision')}
                            rules={[{ required: true }]}
                          >
                            <Input maxLength={500} />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'decision']}
                            label={t('inspectionResults.fields.decision')}
                          >
                            <Radio.Group
                              options={(['leniency', 'not_applied', 'penalty'] as const).map((d) => ({
                                value: d,
                                label: t(`inspectionResults.decisions.${d}`),
                              }))}
                            />
                          </Form.Item>
                          {p.decision !== 'penalty' ? (
                            <Form.Item
                              name={[field.name, 'leniencyEntryId']}
                              label={t('inspectionResults.fields.entry')}
                              extra={t('inspectionResults.entryHelp')}
                            >
                              <Select
                                allowClear
                                showSearch
                                optionFilterProp="label"
                                loading={lookup.isLoading}
                                options={entries.map((e) => ({
                                  value: e.id,
                                  label: `${e.code} ${e.title}${e.earlierOffence ? ` — ${t('inspectionResults.earlierOffence')}` : ''}`,
                                }))}
                                onChange={() =>
                                  form.setFieldValue(['problems', field.name, 'confirmedConditions'], [])
                                }
                              />
                            </Form.Item>
                          ) : null}
                          {entry ? (
                            <>
                              <Typography.Paragraph type="secondary">
                                {entry.provision} · {entry.source}
                                {entry.textVerified ? null : (
                                  <Tag style={{ marginLeft: 8 }}>{t('inspectionResults.unverified')}</Tag>
                                )}
                              </Typography.Paragraph>
                              {entry.earlierOffence ? (
                                <Alert
                                  type="warning"
                                  showIcon
                                  style={{ marginBottom: 12 }}
                                  title={t('inspectionResults.earlierOffenceFound', {
                                    number: entry.earlierOffence.inspectionNumber,
                                    at: formatDateTime(entry.earlierOffence.recordedAt, i18n.language),
                                  })}
                                />
                              ) : null}
                            </>
                          ) : null}
                          {p.decision === 'leniency' && entry ? (
                            <Form.Item
                              name={[field.name, 'confirmedConditions']}
                              label={t('inspectionResults.fields.conditions')}
                              extra={t('inspectionResults.conditionsHelp')}
                            >
                              <Checkbox.Group
                                style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                                options={entry.conditions.map((c) => ({ value: c.key, label: c.text }))}
                              />
                            </Form.Item>
                          ) : null}
                          {p.decision && p.decision !== 'leniency' ? (
                            <Form.Item
                              name={[field.name, 'reason']}
                              label={t('inspectionResults.fields.reason')}
                              rules={[{ required: true }]}
                            >
                              <Input.TextArea rows={2} maxLength={1000} />
                            </Form.Item>
                          ) : null}
                          {p.decision === 'penalty' ? (
                            <Form.Item
                              name={[field.name, 'penalty']}
                              label={t('inspectionResults.fields.penalty')}
                              rules={[{ required: true }]}
                            >
                              <Input maxLength={500} />
                            </Form.Item>
                          ) : null}
                          <Form.Item
                            name={[field.name, 'correction']}
                            label={t('inspectionResults.fields.correction')}
                            extra={t('inspectionResults.correctionHelp')}
                            rules={[{ required: true }]}
                          >
                            <Input.TextArea rows={2} maxLength={1000} />
                          </Form.Item>
                          <Form.Item
                            name={[field.name, 'correctionWorkingDays']}
                            label={t('inspectionResults.fields.workingDays')}
                          >
                            <InputNumber min={1} max={60} />
                          </Form.Item>
                        </Card>
                      )
                    })}
                    <Button
                      onClick={() => add({ decision: 'leniency', correctionWorkingDays: 5 })}
                      style={{ marginBottom: 16 }}
                    >
                      {t('inspectionResults.addProblem')}
                    </Button>
                  </>
                )}
              </Form.List>
            ) : null}
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('inspectionResults.record')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      ) : null}
    </>
  )
}
