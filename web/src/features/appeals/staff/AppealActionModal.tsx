import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { cityMinuteInstant } from '../../../ui/format'
import { LOCAL_MINUTE_FORMAT } from '../../../ui/picker-value'
import type { DepartmentOption } from '../../../ui/department-options'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { BODY_MAX, BODY_MIN, MAX_ATTACHMENTS, REASON_MAX, REASON_MIN } from '../appeal-form'
import {
  appealsApi,
  CONTACT_METHODS,
  PAUSE_REASONS,
  TIERS,
  type AppealDetail,
  type Category,
  type ContactMethod,
  type Extension,
  type NoteAudience,
  type PauseReason,
  type Reply,
  type SimilarAppeal,
  type Tier,
} from '../appeals.api'
import { useAttachmentUploads } from '../../../ui/use-attachment-uploads'
import { useAppealText } from '../use-appeal-text'
import { NoteAudienceField } from './NoteAudienceField'
import { StaffAttachmentPicker } from './StaffAttachmentPicker'
import { fieldMessage } from '../../../ui/field-message'

/** What a modal is open for: an action from allowedActions, with what the page already knows. */
export type ModalAction =
  | { kind: 'accept' }
  | { kind: 'reject' }
  | { kind: 'merge'; original: SimilarAppeal }
  | { kind: 'dispatch'; leadDepartmentId?: string }
  | { kind: 'arbitrate'; departmentId?: string }
  | { kind: 'return' }
  | { kind: 'pause' }
  | { kind: 'resume' }
  | { kind: 'record_contact' }
  | { kind: 'request_extension' }
  | { kind: 'reply' }
  | { kind: 'submit_part' }
  | { kind: 'decide_extension'; extension: Extension; approve: boolean }
  | { kind: 'decide_reply'; reply: Reply; approve: boolean }

type Values = {
  categoryCode?: string
  tier?: Tier
  note?: string
  noteAudience?: NoteAudience
  method?: ContactMethod
  contactPerson?: string
  contactedAt?: Dayjs | null
  missingPartsReason?: string
  reason?: string | PauseReason
  leadDepartmentId?: string
  coDepartmentIds?: string[]
  departmentId?: string
  workingDays?: number
  body?: string
}

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : undefined)

/** The fields each action's form shows, named as the API names them (so its field errors land right). */
const FIELDS: Record<ModalAction['kind'], string[]> = {
  accept: ['categoryCode', 'tier', 'note', 'noteAudience'],
  reject: ['reason'],
  merge: ['note', 'noteAudience'],
  dispatch: ['leadDepartmentId', 'coDepartmentIds', 'categoryCode', 'tier', 'note', 'noteAudience'],
  arbitrate: ['departmentId', 'note', 'noteAudience'],
  return: ['reason'],
  pause: ['reason', 'note', 'noteAudience'],
  resume: ['note', 'noteAudience'],
  record_contact: ['method', 'contactPerson', 'contactedAt', 'note', 'noteAudience'],
  request_extension: ['workingDays', 'reason'],
  reply: ['body', 'missingPartsReason'],
  submit_part: ['body'],
  decide_extension: ['note', 'noteAudience'],
  decide_reply: ['note', 'noteAudience'],
}

/** A note and who reads it, as the API takes them: no audience without a note. */
const noted = (values: Values) => {
  const note = trimmed(values.note)
  return note ? { note, noteAudience: values.noteAudience ?? 'internal' } : {}
}

