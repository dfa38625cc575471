import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import {
  reviewApi,
  type IntakeBodies,
  type ReviewTaskView,
  type SpecialStepStartInput,
  type StaffApplication,
} from '../review.api'
import type { ParseKeys } from 'i18next'
import { fieldMessage } from '../../../ui/field-message'

/** A form behind a button of the application page: a move of the intake's, or a decision on a review step. */
export type ModalAction =
  | { kind: 'intake'; action: keyof IntakeBodies }
  | { kind: 'task'; action: 'approve' | 'refuse' | 'return' | 'delegate'; task: ReviewTaskView }

type Values = {
  note?: string
  reason?: string
  legalBasis?: string
  referTo?: string
  items?: { item?: string; problem?: string }[]
  toleranceItems?: string
  days?: number
  stepKind?: string
  assigneeId?: string
}

/** Field names as the API names them, so its field errors land under the right input. */
const FIELDS = [
  'note',
  'reason',
  'legalBasis',
  'referTo',
  'items',
  'dueWorkingDays',
  'kind',
  'kind',
  'assigneeId',
]
const SPECIAL_STEPS = ['expert_review', 'hearing', 'public_notice', 'on_site_inspection'] as const
const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)

export function ApplicationActionModal({
  application,
  modal,
  onClose,
  onDone,
}: {
  application: StaffApplication
  modal: ModalAction
  onClose: () => void
  onDone: (updated: StaffApplication | null) => void
}) {
  const { t } = useTranslation()
  const tx = t as unknown as (key: string, options?: Record<string, unknown>) => string
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const label = tx(`services.staff.actions.${modal.action}`)
  const isDanger = modal.action === 'refuse' || modal.action === 'not_accept'

  const run = async (v: Values): Promise<StaffApplication | null> => {
    const id = application.id
    if (modal.kind === 'task') {
      const taskId = modal.task.id
      if (modal.action === 'delegate')
        return reviewApi.delegate(id, taskId, {
          assigneeId: v.assigneeId!,
          ...(trimmed(v.note) ? { note: trimmed(v.note)! } : {}),
        })
      return reviewApi.decide(id, taskId, {
        outcome: modal.action,
        ...(trimmed(v.note) ? { note: trimmed(v.note)! } : {}),
        ...(trimmed(v.reason) ? { reason: trimmed(v.reason)! } : {}),
        ...(trimmed(v.legalBasis) ? { legalBasis: trimmed(v.legalBasis)! } : {}),
      })
    }
    // Each body as the server's zod schema has it (strict objects: an extra key is refused).
    const bodies: IntakeBodies = {
      accept: {},
      not_accept: { reason: trimmed(v.reason)!, referTo: trimmed(v.referTo)! },
      request_supplement: {
        items: (v.items ?? []).map((i) => ({ item: trimmed(i.item)!, problem: trimmed(i.problem)! })),
      },
      accept_with_tolerance: {
        // one material a line: a material's own name may hold 、 or ，
        items: (v.toleranceItems ?? '')
          .split(/\n/)
          .map((s) => s.trim())
          .filter(Boolean),
        dueWorkingDays: v.days!,
      },
      extend: { reason: trimmed(v.reason)! },
      start_special_step: {
        kind: (v.stepKind ?? 'expert_review') as SpecialStepStartInput['kind'],
        ...(trimmed(v.note) ? { note: trimmed(v.note)! } : {}),
      },
      end_special_step: trimmed(v.note) ? { note: trimmed(v.note)! } : {},
      archive: {},
    }
    await reviewApi.move(id, modal.action, bodies[modal.action])
    return null
  }

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      onDone(await run(values))
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FIELDS, errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  const required = (key: string) => [
    {
      required: true,
      whitespace: true,
      message: fieldMessage(`services.staff.form.${key}Required` as ParseKeys),
    },
  ]
  const a = modal.action
  return (
    <Modal
      open
      title={label}
      okText={label}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, danger: isDanger }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? (
        <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 12 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name={`application-${a}`}
        onFinish={(values) => void submit(values)}
        // 容缺: the materials the applicant's signed commitment names, one a line (the handler may drop some)
        initialValues={{
          items: [{}],
          // 5 working days, or the matter's promised limit when that is shorter (the server refuses more)
          days: Math.max(1, Math.min(5, application.matterPromisedLimitDays ?? 5)),
          stepKind: 'expert_review',
          toleranceItems: application.toleranceItems.join('\n'),
        }}
      >
        {a === 'accept' || a === 'archive' ? <p>{tx(`services.staff.confirm.${a}`)}</p> : null}
        {a === 'request_supplement' ? (
          <>
            <Alert
              type="info"
              showIcon
              title={t('services.staff.form.oneTimeNotice')}
              style={{ marginBottom: 12 }}
            />
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'item']} rules={required('item')}>
                        <Input placeholder={t('services.staff.form.item')} maxLength={200} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'problem']} rules={required('problem')}>
                        <Input placeholder={t('services.staff.form.problem')} maxLength={500} />
                      </Form.Item>
                      {fields.length > 1 ? (
                        <MinusCircleOutlined
                          aria-label={t('services.staff.form.removeItem')}
                          onClick={() => remove(field.name)}
                        />
                      ) : null}
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />} block>
                    {t('services.staff.form.addItem')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        ) : null}
        {a === 'not_accept' || a === 'refuse' || a === 'extend' ? (
          <Form.Item name="reason" label={t('services.staff.form.reason')} rules={required('reason')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {a === 'refuse' ? (
          <>
            <Form.Item
              name="legalBasis"
              label={t('services.staff.form.legalBasis')}
              rules={required('legalBasis')}
            >
              <Input.TextArea
                rows={2}
                maxLength={1000}
                placeholder={t('services.staff.form.legalBasisPlaceholder')}
              />
            </Form.Item>
            <Alert type="warning" showIcon title={t('services.staff.form.refusalRights')} />
          </>
        ) : null}
        {a === 'not_accept' ? (
          <Form.Item name="referTo" label={t('services.staff.form.referTo')} rules={required('referTo')}>
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        {a === 'accept_with_tolerance' ? (
          <>
            <Form.Item
              name="toleranceItems"
              label={t('services.staff.form.toleranceItems')}
              rules={required('toleranceItems')}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {a === 'accept_with_tolerance' ? (
          <Form.Item
            name="days"
            label={t('services.staff.form.dueWorkingDays')}
            rules={[{ required: true, message: fieldMessage('services.staff.form.daysRequired') }]}
          >
            <InputNumber min={1} max={Math.max(1, application.matterPromisedLimitDays ?? 365)} />
          </Form.Item>
        ) : null}
        {a === 'start_special_step' ? (
          <Form.Item name="stepKind" label={t('services.staff.form.stepKind')}>
            <Select
              options={SPECIAL_STEPS.map((k) => ({ value: k, label: tx(`services.specialSteps.${k}`) }))}
            />
          </Form.Item>
        ) : null}
        {a === 'delegate' && modal.kind === 'task' ? (
          <Form.Item name="assigneeId" label={t('services.staff.form.assignee')} rules={required('assignee')}>
            <Select
              showSearch
              optionFilterProp="label"
              options={application.colleagues
                .filter((c) => c.role === modal.task.role && c.id !== modal.task.assigneeId)
                .map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        ) : null}
        {a === 'approve' ||
        a === 'return' ||
        a === 'delegate' ||
        a === 'start_special_step' ||
        a === 'end_special_step' ? (
          <Form.Item
            name="note"
            label={t('services.staff.form.note')}
            rules={a === 'return' ? required('note') : []}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}
