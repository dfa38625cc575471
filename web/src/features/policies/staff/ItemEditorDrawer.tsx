import {
  Alert,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm, toNamePath } from '../../../ui/form-errors'
import { BENEFIT_KINDS, BENEFIT_MODES, type BenefitKind, type BenefitMode } from '@shared/policies'
import type { DepartmentOption } from '../../../ui/department-options'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { formatAmount, topicOptions } from '../policy-labels'
import {
  policiesApi,
  type ItemBody,
  type ItemPreviewBody,
  type PolicyItem,
  type PolicyTopic,
  type PolicyView,
} from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { ConditionsList } from './ConditionsList'
import { toApiDay, toPickerValue } from '../../../ui/picker-value'
import { EnterprisePicker } from '../../../ui/staff/EnterprisePicker'
import { exclusionBody, ExclusionFields, type ExclusionValues } from './ExclusionFields'
import { ItemTrial } from './ItemTrial'
import { MaterialsList } from './MaterialsList'
import { RuleInput } from './RuleInput'
import { fieldMessage } from '../../../ui/field-message'

export type ConditionValues = { id?: string; clause: string; rule: string; note?: string }
export type MaterialValues = { key?: string; nameZh: string; nameEn: string; isRequired: boolean }
type Values = {
  code: string
  title: string
  summary?: string
  benefitKind: BenefitKind
  amount?: number | null
  amountFormula?: string
  mode: BenefitMode
  departmentId: string
  budgetCap?: number | null
  noCapReason?: string
  requiredMaterials: MaterialValues[]
  promisedWorkingDays: number
  conditions: ConditionValues[]
  exclusion?: ExclusionValues
  effectiveFrom?: Dayjs
  effectiveTo?: Dayjs
  topics: PolicyTopic[]
  isPushEnabled: boolean
  isActive: boolean
}

const FIELDS = [
  'code',
  'title',
  'summary',
  'benefitKind',
  'amount',
  'amountFormula',
  'mode',
  'departmentId',
  'budgetCap',
  'noCapReason',
  'requiredMaterials',
  'promisedWorkingDays',
  'conditions',
  'exclusion',
  'effectiveFrom',
  'effectiveTo',
  'topics',
  'isPushEnabled',
  'isActive',
]

/** Materials need a stable key the server checks; officers never see it. */
function materialKeys(materials: MaterialValues[]) {
  const used = new Set(materials.map((m) => m.key).filter(Boolean))
  let n = 1
  return materials.map((m) => {
    if (m.key) return { ...m, key: m.key }
    while (used.has(`material_${n}`)) n++
    used.add(`material_${n}`)
    return { ...m, key: `material_${n}` }
  })
}

function bodyOf(values: Values): ItemBody {
  const kind = values.benefitKind
  return {
    code: values.code.trim(),
    title: values.title.trim(),
    summary: values.summary?.trim() ?? '',
    benefitKind: kind,
    amount: kind === 'amount' ? (values.amount ?? null) : null,
    amountFormula: kind === 'formula' ? values.amountFormula?.trim() || null : null,
    mode: values.mode,
    departmentId: values.departmentId,
    budgetCap: values.budgetCap ?? null,
    // a reason is asked only of money without a cap
    noCapReason:
      kind !== 'service' && (values.budgetCap ?? null) === null ? values.noCapReason?.trim() || null : null,
    requiredMaterials: materialKeys(values.requiredMaterials ?? []).map((m) => ({
      key: m.key,
      nameZh: m.nameZh.trim(),
      nameEn: m.nameEn.trim(),
      isRequired: m.isRequired,
    })),
    promisedWorkingDays: values.promisedWorkingDays,
    conditions: (values.conditions ?? []).map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      clause: c.clause.trim(),
      rule: c.rule.trim(),
      note: c.note?.trim() || null,
    })),
    exclusion: exclusionBody(values.exclusion),
    effectiveFrom: toApiDay(values.effectiveFrom),
    effectiveTo: toApiDay(values.effectiveTo),
    topics: values.topics ?? [],
    isPushEnabled: values.isPushEnabled,
  }
}

