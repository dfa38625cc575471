import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { departmentsApi } from '../../../app/shared-api/departments'
import { departmentSelectOptions } from '../../../ui/department-options'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { cityToday } from '../../../ui/format'
import { DepartmentSelect } from '../../../ui/staff/DepartmentSelect'
import { useLoad } from '../../../ui/use-load'
import { actionPlansApi } from '../action-plans.api'
import { fieldMessage } from '../../../ui/field-message'

type TaskValues = {
  areaId: string
  title: string
  description?: string
  expectedOutput: string
  ownerDepartmentId: string
  deadline: Dayjs
}
type AreaValues = { name: string; summary?: string }

/** The bureau's two buttons on the plan page: a new area, a new task in an area with its owner unit. */
export function NewPlanItemModals({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState<'task' | 'area' | null>(null)
  const [banner, setBanner] = useState<string>()
  const [saving, setSaving] = useState(false)
  const [taskForm] = Form.useForm<TaskValues>()
  const [areaForm] = Form.useForm<AreaValues>()
  const [areasVersion, setAreasVersion] = useState(0)
  const plan = useLoad(
    () => (open === 'task' ? actionPlansApi.publicPlan() : Promise.resolve(null)),
    [open, areasVersion],
  )
  const departments = useLoad(() => (open === 'task' ? departmentsApi.list() : Promise.resolve(null)), [open])
  const options = useMemo(() => departmentSelectOptions(departments.data?.items ?? []), [departments.data])
  const today = cityToday()

  const close = () => {
    setOpen(null)
    setBanner(undefined)
  }

  const save = async () => {
    setBanner(undefined)
    setSaving(true)
    try {
      if (open === 'task') {
        const v = await taskForm.validateFields()
        await actionPlansApi.createTask({
          areaId: v.areaId,
          title: v.title.trim(),
          description: (v.description ?? '').trim(),
          expectedOutput: v.expectedOutput.trim(),
          ownerDepartmentId: v.ownerDepartmentId,
          deadline: v.deadline.format('YYYY-MM-DD'),
        })
        taskForm.resetFields()
      } else {
        const v = await areaForm.validateFields()
        await actionPlansApi.createArea({ name: v.name.trim(), summary: (v.summary ?? '').trim() })
        areaForm.resetFields()
        setAreasVersion((n) => n + 1)
      }
      void message.success(t('actionPlans.created'))
      close()
      onCreated()
    } catch (error) {
      if (error && typeof error === 'object' && 'errorFields' in error) return
      const form = open === 'task' ? taskForm : areaForm
      setBanner(
        showApiErrorOnForm(
          form as never,
          error,
          open === 'task'
            ? ['areaId', 'title', 'description', 'expectedOutput', 'ownerDepartmentId', 'deadline']
            : ['name', 'summary'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <Button onClick={() => setOpen('area')}>{t('actionPlans.newArea')}</Button>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('task')}>
        {t('actionPlans.newTask')}
      </Button>
      <Modal
        open={open !== null}
        title={open === 'task' ? t('actionPlans.newTask') : t('actionPlans.newArea')}
        onCancel={close}
        onOk={() => void save()}
        confirmLoading={saving}
        destroyOnHidden
      >
        {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} /> : null}
        {open === 'task' ? (
          <Form form={taskForm} name="plan-task" layout="vertical">
            <Form.Item
              name="areaId"
              label={t('actionPlans.fields.area')}
              rules={[{ required: true, message: fieldMessage('fields.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(plan.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t('actionPlans.fields.title')}
              rules={[{ required: true, whitespace: true, message: fieldMessage('fields.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="description" label={t('actionPlans.fields.description')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item
              name="expectedOutput"
              label={t('actionPlans.fields.expectedOutput')}
              rules={[{ required: true, whitespace: true, message: fieldMessage('fields.required') }]}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item
              name="ownerDepartmentId"
              label={t('actionPlans.fields.owner')}
              rules={[{ required: true, message: fieldMessage('fields.required') }]}
            >
              <DepartmentSelect options={options} />
            </Form.Item>
            <Form.Item
              name="deadline"
              label={t('actionPlans.fields.deadline')}
              rules={[{ required: true, message: fieldMessage('fields.required') }]}
            >
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
            </Form.Item>
          </Form>
        ) : open === 'area' ? (
          <Form form={areaForm} name="plan-area" layout="vertical">
            <Form.Item
              name="name"
              label={t('actionPlans.fields.areaName')}
              rules={[{ required: true, whitespace: true, message: fieldMessage('fields.required') }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="summary" label={t('actionPlans.fields.areaSummary')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Form>
        ) : null}
      </Modal>
    </>
  )
}
