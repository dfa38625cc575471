import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Typography,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { formatDateTime } from '../../ui/format'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { useLoad } from '../../ui/use-load'
import { calendarApi, type HolidayNotice, type NoticeBody } from './calendar.api'
import { noticeToBody } from './month-grid'
import { fieldMessage } from '../../ui/field-message'

export type NoticeEditing = { year?: number; notice?: HolidayNotice }

/**
 * The State Council's yearly holiday notice (国务院办公厅关于××年部分节假日安排的通知), entered
 * by an admin when the package has no data for a year yet: no release needed each November.
 */
export function NoticesCard({
  editing,
  onEdit,
  onChanged,
}: {
  editing: NoticeEditing | undefined
  onEdit: (editing: NoticeEditing | undefined) => void
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const notices = useLoad(() => calendarApi.notices(), [])

  const remove = async (notice: HolidayNotice) => {
    try {
      await calendarApi.removeNotice(notice.year)
      notices.setData((current) => ({ items: (current?.items ?? []).filter((n) => n.year !== notice.year) }))
      onChanged()
    } catch (error) {
      void message.error(errorMessage(error, t('errors.generic')))
    }
  }

  const columns: ColumnsType<HolidayNotice> = [
    { title: t('calendar.notices.year'), dataIndex: 'year', width: 80 },
    {
      title: t('calendar.notices.noticeTitle'),
      dataIndex: 'title',
      render: (title: string, notice) =>
        notice.url ? (
          <Typography.Link href={notice.url} target="_blank" rel="noreferrer">
            {title}
          </Typography.Link>
        ) : (
          title
        ),
    },
    {
      title: t('calendar.notices.days'),
      key: 'days',
      width: 150,
      render: (_value, notice) =>
        t('calendar.notices.dayCounts', {
          off: notice.days.filter((d) => !d.isWorkingDay).length,
          makeUp: notice.days.filter((d) => d.isWorkingDay).length,
        }),
    },
    {
      title: t('calendar.notices.enteredAt'),
      dataIndex: 'enteredAt',
      width: 150,
      render: (at: string) => formatDateTime(at, i18n.language),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_value, notice) => (
        <Space size={0}>
          <Button
            type="link"
            onClick={() => onEdit({ year: notice.year, notice })}
            aria-label={t('calendar.notices.editNamed', { year: notice.year })}
          >
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('calendar.notices.confirmRemove', { year: notice.year })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove(notice)}
          >
            <Button type="link" danger aria-label={t('calendar.notices.removeNamed', { year: notice.year })}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <Card
      title={<h2 className="s-card-title">{t('calendar.notices.title')}</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onEdit({})}>
          {t('calendar.notices.enter')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <p style={{ marginTop: 0 }}>{t('calendar.notices.intro')}</p>
      {notices.error ? (
        <Alert type="error" showIcon title={errorMessage(notices.error, t('errors.loadFailed'))} />
      ) : null}
      <Table<HolidayNotice>
        rowKey="year"
        size="small"
        columns={columns}
        dataSource={notices.data?.items ?? []}
        loading={notices.isLoading}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: <span className="s-empty">{t('calendar.notices.empty')}</span> }}
      />
      {editing ? (
        <NoticeModal
          editing={editing}
          onClose={() => onEdit(undefined)}
          onSaved={(saved) => {
            notices.setData((current) => ({
              items: [...(current?.items ?? []).filter((n) => n.year !== saved.year), saved].sort(
                (a, b) => b.year - a.year,
              ),
            }))
            onEdit(undefined)
            onChanged()
            void message.success(t('common.saved'))
          }}
        />
      ) : null}
    </Card>
  )
}

type FormValues = {
  year: number
  title: string
  url?: string
  publishedOn?: Dayjs | null
  holidays: { name: string; from: Dayjs; to: Dayjs }[]
  makeUpDays: { name: string; date: Dayjs }[]
}

// 'YYYY-MM-DD' parses as local midnight: the picker shows that same calendar date.
const day = (isoDate: string) => dayjs(isoDate)
const iso = (value: Dayjs) => value.format('YYYY-MM-DD')

function NoticeModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: NoticeEditing
  onClose: () => void
  onSaved: (notice: HolidayNotice) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<FormValues>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const existing = editing.notice ? noticeToBody(editing.notice) : undefined

  const initialValues: Partial<FormValues> = existing
    ? {
        year: editing.notice!.year,
        title: existing.title,
        url: existing.url ?? '',
        publishedOn: existing.publishedOn ? day(existing.publishedOn) : null,
        holidays: existing.holidays.map((h) => ({ name: h.name, from: day(h.from), to: day(h.to) })),
        makeUpDays: existing.makeUpDays.map((m) => ({ name: m.name, date: day(m.date) })),
      }
    : {
        year: editing.year ?? new Date().getFullYear() + 1,
        title: t('calendar.notices.defaultTitle', { year: editing.year ?? new Date().getFullYear() + 1 }),
        holidays: [],
        makeUpDays: [],
      }

  const submit = async (values: FormValues) => {
    setBanner(undefined)
    setSaving(true)
    const body: NoticeBody = {
      title: values.title.trim(),
      url: values.url?.trim() ? values.url.trim() : null,
      publishedOn: values.publishedOn ? iso(values.publishedOn) : null,
      holidays: (values.holidays ?? []).map((h) => ({
        name: h.name.trim(),
        from: iso(h.from),
        to: iso(h.to),
      })),
      makeUpDays: (values.makeUpDays ?? []).map((m) => ({ name: m.name.trim(), date: iso(m.date) })),
    }
    try {
      onSaved(await calendarApi.putNotice(values.year, body))
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          form,
          error,
          ['year', 'title', 'url', 'publishedOn', 'holidays', 'makeUpDays'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setSaving(false)
    }
  }

  const required = { required: true, message: fieldMessage('fields.required') }

  return (
    <Modal
      open
      title={
        existing
          ? t('calendar.notices.editTitle', { year: editing.notice!.year })
          : t('calendar.notices.enter')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={720}
      destroyOnHidden
    >
      {banner ? (
        <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        form={form}
        name="notice"
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        <Space wrap align="start">
          <Form.Item name="year" label={t('calendar.notices.year')} rules={[required]}>
            <InputNumber min={2000} max={2100} precision={0} disabled={!!existing} />
          </Form.Item>
          <Form.Item name="publishedOn" label={t('calendar.notices.publishedOn')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="title" label={t('calendar.notices.noticeTitle')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('calendar.notices.url')}
          rules={[{ type: 'url', message: fieldMessage('calendar.notices.urlInvalid') }]}
        >
          <Input maxLength={500} placeholder="https://www.gov.cn/…" inputMode="url" />
        </Form.Item>

        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('calendar.notices.holidays')}
        </Typography.Title>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} rules={[required]}>
                    <Input
                      aria-label={t('calendar.notices.holidayNameN', { n: index + 1 })}
                      placeholder={t('calendar.notices.holidayName')}
                      maxLength={40}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'from']} rules={[required]}>
                    <DatePicker
                      aria-label={t('calendar.notices.fromN', { n: index + 1 })}
                      placeholder={t('calendar.notices.from')}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'to']} rules={[required]}>
                    <DatePicker
                      aria-label={t('calendar.notices.toN', { n: index + 1 })}
                      placeholder={t('calendar.notices.to')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('calendar.notices.removeHolidayN', { n: index + 1 })}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: '' })}
                style={{ marginBottom: 16 }}
              >
                {t('calendar.notices.addHoliday')}
              </Button>
            </>
          )}
        </Form.List>

        <Typography.Title level={3} style={{ fontSize: 15 }}>
          {t('calendar.notices.makeUpDays')}
        </Typography.Title>
        <Form.List name="makeUpDays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'name']} rules={[required]}>
                    <Input
                      aria-label={t('calendar.notices.makeUpNameN', { n: index + 1 })}
                      placeholder={t('calendar.notices.makeUpName')}
                      maxLength={40}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'date']} rules={[required]}>
                    <DatePicker
                      aria-label={t('calendar.notices.makeUpDateN', { n: index + 1 })}
                      placeholder={t('calendar.notices.makeUpDate')}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('calendar.notices.removeMakeUpN', { n: index + 1 })}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                {t('calendar.notices.addMakeUp')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  )
}
