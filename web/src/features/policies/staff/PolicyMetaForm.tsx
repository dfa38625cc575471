import { Alert, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { POLICY_LEVELS, type PolicyLevel } from '@shared/policies'
import type { DepartmentOption } from '../../../ui/department-options'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { topicOptions } from '../policy-labels'
import type { PolicyTopic, PolicyView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { toApiDay, toPickerValue } from '../../../ui/picker-value'
import { fieldMessage } from '../../../ui/field-message'

export type PolicyMeta = {
  title: string
  issuer: string
  documentNumber: string | null
  level: PolicyLevel
  issuedOn: string | null
  effectiveFrom: string | null
  effectiveTo: string | null
  summary: string
  fullText: string
  sourceUrl: string | null
  topics: PolicyTopic[]
  ownerDepartmentId: string
}

type Values = Omit<PolicyMeta, 'issuedOn' | 'effectiveFrom' | 'effectiveTo'> & {
  issuedOn?: Dayjs
  effectiveFrom?: Dayjs
  effectiveTo?: Dayjs
}

const FIELDS = [
  'title',
  'issuer',
  'documentNumber',
  'level',
  'issuedOn',
  'effectiveFrom',
  'effectiveTo',
  'summary',
  'fullText',
  'sourceUrl',
  'topics',
  'ownerDepartmentId',
]
const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null)

type Props = {
  policy?: PolicyView
  departments: DepartmentOption[]
  defaultDepartmentId?: string
  readOnly?: boolean
  submitLabel: string
  onSubmit: (meta: PolicyMeta) => Promise<unknown>
  /** Errors the page got elsewhere (publishing) that belong to these fields. */
  externalErrors?: Record<string, string>
}

/** The document's own fields: title, issuer, 文号, level, dates, topics, summary and full text. */
export function PolicyMetaForm({
  policy,
  departments,
  defaultDepartmentId,
  readOnly,
  submitLabel,
  onSubmit,
  externalErrors,
}: Props) {
  const { t, level, language } = usePolicyText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const required = { required: true, message: fieldMessage('fields.required') }
  const errorOf = (name: string) =>
    externalErrors?.[name] ? { validateStatus: 'error' as const, help: externalErrors[name] } : {}

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await onSubmit({
        ...values,
        title: values.title.trim(),
        issuer: values.issuer.trim(),
        documentNumber: blankToNull(values.documentNumber),
        sourceUrl: blankToNull(values.sourceUrl),
        summary: values.summary?.trim() ?? '',
        fullText: values.fullText ?? '',
        topics: values.topics ?? [],
        issuedOn: toApiDay(values.issuedOn),
        effectiveFrom: toApiDay(values.effectiveFrom),
        effectiveTo: toApiDay(values.effectiveTo),
      })
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FIELDS, errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="policy-meta"
      disabled={readOnly}
      onFinish={(values) => void submit(values)}
      initialValues={{
        title: policy?.title ?? '',
        issuer: policy?.issuer ?? '',
        documentNumber: policy?.documentNumber ?? '',
        level: policy?.level ?? 'city',
        issuedOn: toPickerValue(policy?.issuedOn),
        effectiveFrom: toPickerValue(policy?.effectiveFrom),
        effectiveTo: toPickerValue(policy?.effectiveTo),
        summary: policy?.summary ?? '',
        fullText: policy?.fullText ?? '',
        sourceUrl: policy?.sourceUrl ?? '',
        topics: (policy?.topics ?? []) as PolicyTopic[],
        ownerDepartmentId: policy?.ownerDepartmentId ?? defaultDepartmentId,
      }}
    >
      {banner ? (
        <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Form.Item
            name="title"
            label={t('policies.staff.fields.title')}
            rules={[required, { min: 4, message: fieldMessage('policies.staff.fields.titleMin') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item name="documentNumber" label={t('policies.fields.documentNumber')}>
            <Input maxLength={80} placeholder={t('policies.staff.fields.documentNumberPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={8}>
          <Form.Item name="issuer" label={t('policies.fields.issuer')} rules={[required]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="level" label={t('policies.staff.fields.level')} rules={[required]}>
            <Select options={POLICY_LEVELS.map((l) => ({ value: l, label: level(l) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="issuedOn" label={t('policies.fields.issuedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item
            name="effectiveFrom"
            label={t('policies.staff.fields.effectiveFrom')}
            {...errorOf('effectiveFrom')}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} lg={4}>
          <Form.Item name="effectiveTo" label={t('policies.fields.effectiveTo')} {...errorOf('effectiveTo')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name="topics" label={t('policies.staff.fields.topics')}>
            <Select mode="multiple" allowClear options={topicOptions(language)} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item name="ownerDepartmentId" label={t('policies.fields.owner')} rules={[required]}>
            <DepartmentSelect options={departments} disabled={!!policy || readOnly} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="summary" label={t('policies.staff.fields.summary')}>
            <Input.TextArea rows={2} maxLength={2000} showCount />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="fullText" label={t('policies.library.fullText')}>
            <Input.TextArea rows={6} maxLength={200_000} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="sourceUrl"
            label={t('policies.staff.fields.sourceUrl')}
            rules={[{ type: 'url', message: fieldMessage('policies.staff.fields.urlInvalid') }]}
          >
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
        </Col>
      </Row>
      {readOnly ? null : (
        <Button type="primary" htmlType="submit" loading={isSaving}>
          {submitLabel}
        </Button>
      )}
    </Form>
  )
}
