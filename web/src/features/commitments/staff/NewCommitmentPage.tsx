import { App, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { paths } from '../../../app/routes'
import { departmentsApi } from '../../../app/shared-api/departments'
import { hasStaffRole, useSession } from '../../../app/session'
import { departmentSelectOptions } from '../../../ui/department-options'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { EnterprisePicker } from '../../../ui/staff/EnterprisePicker'
import { CreateFormActions, CreateFormPage } from '../../../ui/staff/CreateFormPage'
import { useFormSubmit } from '../../../ui/use-form-submit'
import { useLoad } from '../../../ui/use-load'
import {
  API_TO_FORM_FIELD,
  bpToPercentText,
  isPercent,
  isYuan,
  renameApiFields,
  toCreateBody,
  type CommitmentKind,
  type OwnerRole,
} from '../commitment-form'
import { commitmentsApi } from '../commitments.api'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

const KINDS: readonly CommitmentKind[] = [
  'payable',
  'procurement_contract',
  'construction_contract',
  'services_contract',
  'investment_promise',
]
const OWNER_ROLES: readonly OwnerRole[] = ['handler', 'department_head']
/** The statutory overdue rate when none is agreed: 0.05 % a day (commitment-money.ts). */
const STATUTORY_RATE_BP = 1825
const DEFAULT_TERM_DAYS = 30

type Values = {
  kind: CommitmentKind
  enterpriseId: string
  departmentId: string
  ownerRole: OwnerRole
  title: string
  obligation: string
  dueOn?: Dayjs
  acceptedOn?: Dayjs
  amount?: string
  disputed?: string
  paymentTermDays?: number | null
  isLargeBuyer?: boolean
  agreedRate?: string
  floorRate?: string
}

/** Every field the form renders: the server's messages for them go under them. */
const FORM_FIELDS = [
  'kind',
  'enterpriseId',
  'departmentId',
  'ownerRole',
  'title',
  'obligation',
  'dueOn',
  'acceptedOn',
  'amount',
  'disputed',
  'paymentTermDays',
  'isLargeBuyer',
  'agreedRate',
  'floorRate',
]
/** Refusals that name one field without listing it: their message goes under that field. */
const CODE_TO_FIELD = {
  PAYMENT_TERM_OVER_MAXIMUM: 'paymentTermDays',
  INTEREST_BELOW_FLOOR: 'agreedRate',
  COMMITMENT_DISPUTE_TOO_LARGE: 'disputed',
}

/**
 * `/staff/commitments/new`: registers a promise, a contract's obligation or a payable in the ledger,
 * owned by a role in a unit (never a person). A payable's due day is the API's: acceptance plus the
 * term (30 days; up to 60 agreed by a large buyer); its overdue rate the agreed one, not below the
 * floor, else the statutory 0.05 % a day. The bureau registers for any unit, a unit's staff for
 * their own; the server decides and its refusals land under the fields they concern.
 */
export function NewCommitmentPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { me } = useSession()
  const [form] = Form.useForm<Values>()
  const departments = useLoad(() => departmentsApi.list(), [])
  const isBureau = hasStaffRole(me, 'dispatcher', 'bureau_leader')
  const options = useMemo(() => {
    const all = departmentSelectOptions(departments.data?.items ?? [])
    if (isBureau || me?.kind !== 'staff') return all
    // a unit's staff register for the units where they hold a role that can own a commitment
    const own = new Set(
      me.roles.filter((g) => (OWNER_ROLES as string[]).includes(g.role)).map((g) => g.departmentId),
    )
    return all.filter((o) => own.has(o.value)).map((o) => ({ ...o, depth: 0 }))
  }, [departments.data, isBureau, me])
  const kind = Form.useWatch('kind', form)
  const acceptedOn = Form.useWatch('acceptedOn', form)
  const termDays = Form.useWatch('paymentTermDays', form)
  const isPayable = kind === 'payable'

  const { banner, saving, submit } = useFormSubmit<Values>(
    form,
    async (v) => {
      const created = await commitmentsApi.register(
        toCreateBody({
          ...v,
          dueOn: v.dueOn?.format('YYYY-MM-DD'),
          acceptedOn: v.acceptedOn?.format('YYYY-MM-DD'),
        }),
      )
      void message.success(t('commitments.register.done', { number: created.number }))
      void navigate(paths.staffCommitment(created.id))
    },
    {
      fields: FORM_FIELDS,
      codeToField: CODE_TO_FIELD,
      renameFields: (error) => renameApiFields(error, API_TO_FORM_FIELD),
    },
  )

  const required = { required: true, message: fieldMessage('fields.required') }
  const requiredText = { ...required, whitespace: true }
  const yuanRule = {
    validator: (_: unknown, value: string | undefined) =>
      isYuan(value) ? Promise.resolve() : rejectWith(fieldMessage('commitments.register.badYuan')),
  }
  const percentRule = {
    validator: (_: unknown, value: string | undefined) =>
      isPercent(value) ? Promise.resolve() : rejectWith(fieldMessage('commitments.register.badPercent')),
  }
  const dueDay = isPayable && acceptedOn ? acceptedOn.add(termDays ?? DEFAULT_TERM_DAYS, 'day') : null

  return (
    <CreateFormPage
      title={t('commitments.register.title')}
      subtitle={t('commitments.register.subtitle')}
      banner={banner}
    >
      <Form<Values>
        form={form}
        name="new-commitment"
        layout="vertical"
        initialValues={{ kind: 'payable', ownerRole: 'handler', isLargeBuyer: false }}
        onFinish={submit}
        style={{ maxWidth: 820 }}
      >
        <Form.Item name="kind" label={t('commitments.fields.kind')} rules={[required]}>
          <Radio.Group
            optionType="button"
            options={KINDS.map((k) => ({ value: k, label: t(`commitments.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t('commitments.register.enterprise')} rules={[required]}>
          <EnterprisePicker
            placeholder={t('commitments.register.enterprisePlaceholder')}
            notFound={t('commitments.register.enterpriseNotFound')}
          />
        </Form.Item>
        <Space size="large" align="start" wrap>
          <Form.Item
            name="departmentId"
            label={t('commitments.fields.unit')}
            rules={[required]}
            style={{ minWidth: 360 }}
          >
            <DepartmentSelect options={options} loading={departments.isLoading} />
          </Form.Item>
          <Form.Item
            name="ownerRole"
            label={t('commitments.register.ownerRole')}
            extra={t('commitments.register.ownerRoleHelp')}
            rules={[required]}
          >
            <Radio.Group
              options={OWNER_ROLES.map((r) => ({ value: r, label: t(`commitments.roles.${r}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('commitments.register.titleField')} rules={[requiredText]}>
          <Input maxLength={200} placeholder={t('commitments.register.titlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="obligation"
          label={t(isPayable ? 'commitments.register.obligationPayable' : 'commitments.detail.obligation')}
          rules={[requiredText]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {isPayable ? (
          <>
            <Space size="large" align="start" wrap>
              <Form.Item
                name="amount"
                label={t('commitments.register.amount')}
                rules={[required, yuanRule]}
                style={{ width: 240 }}
              >
                <Input inputMode="decimal" />
              </Form.Item>
              <Form.Item
                name="disputed"
                label={t('commitments.register.disputed')}
                extra={t('commitments.register.disputedHelp')}
                rules={[yuanRule]}
                style={{ width: 300 }}
              >
                <Input inputMode="decimal" placeholder="0.00" />
              </Form.Item>
            </Space>
            <Space size="large" align="start" wrap>
              <Form.Item
                name="acceptedOn"
                label={t('commitments.register.acceptedOn')}
                rules={[required]}
                style={{ width: 240 }}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item
                name="paymentTermDays"
                label={t('commitments.register.paymentTermDays')}
                extra={
                  dueDay
                    ? t('commitments.register.dueDay', { date: dueDay.format('YYYY-MM-DD') })
                    : t('commitments.register.paymentTermHelp')
                }
                style={{ width: 300 }}
              >
                <InputNumber
                  min={1}
                  max={3650}
                  precision={0}
                  placeholder={String(DEFAULT_TERM_DAYS)}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Space>
            <Form.Item name="isLargeBuyer" valuePropName="checked">
              <Checkbox>{t('commitments.register.isLargeBuyer')}</Checkbox>
            </Form.Item>
            <Space size="large" align="start" wrap>
              <Form.Item
                name="agreedRate"
                label={t('commitments.register.agreedRate')}
                extra={t('commitments.register.agreedRateHelp', {
                  percent: bpToPercentText(STATUTORY_RATE_BP),
                })}
                rules={[percentRule]}
                style={{ width: 360 }}
              >
                <Input inputMode="decimal" />
              </Form.Item>
              <Form.Item
                name="floorRate"
                label={t('commitments.register.floorRate')}
                extra={t('commitments.register.floorRateHelp')}
                rules={[percentRule]}
                style={{ width: 360 }}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Space>
          </>
        ) : (
          <Form.Item
            name="dueOn"
            label={t('commitments.register.dueOn')}
            rules={[required]}
            style={{ width: 240 }}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <CreateFormActions
          saving={saving}
          submitLabel={t('commitments.register.submit')}
          onCancel={() => void navigate(paths.staffCommitments)}
        />
      </Form>
    </CreateFormPage>
  )
}
