import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../../app/api'
import type { Translate } from '../../../app/i18n'
import { benchmarksApi, type IndicatorRow } from '../benchmarks.api'
import { fieldMessage } from '../../../ui/field-message'

export type PendingForm = { kind: 'ours' | 'city'; row: IndicatorRow; year: number }

type Values = {
  year: number
  month?: number | null
  value: number
  city?: string
  isDemo?: boolean
  sourceOrganisation: string
  sourceDocument: string
  sourceDate: Dayjs
  note?: string
}

/**
 * The two entry forms of the benchmarks page: our value of an entered indicator (a year, or a month
 * of it) and a benchmark city's value of a year — each with its source. The server checks the year,
 * the range and the source and answers field by field; its messages are shown on the fields.
 */
export function BenchmarkEntryModal(props: {
  pending: PendingForm | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const tx = t as unknown as Translate
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const [banner, setBanner] = useState<string>()
  const pending = props.pending
  if (!pending) return null
  const { row, kind } = pending
  const unit = tx(`benchmarks.unit.${row.unit}`)

  const save = async (values: Values) => {
    setBusy(true)
    setBanner(undefined)
    const source = {
      sourceOrganisation: values.sourceOrganisation,
      sourceDocument: values.sourceDocument,
      sourceDate: values.sourceDate.format('YYYY-MM-DD'),
      note: values.note ?? '',
    }
    try {
      if (kind === 'ours')
        await benchmarksApi.enterOurValue({
          indicatorKey: row.key,
          year: values.year,
          month: values.month ?? null,
          value: values.value,
          ...source,
        })
      else
        await benchmarksApi.saveCityValue({
          indicatorKey: row.key,
          city: values.city ?? '',
          year: values.year,
          value: values.value,
          isDemo: values.isDemo ?? false,
          ...source,
        })
      void message.success(t('benchmarks.form.saved'))
      props.onSaved()
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length)
        form.setFields(
          Object.entries(error.fields).map(([name, text]) => ({
            name: name as keyof Values,
            errors: [text],
          })),
        )
      setBanner(errorMessage(error, t('benchmarks.form.failed')))
    } finally {
      setBusy(false)
    }
  }

  const required = [{ required: true, message: fieldMessage('benchmarks.form.required') }]
  return (
    <Modal
      open
      destroyOnHidden
      title={
        kind === 'ours'
          ? t('benchmarks.form.oursTitle', { name: row.name })
          : t('benchmarks.form.cityTitle', { name: row.name })
      }
      okText={t('benchmarks.form.save')}
      cancelText={t('benchmarks.form.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{ year: kind === 'ours' ? pending.year : pending.year - 1, sourceDate: dayjs() }}
      >
        {kind === 'city' ? (
          <Form.Item name="city" label={t('benchmarks.form.city')} rules={required}>
            <Input maxLength={40} placeholder="杭州" />
          </Form.Item>
        ) : null}
        <Form.Item name="year" label={t('benchmarks.form.year')} rules={required}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'ours' ? (
          <Form.Item name="month" label={t('benchmarks.form.month')} extra={t('benchmarks.form.monthHint')}>
            <Select
              allowClear
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="value"
          label={t('benchmarks.form.value', { unit, min: row.range[0], max: row.range[1] })}
          rules={required}
        >
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="sourceOrganisation" label={t('benchmarks.form.sourceOrganisation')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="sourceDocument" label={t('benchmarks.form.sourceDocument')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="sourceDate" label={t('benchmarks.form.sourceDate')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'city' ? (
          <Form.Item name="isDemo" valuePropName="checked">
            <Checkbox>{t('benchmarks.form.isDemo')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('benchmarks.form.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
