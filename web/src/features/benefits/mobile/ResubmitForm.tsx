import { Button, Form, TextArea } from 'antd-mobile'
import { useRef, useState } from 'react'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { Banner } from '../../../ui/mobile/Banner'
import { scrollToFirstError } from '../../../ui/mobile/scroll-to-error'
import type { ClaimDetail, ResubmitBody } from '../benefits.api'
import { materialsBody } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'
import { MaterialPicker } from './MaterialPicker'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

type Values = { materials: Record<string, string[] | undefined>; note?: string }

/**
 * The answer to a supplement request: the materials it names uploaded again (required), any other
 * material replaced if the enterprise wishes, and a note. The review clock resumes on submit.
 */
export function ResubmitForm({
  claim,
  mustReupload,
  onSubmit,
}: {
  claim: Pick<ClaimDetail, 'requiredMaterials'>
  mustReupload: readonly string[]
  onSubmit: (body: ResubmitBody) => Promise<void>
}) {
  const { t } = useBenefitText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const busy = useRef(new Set<string>())
  // The requested ones first: they are what the department is waiting for.
  const materials = [...claim.requiredMaterials].sort(
    (a, b) => Number(mustReupload.includes(b.key)) - Number(mustReupload.includes(a.key)),
  )

  const submit = async (values: Values) => {
    setBanner(undefined)
    if (busy.current.size) {
      setBanner(t('appeals.attachments.waitForUploads'))
      return
    }
    setSaving(true)
    try {
      const uploaded = Object.fromEntries(
        Object.entries(values.materials ?? {}).map(([key, ids]) => [key, ids ?? []]),
      )
      await onSubmit({ materials: materialsBody(uploaded), note: values.note?.trim() || undefined })
    } catch (error) {
      setBanner(
        showApiErrorOnForm(form, error, ['materials', 'note'], errorMessage(error, t('errors.generic'))),
      )
      scrollToFirstError()
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <Banner tone="error" text={banner} />
      <Form
        form={form}
        name="resubmit"
        className="m-form"
        initialValues={{ materials: {} }}
        onFinish={(values) => void submit(values)}
        onFinishFailed={scrollToFirstError}
        footer={
          <Button block type="submit" color="primary" size="large" loading={isSaving}>
            {t('benefits.resubmit.submit')}
          </Button>
        }
      >
        {materials.map((m) => {
          const isRequested = mustReupload.includes(m.key)
          return (
            <Form.Item
              key={m.key}
              name={['materials', m.key]}
              label={isRequested ? m.name : `${m.name}${t('benefits.resubmit.replaceSuffix')}`}
              required={isRequested}
              rules={
                isRequested
                  ? [
                      {
                        validator: async (_rule, value: string[] | undefined) => {
                          if (!value?.length)
                            return rejectWith(
                              fieldMessage('benefits.apply.materialRequired', { name: m.name }),
                            )
                        },
                      },
                    ]
                  : []
              }
            >
              <MaterialPicker
                name={m.name}
                onBusyChange={(isBusy) => {
                  if (isBusy) busy.current.add(m.key)
                  else busy.current.delete(m.key)
                }}
              />
            </Form.Item>
          )
        })}
        <Form.Item name="note" label={t('benefits.resubmit.note')}>
          <TextArea rows={3} maxLength={1000} placeholder={t('benefits.resubmit.notePlaceholder')} />
        </Form.Item>
      </Form>
    </>
  )
}
