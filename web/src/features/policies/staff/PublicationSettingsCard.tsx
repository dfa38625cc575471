import { App, Button, Card, Form, InputNumber, Space, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { useLoad } from '../../../ui/use-load'
import { policiesApi } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { fieldMessage } from '../../../ui/field-message'

/**
 * How many enterprises told at once make a publication ask for a second confirmation: read by the
 * bureau, changed by an administrator.
 */
export function PublicationSettingsCard() {
  const { t } = usePolicyText()
  const { me } = useSession()
  const { message } = App.useApp()
  const canEdit = hasStaffRole(me, 'admin')
  const settings = useLoad(() => policiesApi.publicationSettings(), [])
  const [problem, setProblem] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const data = settings.data

  const save = async ({ threshold }: { threshold: number }) => {
    if (!data) return
    setProblem(undefined)
    setSaving(true)
    try {
      settings.setData(
        await policiesApi.savePublicationSettings({
          version: data.version,
          settings: { ...data.settings, pushConfirmationThreshold: threshold },
        }),
      )
      void message.success(t('policies.staff.publicationSettings.saved'))
    } catch (error) {
      setProblem(errorMessage(error, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card
      title={<h2 className="s-card-title">{t('policies.staff.publicationSettings.title')}</h2>}
      style={{ marginBottom: 16 }}
      loading={!data && !settings.error}
    >
      <Typography.Paragraph type="secondary" className="s-small">
        {t('policies.staff.publicationSettings.hint')}
      </Typography.Paragraph>
      {problem || settings.error ? (
        <Typography.Paragraph type="danger" role="alert">
          {problem ?? errorMessage(settings.error, t('errors.loadFailed'))}
        </Typography.Paragraph>
      ) : null}
      {data ? (
        <Form
          key={data.version}
          layout="inline"
          name="publication-settings"
          initialValues={{ threshold: data.settings.pushConfirmationThreshold }}
          onFinish={(values: { threshold: number }) => void save(values)}
          disabled={!canEdit}
        >
          <Form.Item
            name="threshold"
            label={t('policies.staff.publicationSettings.label')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <InputNumber
              min={0}
              max={10_000_000}
              precision={0}
              suffix={t('policies.staff.publicationSettings.unit')}
            />
          </Form.Item>
          {canEdit ? (
            <Space>
              <Button type="primary" htmlType="submit" loading={isSaving}>
                {t('common.save')}
              </Button>
            </Space>
          ) : null}
        </Form>
      ) : null}
    </Card>
  )
}
