import { Alert, App, Button, Card, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { useSession } from '../../../app/session'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import {
  PLAN_CAP_EXEMPTIONS,
  PLANNABLE_KINDS,
  VISIT_PURPOSES,
  type PlanInspectionInput,
} from '@server/modules/inspections/inspections.schema'
import { inspectionPaths, inspectionsApi } from '../inspections.api'
import { EnterprisePicker } from '../../../ui/staff/EnterprisePicker'
import { IsoDatePicker } from '../../../ui/staff/IsoDatePicker'
import { planningBodies } from './inspection-labels'

type Values = Omit<PlanInspectionInput, 'departmentId'>

/**
 * `/staff/inspections/new`: a certified inspector or the body's head plans an inspection or a
 * service visit of one enterprise — the body's published items, two or more certified inspectors (a
 * visit: its staff), the window and the purpose. The head approves it next.
 */
export function PlanInspectionPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const { me } = useSession()
  const bodies = planningBodies(me?.kind === 'staff' ? me.roles : [])
  const [departmentId, setDepartmentId] = useState(bodies[0])
  const choices = useLoad(
    () => (departmentId ? inspectionsApi.choices(departmentId) : Promise.resolve(undefined)),
    [departmentId, i18n.language],
  )
  const [form] = Form.useForm<Values>()
  const kind = Form.useWatch('kind', form)
  const capExemption = Form.useWatch('capExemption', form)
  const [error, setError] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  // refused over a cap: the plan as it was, for a request to the bureau
  const [overCap, setOverCap] = useState<Values>()

  if (!departmentId)
    return (
      <>
        <PageHeader title={t('inspections.planTitle')} />
        <Alert type="warning" message={t('inspections.noBody')} />
      </>
    )

  const submit = async (values: Values) => {
    setSaving(true)
    setError(undefined)
    setOverCap(undefined)
    try {
      const planned = await inspectionsApi.plan({
        ...values,
        departmentId,
        inspectorIds: values.kind === 'service_visit' ? [] : (values.inspectorIds ?? []),
        visitorIds: values.kind === 'service_visit' ? (values.visitorIds ?? []) : [],
      })
      void navigate(inspectionPaths.staffOne(planned.id))
    } catch (e) {
      setError(errorMessage(e, t('errors.generic')))
      if (isApiError(e, 'INSPECTION_CAP_REACHED')) setOverCap(values)
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <PageHeader title={t('inspections.planTitle')} subtitle={t('inspections.planSubtitle')} />
      <Card>
        {error ? (
          <Alert
            type="error"
            role="alert"
            message={error}
            style={{ marginBottom: 16 }}
            action={
              overCap ? (
                <ExemptionRequestButton
                  plan={overCap}
                  departmentId={departmentId}
                  onSent={() => setError(undefined)}
                />
              ) : null
            }
          />
        ) : null}
        {bodies.length > 1 ? (
          <Select
            aria-label={t('inspections.fields.body')}
            value={departmentId}
            onChange={setDepartmentId}
            options={bodies.map((b) => ({ value: b, label: b }))}
            style={{ marginBottom: 16, width: 320 }}
          />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'routine' }}
          onFinish={(v) => void submit(v)}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="kind" label={t('inspections.fields.kind')} rules={[{ required: true }]}>
            <Select
              options={PLANNABLE_KINDS.map((k) => ({ value: k, label: t(`inspections.kinds.${k}`) }))}
            />
          </Form.Item>
          {kind === 'service_visit' ? (
            <Form.Item
              name="visitPurpose"
              label={t('inspections.fields.visitPurpose')}
              rules={[{ required: true }]}
            >
              <Select
                options={VISIT_PURPOSES.map((p) => ({ value: p, label: t(`inspections.purposes.${p}`) }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="enterpriseId"
            label={t('inspections.fields.enterpriseId')}
            rules={[{ required: true }]}
          >
            <EnterprisePicker placeholder={t('inspections.searchEnterprise')} />
          </Form.Item>
          <Form.Item name="itemIds" label={t('inspections.fields.items')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={(choices.data?.items ?? []).map((i) => ({
                value: i.id,
                label: `${i.code} ${i.name}`,
              }))}
            />
          </Form.Item>
          {kind === 'service_visit' ? (
            <Form.Item
              name="visitorIds"
              label={t('inspections.fields.visitors')}
              rules={[{ required: true }]}
            >
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={(choices.data?.staff ?? []).map((s) => ({ value: s.userId, label: s.name }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="inspectorIds"
              label={t('inspections.fields.inspectors')}
              rules={[{ required: true }]}
            >
              <Select
                mode="multiple"
                optionFilterProp="label"
                options={(choices.data?.inspectors ?? []).map((i) => ({
                  value: i.userId,
                  label: `${i.name}（${i.certificateNo}）`,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item name="plannedOn" label={t('inspections.fields.plannedOn')} rules={[{ required: true }]}>
            <IsoDatePicker />
          </Form.Item>
          <Form.Item
            name="windowEndsOn"
            label={t('inspections.fields.windowEndsOn')}
            rules={[{ required: true }]}
          >
            <IsoDatePicker />
          </Form.Item>
          <Form.Item name="purpose" label={t('inspections.fields.purpose')} rules={[{ required: true }]}>
            <Input.TextArea maxLength={1000} rows={3} />
          </Form.Item>
          {/* over a cap, a plan goes ahead only on a documented exemption (the caps' check says which) */}
          <Form.Item
            name="capExemption"
            label={t('inspections.fields.capExemption')}
            extra={t('inspections.capExemptionHelp')}
          >
            <Select
              allowClear
              placeholder={t('inspections.capExemptions.none')}
              options={PLAN_CAP_EXEMPTIONS.map((e) => ({
                value: e,
                label: t(`inspections.capExemptions.${e}`),
              }))}
            />
          </Form.Item>
          {capExemption ? (
            <Form.Item
              name="capExemptionNote"
              label={t('inspections.fields.capExemptionNote')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={isSaving}>
            {t('inspections.actions.plan')}
          </Button>
        </Form>
      </Card>
    </>
  )
}

/**
 * Over a cap, the planner asks the bureau to let this inspection through, with the reason; once the
 * bureau grants it, the plan is sent again with the exemption "granted by the bureau".
 */
function ExemptionRequestButton({
  plan,
  departmentId,
  onSent,
}: {
  plan: Values
  departmentId: string
  onSent: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [sending, setSending] = useState(false)
  const [problem, setProblem] = useState<string>()
  const send = async () => {
    setSending(true)
    setProblem(undefined)
    try {
      await inspectionsApi.requestExemption({
        enterpriseId: plan.enterpriseId,
        departmentId,
        itemIds: plan.itemIds ?? [],
        plannedOn: plan.plannedOn,
        reason: reason.trim(),
      })
      setOpen(false)
      void message.success(t('inspections.exemptionRequest.sent'))
      onSent()
    } catch (e) {
      setProblem(errorMessage(e, t('errors.generic')))
    } finally {
      setSending(false)
    }
  }
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('inspections.exemptionRequest.ask')}
      </Button>
      <Modal
        open={open}
        title={t('inspections.exemptionRequest.title')}
        okText={t('inspections.exemptionRequest.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={sending}
        okButtonProps={{ disabled: reason.trim().length < 4 }}
        onOk={() => void send()}
        onCancel={() => setOpen(false)}
      >
        <p>{t('inspections.exemptionRequest.intro')}</p>
        {problem ? <Alert type="error" role="alert" message={problem} style={{ marginBottom: 12 }} /> : null}
        <Input.TextArea
          aria-label={t('inspections.exemptionRequest.reason')}
          placeholder={t('inspections.exemptionRequest.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          rows={4}
        />
      </Modal>
    </>
  )
}