/** One form per action on the case page; answers the appeal as the server now sees it. */
export function AppealActionModal({
  appeal,
  action,
  categories,
  departments,
  maxReturnsHint,
  onClose,
  onDone,
  onGone,
}: {
  appeal: AppealDetail
  action: ModalAction
  categories: Category[]
  departments: DepartmentOption[]
  maxReturnsHint?: string
  onClose: () => void
  onDone: (updated: AppealDetail, message: string) => void
  /** The action worked but took the appeal out of this user's sight (a department's return). */
  onGone: (message: string) => void
}) {
  const { t, tx } = useAppealText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const uploads = useAttachmentUploads(t('errors.generic'), MAX_ATTACHMENTS, appealsApi.upload)
  const kind = action.kind
  const label = actionLabel(action, tx)
  const reason = Form.useWatch('reason', form)
  const method = Form.useWatch('method', form)
  const missingParts = missingPartsOf(appeal)

  const run = (values: Values): Promise<AppealDetail | { ok: true; visibleToYou: false }> => {
    const id = appeal.id
    switch (action.kind) {
      case 'accept':
        return appealsApi.accept(id, {
          categoryCode: values.categoryCode,
          tier: values.tier,
          ...noted(values),
        })
      case 'reject':
        return appealsApi.reject(id, { reason: String(values.reason ?? '').trim() })
      case 'merge':
        return appealsApi.merge(id, { originalId: action.original.id, ...noted(values) })
      case 'dispatch':
        return appealsApi.dispatch(id, {
          leadDepartmentId: values.leadDepartmentId || undefined,
          coDepartmentIds: (values.coDepartmentIds ?? []).filter((d) => d !== values.leadDepartmentId),
          categoryCode: values.categoryCode,
          tier: values.tier,
          ...noted(values),
        })
      case 'arbitrate':
        return appealsApi.arbitrate(id, {
          departmentId: values.departmentId!,
          note: values.note!.trim(),
          noteAudience: values.noteAudience ?? 'internal',
        })
      case 'return':
        return appealsApi.return(id, { reason: String(values.reason ?? '').trim() })
      case 'pause':
        return appealsApi.pause(id, {
          reason: values.reason as PauseReason,
          note: values.note!.trim(),
          noteAudience: pauseAudience(values.reason) ?? values.noteAudience ?? 'internal',
        })
      case 'resume':
        return appealsApi.resume(id, noted(values))
      case 'record_contact':
        return appealsApi.contact(id, {
          method: values.method!,
          ...(values.method !== 'message' ? { contactPerson: values.contactPerson?.trim() } : {}),
          // the minute on the city's clock, whatever the device's zone
          ...(values.contactedAt
            ? { contactedAt: cityMinuteInstant(values.contactedAt.format(LOCAL_MINUTE_FORMAT)).toISOString() }
            : {}),
          note: values.note!.trim(),
          noteAudience: values.method === 'message' ? 'enterprise' : (values.noteAudience ?? 'internal'),
        })
      case 'request_extension':
        return appealsApi.extension(id, {
          workingDays: values.workingDays!,
          reason: String(values.reason ?? '').trim(),
        })
      case 'reply':
        return appealsApi.reply(id, {
          body: values.body!.trim(),
          attachmentIds: uploads.ids,
          ...(missingParts.length ? { missingPartsReason: trimmed(values.missingPartsReason) } : {}),
        })
      case 'submit_part':
        return appealsApi.submitPart(id, { body: values.body!.trim() })
      case 'decide_extension':
        return appealsApi.decideExtension(id, action.extension.id, {
          approve: action.approve,
          ...noted(values),
        })
      case 'decide_reply':
        return appealsApi.decideReply(id, action.reply.id, {
          approve: action.approve,
          ...noted(values),
        })
    }
  }

  const submit = async (values: Values) => {
    setBanner(undefined)
    if (uploads.isBusy) {
      setBanner(t('appeals.attachments.waitForUploads'))
      return
    }
    setSaving(true)
    try {
      const updated = await run(values)
      // A return takes the appeal away from the department: the server says so instead of showing it.
      if ('visibleToYou' in updated) {
        onGone(t('appeals.case.returnedGone'))
        return
      }
      onDone(updated, t('appeals.case.done', { action: label }))
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FIELDS[kind], errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  const required = { required: true, message: fieldMessage('fields.required') }
  const reasonRules = [
    required,
    { min: REASON_MIN, message: fieldMessage('appeals.validation.reasonLength', { min: REASON_MIN }) },
  ]
  const categoryOptions = categories.map((c) => ({ value: c.code, label: c.name }))
  const tierOptions = TIERS.map((tier) => ({ value: tier, label: tx(`appeals.tiers.${tier}`) }))

  const initialValues: Values =
    action.kind === 'dispatch'
      ? {
          leadDepartmentId: action.leadDepartmentId,
          coDepartmentIds: [],
          categoryCode: appeal.categoryCode,
          tier: appeal.tier,
        }
      : action.kind === 'accept'
        ? { categoryCode: appeal.categoryCode, tier: appeal.tier }
        : action.kind === 'arbitrate'
          ? { departmentId: action.departmentId }
          : action.kind === 'pause'
            ? { reason: 'awaiting_enterprise' }
            : action.kind === 'request_extension'
              ? { workingDays: 5 }
              : action.kind === 'record_contact'
                ? { method: 'phone' }
                : {}

  const isWide = action.kind === 'dispatch' || action.kind === 'reply' || action.kind === 'submit_part'
  const isDanger =
    action.kind === 'reject' ||
    action.kind === 'return' ||
    ((action.kind === 'decide_extension' || action.kind === 'decide_reply') && !action.approve)

  return (
    <Modal
      open
      title={label}
      okText={label}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: isDanger }}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={isWide ? 640 : 520}
    >
      <Typography.Paragraph type="secondary">
        {tx(`appeals.actionHelp.${kind}`, {
          original: action.kind === 'merge' ? action.original.number : '',
          days: action.kind === 'decide_extension' ? action.extension.workingDays : '',
        })}
        {maxReturnsHint && action.kind === 'return' ? ` ${maxReturnsHint}` : ''}
      </Typography.Paragraph>
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        name={`appeal-${kind}`}
        layout="vertical"
        initialValues={{ noteAudience: 'internal', ...initialValues }}
        onFinish={(v) => void submit(v)}
      >
        {action.kind === 'dispatch' ? (
          <>
            <Form.Item
              name="leadDepartmentId"
              label={t('appeals.case.leadDepartment')}
              extra={t('appeals.case.leadHelp')}
            >
              <DepartmentSelect
                allowClear
                options={departments}
                placeholder={t('appeals.case.fallbackOwner')}
              />
            </Form.Item>
            <Form.Item
              name="coDepartmentIds"
              label={t('appeals.case.coDepartments')}
              extra={t('appeals.case.coHelp')}
            >
              <DepartmentSelect
                mode="multiple"
                allowClear
                options={departments}
                placeholder={t('appeals.case.none')}
              />
            </Form.Item>
          </>
        ) : null}
        {action.kind === 'arbitrate' ? (
          <Form.Item name="departmentId" label={t('appeals.case.leadDepartment')} rules={[required]}>
            <DepartmentSelect options={departments} placeholder={t('appeals.case.pickDepartment')} />
          </Form.Item>
        ) : null}
        {action.kind === 'accept' || action.kind === 'dispatch' ? (
          <div className="s-form-row">
            <Form.Item name="categoryCode" label={t('appeals.fields.category')} style={{ flex: 2 }}>
              <Select options={categoryOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="tier" label={t('appeals.fields.tier')} style={{ flex: 1 }}>
              <Select options={tierOptions} />
            </Form.Item>
          </div>
        ) : null}
        {action.kind === 'pause' ? (
          <Form.Item name="reason" label={t('appeals.case.pauseReason')} rules={[required]}>
            <Radio.Group
              options={PAUSE_REASONS.map((reason) => ({
                value: reason,
                label: tx(`appeals.pauseReasons.${reason}`),
              }))}
            />
          </Form.Item>
        ) : null}
        {action.kind === 'request_extension' ? (
          <Form.Item
            name="workingDays"
            label={t('appeals.case.workingDays')}
            rules={[
              required,
              { type: 'number', min: 1, max: 30, message: fieldMessage('appeals.validation.workingDays') },
            ]}
          >
            <InputNumber min={1} max={30} precision={0} style={{ width: 140 }} />
          </Form.Item>
        ) : null}
        {action.kind === 'record_contact' ? (
          <>
            <Form.Item name="method" label={t('appeals.contact.method')} rules={[required]}>
              <Radio.Group
                options={CONTACT_METHODS.map((m) => ({ value: m, label: tx(`appeals.contactMethods.${m}`) }))}
              />
            </Form.Item>
            {method !== 'message' ? (
              <div className="s-form-row">
                <Form.Item
                  name="contactPerson"
                  label={t('appeals.contact.person')}
                  rules={[required]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={50} autoComplete="off" />
                </Form.Item>
                <Form.Item
                  name="contactedAt"
                  label={t('appeals.contact.at')}
                  extra={t('appeals.contact.atHelp')}
                  style={{ flex: 1 }}
                >
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </div>
            ) : null}
          </>
        ) : null}
        {action.kind === 'reject' || action.kind === 'return' || action.kind === 'request_extension' ? (
          <Form.Item
            name="reason"
            label={t('appeals.case.reason')}
            rules={reasonRules}
            extra={t(
              action.kind === 'reject'
                ? 'appeals.audience.reasonToEnterprise'
                : 'appeals.audience.reasonInternal',
            )}
          >
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
          </Form.Item>
        ) : null}
        {action.kind === 'submit_part' ? (
          <Form.Item
            name="body"
            label={t('appeals.coParts.body')}
            extra={t('appeals.coParts.help')}
            rules={[
              required,
              { min: 2, message: fieldMessage('appeals.validation.reasonLength', { min: 2 }) },
            ]}
          >
            <Input.TextArea rows={6} maxLength={BODY_MAX} showCount />
          </Form.Item>
        ) : null}
        {action.kind === 'reply' && missingParts.length ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('appeals.coParts.missing', {
                departments: missingParts.join(t('appeals.listSeparator')),
              })}
              style={{ marginBottom: 16 }}
            />
            <Form.Item
              name="missingPartsReason"
              label={t('appeals.coParts.missingReason')}
              rules={reasonRules}
              extra={t('appeals.audience.reasonInternal')}
            >
              <Input.TextArea rows={2} maxLength={REASON_MAX} showCount />
            </Form.Item>
          </>
        ) : null}
        {action.kind === 'reply' ? (
          <>
            <Form.Item
              name="body"
              label={t('appeals.case.replyBody')}
              rules={[
                required,
                { min: BODY_MIN, message: fieldMessage('appeals.validation.bodyLength', { min: BODY_MIN }) },
              ]}
              extra={t('appeals.case.replyHelp')}
            >
              <Input.TextArea rows={8} maxLength={BODY_MAX} showCount />
            </Form.Item>
            <Form.Item label={t('appeals.fields.attachments')}>
              <StaffAttachmentPicker uploads={uploads} />
            </Form.Item>
          </>
        ) : null}
        {noteField(action.kind) ? (
          <Form.Item
            name="note"
            label={
              noteField(action.kind) === 'required' ? t('appeals.case.noteRequired') : t('appeals.case.note')
            }
            rules={noteField(action.kind) === 'required' ? reasonRules : []}
          >
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
          </Form.Item>
        ) : null}
        {noteField(action.kind) ? (
          <NoteAudienceField
            forced={
              action.kind === 'pause'
                ? pauseAudience(reason)
                : action.kind === 'record_contact' && method === 'message'
                  ? 'enterprise'
                  : undefined
            }
          />
        ) : null}
      </Form>
    </Modal>
  )
}

