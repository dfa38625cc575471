import { Button, Form, Input, Selector, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { enterprisesApi } from '../../../app/shared-api/enterprises'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { Banner } from '../../../ui/mobile/Banner'
import { useLoad } from '../../../ui/use-load'
import { inspectionsApi } from '../inspections.api'
import { fieldMessage } from '../../../ui/field-message'

type Values = { enterpriseId?: string[]; bodyName?: string; note?: string }

/**
 * "No code? Refuse and report": one button refuses the visit and reports it to the bureau. The
 * enterprise is preselected when the person acts for one; a code that did not verify goes along.
 */
export function ReportUnregisteredVisit({ presentedCode }: { presentedCode?: string }) {
  const { t, i18n } = useTranslation()
  const [form] = Form.useForm<Values>()
  const enterprises = useLoad(() => enterprisesApi.listMine(), [i18n.language])
  const [banner, setBanner] = useState<{ tone: 'info' | 'error'; text: string }>()
  const [isSaving, setSaving] = useState(false)
  const [isDone, setDone] = useState(false)
  const list = enterprises.data?.items ?? []

  const submit = async (values: Values) => {
    const enterpriseId = list.length === 1 ? list[0]!.id : values.enterpriseId?.[0]
    if (!enterpriseId) return
    setSaving(true)
    setBanner(undefined)
    try {
      await inspectionsApi.report({
        enterpriseId,
        bodyName: values.bodyName?.trim() ?? '',
        note: values.note?.trim() || undefined,
        presentedCode,
      })
      setDone(true)
      setBanner({ tone: 'info', text: t('inspections.report.done') })
    } catch (error) {
      setBanner({
        tone: 'error',
        text:
          showApiErrorOnForm(form, error, ['bodyName', 'note'], errorMessage(error, t('errors.generic'))) ??
          errorMessage(error, t('errors.generic')),
      })
    } finally {
      setSaving(false)
    }
  }

  return (
    <section className="m-section" aria-labelledby="report-unregistered">
      <h2 id="report-unregistered" className="m-section-title">
        {t('inspections.report.title')}
      </h2>
      <p className="m-muted">{t('inspections.report.text')}</p>
      <Banner tone={banner?.tone} text={banner?.text} />
      {isDone ? null : (
        <Form
          form={form}
          layout="vertical"
          onFinish={(values) => void submit(values)}
          footer={
            <Button block color="danger" size="large" type="submit" loading={isSaving}>
              {t('inspections.report.submit')}
            </Button>
          }
        >
          {list.length > 1 ? (
            <Form.Item
              name="enterpriseId"
              label={t('inspections.report.enterprise')}
              rules={[{ required: true, message: fieldMessage('inspections.report.enterprise') }]}
            >
              <Selector columns={1} options={list.map((e) => ({ label: e.name, value: e.id }))} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="bodyName"
            label={t('inspections.report.bodyName')}
            rules={[{ required: true, message: fieldMessage('inspections.report.bodyName') }]}
          >
            <Input maxLength={100} clearable />
          </Form.Item>
          <Form.Item name="note" label={t('inspections.report.note')}>
            <TextArea maxLength={1000} rows={2} />
          </Form.Item>
        </Form>
      )}
    </section>
  )
}
