import { Alert, App, Form, Input, Modal, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../app/api'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { supervisionApi, type SupervisionCase } from './supervision.api'
import { CLOSING_NOTE_MAX, CLOSING_NOTE_MIN } from './supervision-labels'

/** Closing a supervision case: what was done is required and kept with the case; the department head hears of it. */
export function CloseCaseModal({
  supervisionCase,
  onClose,
  onClosed,
  onStale,
}: {
  supervisionCase: SupervisionCase
  onClose: () => void
  onClosed: () => void
  /** Someone else changed or closed the case meanwhile: the list reloads. */
  onStale: () => void
}) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const [form] = Form.useForm<{ note: string }>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const submit = async ({ note }: { note: string }) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await supervisionApi.close(supervisionCase.id, { version: supervisionCase.version, note: note.trim() })
      onClosed()
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'SUPERVISION_CASE_CLOSED')) {
        modal.warning({ title: t('common.versionConflictTitle'), content: error.message, onOk: onStale })
        return
      }
      setBanner(showApiErrorOnForm(form, error, ['note'], errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('supervision.closeTitle', { subject: supervisionCase.appealNumber ?? '' })}
      okText={t('supervision.close')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {supervisionCase.appealTitle ? (
        <Typography.Paragraph type="secondary">
          {supervisionCase.appealTitle}
          {supervisionCase.departmentName ? ` · ${supervisionCase.departmentName}` : ''}
        </Typography.Paragraph>
      ) : null}
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} name="close-supervision" layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="note"
          label={t('supervision.note')}
          extra={t('supervision.noteHelp')}
          rules={[
            { required: true, whitespace: true, message: t('fields.required') },
            {
              min: CLOSING_NOTE_MIN,
              message: t('appeals.validation.reasonLength', { min: CLOSING_NOTE_MIN }),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={CLOSING_NOTE_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
