import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { cityNameOf, formsOf, MAX_RECOGNISED_NAMES } from '@shared/department-names'
import { errorMessage, isApiError } from '../../app/api'
import { foldListErrors, showApiErrorOnForm } from '../../ui/form-errors'
import { useLoad } from '../../ui/use-load'
import { referenceApi } from '../../app/shared-api/enterprises'
import { DepartmentSelect } from '../../ui/staff/DepartmentSelect'
import { parentChoices, type DepartmentNode } from '../../ui/department-tree'
import {
  departmentsApi,
  type Department,
  type DepartmentKind,
  type UpdateDepartmentBody,
} from './departments.api'
import { fieldMessage } from '../../ui/field-message'

export type DepartmentFormMode =
  | { mode: 'create'; parentId?: string; kind?: Exclude<DepartmentKind, 'city'> }
  | { mode: 'edit'; department: Department }

type Values = {
  code: string
  name: string
  shortName?: string
  recognisedNames: string[]
  kind: DepartmentKind
  parentId?: string
  divisionCode?: string
  isFallbackOwner: boolean
  isActive: boolean
  sortOrder: number
}

const FORM_FIELDS = [
  'code',
  'name',
  'shortName',
  'recognisedNames',
  'kind',
  'parentId',
  'divisionCode',
  'isFallbackOwner',
  'isActive',
  'sortOrder',
]
// Refusals that are about one field: shown under it.
const CODE_TO_FIELD = {
  DEPARTMENT_CODE_TAKEN: 'code',
  DEPARTMENT_CYCLE: 'parentId',
  DEPARTMENT_NOT_EMPTY: 'isActive',
}
const CREATABLE_KINDS = ['department', 'district', 'division'] as const

