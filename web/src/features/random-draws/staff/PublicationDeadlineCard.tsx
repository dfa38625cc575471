import { Alert, App, Button, Card, Form, InputNumber, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { useLoad } from '../../../ui/use-load'
import { PUBLISH_WITHIN_BOUNDS } from '../draw-rules'
import { randomDrawsApi, type RandomDrawSettings } from '../random-draws.api'
import { fieldMessage } from '../../../ui/field-message'

type Values = { publishWithinWorkingDays: number }

/**
 * On the draws list: within how many working days a drawn result must be published. The
 * administrator changes it; the task force and the bureau's leaders read it as a sentence, with no
 * control (the page shows this card to no one else). A change applies to draws drawn afterwards.
 */
export function PublicationDeadlineCard({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation()
  const settings = useLoad(() => randomDrawsApi.settings(), [])
  const title = <h2 className="s-card-title">{t('randomDraws.staff.settings.title')}</h2>
  return (
    <Card title={title} loading={!settings.data && !settings.error} data-testid="publication-deadline">
      {settings.error && !settings.data ? (
        <Alert type="error" showIcon title={errorMessage(settings.error, t('errors.loadFailed'))} />
      ) : settings.data ? (
        canChange ? (
          <DeadlineForm
            key={settings.data.version}
            settings={settings.data}
            onSaved={settings.setData}
            onConflict={settings.reload}
          />
        ) : (
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('randomDraws.staff.settings.readOnly', { days: settings.data.publishWithinWorkingDays })}
          </Typography.Paragraph>
        )
      ) : null}
    </Card>
  )
}

function DeadlineForm({
  settings,
  onSaved,
  onConflict,
}: {
  settings: RandomDrawSettings
  onSaved: (settings: RandomDrawSettings) => void
  onConflict: () => void
}) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const { min, max } = PUBLISH_WITHIN_BOUNDS

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      onSaved(
        await randomDrawsApi.saveSettings({
          version: settings.version,
          publishWithinWorkingDays: values.publishWithinWorkingDays,
        }),
      )
      void message.success(t('randomDraws.staff.settings.saved'))
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        modal.warning({ title: t('common.versionConflictTitle'), content: error.message, onOk: onConflict })
        return
      }
      setBanner(
        showApiErrorOnForm(
          form,
          error,
          ['publishWithinWorkingDays'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<Values>
      form={form}
      name="random-draw-settings"
      layout="vertical"
      initialValues={{ publishWithinWorkingDays: settings.publishWithinWorkingDays }}
      onFinish={(values) => void submit(values)}
    >
      {banner ? (
        <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="publishWithinWorkingDays"
        label={t('randomDraws.staff.settings.field')}
        extra={t('randomDraws.staff.settings.help')}
        rules={[
          { required: true, message: fieldMessage('fields.required') },
          {
            type: 'number',
            min,
            max,
            message: fieldMessage('randomDraws.staff.settings.range', { min, max }),
          },
        ]}
      >
        <InputNumber
          min={min}
          max={max}
          precision={0}
          suffix={t('randomDraws.staff.settings.unit')}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {t('common.save')}
      </Button>
    </Form>
  )
}
