import { Button, Form, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { Banner } from '../../../ui/mobile/Banner'
import { RadioChoice } from '../../../ui/mobile/RadioChoice'
import { RATING_LEVELS } from '../../../ui/ratings'
import { useBenefitText } from '../use-benefit-text'
import { fieldMessage } from '../../../ui/field-message'

type Values = { level?: number; comment?: string }

/** 好差评 on a paid or rejected claim: the five levels by name and a comment, once. */
export function ClaimRatingForm({
  onSubmit,
}: {
  onSubmit: (body: { level: number; comment?: string }) => Promise<void>
}) {
  const { t, tx } = useBenefitText()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await onSubmit({ level: values.level!, comment: values.comment?.trim() || undefined })
    } catch (error) {
      setBanner(
        showApiErrorOnForm(form, error, ['level', 'comment'], errorMessage(error, t('errors.generic'))),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <>
      <Banner tone="error" text={banner} />
      <Form
        form={form}
        name="claim-rating"
        className="m-form"
        onFinish={(values) => void submit(values)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={isSaving}>
            {t('benefits.rating.submit')}
          </Button>
        }
      >
        <Form.Item
          name="level"
          label={t('benefits.rating.level')}
          rules={[{ required: true, message: fieldMessage('benefits.rating.levelRequired') }]}
        >
          <RadioChoice
            groupLabel={t('benefits.rating.level')}
            vertical
            options={RATING_LEVELS.map((v) => ({ value: v, label: tx(`appeals.levels.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('benefits.rating.comment')}>
          <TextArea rows={3} maxLength={500} placeholder={t('benefits.rating.commentPlaceholder')} />
        </Form.Item>
      </Form>
    </>
  )
}
