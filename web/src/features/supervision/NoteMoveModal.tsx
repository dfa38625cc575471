import { Alert, App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../app/api'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { supervisionApi, type NoteAction, type SupervisionCaseDetail } from './supervision.api'
import { CLOSING_NOTE_MAX, CLOSING_NOTE_MIN } from './supervision-labels'
import { fieldMessage } from '../../ui/field-message'

/**
 * A move of the bureau's that takes a note: accept the response (closes), reject it (back to the
 * unit), escalate one level, or close outright. The note is kept on the ladder's timeline.
 */
export function NoteMoveModal({
  supervisionCase,
  action,
  onClose,
  onMoved,
  onStale,
}: {
  supervisionCase: SupervisionCaseDetail
  action: NoteAction
  onClose: () => void
  onMoved: (updated: SupervisionCaseDetail) => void
  /** Someone else moved the case meanwhile: the page reloads. */
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
      onMoved(
        await supervisionApi.move(supervisionCase.id, action, {
          version: supervisionCase.version,
          note: note.trim(),
        }),
      )
    } catch (error) {
      if (
        isApiError(error, 'VERSION_CONFLICT') ||
        isApiError(error, 'SUPERVISION_CASE_CLOSED') ||
        isApiError(error, 'SUPERVISION_NOT_RESPONDED') ||
        isApiError(error, 'SUPERVISION_NOT_AWAITING_RESPONSE')
      ) {
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
      title={t(`supervision.actions.${action}`)}
      okText={t(`supervision.actions.${action}`)}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} name={`supervision-${action}`} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="note"
          label={t(`supervision.noteLabels.${action}`)}
          extra={t(`supervision.noteHelp.${action}`)}
          rules={[
            { required: true, whitespace: true, message: fieldMessage('fields.required') },
            {
              min: CLOSING_NOTE_MIN,
              message: fieldMessage('appeals.validation.reasonLength', { min: CLOSING_NOTE_MIN }),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={CLOSING_NOTE_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}
