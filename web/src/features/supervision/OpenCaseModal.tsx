import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { departmentsApi } from '../../app/shared-api/departments'
import { departmentSelectOptions } from '../../ui/department-options'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { DepartmentSelect } from '../../ui/staff/DepartmentSelect'
import { useLoad } from '../../ui/use-load'
import { SUPERVISION_LEVELS, supervisionApi, type SupervisionLevel } from './supervision.api'
import { CLOSING_NOTE_MIN, REASON_MAX } from './supervision-labels'
import { fieldMessage } from '../../ui/field-message'

type Values = { departmentId: string; reason: string; level: SupervisionLevel; responseDays?: number }

/** The bureau opens a case by hand: the unit, why, the level, and the working days it has to respond. */
export function OpenCaseModal({
  onClose,
  onOpened,
}: {
  onClose: () => void
  onOpened: (id: string) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const departments = useLoad(() => departmentsApi.list(), [])
  const options = useMemo(() => departmentSelectOptions(departments.data?.items ?? []), [departments.data])

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      const opened = await supervisionApi.open({ ...values, reason: values.reason.trim() })
      onOpened(opened.id)
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          form,
          error,
          ['departmentId', 'reason', 'level', 'responseDays'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={t('supervision.openByHand')}
      okText={t('supervision.open')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        name="open-supervision"
        layout="vertical"
        initialValues={{ level: 'section' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="departmentId"
          label={t('supervision.fields.department')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <DepartmentSelect options={options} loading={departments.isLoading} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('supervision.fields.reason')}
          rules={[
            { required: true, whitespace: true, message: fieldMessage('fields.required') },
            {
              min: CLOSING_NOTE_MIN,
              message: fieldMessage('appeals.validation.reasonLength', { min: CLOSING_NOTE_MIN }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
        <Form.Item name="level" label={t('supervision.fields.level')}>
          <Select
            options={SUPERVISION_LEVELS.map((l) => ({ value: l, label: t(`supervision.levels.${l}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="responseDays"
          label={t('supervision.responseDays')}
          extra={t('supervision.responseDaysHelp')}
        >
          <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
