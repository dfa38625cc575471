import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Radio, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { formatDateTime } from '../../ui/format'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { useLoad } from '../../ui/use-load'
import { calendarApi, type CalendarOverride } from './calendar.api'
import { fieldMessage } from '../../ui/field-message'

type Values = { date: Dayjs; isWorkingDay: boolean; name: string }

/** City-specific days (a local day off, or a day made working) on top of the national calendar (admin). */
export function OverridesCard({ onChanged }: { onChanged: () => void }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const overrides = useLoad(() => calendarApi.overrides(), [])
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const save = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    const date = values.date.format('YYYY-MM-DD')
    try {
      const saved = await calendarApi.putOverride(date, {
        isWorkingDay: values.isWorkingDay,
        name: values.name.trim(),
      })
      overrides.setData((current) => ({
        items: [...(current?.items ?? []).filter((o) => o.date !== saved.date), saved].sort((a, b) =>
          a.date.localeCompare(b.date),
        ),
      }))
      form.resetFields()
      onChanged()
      void message.success(t('common.saved'))
    } catch (error) {
      // The date is in the path: a bad one comes back as fields.date.
      setBanner(
        showApiErrorOnForm(
          form,
          error,
          ['date', 'isWorkingDay', 'name'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  const remove = async (override: CalendarOverride) => {
    try {
      await calendarApi.removeOverride(override.date)
      overrides.setData((current) => ({
        items: (current?.items ?? []).filter((o) => o.date !== override.date),
      }))
      onChanged()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    }
  }

  const columns: ColumnsType<CalendarOverride> = [
    { title: t('calendar.overrides.date'), dataIndex: 'date', width: 120 },
    {
      title: t('calendar.overrides.type'),
      dataIndex: 'isWorkingDay',
      width: 100,
      render: (isWorkingDay: boolean) =>
        isWorkingDay ? (
          <Tag color="orange">{t('calendar.workingDay')}</Tag>
        ) : (
          <Tag color="red">{t('calendar.dayOff')}</Tag>
        ),
    },
    { title: t('calendar.overrides.name'), dataIndex: 'name' },
    {
      title: t('calendar.overrides.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_value, override) => (
        <Popconfirm
          title={t('calendar.overrides.confirmRemove', { date: override.date })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          onConfirm={() => remove(override)}
        >
          <Button
            type="link"
            danger
            aria-label={t('calendar.overrides.removeNamed', { date: override.date })}
          >
            {t('common.delete')}
          </Button>
        </Popconfirm>
      ),
    },
  ]

  return (
    <Card
      title={<h2 className="s-card-title">{t('calendar.overrides.title')}</h2>}
      style={{ marginBottom: 16 }}
    >
      <p style={{ marginTop: 0 }}>{t('calendar.overrides.intro')}</p>
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        name="override"
        layout="inline"
        initialValues={{ isWorkingDay: false }}
        onFinish={(values) => void save(values)}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item
          name="date"
          label={t('calendar.overrides.date')}
          rules={[{ required: true, message: fieldMessage('fields.required') }]}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="isWorkingDay" label={t('calendar.overrides.type')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: false, label: t('calendar.dayOff') },
              { value: true, label: t('calendar.workingDay') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.overrides.name')}
          rules={[{ required: true, whitespace: true, message: fieldMessage('fields.required') }]}
        >
          <Input
            maxLength={40}
            placeholder={t('calendar.overrides.namePlaceholder')}
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={isSaving}>
            {t('calendar.overrides.add')}
          </Button>
        </Form.Item>
      </Form>
      {overrides.error ? (
        <Alert type="error" showIcon title={errorMessage(overrides.error, t('errors.loadFailed'))} />
      ) : null}
      <Table<CalendarOverride>
        rowKey="date"
        size="small"
        columns={columns}
        dataSource={overrides.data?.items ?? []}
        loading={overrides.isLoading}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 600 }}
        locale={{ emptyText: <span className="s-empty">{t('calendar.overrides.empty')}</span> }}
      />
    </Card>
  )
}
