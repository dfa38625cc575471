import { Button, Form, Input, Modal, Space } from 'antd'
import { useState } from 'react'
import { errorMessage, isApiError } from '../../../app/api'
import { policiesApi, type PolicyAction, type PolicyView } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { PublishDialog } from './PublishDialog'
import { fieldMessage } from '../../../ui/field-message'

const ORDER: PolicyAction[] = ['submit', 'publish', 'return', 'revise', 'repeal']
/** Sending back and repealing must say why (publishing: PublishDialog). */
const NOTE: Record<Exclude<PolicyAction, 'publish'>, 'required' | 'optional' | 'none'> = {
  submit: 'none',
  return: 'required',
  revise: 'none',
  repeal: 'required',
}

type Props = {
  policy: PolicyView
  onDone: (policy: PolicyView) => void
  /** A refusal with field messages (publishing: what must be fixed first). */
  onFieldErrors: (fields: Record<string, string>, message: string) => void
}

/** The workflow steps the caller may take now, each confirmed in a dialog (with a note where one is needed). */
export function WorkflowBar({ policy, onDone, onFieldErrors }: Props) {
  const { tx } = usePolicyText()
  const [action, setAction] = useState<PolicyAction>()
  const actions = ORDER.filter((a) => policy.allowedActions.includes(a))
  if (!actions.length) return null
  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'publish' || a === 'submit' ? 'primary' : 'default'}
            danger={a === 'repeal'}
            onClick={() => setAction(a)}
          >
            {tx(`policies.staff.actions.${a}`)}
          </Button>
        ))}
      </Space>
      {action === 'publish' ? (
        <PublishDialog
          policy={policy}
          onClose={() => setAction(undefined)}
          onDone={(next) => {
            setAction(undefined)
            onDone(next)
          }}
          onFieldErrors={(fields, message) => {
            setAction(undefined)
            onFieldErrors(fields, message)
          }}
        />
      ) : action ? (
        <ActionModal
          policy={policy}
          action={action}
          onClose={() => setAction(undefined)}
          onDone={(next) => {
            setAction(undefined)
            onDone(next)
          }}
          onFieldErrors={(fields, message) => {
            setAction(undefined)
            onFieldErrors(fields, message)
          }}
        />
      ) : null}
    </>
  )
}

function ActionModal({
  policy,
  action,
  onClose,
  onDone,
  onFieldErrors,
}: {
  policy: PolicyView
  action: Exclude<PolicyAction, 'publish'>
  onClose: () => void
  onDone: (policy: PolicyView) => void
  onFieldErrors: (fields: Record<string, string>, message: string) => void
}) {
  const { t, tx } = usePolicyText()
  const [form] = Form.useForm<{ note?: string }>()
  const [problem, setProblem] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const note = NOTE[action]

  const submit = async ({ note: text }: { note?: string }) => {
    setProblem(undefined)
    setSaving(true)
    try {
      onDone(
        await policiesApi.act(policy.id, action, {
          version: policy.version,
          ...(text?.trim() ? { note: text.trim() } : {}),
        }),
      )
    } catch (error) {
      if (isApiError(error, 'VALIDATION_FAILED') && !('note' in error.fields))
        onFieldErrors(error.fields, error.message)
      else if (isApiError(error) && error.fields.note)
        form.setFields([{ name: 'note', errors: [error.fields.note] }])
      else setProblem(errorMessage(error, t('errors.generic')))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={tx(`policies.staff.actions.${action}`)}
      okText={tx(`policies.staff.actions.${action}`)}
      okButtonProps={{ danger: action === 'repeal', loading: isSaving }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <p>{tx(`policies.staff.actionText.${action}`)}</p>
      {problem ? (
        <p className="s-danger-text" role="alert">
          {problem}
        </p>
      ) : null}
      <Form form={form} layout="vertical" name="policy-action" onFinish={(values) => void submit(values)}>
        {note === 'none' ? null : (
          <Form.Item
            name="note"
            label={t('policies.staff.actions.note')}
            rules={
              note === 'required'
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: fieldMessage('policies.staff.actions.noteRequired'),
                    },
                  ]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
