import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../app/api'
import { formatDateTime } from '../../ui/format'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { PageHeader } from '../../ui/staff/PageHeader'
import { useLoad } from '../../ui/use-load'
import { supervisionApi } from './supervision.api'
import {
  CLOSING_NOTE_MAX,
  CLOSING_NOTE_MIN,
  EVIDENCE_COUNT,
  EVIDENCE_MAX,
  supervisionReason,
} from './supervision-labels'
import { supervisionPaths } from './supervision-paths'
import { LevelTag } from './SupervisionTags'
import { fieldMessage } from '../../ui/field-message'

type Values = { note: string; evidence?: string[] }

/**
 * `/staff/supervision/:id/respond`: the department head answers a supervision case — what the unit
 * did and the evidence — before the deadline; the bureau then verifies it.
 */
export function SupervisionRespondPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const tx = t as unknown as (key: string, params?: Record<string, unknown>) => string
  const navigate = useNavigate()
  const { message, modal } = App.useApp()
  const loaded = useLoad(() => supervisionApi.get(id), [id, i18n.language])
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const c = loaded.data

  if ((loaded.error && !c) || (c && !c.allowedActions.includes('respond')))
    return (
      <>
        <PageHeader title={t('supervision.respondTitle')} />
        <Result
          status={c ? 'info' : '404'}
          subTitle={
            c
              ? t('supervision.cannotRespond')
              : isApiError(loaded.error, 'NOT_FOUND')
                ? t('supervision.notFound')
                : errorMessage(loaded.error, t('errors.loadFailed'))
          }
          extra={
            <Link to={c ? supervisionPaths.case(c.id) : supervisionPaths.list}>
              {t('supervision.backToCase')}
            </Link>
          }
        />
      </>
    )
  if (!c) return <PageHeader title={t('supervision.respondTitle')} />

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await supervisionApi.respond(c.id, {
        version: c.version,
        note: values.note.trim(),
        evidence: (values.evidence ?? []).map((e) => e.trim()).filter(Boolean),
      })
      void message.success(t('supervision.responded'))
      void navigate(supervisionPaths.case(c.id))
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'SUPERVISION_NOT_AWAITING_RESPONSE')) {
        modal.warning({
          title: t('common.versionConflictTitle'),
          content: error.message,
          onOk: loaded.reload,
        })
        return
      }
      setBanner(
        showApiErrorOnForm(form, error, ['note', 'evidence'], errorMessage(error, t('errors.generic'))),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <PageHeader
        title={t('supervision.respondTitle')}
        subtitle={t('supervision.respondSubtitle')}
        extra={
          <Link to={supervisionPaths.case(c.id)}>
            <ArrowLeftOutlined /> {t('supervision.backToCase')}
          </Link>
        }
      />
      <Card style={{ maxWidth: 760 }}>
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('supervision.fields.reason')}>
            {supervisionReason(c.reason, tx)}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.fields.level')}>
            <LevelTag level={c.level} />
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.fields.responseDueAt')}>
            <Typography.Text type={c.overdue ? 'danger' : undefined}>
              {c.responseDueAt ? formatDateTime(c.responseDueAt, i18n.language) : '—'}
              {c.overdue ? ` · ${t('supervision.overdue')}` : ''}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        {banner ? (
          <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} />
        ) : null}
        <Form form={form} name="respond-supervision" layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="note"
            label={t('supervision.responseNote')}
            extra={t('supervision.responseNoteHelp')}
            rules={[
              { required: true, whitespace: true, message: fieldMessage('fields.required') },
              {
                min: CLOSING_NOTE_MIN,
                message: fieldMessage('appeals.validation.reasonLength', { min: CLOSING_NOTE_MIN }),
              },
            ]}
          >
            <Input.TextArea rows={5} maxLength={CLOSING_NOTE_MAX} showCount />
          </Form.Item>
          <Form.List name="evidence">
            {(fields, { add, remove }) => (
              <Form.Item label={t('supervision.evidence')} extra={t('supervision.evidenceHelp')}>
                {fields.map((field, index) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item
                      name={field.name}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          min: 2,
                          message: fieldMessage('fields.required'),
                        },
                      ]}
                      style={{ marginBottom: 8, width: 520, maxWidth: '100%' }}
                    >
                      <Input
                        maxLength={EVIDENCE_MAX}
                        aria-label={t('supervision.evidenceLine', { n: index + 1 })}
                        placeholder={t('supervision.evidencePlaceholder')}
                      />
                    </Form.Item>
                    <MinusCircleOutlined
                      aria-label={t('supervision.removeEvidence')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                {fields.length < EVIDENCE_COUNT ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                    {t('supervision.addEvidence')}
                  </Button>
                ) : null}
              </Form.Item>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={isSaving}>
            {t('supervision.submitResponse')}
          </Button>
        </Form>
      </Card>
    </>
  )
}