/** Create a unit, or edit one: rename, move under another parent, change flags, (de)activate. */
export function DepartmentFormModal({
  mode,
  tree,
  onClose,
  onSaved,
  onConflict,
}: {
  mode: DepartmentFormMode
  tree: DepartmentNode[]
  onClose: () => void
  onSaved: (department: Department) => void
  onConflict: () => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const { modal } = App.useApp()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const editing = mode.mode === 'edit' ? mode.department : undefined
  const kind =
    Form.useWatch('kind', form) ??
    editing?.kind ??
    (mode.mode === 'create' ? mode.kind : undefined) ??
    'department'
  const divisions = useLoad(async () => {
    const [city, districts] = await Promise.all([referenceApi.city(), referenceApi.divisions()])
    return [{ code: city.divisionCode, name: city.name }, ...districts.items]
  }, [])

  const parents = useMemo(() => parentChoices(tree, kind, editing?.id), [tree, kind, editing?.id])
  // What appeals recognise without being told: the name and short name, and both without the city.
  const cityName = cityNameOf(tree.find((node) => node.kind === 'city')?.name ?? '')
  const name = Form.useWatch('name', form) ?? editing?.name ?? ''
  const shortName = Form.useWatch('shortName', form) ?? editing?.shortName ?? ''
  const implicitForms = formsOf({ name, shortName, recognisedNames: [] }, cityName)

  // Departments and district governments have one possible parent, the city: choose it for the user.
  useEffect(() => {
    if (editing || parents.length !== 1 || form.getFieldValue('parentId')) return
    form.setFieldValue('parentId', parents[0]!.id)
  }, [editing, form, parents])

  const initialValues: Partial<Values> = editing
    ? {
        code: editing.code,
        name: editing.name,
        shortName: editing.shortName ?? '',
        recognisedNames: editing.recognisedNames,
        kind: editing.kind,
        parentId: editing.parentId ?? undefined,
        divisionCode: editing.divisionCode ?? undefined,
        isFallbackOwner: editing.isFallbackOwner,
        isActive: editing.isActive,
        sortOrder: editing.sortOrder,
      }
    : {
        kind: mode.mode === 'create' ? (mode.kind ?? 'department') : 'department',
        parentId: mode.mode === 'create' ? mode.parentId : undefined,
        recognisedNames: [],
        isFallbackOwner: false,
        isActive: true,
        sortOrder: 0,
      }

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      const shortName = values.shortName?.trim() ? values.shortName.trim() : null
      const divisionCode = values.divisionCode ?? null
      const recognisedNames = (values.recognisedNames ?? []).map((n) => n.trim()).filter(Boolean)
      if (editing) {
        const body: UpdateDepartmentBody = { version: editing.version }
        if (values.name !== editing.name) body.name = values.name
        if (shortName !== editing.shortName) body.shortName = shortName
        if (recognisedNames.join('\n') !== editing.recognisedNames.join('\n'))
          body.recognisedNames = recognisedNames
        if (values.parentId && values.parentId !== editing.parentId) body.parentId = values.parentId
        if (divisionCode !== editing.divisionCode) body.divisionCode = divisionCode
        if (values.isFallbackOwner !== editing.isFallbackOwner) body.isFallbackOwner = values.isFallbackOwner
        if (values.isActive !== editing.isActive) body.isActive = values.isActive
        if (values.sortOrder !== editing.sortOrder) body.sortOrder = values.sortOrder
        onSaved(await departmentsApi.update(editing.id, body))
      } else {
        onSaved(
          await departmentsApi.create({
            code: values.code,
            name: values.name,
            shortName,
            recognisedNames,
            kind: values.kind as Exclude<DepartmentKind, 'city'>,
            parentId: values.parentId ?? '',
            divisionCode,
            isFallbackOwner: values.isFallbackOwner,
            sortOrder: values.sortOrder,
          }),
        )
      }
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT')) {
        modal.warning({ title: t('common.versionConflictTitle'), content: error.message, onOk: onConflict })
        return
      }
      setBanner(
        showApiErrorOnForm(
          form,
          foldListErrors(error, 'recognisedNames', values.recognisedNames ?? []),
          FORM_FIELDS,
          errorMessage(error, t('errors.generic')),
          CODE_TO_FIELD,
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  const required = { required: true, message: fieldMessage('fields.required') }
  const isCity = editing?.kind === 'city'

  return (
    <Modal
      open
      title={editing ? t('departments.editTitle', { name: editing.name }) : t('departments.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {banner ? (
        <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} role="alert" />
      ) : null}
      <Form
        form={form}
        name="department"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="code"
          label={t('departments.fields.code')}
          extra={editing ? undefined : t('departments.help.code')}
          rules={[
            required,
            { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, message: fieldMessage('departments.help.code') },
          ]}
        >
          <Input disabled={!!editing} className="s-mono" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('departments.fields.name')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="shortName" label={t('departments.fields.shortName')}>
          <Input maxLength={30} />
        </Form.Item>
        {isCity ? null : (
          <Form.Item
            name="recognisedNames"
            label={t('departments.fields.recognisedNames')}
            extra={
              <>
                <div>{t('departments.help.recognisedNames')}</div>
                {implicitForms.length ? (
                  <div>{t('departments.help.implicitForms', { forms: implicitForms.join('、') })}</div>
                ) : null}
              </>
            }
          >
            <Select
              mode="tags"
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', '，', '、', ' ']}
              maxCount={MAX_RECOGNISED_NAMES}
              placeholder={t('departments.placeholders.recognisedNames')}
            />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('departments.fields.kind')} rules={[required]}>
          <Select
            disabled={!!editing}
            options={(editing ? [editing.kind] : CREATABLE_KINDS).map((value) => ({
              value,
              label: t(`departments.kinds.${value}`),
            }))}
            onChange={() => form.setFieldValue('parentId', undefined)}
          />
        </Form.Item>
        <Form.Item
          name="parentId"
          label={t('departments.fields.parentId')}
          extra={t('departments.help.parent')}
          rules={isCity ? [] : [required]}
        >
          <DepartmentSelect
            disabled={isCity}
            placeholder={t('departments.placeholders.parent')}
            options={parents.map((node) => ({
              value: node.id,
              label: node.name,
              depth: node.depth,
              search: `${node.name} ${node.shortName ?? ''} ${node.code}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('departments.fields.divisionCode')}
          extra={t('departments.help.divisionCode')}
        >
          <Select
            allowClear
            loading={divisions.isLoading}
            placeholder={t('departments.placeholders.divisionCode')}
            options={(divisions.data ?? []).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))}
          />
        </Form.Item>
        <Form.Item
          name="isFallbackOwner"
          label={t('departments.fields.isFallbackOwner')}
          valuePropName="checked"
          extra={t('departments.help.isFallbackOwner')}
        >
          <Switch />
        </Form.Item>
        {editing ? (
          <Form.Item
            name="isActive"
            label={t('departments.fields.isActive')}
            valuePropName="checked"
            extra={t('departments.help.isActive')}
          >
            <Switch disabled={isCity} />
          </Form.Item>
        ) : null}
        <Form.Item name="sortOrder" label={t('departments.fields.sortOrder')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
