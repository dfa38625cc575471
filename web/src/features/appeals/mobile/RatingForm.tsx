import { Button, Form, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { Banner } from '../../../ui/mobile/Banner'
import { RadioChoice } from '../../../ui/mobile/RadioChoice'
import { REASON_MAX } from '../appeal-form'
import { RATING_LEVELS, ratingReopens } from '../appeal-labels'
import type { RatingBody } from '../appeals.api'
import { fieldMessage, rejectWith } from '../../../ui/field-message'

type Values = { solved?: 'yes' | 'no'; level?: number; comment?: string }

/**
 * Solved or not, five levels with their names, and a comment: the enterprise's rating of an answer
 * and its answer to a return visit. With `warnReopen`, it says above the submit button — once, and
 * only when it applies — that "not solved" or a low rating sends the appeal back to the department.
 */
export function RatingForm({
  name,
  submitText,
  warnReopen,
  onSubmit,
}: {
  name: string
  submitText: string
  warnReopen: boolean
  onSubmit: (body: RatingBody) => Promise<void>
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)
  const solved = Form.useWatch('solved', form)
  const level = Form.useWatch('level', form)
  const reopens = warnReopen && ratingReopens(solved === undefined ? undefined : solved === 'yes', level)

  const submit = async (values: Values) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await onSubmit({
        solved: values.solved === 'yes',
        level: values.level ?? null,
        comment: values.comment?.trim() || null,
      })
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          form,
          error,
          ['solved', 'level', 'comment'],
          errorMessage(error, t('errors.generic')),
        ),
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
        name={name}
        className="m-form"
        onFinish={(values) => void submit(values)}
        footer={
          <>
            {reopens ? (
              <div role="status" className="m-reopen-warning">
                {t('appeals.rating.willReopen')}
              </div>
            ) : null}
            <Button block type="submit" color="primary" size="large" loading={isSaving}>
              {submitText}
            </Button>
          </>
        }
      >
        <Form.Item
          name="solved"
          label={t('appeals.rating.solved')}
          rules={[{ required: true, message: fieldMessage('appeals.rating.solvedRequired') }]}
        >
          <RadioChoice
            groupLabel={t('appeals.rating.solved')}
            options={[
              { value: 'yes', label: t('appeals.solvedYes') },
              { value: 'no', label: t('appeals.solvedNo') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('appeals.rating.level')}
          dependencies={['solved']}
          // Required only once "solved" is chosen, so the mark follows the choice.
          required={solved === 'yes'}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: number | undefined) => {
                if (getFieldValue('solved') === 'yes' && value === undefined)
                  return rejectWith(fieldMessage('appeals.rating.levelRequired'))
              },
            }),
          ]}
        >
          <RadioChoice
            groupLabel={t('appeals.rating.level')}
            vertical
            options={RATING_LEVELS.map((value) => ({ value, label: t(`appeals.levels.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="comment" label={t('appeals.rating.comment')}>
          <TextArea rows={3} maxLength={REASON_MAX} placeholder={t('appeals.rating.commentPlaceholder')} />
        </Form.Item>
      </Form>
    </>
  )
}
