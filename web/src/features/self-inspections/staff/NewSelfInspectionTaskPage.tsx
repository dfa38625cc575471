import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, DatePicker, Form, Input, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { paths } from '../../../app/routes'
import { departmentsApi } from '../../../app/shared-api/departments'
import { departmentSelectOptions } from '../../../ui/department-options'
import { cityToday } from '../../../ui/format'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { CreateFormActions, CreateFormPage } from '../../../ui/staff/CreateFormPage'
import { useFormSubmit } from '../../../ui/use-form-submit'
import { useLoad } from '../../../ui/use-load'
import { selfInspectionsApi } from '../self-inspections.api'
import { fieldMessage } from '../../../ui/field-message'

type Values = {
  title: string
  scope: string
  basis: string
  deadline: Dayjs
  departmentIds: string[]
  items: { text: string; guidance?: string }[]
}

/** `/staff/self-inspections/new`: the bureau writes a task — scope, basis, deadline, the checklist — and issues it. */
export function NewSelfInspectionTaskPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const departments = useLoad(() => departmentsApi.list(), [])
  const options = useMemo(() => departmentSelectOptions(departments.data?.items ?? []), [departments.data])
  const today = cityToday()

  const { banner, saving, submit } = useFormSubmit<Values>(
    form,
    async (v) => {
      const task = await selfInspectionsApi.issue({
        title: v.title.trim(),
        scope: v.scope.trim(),
        basis: v.basis.trim(),
        deadline: v.deadline.format('YYYY-MM-DD'),
        departmentIds: v.departmentIds,
        items: v.items.map((i) => ({ text: i.text.trim(), guidance: (i.guidance ?? '').trim() })),
      })
      void message.success(t('selfInspections.issued'))
      void navigate(paths.staffSelfInspection(task.id))
    },
    { fields: ['title', 'scope', 'basis', 'deadline', 'departmentIds'] },
  )

  const required = { required: true, whitespace: true, message: fieldMessage('fields.required') }

  return (
    <CreateFormPage
      title={t('selfInspections.newTitle')}
      subtitle={t('selfInspections.newSubtitle')}
      banner={banner}
    >
      <Form<Values>
        form={form}
        name="new-self-inspection"
        layout="vertical"
        initialValues={{ items: [{ text: '', guidance: '' }] }}
        onFinish={submit}
        style={{ maxWidth: 820 }}
      >
        <Form.Item name="title" label={t('selfInspections.fields.title')} rules={[required, { min: 4 }]}>
          <Input maxLength={100} placeholder={t('selfInspections.placeholders.title')} />
        </Form.Item>
        <Form.Item name="scope" label={t('selfInspections.fields.scope')} rules={[required, { min: 4 }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="basis" label={t('selfInspections.fields.basis')} rules={[required]}>
          <Input maxLength={500} placeholder={t('selfInspections.placeholders.basis')} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('selfInspections.fields.deadline')}
          extra={t('selfInspections.deadlineHelp')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
        </Form.Item>
        <Form.Item
          name="departmentIds"
          label={t('selfInspections.fields.departments')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <DepartmentSelect mode="multiple" options={options} loading={departments.isLoading} />
        </Form.Item>
        <Form.Item label={t('selfInspections.fields.checklist')} required>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={t('selfInspections.itemN', { n: index + 1 })}
                    extra={
                      fields.length > 1 ? (
                        <Button
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={t('selfInspections.removeItem', { n: index + 1 })}
                          onClick={() => remove(field.name)}
                        />
                      ) : null
                    }
                  >
                    <Form.Item
                      name={[field.name, 'text']}
                      label={t('selfInspections.fields.itemText')}
                      rules={[required, { min: 2 }]}
                    >
                      <Input maxLength={500} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'guidance']} label={t('selfInspections.fields.guidance')}>
                      <Input.TextArea rows={2} maxLength={2000} />
                    </Form.Item>
                  </Card>
                ))}
                {fields.length < 50 ? (
                  <Button icon={<PlusOutlined />} onClick={() => add({ text: '', guidance: '' })}>
                    {t('selfInspections.addItem')}
                  </Button>
                ) : null}
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <CreateFormActions
          saving={saving}
          submitLabel={t('selfInspections.issue')}
          onCancel={() => void navigate(paths.staffSelfInspections)}
        />
      </Form>
    </CreateFormPage>
  )
}
