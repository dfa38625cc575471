import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../app/api'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { useLoad } from '../../ui/use-load'
import { calendarApi, type WorkingSlot } from './calendar.api'
import { fieldMessage } from '../../ui/field-message'

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/

/** Working hours of every working day (several slots, e.g. a lunch break); admins change them. */
export function WorkingHoursCard({ canEdit, onSaved }: { canEdit: boolean; onSaved: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const settings = useLoad(() => calendarApi.settings(), [])
  const [form] = Form.useForm<{ workingSlots: WorkingSlot[] }>()
  const [isEditing, setEditing] = useState(false)
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const save = async ({ workingSlots }: { workingSlots: WorkingSlot[] }) => {
    if (!settings.data) return
    setBanner(undefined)
    setSaving(true)
    try {
      settings.setData(await calendarApi.updateSettings(settings.data.version, workingSlots))
      setEditing(false)
      onSaved()
      void message.success(t('common.saved'))
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        setBanner(error.message)
        settings.reload()
        setEditing(false)
      } else {
        setBanner(showApiErrorOnForm(form, error, ['workingSlots'], errorMessage(error, t('errors.generic'))))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card
      title={<h2 className="s-card-title">{t('calendar.hours.title')}</h2>}
      extra={
        canEdit && !isEditing && settings.data ? (
          <Button onClick={() => setEditing(true)}>{t('calendar.hours.edit')}</Button>
        ) : null
      }
      style={{ marginBottom: 16 }}
    >
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      {settings.error ? (
        <Alert type="error" showIcon title={errorMessage(settings.error, t('errors.loadFailed'))} />
      ) : null}
      {settings.data && !isEditing ? (
        <>
          <Space wrap>
            {settings.data.workingSlots.map((slot) => (
              <Typography.Text key={`${slot.start}-${slot.end}`} code style={{ fontSize: 15 }}>
                {slot.start}–{slot.end}
              </Typography.Text>
            ))}
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('calendar.hours.zone', { zone: settings.data.timeZone })}
          </Typography.Paragraph>
        </>
      ) : null}
      {settings.data && isEditing ? (
        <Form
          form={form}
          name="working-hours"
          initialValues={{ workingSlots: settings.data.workingSlots }}
          onFinish={(values) => void save(values)}
        >
          <Form.List name="workingSlots">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[field.name, 'start']}
                      rules={[
                        { required: true, pattern: CLOCK, message: fieldMessage('calendar.hours.clock') },
                      ]}
                    >
                      <Input
                        aria-label={t('calendar.hours.startN', { n: index + 1 })}
                        placeholder="09:00"
                        style={{ width: 90 }}
                        maxLength={5}
                      />
                    </Form.Item>
                    <span style={{ lineHeight: '32px' }} aria-hidden="true">
                      –
                    </span>
                    <Form.Item
                      name={[field.name, 'end']}
                      rules={[
                        { required: true, pattern: CLOCK, message: fieldMessage('calendar.hours.clock') },
                      ]}
                    >
                      <Input
                        aria-label={t('calendar.hours.endN', { n: index + 1 })}
                        placeholder="12:00"
                        style={{ width: 90 }}
                        maxLength={5}
                      />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('calendar.hours.removeN', { n: index + 1 })}
                      />
                    ) : null}
                  </Space>
                ))}
                <Form.ErrorList errors={errors} />
                {fields.length < 6 ? (
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ start: '', end: '' })}
                    style={{ marginBottom: 12 }}
                  >
                    {t('calendar.hours.add')}
                  </Button>
                ) : null}
              </>
            )}
          </Form.List>
          <Space>
            <Button type="primary" htmlType="submit" loading={isSaving}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  )
}
