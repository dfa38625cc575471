import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError } from '../../../app/api'
import { departmentsApi } from '../../../app/shared-api/departments'
import { paths } from '../../../app/routes'
import { useSession } from '../../../app/session'
import { departmentSelectOptions } from '../../../ui/department-options'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { useLoad } from '../../../ui/use-load'
import { MATTER_TYPE_LABELS, VARIANT_LABELS } from '../matter-labels'
import { servicesApi, type EditableMatterList, type MatterContent } from '../services.api'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

type Values = {
  code: string
  departmentId: string
  parentId?: string
  variant?: NonNullable<EditableMatterList['items'][number]['variant']>
  name: string
  matterType: MatterContent['matterType']
  implementingBody: string
  legalBasis: string
  conditions: string
  statutoryLimitDays: number
  promisedLimitDays: number
}
const FIELDS = [
  'code',
  'departmentId',
  'parentId',
  'variant',
  'name',
  'matterType',
  'implementingBody',
  'legalBasis',
  'conditions',
  'statutoryLimitDays',
  'promisedLimitDays',
]

/**
 * A new matter: where it sits (department, parent, variant) and its basic elements; the rest —
 * materials, fees, steps — is written in the editor it opens, as its first draft.
 */
export function NewMatterDialog({
  open,
  onClose,
  matters,
}: {
  open: boolean
  onClose: () => void
  matters: EditableMatterList['items']
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [busy, setBusy] = useState(false)
  const departments = useDepartmentsToEdit()
  const departmentId = Form.useWatch('departmentId', form)
  const parentId = Form.useWatch('parentId', form)
  const parents = matters.filter((m) => m.departmentId === departmentId && m.variant === null)

  const create = async () => {
    setBanner(undefined)
    let values: Values
    try {
      values = await form.validateFields()
    } catch {
      return
    }
    setBusy(true)
    try {
      const created = await servicesApi.create({
        code: values.code,
        departmentId: values.departmentId,
        parentId: values.parentId ?? null,
        variant: values.parentId ? (values.variant ?? null) : null,
        content: {
          name: values.name,
          matterType: values.matterType,
          implementingBody: values.implementingBody,
          legalBasis: values.legalBasis,
          conditions: values.conditions,
          materials: [],
          fees: [],
          statutoryLimitDays: values.statutoryLimitDays,
          promisedLimitDays: values.promisedLimitDays,
          specialSteps: [],
          visitsNeeded: 0,
          onlineLevel: 'full',
          faq: [],
        },
      })
      void navigate(paths.staffMatter(created.matterId))
    } catch (error) {
      // the content's fields come back as content.<field>: show them under the same fields here
      const flat =
        error instanceof ApiError
          ? new ApiError(
              error.status,
              error.code,
              error.message,
              Object.fromEntries(
                Object.entries(error.fields).map(([k, v]) => [k.replace(/^content\./, ''), v]),
              ),
            )
          : error
      setBanner(
        showApiErrorOnForm(form, flat, FIELDS, t('errors.generic'), {
          MATTER_CODE_TAKEN: 'code',
          MATTER_PARENT_INVALID: 'parentId',
        }),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={open}
      title={t('services.staff.create.title')}
      okText={t('services.staff.create.ok')}
      cancelText={t('services.staff.editor.cancel')}
      onOk={() => void create()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          matterType: 'licence',
          statutoryLimitDays: 20,
          promisedLimitDays: 10,
          departmentId: departments[0]?.value,
        }}
      >
        <Form.Item name="departmentId" label={t('services.guide.department')} rules={[{ required: true }]}>
          <DepartmentSelect
            options={departments}
            onChange={() => form.setFieldValue('parentId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('services.guide.code')}
          rules={[
            {
              required: true,
              pattern: /^[A-Za-z0-9-]{2,60}$/,
              message: fieldMessage('services.staff.create.codeRule'),
            },
          ]}
        >
          <Input maxLength={60} placeholder="DL-XXX-0001" />
        </Form.Item>
        <Form.Item name="parentId" label={t('services.staff.create.parent')}>
          <Select
            allowClear
            placeholder={t('services.staff.create.noParent')}
            options={parents.map((m) => ({ value: m.id, label: `${m.name} ${m.code}` }))}
          />
        </Form.Item>
        {parentId ? (
          <Form.Item name="variant" label={t('services.guide.variant')}>
            <Select
              allowClear
              placeholder={t('services.staff.create.subMatter')}
              options={Object.entries(VARIANT_LABELS).map(([value, key]) => ({ value, label: t(key) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="name" label={t('services.staff.editor.name')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="matterType" label={t('services.guide.matterType')} rules={[{ required: true }]}>
          <Select
            options={Object.entries(MATTER_TYPE_LABELS).map(([value, key]) => ({ value, label: t(key) }))}
          />
        </Form.Item>
        <Form.Item
          name="implementingBody"
          label={t('services.guide.implementingBody')}
          rules={[{ required: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t('services.guide.legalBasis')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="conditions" label={t('services.guide.conditions')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="statutoryLimitDays"
          label={t('services.staff.editor.statutoryDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="promisedLimitDays"
          label={t('services.staff.editor.promisedDays')}
          dependencies={['statutoryLimitDays']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) =>
                value === null || value === undefined || value <= getFieldValue('statutoryLimitDays')
                  ? Promise.resolve()
                  : rejectWith(fieldMessage('services.staff.editor.promisedExceeds')),
            }),
          ]}
        >
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** The departments whose matters the user writes: their handler and head grants; the bureau's leaders and admins any. */
function useDepartmentsToEdit() {
  const { me } = useSession()
  const departments = useLoad(() => departmentsApi.list(), [])
  return useMemo(() => {
    const all = departmentSelectOptions(departments.data?.items ?? [])
    const grants = me?.kind === 'staff' ? me.roles : []
    if (grants.some((g) => g.role === 'bureau_leader' || g.role === 'admin')) return all
    const mine = new Set(
      grants.filter((g) => g.role === 'handler' || g.role === 'department_head').map((g) => g.departmentId),
    )
    return all.filter((d) => mine.has(d.value))
  }, [departments.data, me])
}
