import { Alert, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { MAX_CATEGORY_KEYWORDS } from '@shared/department-names'
import { errorMessage } from '../../../app/api'
import { foldListErrors, showApiErrorOnForm } from '../../../ui/form-errors'
import type { DepartmentOption } from '../../../ui/department-options'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { appealsApi, TIERS, type Tier } from '../appeals.api'
import {
  CATEGORY_CODE,
  CATEGORY_NAME_EN_MAX,
  CATEGORY_NAME_MAX,
  nextSortOrder,
  type CatalogueEntry,
} from '../category-catalogue'
import { useAppealText } from '../use-appeal-text'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

type Values = {
  code: string
  name: string
  nameEn: string
  defaultDepartmentId?: string
  defaultTier: Tier
  keywords: string[]
}
const FORM_FIELDS = ['code', 'name', 'nameEn', 'defaultDepartmentId', 'defaultTier', 'keywords']

/** Add a category, or change one's names, default department, default urgency and keywords. */
export function CategoryFormModal({
  entry,
  existing,
  departments,
  onClose,
  onSaved,
}: {
  entry?: CatalogueEntry
  existing: readonly CatalogueEntry[]
  departments: DepartmentOption[]
  onClose: () => void
  onSaved: (name: string) => void
}) {
  const { t, tier } = useAppealText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const required = { required: true, whitespace: true, message: fieldMessage('fields.required') }

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await appealsApi.saveCategory(values.code, {
        name: values.name.trim(),
        nameEn: values.nameEn.trim(),
        defaultDepartmentId: values.defaultDepartmentId ?? null,
        defaultTier: values.defaultTier,
        isActive: true,
        sortOrder: entry?.sortOrder ?? nextSortOrder(existing),
        keywords: (values.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      })
      onSaved(values.name.trim())
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          form,
          foldListErrors(error, 'keywords', values.keywords ?? []),
          FORM_FIELDS,
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      title={entry ? t('appeals.categories.editTitle', { name: entry.name }) : t('appeals.categories.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        name="category"
        layout="vertical"
        initialValues={
          entry
            ? { ...entry, defaultDepartmentId: entry.defaultDepartmentId ?? undefined }
            : { defaultTier: 'normal', keywords: [] }
        }
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="code"
          label={t('appeals.categories.code')}
          extra={entry ? undefined : t('appeals.categories.codeHelp')}
          rules={[
            required,
            { pattern: CATEGORY_CODE, message: fieldMessage('appeals.categories.codeHelp') },
            {
              validator: async (_rule, value: string | undefined) => {
                if (!entry && value && existing.some((e) => e.code === value))
                  return rejectWith(fieldMessage('appeals.categories.codeTaken'))
              },
            },
          ]}
        >
          <Input disabled={!!entry} className="s-mono" autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('appeals.categories.name')}
          rules={[required, { min: 2, message: fieldMessage('appeals.validation.reasonLength', { min: 2 }) }]}
        >
          <Input maxLength={CATEGORY_NAME_MAX} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('appeals.categories.nameEn')}
          rules={[required, { min: 2, message: fieldMessage('appeals.validation.reasonLength', { min: 2 }) }]}
        >
          <Input maxLength={CATEGORY_NAME_EN_MAX} lang="en" />
        </Form.Item>
        <Form.Item
          name="defaultDepartmentId"
          label={t('appeals.categories.defaultDepartment')}
          extra={t('appeals.categories.defaultDepartmentHelp')}
        >
          <DepartmentSelect
            allowClear
            options={departments}
            placeholder={t('appeals.categories.noDefault')}
          />
        </Form.Item>
        <Form.Item
          name="defaultTier"
          label={t('appeals.categories.defaultTier')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <Select options={TIERS.map((value) => ({ value, label: tier(value) }))} />
        </Form.Item>
        <Form.Item
          name="keywords"
          label={t('appeals.categories.keywords')}
          extra={t('appeals.categories.keywordsHelp')}
        >
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、', ' ']}
            maxCount={MAX_CATEGORY_KEYWORDS}
            placeholder={t('appeals.categories.keywordsPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
