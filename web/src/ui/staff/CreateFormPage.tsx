import { Alert, Button, Card, Space } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from './PageHeader'

/**
 * The frame of a console page that creates one thing with a form: the page's header, a card, and
 * above the form the banner for what no field of it names (useFormSubmit's `banner`).
 */
export function CreateFormPage({
  title,
  subtitle,
  banner,
  children,
}: {
  title: string
  subtitle?: ReactNode
  banner: string | undefined
  children: ReactNode
}) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      <Card>
        {banner ? (
          <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
        ) : null}
        {children}
      </Card>
    </>
  )
}

/** The form's last row: send (busy while saving) and cancel. */
export function CreateFormActions({
  saving,
  submitLabel,
  onCancel,
}: {
  saving: boolean
  submitLabel: string
  onCancel: () => void
}) {
  const { t } = useTranslation()
  return (
    <Space>
      <Button type="primary" htmlType="submit" loading={saving}>
        {submitLabel}
      </Button>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
    </Space>
  )
}
