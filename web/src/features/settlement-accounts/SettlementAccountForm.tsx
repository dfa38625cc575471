import { Button, Form, Input, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../app/api'
import type { Translate } from '../../app/i18n'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { Banner } from '../../ui/mobile/Banner'
import { scrollToFirstError } from '../../ui/mobile/scroll-to-error'
import { useCountdown } from '../../ui/use-countdown'
import {
  accountBody,
  accountNameProblem,
  accountNumberProblem,
  accountNumberWarning,
  bankNameProblem,
  confirmProblem,
  readBack,
  type FieldProblem,
} from './account-form'
import {
  settlementAccountsApi,
  type AccountBody,
  type SettlementAccountState,
} from './settlement-accounts.api'
import './settlement-accounts.css'
import { fieldMessage } from '../../ui/field-message'

type Values = AccountBody & { reason?: string; code?: string }
const FORM_FIELDS = ['accountName', 'bankName', 'accountNumber', 'accountNumberConfirm', 'reason', 'code']

/**
 * Gives the first settlement account (any member) or changes it (a manager: a reason and the code
 * sent to their own phone). The account name starts as the registered name; the number is typed
 * twice and read back in fours, so a slipped digit shows before money goes anywhere.
 */
export function SettlementAccountForm({
  enterpriseId,
  state,
  mode,
  onSaved,
  onCancel,
}: {
  enterpriseId: string
  state: SettlementAccountState
  mode: 'set' | 'change'
  onSaved: (state: SettlementAccountState) => void
  onCancel?: () => void
}) {
  const { t } = useTranslation()
  const tx = t as unknown as Translate
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const [isSending, setSending] = useState(false)
  const [sentTo, setSentTo] = useState<string>()
  const [secondsLeft, startCountdown] = useCountdown()
  const number = Form.useWatch('accountNumber', form)
  const warning = accountNumberWarning(number)
  const grouped = readBack(number)

  const rule = (check: (value: string | undefined) => FieldProblem) => ({
    validator: async (_rule: unknown, value: string | undefined) => {
      const problem = check(value)
      if (problem) throw new Error(tx(problem.key, problem.values))
    },
  })

  const sendCode = async () => {
    setBanner(undefined)
    setSending(true)
    try {
      const sent = await settlementAccountsApi.sendChangeCode(enterpriseId)
      setSentTo(sent.sentTo)
      startCountdown(Math.max(1, Math.ceil((Date.parse(sent.resendAfter) - Date.now()) / 1000)))
    } catch (error) {
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setSending(false)
    }
  }

  const save = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      const body = accountBody(values)
      const saved =
        mode === 'set'
          ? await settlementAccountsApi.set(enterpriseId, body)
          : await settlementAccountsApi.change(enterpriseId, {
              ...body,
              reason: values.reason?.trim() ?? '',
              code: values.code?.trim() ?? '',
            })
      onSaved(saved)
    } catch (error) {
      const text = showApiErrorOnForm(form, error, FORM_FIELDS, errorMessage(error, t('errors.generic')))
      // A name mismatch is the one refusal people need to read in full: it names both names.
      setBanner(isApiError(error) && error.fields.accountName ? error.fields.accountName : text)
      scrollToFirstError()
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="m-account-form">
      <Banner tone="error" text={banner} />
      {sentTo ? <Banner text={t('settlementAccount.form.codeSent', { to: sentTo })} /> : null}
      <Form
        form={form}
        name={mode === 'set' ? 'settlement-account' : 'change-settlement-account'}
        className="m-form"
        initialValues={{ accountName: state.registeredName }}
        onFinish={(values) => void save(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <div className="m-button-stack">
            <Button block type="submit" color="primary" size="large" loading={isSaving}>
              {mode === 'set' ? t('settlementAccount.form.save') : t('settlementAccount.form.saveChange')}
            </Button>
            {onCancel ? (
              <Button block size="large" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </div>
        }
      >
        <Form.Item
          required
          name="accountName"
          label={t('settlementAccount.fields.accountName')}
          description={t('settlementAccount.form.accountNameHelp', { name: state.registeredName })}
          rules={[rule((v) => accountNameProblem(v, state.registeredName))]}
        >
          <Input maxLength={100} autoComplete="organization" />
        </Form.Item>
        <Form.Item
          required
          name="bankName"
          label={t('settlementAccount.fields.bankName')}
          rules={[rule(bankNameProblem)]}
        >
          <Input maxLength={100} placeholder={t('settlementAccount.form.bankNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          required
          name="accountNumber"
          label={t('settlementAccount.fields.accountNumber')}
          description={
            warning ? (
              <span className="m-account-warning" role="status">
                {tx(warning)}
              </span>
            ) : grouped ? (
              t('settlementAccount.form.readBack', { number: grouped })
            ) : (
              t('settlementAccount.form.accountNumberHelp')
            )
          }
          rules={[rule(accountNumberProblem)]}
        >
          <Input inputMode="numeric" maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          required
          name="accountNumberConfirm"
          label={t('settlementAccount.fields.accountNumberConfirm')}
          dependencies={['accountNumber']}
          rules={[rule((v) => confirmProblem(v, form.getFieldValue('accountNumber') as string | undefined))]}
        >
          <Input inputMode="numeric" maxLength={40} autoComplete="off" />
        </Form.Item>
        {mode === 'change' ? (
          <>
            <Form.Item
              name="reason"
              label={t('settlementAccount.fields.reason')}
              rules={[
                { required: true, min: 2, message: fieldMessage('settlementAccount.form.reasonRequired') },
              ]}
            >
              <TextArea
                rows={2}
                maxLength={200}
                placeholder={t('settlementAccount.form.reasonPlaceholder')}
              />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('settlementAccount.fields.code')}
              description={t('settlementAccount.form.codeHelp')}
              rules={[
                { required: true, message: fieldMessage('settlementAccount.form.codeRequired') },
                { pattern: /^\d{6}$/, message: fieldMessage('settlementAccount.form.codeFormat') },
              ]}
              extra={
                <Button
                  size="middle"
                  color="primary"
                  fill="outline"
                  disabled={secondsLeft > 0}
                  loading={isSending}
                  onClick={() => void sendCode()}
                >
                  {secondsLeft > 0
                    ? t('settlementAccount.form.resendIn', { seconds: secondsLeft })
                    : sentTo
                      ? t('settlementAccount.form.resend')
                      : t('settlementAccount.form.getCode')}
                </Button>
              }
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </div>
  )
}
