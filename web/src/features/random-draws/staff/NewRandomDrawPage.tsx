import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { paths } from '../../../app/routes'
import { departmentsApi } from '../../../app/shared-api/departments'
import { useSession } from '../../../app/session'
import { departmentSelectOptions } from '../../../ui/department-options'
import { cityToday } from '../../../ui/format'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { CreateFormActions, CreateFormPage } from '../../../ui/staff/CreateFormPage'
import { useFormSubmit } from '../../../ui/use-form-submit'
import { useLoad } from '../../../ui/use-load'
import {
  DEFAULT_RATIOS,
  DRAW_TIERS,
  RATIO_BOUNDS,
  toBasisPoints,
  toPercent,
  type DrawTierKey,
} from '../draw-rules'
import { randomDrawsApi, type PartyCapacity } from '../random-draws.api'
import './random-draws-staff.css'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

const CAPACITIES: readonly PartyCapacity[] = ['body', 'bureau', 'supervisor', 'notary']

type Values = {
  departmentId: string
  title: string
  scope: string
  itemIds: string[]
  divisionCode?: string
  industryCode?: string
  ratios: Record<DrawTierKey, number>
  inspectorsPerTarget: number
  inspectBy?: Dayjs | null
  parties: { userId?: string; capacity: PartyCapacity }[]
}

/** The fields the server may name in its answer; anything else goes in the banner above the form. */
const FORM_FIELDS = [
  'departmentId',
  'title',
  'scope',
  'itemIds',
  'divisionCode',
  'industryCode',
  'ratios',
  'inspectorsPerTarget',
  'inspectBy',
  'parties',
]

/**
 * `/staff/random-draws/new`: the bureau or a body's head opens a draw — the body, title and scope,
 * the body's published items, the filter, the ratio per credit tier (in %, within the SAMR bounds),
 * inspectors per target, the last day of the inspections and at least three parties with their
 * capacities. The server's per-field messages appear under their fields.
 */