/** The form as the trial reads it: only what decides the outcome and the cost, whatever is still empty. */
function trialBodyOf(values: Values, itemId: string | null): ItemPreviewBody | undefined {
  const kind = values.benefitKind
  if (!kind) return undefined
  const cap = values.budgetCap ?? null
  return {
    code: values.code?.trim() || '—',
    title: values.title?.trim() || '——',
    benefitKind: kind,
    amount: kind === 'amount' ? (values.amount ?? null) : null,
    amountFormula: kind === 'formula' ? values.amountFormula?.trim() || null : null,
    mode: values.mode,
    budgetCap: cap,
    noCapReason: kind !== 'service' && cap === null ? values.noCapReason?.trim() || null : null,
    conditions: (values.conditions ?? []).map((c) => ({
      ...(c.id ? { id: c.id } : {}),
      clause: c.clause?.trim() ?? '',
      rule: c.rule?.trim() ?? '',
    })),
    exclusion: exclusionBody(values.exclusion),
    effectiveFrom: toApiDay(values.effectiveFrom),
    effectiveTo: toApiDay(values.effectiveTo),
    isPushEnabled: values.isPushEnabled,
    itemId,
  }
}

type Props = {
  policy: PolicyView
  item: PolicyItem | undefined
  departments: DepartmentOption[]
  readOnly: boolean
  /** What publishing said about this item (`conditions.2.rule` …), shown at the fields. */
  publishErrors?: Record<string, string>
  onClose: () => void
  onSaved: (policy: PolicyView) => void
}

