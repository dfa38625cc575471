import { Button, Form, Input, TextArea } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { showApiErrorOnForm } from '../../../ui/form-errors'
import { Banner } from '../../../ui/mobile/Banner'
import { enterpriseClaimsApi } from '../enterprise-claims.api'
import { fieldMessage } from '../../../ui/field-message'

type Values = { reason: string; contactPhone?: string }

/** "This is not my company" — the enterprise is held on the platform by the wrong people: to the task force. */
export function DisputeSection({ uscc, enterpriseName }: { uscc: string; enterpriseName: string }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [isOpen, setOpen] = useState(false)
  const [banner, setBanner] = useState<string>()
  const [done, setDone] = useState(false)
  const [isBusy, setBusy] = useState(false)

  const submit = async (values: Values) => {
    setBusy(true)
    setBanner(undefined)
    try {
      const phone = values.contactPhone?.trim()
      await enterpriseClaimsApi.dispute({
        uscc,
        reason: values.reason.trim(),
        ...(phone ? { contactPhone: phone } : {}),
      })
      setDone(true)
    } catch (error) {
      setBanner(
        showApiErrorOnForm(form, error, ['reason', 'contactPhone'], errorMessage(error, t('errors.generic'))),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="m-section" aria-labelledby="dispute-title">
      <h2 id="dispute-title" className="m-section-title">
        {t('enterpriseClaims.dispute.title')}
      </h2>
      {done ? (
        <Banner tone="info" text={t('enterpriseClaims.dispute.sent')} />
      ) : isOpen ? (
        <>
          <p className="m-muted" style={{ marginTop: 0 }}>
            {t('enterpriseClaims.dispute.intro', { enterprise: enterpriseName })}
          </p>
          <Banner tone="error" text={banner} />
          <Form
            form={form}
            name="claim-dispute"
            className="m-form"
            onFinish={(values) => void submit(values)}
            footer={
              <Button block type="submit" color="danger" fill="outline" loading={isBusy}>
                {t('enterpriseClaims.dispute.send')}
              </Button>
            }
          >
            <Form.Item
              name="reason"
              label={t('enterpriseClaims.dispute.reason')}
              rules={[
                { required: true, min: 5, message: fieldMessage('enterpriseClaims.dispute.reasonHelp') },
              ]}
            >
              <TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('enterpriseClaims.dispute.phone')}>
              <Input inputMode="tel" autoComplete="tel" maxLength={11} />
            </Form.Item>
          </Form>
        </>
      ) : (
        <Button block fill="none" color="danger" onClick={() => setOpen(true)}>
          {t('enterpriseClaims.dispute.open')}
        </Button>
      )}
    </section>
  )
}
