import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Form,
  Input,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { LEGAL_DOCUMENT_KINDS } from '@shared/legal-documents'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { cityToday, formatDateTime } from '../../../ui/format'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { privacyApi, type LegalDocumentKind, type LegalDocumentSummary } from '../privacy.api'
import { fieldMessage } from '../../../ui/field-message'

/**
 * `/staff/legal-documents` (admins): the privacy notice, the terms of use and the staff notice, every
 * version of each, and publishing a new version — both languages, what changed, the day it takes
 * effect. From that day everyone it concerns is asked again before going on.
 */
export function LegalDocumentsPage() {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<{ kind: LegalDocumentKind; basedOn: number }>()
  const [refreshKey, setRefreshKey] = useState(0)
  return (
    <>
      <PageHeader title={t('privacy.admin.title')} subtitle={t('privacy.admin.subtitle')} />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {LEGAL_DOCUMENT_KINDS.map((kind) => (
          <KindCard
            key={kind}
            kind={kind}
            refreshKey={refreshKey}
            onPublish={(basedOn) => setEditing({ kind, basedOn })}
          />
        ))}
      </Space>
      {editing ? (
        <PublishDrawer
          kind={editing.kind}
          basedOn={editing.basedOn}
          onClose={() => setEditing(undefined)}
          onPublished={() => {
            setEditing(undefined)
            setRefreshKey((n) => n + 1)
          }}
        />
      ) : null}
    </>
  )
}

const STATUS_COLOR = { current: 'green', scheduled: 'orange', superseded: 'default' } as const

function KindCard({
  kind,
  refreshKey,
  onPublish,
}: {
  kind: LegalDocumentKind
  refreshKey: number
  onPublish: (basedOn: number) => void
}) {
  const { t, i18n } = useTranslation()
  const versions = useLoad(() => privacyApi.versions(kind), [kind, refreshKey])
  const items = versions.data?.items ?? []
  return (
    <Card
      title={<h2 className="s-card-title">{t(`privacy.kind.${kind}`)}</h2>}
      extra={
        <Button type="primary" disabled={!versions.data} onClick={() => onPublish(items[0]?.version ?? 0)}>
          {t('privacy.admin.publishNew')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t(`privacy.admin.who.${kind}`)}</Typography.Paragraph>
      {versions.error ? (
        <Alert type="error" showIcon message={errorMessage(versions.error, t('errors.loadFailed'))} />
      ) : null}
      <Table<LegalDocumentSummary>
        rowKey="version"
        size="small"
        loading={versions.isLoading && !versions.data}
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('privacy.admin.version'), dataIndex: 'version', width: 70 },
          { title: t('privacy.admin.effectiveOn'), dataIndex: 'effectiveOn', width: 120 },
          {
            title: t('privacy.admin.status'),
            dataIndex: 'status',
            width: 100,
            render: (status: LegalDocumentSummary['status']) => (
              <Tag color={STATUS_COLOR[status]}>{t(`privacy.status.${status}`)}</Tag>
            ),
          },
          { title: t('privacy.admin.changes'), dataIndex: 'changeSummary' },
          {
            title: t('privacy.admin.publishedAt'),
            dataIndex: 'publishedAt',
            width: 170,
            render: (at: string) => formatDateTime(at, i18n.language),
          },
          {
            title: t('privacy.admin.read'),
            key: 'read',
            width: 90,
            render: (_: unknown, row) => (
              <Link to={paths.legalDocumentVersion(kind, row.version)} target="_blank">
                {t('privacy.admin.open', { version: row.version })}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  )
}

type Values = {
  effectiveOn: Dayjs
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  changeSummaryZh: string
  changeSummaryEn: string
}
const FIELDS = ['effectiveOn', 'titleZh', 'titleEn', 'bodyZh', 'bodyEn', 'changeSummaryZh', 'changeSummaryEn']

/** Starts from the newest version's text in both languages; the admin edits and says what changed. */
function PublishDrawer({
  kind,
  basedOn,
  onClose,
  onPublished,
}: {
  kind: LegalDocumentKind
  basedOn: number
  onClose: () => void
  onPublished: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const base = useLoad(
    () => Promise.all([privacyApi.version(kind, basedOn, 'zh-CN'), privacyApi.version(kind, basedOn, 'en')]),
    [kind, basedOn],
    basedOn > 0,
  )
  const today = cityToday()
  const ready = basedOn === 0 || base.data !== undefined

  const publish = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      const published = await privacyApi.publish(kind, {
        basedOnVersion: basedOn,
        effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
        titleZh: values.titleZh,
        titleEn: values.titleEn,
        bodyZh: values.bodyZh,
        bodyEn: values.bodyEn,
        changeSummaryZh: values.changeSummaryZh,
        changeSummaryEn: values.changeSummaryEn,
      })
      void message.success(t('privacy.admin.published', { version: published.version }))
      onPublished()
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, FIELDS, errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Drawer
      open
      size={960}
      onClose={onClose}
      destroyOnHidden
      title={t('privacy.admin.publishTitle', { document: t(`privacy.kind.${kind}`), version: basedOn + 1 })}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={isSaving} disabled={!ready} onClick={() => form.submit()}>
            {t('privacy.admin.publish', { version: basedOn + 1 })}
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(`privacy.admin.consequence.${kind}`)}
      />
      {banner ? <Alert type="error" showIcon style={{ marginBottom: 16 }} message={banner} /> : null}
      {ready ? (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(values) => void publish(values)}
          initialValues={{
            effectiveOn: dayjs(today),
            titleZh: base.data?.[0].title ?? '',
            titleEn: base.data?.[1].title ?? '',
            bodyZh: base.data?.[0].body ?? '',
            bodyEn: base.data?.[1].body ?? '',
            changeSummaryZh: '',
            changeSummaryEn: '',
          }}
        >
          <Form.Item
            name="effectiveOn"
            label={t('privacy.admin.effectiveOn')}
            extra={t('privacy.admin.effectiveHint')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
          </Form.Item>
          <Form.Item
            name="changeSummaryZh"
            label={t('privacy.admin.changeSummaryZh')}
            extra={t('privacy.admin.changeSummaryHint')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="changeSummaryEn"
            label={t('privacy.admin.changeSummaryEn')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
          <Form.Item
            name="titleZh"
            label={t('privacy.admin.titleZh')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name="titleEn"
            label={t('privacy.admin.titleEn')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item
            name="bodyZh"
            label={t('privacy.admin.bodyZh')}
            extra={t('privacy.admin.bodyHint')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 12, maxRows: 28 }} />
          </Form.Item>
          <Form.Item
            name="bodyEn"
            label={t('privacy.admin.bodyEn')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 12, maxRows: 28 }} />
          </Form.Item>
        </Form>
      ) : base.error ? (
        <Alert type="error" showIcon message={errorMessage(base.error, t('errors.loadFailed'))} />
      ) : null}
    </Drawer>
  )
}
