import { Alert, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { errorMessage, isApiError } from '../../../app/api'
import { useLoad } from '../../../ui/use-load'
import { policiesApi, type PolicyView, type PublicationPreview } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { PreviewItemsTable } from './PreviewItemsTable'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

type Values = { note?: string; confirmedPushes?: number | null; noCapReasons?: Record<string, string> }

type Props = {
  policy: PolicyView
  onClose: () => void
  onDone: (policy: PolicyView) => void
  /** A refusal about the working copy (a rule, a date): shown on the editor, where it can be fixed. */
  onFieldErrors: (fields: Record<string, string>, message: string) => void
}

/**
 * The department head's decision: what publishing would do now — per item the enterprises eligible,
 * those who could qualify and the rest, by district and size class, the cost against the budget cap,
 * whom it would tell — a reason for each money item without a cap, and, above the city's threshold,
 * the number of enterprises told typed again. Numbers that moved meanwhile are shown again.
 */
export function PublishDialog({ policy, onClose, onDone, onFieldErrors }: Props) {
  const { t, language } = usePolicyText()
  const preview = useLoad(() => policiesApi.publicationPreview(policy.id), [policy.id, language])
  const [form] = Form.useForm<Values>()
  const [problem, setProblem] = useState<string>()
  const [moved, setMoved] = useState(false)
  const [isSaving, setSaving] = useState(false)
  const data = preview.data
  const told = data ? data.pushes.told + data.pushes.later : 0

  // a rule that no longer compiles (a fact retired since): the editor shows where
  const onFieldErrorsRef = useRef(onFieldErrors)
  useEffect(() => {
    onFieldErrorsRef.current = onFieldErrors
  })
  useEffect(() => {
    if (isApiError(preview.error, 'VALIDATION_FAILED'))
      onFieldErrorsRef.current(preview.error.fields, preview.error.message)
  }, [preview.error])

  const submit = async (values: Values, current: PublicationPreview) => {
    setProblem(undefined)
    setSaving(true)
    const reasons = Object.fromEntries(
      Object.entries(values.noCapReasons ?? {})
        .map(([id, text]) => [id, text?.trim() ?? ''] as const)
        .filter(([, text]) => text),
    )
    try {
      onDone(
        await policiesApi.publish(policy.id, {
          version: policy.version,
          previewDigest: current.digest,
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          ...(current.needsConfirmation ? { confirmedPushes: values.confirmedPushes ?? -1 } : {}),
          ...(Object.keys(reasons).length ? { noCapReasons: reasons } : {}),
        }),
      )
    } catch (error) {
      if (isApiError(error, 'POLICY_PREVIEW_STALE')) {
        setMoved(true)
        form.setFieldValue('confirmedPushes', null)
        preview.reload()
      } else if (isApiError(error, 'POLICY_PUSH_CONFIRMATION_REQUIRED'))
        form.setFields([{ name: 'confirmedPushes', errors: [error.message] }])
      else if (isApiError(error, 'VALIDATION_FAILED')) {
        const reasonFields = Object.entries(error.fields).filter(([path]) => path.endsWith('.noCapReason'))
        const others = Object.entries(error.fields).filter(
          ([path]) => !path.endsWith('.noCapReason') && path !== 'note',
        )
        form.setFields(
          reasonFields.flatMap(([path, message]) => {
            const item = current.items.find((i) => path === `items.${i.code}.noCapReason`)
            return item?.itemId ? [{ name: ['noCapReasons', item.itemId], errors: [message] }] : []
          }) as never,
        )
        if (error.fields.note) form.setFields([{ name: 'note', errors: [error.fields.note] }])
        if (others.length) onFieldErrors(Object.fromEntries(others), error.message)
      } else setProblem(errorMessage(error, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      width={1100}
      title={t('policies.staff.actions.publish')}
      okText={t('policies.staff.actions.publish')}
      okButtonProps={{ loading: isSaving, disabled: !data || preview.isLoading }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <p>{t('policies.staff.actionText.publish')}</p>
      {problem ? (
        <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
      ) : null}
      {moved ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('policies.staff.publish.moved')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {preview.error && !isApiError(preview.error, 'VALIDATION_FAILED') ? (
        <Alert type="error" showIcon title={errorMessage(preview.error, t('errors.loadFailed'))} />
      ) : null}
      {!data ? (
        preview.error ? null : (
          <Skeleton active />
        )
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          name="policy-publish"
          onFinish={(values) => void submit(values, data)}
          initialValues={{
            noCapReasons: Object.fromEntries(
              data.items.filter((i) => i.itemId).map((i) => [i.itemId!, i.budget.noCapReason ?? '']),
            ),
          }}
        >
          <Typography.Paragraph>
            {t('policies.staff.publish.basis', { enterprises: data.enterprises, today: data.today })}
          </Typography.Paragraph>
          <PreviewItemsTable
            items={data.items}
            extra={(item) =>
              item.itemId && item.cost && item.budget.cap === null ? (
                <Form.Item
                  name={['noCapReasons', item.itemId]}
                  label={t('policies.staff.publish.noCapReason')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      message: fieldMessage('policies.staff.publish.noCapReasonRequired'),
                    },
                  ]}
                  style={{ marginBottom: 0, minWidth: 220 }}
                >
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
              ) : null
            }
          />
          <PushSummary preview={data} />
          {data.needsConfirmation ? (
            <Alert
              type="warning"
              showIcon
              style={{ margin: '12px 0' }}
              title={t('policies.staff.publish.confirmTitle', { count: told, threshold: data.threshold })}
              description={
                <Form.Item
                  name="confirmedPushes"
                  label={t('policies.staff.publish.confirmLabel', { count: told })}
                  rules={[
                    {
                      validator: (_, value) =>
                        value === told
                          ? Promise.resolve()
                          : rejectWith(
                              fieldMessage('policies.staff.publish.confirmMismatch', { count: told }),
                            ),
                    },
                  ]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber min={0} precision={0} style={{ width: 200 }} />
                </Form.Item>
              }
            />
          ) : null}
          <Form.Item name="note" label={t('policies.staff.actions.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}

/** Whom publication tells, and whom not and why, in one paragraph with the numbers. */
function PushSummary({ preview }: { preview: PublicationPreview }) {
  const { t } = usePolicyText()
  const p = preview.pushes
  return (
    <div className="s-push-summary" role="status">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <strong>{t('policies.staff.publish.told', { count: p.told })}</strong>
        {t('policies.staff.publish.newlyPairs', { count: p.newlyEligible })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" className="s-small" style={{ marginBottom: 0 }}>
        {[
          p.deferredByCap ? t('policies.staff.publish.deferred', { count: p.deferredByCap }) : null,
          p.notSubscribed ? t('policies.staff.publish.notSubscribed', { count: p.notSubscribed }) : null,
          p.optedOut ? t('policies.staff.publish.optedOut', { count: p.optedOut }) : null,
          p.later ? t('policies.staff.publish.later', { count: p.later }) : null,
          t('policies.staff.publish.howCounted'),
        ]
          .filter(Boolean)
          .join(t('policies.staff.publish.separator'))}
      </Typography.Paragraph>
    </div>
  )
}
