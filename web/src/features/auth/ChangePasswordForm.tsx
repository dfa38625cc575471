import { Alert, Button, Form, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { authApi } from './auth.api'
import { fieldMessage, rejectWith } from '../../ui/field-message'

type Values = { currentPassword: string; newPassword: string; confirmPassword: string }

/**
 * Change one's own password. The server lists every password rule the new one breaks in
 * fields.newPassword, a wrong current password in fields.currentPassword; both show under their field.
 */
export function ChangePasswordForm({
  onChanged,
  submitLabel,
}: {
  onChanged: () => void
  submitLabel?: string
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword)
      form.resetFields()
      onChanged()
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          form,
          error,
          ['currentPassword', 'newPassword'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form
      form={form}
      name="change-password"
      layout="vertical"
      onFinish={(values) => void submit(values)}
      requiredMark={false}
    >
      {banner ? (
        <Alert type="error" title={banner} showIcon style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form.Item
        name="currentPassword"
        label={t('auth.password.current')}
        rules={[{ required: true, message: fieldMessage('fields.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.password.new')}
        extra={t('auth.password.rules')}
        rules={[{ required: true, message: fieldMessage('fields.required') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: fieldMessage('fields.required') },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword'))
                return rejectWith(fieldMessage('auth.password.mismatch'))
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={isSaving}>
        {submitLabel ?? t('auth.password.submit')}
      </Button>
    </Form>
  )
}