/** Waiting for the enterprise, the note is what it is asked for: it is sent to it. */
function pauseAudience(reason: unknown): NoteAudience | undefined {
  return reason === 'awaiting_enterprise' ? 'enterprise' : undefined
}

/** Co-handlers of this round whose part has not arrived: the reply says why it does not wait. */
export function missingPartsOf(appeal: AppealDetail): string[] {
  return appeal.assignments
    .filter((a) => a.isCurrent && a.role === 'co')
    .filter((a) => !appeal.coParts.some((p) => p.departmentId === a.departmentId && p.cycle === appeal.cycle))
    .map((a) => a.departmentName)
}

function noteField(kind: ModalAction['kind']): 'required' | 'optional' | undefined {
  if (kind === 'arbitrate' || kind === 'pause' || kind === 'record_contact') return 'required'
  if (kind === 'accept' || kind === 'merge' || kind === 'dispatch' || kind === 'resume') return 'optional'
  if (kind === 'decide_extension' || kind === 'decide_reply') return 'optional'
  return undefined
}

export function actionLabel(action: ModalAction, tx: (key: string) => string): string {
  if (action.kind === 'decide_extension')
    return tx(action.approve ? 'appeals.actions.approve_extension' : 'appeals.actions.reject_extension')
  if (action.kind === 'decide_reply')
    return tx(action.approve ? 'appeals.actions.approve_reply' : 'appeals.actions.reject_reply')
  return tx(`appeals.actions.${action.kind}`)
}
