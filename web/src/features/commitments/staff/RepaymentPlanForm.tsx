import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, DatePicker, Form, Input, Space, Tag } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { cityToday } from '../../../ui/format'
import {
  addMonths,
  fenToYuanText,
  isYuan,
  planTotals,
  renameApiFields,
  splitEvenly,
  toPlanBody,
  type InstalmentDraft,
} from '../commitment-form'
import { commitmentsApi, formatFen, yuanToFen, type Commitment } from '../commitments.api'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

/** The API allows up to 24 instalments. */
const MAX_INSTALMENTS = 24

/** A row as the form holds it: the day as the date picker's value. */
type Row = { dueOn?: Dayjs | null; amount?: string }
type Values = { instalments: Row[] }

const toDraft = (row: Row | undefined): InstalmentDraft => ({
  dueOn: row?.dueOn ? row.dueOn.format('YYYY-MM-DD') : undefined,
  amount: row?.amount,
})

/**
 * Agrees a repayment plan for an overdue payable (in its drawer): instalments with their days and
 * amounts, which must add up to the undisputed principal still owed and fall after today — the
 * form says how much is left to place as one types, and the server checks again. The instalments
 * become child commitments, listed in the drawer once agreed.
 */
export function RepaymentPlanForm({ commitment, onDone }: { commitment: Commitment; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [sending, setSending] = useState(false)
  const today = cityToday()
  const owed = commitment.outstandingFen
  const money = (fen: number) => formatFen(fen, i18n.language)
  const drafts = (Form.useWatch('instalments', form) ?? []).map(toDraft)
  const totals = planTotals(drafts, owed)

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSending(true)
    try {
      await commitmentsApi.agreePlan(
        commitment.id,
        toPlanBody(commitment.version, values.instalments.map(toDraft)),
      )
      void message.success(t('commitments.plan.done'))
      onDone()
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          form,
          renameApiFields(error, { amountFen: 'amount', instalments: null }),
          ['instalments'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSending(false)
    }
  }

  const splitAmounts = () => {
    const rows = form.getFieldValue('instalments') as Row[]
    const shares = splitEvenly(owed, rows.length)
    form.setFieldValue(
      'instalments',
      rows.map((row, n) => ({ ...row, amount: fenToYuanText(shares[n]!) })),
    )
  }

  const required = { required: true, message: fieldMessage('fields.required') }
  const amountRule = {
    validator: (_: unknown, value: string | undefined) =>
      isYuan(value) && yuanToFen(value ?? '') !== 0
        ? Promise.resolve()
        : rejectWith(fieldMessage('commitments.register.badYuan')),
  }
  const afterTodayRule = {
    validator: (_: unknown, value: Dayjs | null | undefined) =>
      !value || value.format('YYYY-MM-DD') > today
        ? Promise.resolve()
        : rejectWith(fieldMessage('commitments.plan.afterToday')),
  }
  const sumRule = {
    validator: (_: unknown, rows: Row[] | undefined) =>
      planTotals((rows ?? []).map(toDraft), owed).remainderFen === 0
        ? Promise.resolve()
        : rejectWith(fieldMessage('commitments.plan.mismatch', { amount: money(owed) })),
  }

  return (
    <Form<Values>
      form={form}
      name="repayment-plan"
      layout="vertical"
      style={{ marginTop: 24 }}
      initialValues={{ instalments: [{ dueOn: dayjs(addMonths(today, 1)), amount: fenToYuanText(owed) }] }}
      onFinish={(v) => void submit(v)}
    >
      <h3>{t('commitments.plan.title')}</h3>
      <p>{t('commitments.plan.intro', { amount: money(owed) })}</p>
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form.List name="instalments" rules={[sumRule]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                <Form.Item
                  name={[field.name, 'dueOn']}
                  label={t('commitments.plan.dueOn', { n: index + 1 })}
                  rules={[required, afterTodayRule]}
                >
                  <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= today} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  label={t('commitments.plan.amount', { n: index + 1 })}
                  rules={[required, amountRule]}
                >
                  <Input inputMode="decimal" style={{ width: 200 }} />
                </Form.Item>
                {fields.length > 1 ? (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('commitments.plan.remove', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: 30 }}
                  />
                ) : null}
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Space wrap style={{ display: 'flex', margin: '8px 0 16px' }}>
              {fields.length < MAX_INSTALMENTS ? (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const last = drafts[drafts.length - 1]?.dueOn
                    add({
                      dueOn: dayjs(addMonths(last && last > today ? last : today, 1)),
                      amount: totals.remainderFen > 0 ? fenToYuanText(totals.remainderFen) : '',
                    })
                  }}
                >
                  {t('commitments.plan.add')}
                </Button>
              ) : null}
              {fields.length > 1 ? (
                <Button onClick={splitAmounts}>{t('commitments.plan.split')}</Button>
              ) : null}
            </Space>
          </>
        )}
      </Form.List>
      <p>
        {t('commitments.plan.total', { total: money(totals.totalFen), expected: money(owed) })}{' '}
        <Tag color={totals.remainderFen === 0 ? 'green' : 'red'}>
          {totals.remainderFen === 0
            ? t('commitments.plan.balanced')
            : totals.remainderFen > 0
              ? t('commitments.plan.remaining', { amount: money(totals.remainderFen) })
              : t('commitments.plan.over', { amount: money(-totals.remainderFen) })}
        </Tag>
      </p>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('commitments.plan.submit')}
      </Button>
    </Form>
  )
}