export function NewRandomDrawPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { me } = useSession()
  const [form] = Form.useForm<Values>()
  const departmentId = Form.useWatch('departmentId', form)
  const departments = useLoad(() => departmentsApi.list(), [])
  const candidates = useLoad(() => randomDrawsApi.partyCandidates(), [])
  const items = useLoad(
    () => randomDrawsApi.publishedItems(departmentId!),
    [departmentId],
    Boolean(departmentId),
  )
  const departmentOptions = useMemo(
    () => departmentSelectOptions(departments.data?.items ?? []),
    [departments.data],
  )
  const candidateOptions = useMemo(
    () =>
      (candidates.data?.items ?? []).map((c) => ({
        value: c.userId,
        label: `${c.name} · ${c.departmentName}`,
      })),
    [candidates.data],
  )
  const today = cityToday()
  // A head opens draws for their own body: start there.
  const ownBody = me?.roles.find((g) => g.role === 'department_head')?.departmentId

  const { banner, saving, submit } = useFormSubmit<Values>(
    form,
    async (v) => {
      const draw = await randomDrawsApi.open({
        departmentId: v.departmentId,
        title: v.title.trim(),
        scope: v.scope.trim(),
        itemIds: v.itemIds ?? [],
        divisionCode: v.divisionCode?.trim() || null,
        industryCode: v.industryCode?.trim() || null,
        ratios: Object.fromEntries(DRAW_TIERS.map((tier) => [tier, toBasisPoints(v.ratios[tier])])) as Record<
          DrawTierKey,
          number
        >,
        inspectorsPerTarget: v.inspectorsPerTarget,
        inspectBy: v.inspectBy ? v.inspectBy.format('YYYY-MM-DD') : null,
        parties: v.parties.map((p) => ({ userId: p.userId ?? '', capacity: p.capacity })),
      })
      void message.success(t('randomDraws.staff.form.opened'))
      void navigate(paths.staffRandomDraw(draw.id))
    },
    {
      fields: FORM_FIELDS,
      codeToField: {
        RANDOM_DRAW_PARTY_UNKNOWN: 'parties',
        RANDOM_DRAW_ITEM_NOT_PUBLISHED: 'itemIds',
      },
    },
  )

  const required = { required: true, message: fieldMessage('fields.required') }
  const requiredText = { ...required, whitespace: true }
  const tierLabel = (tier: DrawTierKey) =>
    tier === 'U' ? t('randomDraws.staff.form.tierU') : t('randomDraws.staff.form.tier', { tier })

  const itemsHelp = !departmentId
    ? t('randomDraws.staff.form.itemsPickDepartment')
    : items.error
      ? t('randomDraws.staff.form.itemsUnavailable')
      : t('randomDraws.staff.form.itemsHelp')

  return (
    <CreateFormPage
      title={t('randomDraws.staff.form.title')}
      subtitle={t('randomDraws.staff.form.subtitle')}
      banner={banner}
    >
      <Form<Values>
        form={form}
        name="new-random-draw"
        layout="vertical"
        initialValues={{
          departmentId: ownBody,
          itemIds: [],
          ratios: Object.fromEntries(DRAW_TIERS.map((tier) => [tier, toPercent(DEFAULT_RATIOS[tier])])),
          inspectorsPerTarget: 2,
          parties: [{ capacity: 'body' }, { capacity: 'bureau' }, { capacity: 'supervisor' }],
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('departmentId' in changed) form.setFieldValue('itemIds', [])
        }}
        onFinish={submit}
        style={{ maxWidth: 880 }}
      >
        <Form.Item
          name="departmentId"
          label={t('randomDraws.staff.form.department')}
          extra={t('randomDraws.staff.form.departmentHelp')}
          rules={[required]}
        >
          <DepartmentSelect options={departmentOptions} loading={departments.isLoading} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('randomDraws.staff.form.titleLabel')}
          rules={[requiredText, { min: 2 }]}
        >
          <Input maxLength={200} placeholder={t('randomDraws.staff.form.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="scope" label={t('randomDraws.staff.form.scope')} rules={[requiredText, { min: 2 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="itemIds" label={t('randomDraws.staff.form.items')} extra={itemsHelp}>
          <Select
            mode="multiple"
            allowClear
            disabled={!departmentId || Boolean(items.error)}
            loading={items.isLoading}
            maxCount={20}
            optionFilterProp="label"
            options={(items.data?.items ?? [])
              .filter((i) => i.status === 'published')
              .map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="divisionCode"
              label={t('randomDraws.staff.form.divisionCode')}
              extra={t('randomDraws.staff.form.divisionHelp')}
            >
              <Input maxLength={6} inputMode="numeric" placeholder="210200" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="industryCode"
              label={t('randomDraws.staff.form.industryCode')}
              extra={t('randomDraws.staff.form.industryHelp')}
            >
              <Input maxLength={5} placeholder="C39" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('randomDraws.staff.form.ratios')} extra={t('randomDraws.staff.form.ratiosHelp')}>
          <Row gutter={12}>
            {DRAW_TIERS.map((tier) => {
              const [min, max] = RATIO_BOUNDS[tier].map(toPercent) as [number, number]
              return (
                <Col key={tier} xs={12} sm={8} md={4} style={{ minWidth: 150 }}>
                  <Form.Item
                    name={['ratios', tier]}
                    label={tierLabel(tier)}
                    extra={t('randomDraws.staff.form.ratioRange', { min, max })}
                    rules={[
                      required,
                      {
                        type: 'number',
                        min,
                        max,
                        message: fieldMessage('randomDraws.staff.form.ratioOut', { min, max }),
                      },
                    ]}
                  >
                    <InputNumber<number>
                      min={0}
                      max={100}
                      step={0.5}
                      suffix="%"
                      style={{ width: '100%' }}
                      aria-label={tierLabel(tier)}
                    />
                  </Form.Item>
                </Col>
              )
            })}
          </Row>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="inspectorsPerTarget"
              label={t('randomDraws.staff.form.inspectorsPerTarget')}
              extra={t('randomDraws.staff.form.inspectorsHelp')}
              rules={[required]}
            >
              <InputNumber<number> min={2} max={10} precision={0} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="inspectBy"
              label={t('randomDraws.staff.form.inspectBy')}
              extra={t('randomDraws.staff.form.inspectByHelp')}
            >
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('randomDraws.staff.form.parties')}
          extra={t('randomDraws.staff.form.partiesHelp')}
          required
        >
          <Form.List
            name="parties"
            rules={[
              {
                validator: async (_, parties: Values['parties']) => {
                  const ids = parties.map((p) => p?.userId).filter(Boolean)
                  if (ids.length < 3 || new Set(ids).size !== ids.length)
                    return rejectWith(fieldMessage('randomDraws.staff.form.tooFewParties'))
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Space key={field.key} align="start" wrap>
                    <span className="s-draw-party-n">
                      {t('randomDraws.staff.form.partyN', { n: index + 1 })}
                    </span>
                    <Form.Item name={[field.name, 'userId']} rules={[required]} style={{ marginBottom: 0 }}>
                      <Select
                        showSearch={{ optionFilterProp: 'label' }}
                        options={candidateOptions}
                        loading={candidates.isLoading}
                        placeholder={t('randomDraws.staff.form.partyUser')}
                        aria-label={`${t('randomDraws.staff.form.partyN', { n: index + 1 })} ${t('randomDraws.staff.form.partyUser')}`}
                        style={{ width: 380 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'capacity']} rules={[required]} style={{ marginBottom: 0 }}>
                      <Select
                        options={CAPACITIES.map((c) => ({
                          value: c,
                          label: t(`randomDraws.capacity.${c}`),
                        }))}
                        aria-label={`${t('randomDraws.staff.form.partyN', { n: index + 1 })} ${t('randomDraws.staff.form.partyCapacity')}`}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                    {fields.length > 3 ? (
                      <Button
                        type="text"
                        icon={<DeleteOutlined />}
                        aria-label={t('randomDraws.staff.form.removeParty', { n: index + 1 })}
                        onClick={() => remove(field.name)}
                      />
                    ) : null}
                  </Space>
                ))}
                {fields.length < 10 ? (
                  <Button icon={<PlusOutlined />} onClick={() => add({ capacity: 'notary' })}>
                    {t('randomDraws.staff.form.addParty')}
                  </Button>
                ) : null}
                <Form.ErrorList errors={errors} />
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <CreateFormActions
          saving={saving}
          submitLabel={t('randomDraws.staff.form.submit')}
          onCancel={() => void navigate(paths.staffRandomDraws)}
        />
      </Form>
    </CreateFormPage>
  )
}
