import { Alert, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { errorMessage } from '../../../app/api'
import { cityDateOf, cityToday } from '../../../ui/format'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { benefitsApi, type ClaimDetail } from '../benefits.api'
import { useBenefitText } from '../use-benefit-text'
import { fieldMessage } from '../../../ui/field-message'

/** The actions a claim page opens a form for (allowedActions names them the same). */
export type ClaimModalAction = 'request_supplement' | 'recommend' | 'approve' | 'reject' | 'pay'

type Values = {
  note?: string
  materialKeys?: string[]
  approve?: 'yes' | 'no'
  amount?: number | null
  reason?: string
  paidOn?: Dayjs
}

/** Field names as the API names them, so its field errors land under the right input. */
const FIELDS: Record<ClaimModalAction, string[]> = {
  request_supplement: ['note', 'materialKeys'],
  recommend: ['approve', 'amount', 'reason'],
  approve: ['amount', 'reason'],
  reject: ['reason'],
  pay: ['paidOn'],
}

const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined)

/** One form per review action; answers the claim as the server now sees it. */
export function ClaimActionModal({
  claim,
  action,
  onClose,
  onDone,
}: {
  claim: ClaimDetail
  action: ClaimModalAction
  onClose: () => void
  onDone: (updated: ClaimDetail, message: string) => void
}) {
  const { t, tx } = useBenefitText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const approve = Form.useWatch('approve', form)
  const label = tx(`benefits.staff.actions.${action}`)
  const defaultAmount = claim.recommendation?.amount ?? claim.expectedAmount ?? undefined
  const reasonRequired = action === 'reject' || (action === 'recommend' && approve === 'no')
  const amountShown = action === 'approve' || (action === 'recommend' && approve !== 'no')

  const run = (values: Values): Promise<ClaimDetail> => {
    const amount = values.amount ?? undefined
    switch (action) {
      case 'request_supplement':
        return benefitsApi.requestSupplement(claim.id, {
          note: values.note!.trim(),
          materialKeys: values.materialKeys ?? [],
        })
      case 'recommend':
        return values.approve === 'no'
          ? benefitsApi.recommend(claim.id, { approve: false, reason: trimmed(values.reason) })
          : benefitsApi.recommend(claim.id, { approve: true, amount, reason: trimmed(values.reason) })
      case 'approve':
        return benefitsApi.decide(claim.id, { approve: true, amount, reason: trimmed(values.reason) })
      case 'reject':
        return benefitsApi.decide(claim.id, { approve: false, reason: trimmed(values.reason) })
      case 'pay':
        return benefitsApi.recordPayout(claim.id, {
          paidOn: values.paidOn!.format('YYYY-MM-DD'),
          // the account shown here: the server refuses if the enterprise changed it since
          ...(claim.settlementAccount.account ? { accountId: claim.settlementAccount.account.id } : {}),
        })
    }
  }

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      onDone(await run(values), t('benefits.staff.done', { action: label }))
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FIELDS[action], errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  const earliest = cityDateOf(new Date(claim.createdAt))
  return (
    <Modal
      open
      title={label}
      okText={label}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving, danger: action === 'reject' }}
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
        name={`claim-${action}`}
        onFinish={(values) => void submit(values)}
        initialValues={{
          approve: 'yes',
          amount: defaultAmount,
          materialKeys: [],
          paidOn: dayjs(cityToday()),
        }}
      >
        {action === 'request_supplement' ? (
          <>
            <Form.Item
              name="note"
              label={t('benefits.staff.form.supplementNote')}
              extra={t('benefits.staff.form.readByEnterprise')}
              rules={[{ required: true, min: 2, message: fieldMessage('benefits.staff.form.noteRequired') }]}
            >
              <Input.TextArea
                rows={3}
                maxLength={1000}
                placeholder={t('benefits.staff.form.supplementPlaceholder')}
              />
            </Form.Item>
            {claim.requiredMaterials.length ? (
              <Form.Item
                name="materialKeys"
                label={t('benefits.staff.form.reupload')}
                extra={t('benefits.staff.form.reuploadHelp')}
              >
                <Checkbox.Group
                  options={claim.requiredMaterials.map((m) => ({ value: m.key, label: m.name }))}
                />
              </Form.Item>
            ) : null}
            <Alert type="info" showIcon title={t('benefits.staff.form.clockStops')} />
          </>
        ) : null}
        {action === 'recommend' ? (
          <Form.Item name="approve" label={t('benefits.staff.form.recommendation')}>
            <Radio.Group
              options={[
                { value: 'yes', label: t('benefits.staff.form.recommendApprove') },
                { value: 'no', label: t('benefits.staff.form.recommendReject') },
              ]}
            />
          </Form.Item>
        ) : null}
        {amountShown ? (
          <Form.Item
            name="amount"
            label={t('benefits.staff.form.amount')}
            extra={
              claim.expectedAmount !== null
                ? t('benefits.staff.form.expected', { amount: claim.expectedAmount })
                : undefined
            }
            rules={
              claim.benefitKind === 'service'
                ? []
                : [{ required: true, message: fieldMessage('fields.required') }]
            }
          >
            <InputNumber
              min={0}
              max={1e12}
              precision={2}
              style={{ width: 220 }}
              addonAfter={t('benefits.staff.form.yuan')}
            />
          </Form.Item>
        ) : null}
        {action === 'approve' || action === 'reject' || action === 'recommend' ? (
          <Form.Item
            name="reason"
            label={reasonRequired ? t('benefits.staff.form.reason') : t('benefits.staff.form.noteOptional')}
            // A recommendation is the department's own step; a decision's reason is owed to the applicant.
            extra={
              action === 'recommend'
                ? t('benefits.staff.form.readByStaff')
                : t('benefits.staff.form.readByEnterprise')
            }
            rules={
              reasonRequired
                ? [{ required: true, min: 2, message: fieldMessage('benefits.staff.form.reasonRequired') }]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : null}
        {action === 'pay' ? <PayToLine claim={claim} /> : null}
        {action === 'pay' ? (
          <Form.Item
            name="paidOn"
            label={t('benefits.staff.form.paidOn')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <DatePicker
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(cityToday()), 'day') || d.isBefore(dayjs(earliest), 'day')}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  )
}

/** Where the money goes: the bank and the masked number (the whole number is in the payout ledger). */
function PayToLine({ claim }: { claim: ClaimDetail }) {
  const { t } = useBenefitText()
  const account = claim.settlementAccount.account
  if (!account || claim.settlementAccount.problem)
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title={t(
          claim.settlementAccount.problem === 'name_mismatch'
            ? 'settlementAccount.staff.nameMismatch'
            : 'settlementAccount.staff.missing',
        )}
      />
    )
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('settlementAccount.staff.payTo', {
        name: account.accountName,
        bank: account.bankName,
        number: account.accountNumberMasked,
      })}
      description={t('settlementAccount.staff.ledgerHint')}
    />
  )
}
