import { Alert, Button, Card, DatePicker, Descriptions, Form, InputNumber, Radio } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { cityDateOf, cityInstant, CITY_TIME_ZONE, formatDateTime } from '../../ui/format'
import { calendarApi, type DueAnswer } from './calendar.api'
import { fieldMessage } from '../../ui/field-message'

type Values = { start: Dayjs; unit: 'workingDays' | 'workingHours'; amount: number }

/** The city's wall clock now, for the picker's default (the device may be in another zone). */
function cityNow(): Dayjs {
  const now = new Date()
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: CITY_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(now)
  return dayjs(`${cityDateOf(now)}T${time}`)
}

/** When is something due that starts now and takes n working days or hours? Uses the live calendar. */
export function DueCalculatorCard() {
  const { t, i18n } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [answer, setAnswer] = useState<DueAnswer>()
  const [error, setError] = useState<string>()
  const [isBusy, setBusy] = useState(false)

  const compute = async (values: Values) => {
    setError(undefined)
    setBusy(true)
    try {
      // The picked wall-clock time is read as city time (UTC+8), whatever the device's zone.
      const start = cityInstant(values.start.format('YYYY-MM-DD'), values.start.format('HH:mm'))
      setAnswer(
        await calendarApi.due(
          start,
          values.unit === 'workingDays' ? { workingDays: values.amount } : { workingHours: values.amount },
        ),
      )
    } catch (caught) {
      setAnswer(undefined)
      setError(errorMessage(caught, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card title={<h2 className="s-card-title">{t('calendar.due.title')}</h2>} style={{ marginBottom: 16 }}>
      <Form
        form={form}
        name="due-calculator"
        layout="vertical"
        initialValues={{ start: cityNow(), unit: 'workingDays', amount: 10 }}
        onFinish={(values) => void compute(values)}
      >
        <Form.Item
          name="start"
          label={t('calendar.due.start')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label={t('calendar.due.unit')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'workingDays', label: t('calendar.due.workingDays') },
              { value: 'workingHours', label: t('calendar.due.workingHours') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('calendar.due.amount')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <InputNumber min={0} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isBusy}>
          {t('calendar.due.compute')}
        </Button>
      </Form>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        {answer ? (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('calendar.due.startAt')}>
                {formatDateTime(answer.start, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('calendar.due.dueAt')}>
                <strong>{formatDateTime(answer.due, i18n.language)}</strong>
              </Descriptions.Item>
            </Descriptions>
            {answer.usesFallback ? (
              <Alert
                type="warning"
                showIcon
                title={t('calendar.due.usesFallback')}
                style={{ marginTop: 12 }}
              />
            ) : null}
          </>
        ) : null}
      </div>
    </Card>
  )
}
