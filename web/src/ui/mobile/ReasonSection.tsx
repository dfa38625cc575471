import { Button, Form, TextArea } from 'antd-mobile'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { showApiErrorOnForm } from '../form-errors'
import { Banner } from './Banner'
import { fieldMessage } from '../field-message'

type Props = {
  /** The form's name (its fields' ids start with it). */
  name: string
  title: string
  intro: string
  openLabel: string
  reasonLabel: string
  placeholder: string
  confirmLabel: string
  minLength: number
  maxLength: number
  /** Sends the trimmed reason; a refusal's field message lands under the text box. */
  onSubmit: (reason: string) => Promise<void>
}

/**
 * A step that cannot be undone and needs a reason (withdrawing an appeal or a benefit claim): a
 * button at the bottom of the page that opens a short form, brought into view above the tab bar.
 */
export function ReasonSection(props: Props) {
  const { t } = useTranslation()
  const titleId = useId()
  const [isOpen, setOpen] = useState(false)
  const sectionRef = useRef<HTMLElement>(null)
  const [form] = Form.useForm<{ reason: string }>()
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  // The form opens at the bottom of a long page: bring all of it, buttons too, above the tab bar
  // (the section's scroll-margin-bottom keeps it clear of the bar).
  useEffect(() => {
    if (!isOpen) return
    const frame = window.requestAnimationFrame(() => {
      const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
      sectionRef.current?.scrollIntoView({ block: 'end', behavior: reduce ? 'auto' : 'smooth' })
      sectionRef.current?.querySelector('textarea')?.focus({ preventScroll: true })
    })
    return () => window.cancelAnimationFrame(frame)
  }, [isOpen])

  const submit = async (values: { reason: string }) => {
    setBanner(undefined)
    setSaving(true)
    try {
      await props.onSubmit(values.reason.trim())
    } catch (error) {
      setBanner(showApiErrorOnForm(form, error, ['reason'], errorMessage(error, t('errors.generic'))))
    } finally {
      setSaving(false)
    }
  }

  return (
    <section ref={sectionRef} className="m-section m-above-tabbar" aria-labelledby={titleId}>
      <h2 id={titleId} className="m-section-title">
        {props.title}
      </h2>
      <p className="m-muted" style={{ marginTop: 0 }}>
        {props.intro}
      </p>
      {isOpen ? (
        <>
          <Banner tone="error" text={banner} />
          <Form
            form={form}
            name={props.name}
            className="m-form"
            onFinish={(values) => void submit(values)}
            footer={
              <div className="m-button-stack">
                <Button block type="submit" color="danger" size="large" loading={isSaving}>
                  {props.confirmLabel}
                </Button>
                <Button block size="large" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
              </div>
            }
          >
            <Form.Item
              name="reason"
              label={props.reasonLabel}
              rules={[
                { required: true, message: fieldMessage('fields.required') },
                {
                  min: props.minLength,
                  message: fieldMessage('appeals.validation.reasonLength', { min: props.minLength }),
                },
              ]}
            >
              <TextArea rows={3} maxLength={props.maxLength} placeholder={props.placeholder} />
            </Form.Item>
          </Form>
        </>
      ) : (
        <Button block size="large" color="danger" fill="outline" onClick={() => setOpen(true)}>
          {props.openLabel}
        </Button>
      )}
    </section>
  )
}