/** Add or change one benefit item: what it gives, how, who pays, and its conditions as rules. */
export function ItemEditorDrawer({
  policy,
  item,
  departments,
  readOnly,
  publishErrors,
  onClose,
  onSaved,
}: Props) {
  const { t, kind: kindName, mode: modeName, language } = usePolicyText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const [previewId, setPreviewId] = useState<string>()
  const kind = Form.useWatch('benefitKind', form)
  const amount = Form.useWatch('amount', form)
  const budgetCap = Form.useWatch('budgetCap', form)
  const required = { required: true, message: fieldMessage('fields.required') }

  useEffect(() => {
    if (!publishErrors) return
    form.setFields(
      Object.entries(publishErrors).map(([path, message]) => ({
        name: toNamePath(path) as never,
        errors: [message],
      })),
    )
  }, [publishErrors, form])

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      const body = bodyOf(values)
      onSaved(
        item
          ? await policiesApi.updateItem(policy.id, item.id, {
              ...body,
              version: item.version,
              isActive: values.isActive,
            })
          : await policiesApi.addItem(policy.id, body),
      )
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FIELDS, errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Drawer
      open
      size={1040}
      onClose={onClose}
      title={
        item ? t('policies.staff.item.editTitle', { code: item.code }) : t('policies.staff.item.newTitle')
      }
      destroyOnHidden
      extra={
        readOnly ? null : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={isSaving} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {banner ? (
        <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} />
      ) : null}
      <div className="s-preview-bar">
        <label htmlFor="preview-enterprise" className="s-preview-label">
          {t('policies.staff.preview.label')}
        </label>
        <EnterprisePicker
          id="preview-enterprise"
          value={previewId}
          onChange={(id) => setPreviewId(id)}
          placeholder={t('policies.staff.preview.placeholder')}
          notFound={t('policies.staff.preview.noEnterprise')}
          style={{ width: '100%', maxWidth: 520 }}
        />
        <Typography.Text type="secondary" className="s-small">
          {t('policies.staff.preview.hint')}
        </Typography.Text>
      </div>
      <Form<Values>
        form={form}
        layout="vertical"
        name="policy-item"
        disabled={readOnly}
        onFinish={(values) => void submit(values)}
        scrollToFirstError
        initialValues={{
          code: item?.code ?? '',
          title: item?.title ?? '',
          summary: item?.summary ?? '',
          benefitKind: item?.benefitKind ?? 'amount',
          amount: item?.amount ?? null,
          amountFormula: item?.amountFormula ?? '',
          mode: item?.mode ?? 'no_application',
          departmentId: item?.departmentId ?? policy.ownerDepartmentId,
          budgetCap: item?.budgetCap ?? null,
          noCapReason: item?.noCapReason ?? '',
          exclusion: item?.exclusion
            ? {
                enabled: true,
                clause: item.exclusion.clause,
                tag: item.exclusion.tag,
                sinceFact: item.exclusion.sinceFact,
                validYears: item.exclusion.validYears,
              }
            : { enabled: false },
          requiredMaterials: item?.requiredMaterials ?? [],
          promisedWorkingDays: item?.promisedWorkingDays ?? 10,
          conditions: item?.conditions.map((c) => ({
            id: c.id,
            clause: c.clause,
            rule: c.rule,
            note: c.note ?? '',
          })) ?? [{ clause: '', rule: '' }],
          effectiveFrom: toPickerValue(item?.effectiveFrom),
          effectiveTo: toPickerValue(item?.effectiveTo),
          topics: (item?.topics ?? policy.topics) as PolicyTopic[],
          isPushEnabled: item?.isPushEnabled ?? true,
          isActive: item?.isActive ?? true,
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item
              name="code"
              label={t('policies.staff.item.code')}
              rules={[required]}
              tooltip={t('policies.staff.item.codeHint')}
            >
              <Input maxLength={30} placeholder={t('policies.staff.item.codePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item
              name="title"
              label={t('policies.staff.item.title')}
              rules={[required, { min: 2, message: fieldMessage('fields.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="summary" label={t('policies.staff.item.summary')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="benefitKind" label={t('policies.staff.item.kind')} rules={[required]}>
              <Select options={BENEFIT_KINDS.map((k) => ({ value: k, label: kindName(k) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            {kind === 'amount' ? (
              <Form.Item
                name="amount"
                label={t('policies.staff.item.amount')}
                rules={[required]}
                extra={amount ? formatAmount(amount, language) : undefined}
              >
                <InputNumber min={0} max={1e12} style={{ width: 240 }} addonAfter={t('facts.input.yuan')} />
              </Form.Item>
            ) : kind === 'formula' ? (
              <Form.Item
                name="amountFormula"
                label={t('policies.staff.item.formula')}
                rules={[required]}
                extra={t('policies.staff.item.formulaHint')}
              >
                <RuleInput
                  expect="number"
                  enterpriseId={previewId}
                  placeholder={t('policies.staff.item.formulaPlaceholder')}
                />
              </Form.Item>
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 30 }}>
                {t('policies.staff.item.serviceHint')}
              </Typography.Paragraph>
            )}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="mode" label={t('policies.staff.item.mode')} rules={[required]}>
              <Select options={BENEFIT_MODES.map((m) => ({ value: m, label: modeName(m) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="departmentId" label={t('policies.fields.department')} rules={[required]}>
              <DepartmentSelect options={departments} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="promisedWorkingDays" label={t('policies.staff.item.days')} rules={[required]}>
              <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="budgetCap"
              label={t('policies.staff.item.budgetCap')}
              extra={budgetCap ? formatAmount(budgetCap, language) : undefined}
            >
              <InputNumber min={0} max={1e12} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="effectiveFrom" label={t('policies.staff.fields.effectiveFrom')}>
              <DatePicker style={{ width: '100%' }} placeholder={t('policies.staff.item.asPolicy')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="effectiveTo" label={t('policies.fields.effectiveTo')}>
              <DatePicker style={{ width: '100%' }} placeholder={t('policies.staff.item.asPolicy')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="topics" label={t('policies.staff.fields.topics')}>
              <Select mode="multiple" allowClear options={topicOptions(language)} />
            </Form.Item>
          </Col>
          <Col xs={12} md={2}>
            <Form.Item name="isPushEnabled" label={t('policies.staff.item.push')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          {item ? (
            <Col xs={12} md={2}>
              <Form.Item name="isActive" label={t('policies.staff.item.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          ) : null}
          {kind !== 'service' && (budgetCap ?? null) === null ? (
            <Col xs={24}>
              <Form.Item
                name="noCapReason"
                label={t('policies.staff.item.noCapReason')}
                extra={t('policies.staff.item.noCapReasonHint')}
              >
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <ConditionsList enterpriseId={previewId} readOnly={readOnly} />
        <ExclusionFields readOnly={readOnly} />
        <ItemTrial
          policyId={policy.id}
          bodyOf={() => trialBodyOf(form.getFieldsValue(true) as Values, item?.id ?? null)}
          onFieldErrors={(error) => {
            showApiErrorOnForm(form, error, FIELDS, '')
          }}
        />
        <MaterialsList readOnly={readOnly} />
      </Form>
    </Drawer>
  )
}
