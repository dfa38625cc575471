import { Button, Form, Input } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { errorMessage, isApiError } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { paths, safeNextPath } from '../../app/routes'
import { useSession } from '../../app/session'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { Banner } from '../../ui/mobile/Banner'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { useCountdown } from '../../ui/use-countdown'
import { useLoad } from '../../ui/use-load'
import { notificationsApi } from '../../app/shared-api/notifications'
import { LegalLinks } from '../../ui/mobile/LegalLinks'
import { authApi, MOBILE_PHONE, SIX_DIGITS } from './auth.api'
import { fieldMessage } from '../../ui/field-message'

type Values = { phone: string; code: string }
const FORM_FIELDS = ['phone', 'code'] as const

/** `/login`: mobile number → one-time code → signed in (the first sign-in creates the account). */
export function EnterpriseLoginPage() {
  const { t } = useTranslation()
  const { me, setMe } = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [form] = Form.useForm<Values>()
  const [secondsLeft, startCountdown] = useCountdown()
  const [sentTo, setSentTo] = useState<string>()
  const [banner, setBanner] = useState<string>()
  const [isSending, setSending] = useState(false)
  const [isSigningIn, setSigningIn] = useState(false)
  // The dev inbox answers only in development; its link is shown only where it works.
  const devInbox = useLoad(() => notificationsApi.listDevOutgoing(), [])
  const next = safeNextPath(params.get('next'), paths.home)

  if (me === undefined) return <PageLoading />
  if (me?.kind === 'enterprise') return <Navigate to={next} replace />

  const sendCode = async () => {
    setBanner(undefined)
    try {
      const { phone } = await form.validateFields(['phone'])
      setSending(true)
      const sent = await authApi.requestEnterpriseCode(phone.trim())
      setSentTo(sent.sentTo)
      startCountdown(sent.resendAfterSeconds)
    } catch (error) {
      if (isApiError(error)) setBanner(showApiErrorOnForm(form, error, FORM_FIELDS, t('errors.generic')))
    } finally {
      setSending(false)
    }
  }

  const signIn = async (values: Values) => {
    setBanner(undefined)
    setSigningIn(true)
    try {
      const result = await authApi.signInEnterprise(values.phone.trim(), values.code.trim())
      if (result.status === 'signed_in') {
        setMe(result.user)
        void navigate(next, { replace: true })
      }
    } catch (error) {
      setBanner(
        showApiErrorOnForm(form, error, FORM_FIELDS, errorMessage(error, t('errors.generic')), {
          INVALID_CODE: 'code',
        }),
      )
    } finally {
      setSigningIn(false)
    }
  }

  return (
    <MobilePage title={t('auth.enterpriseLogin.title')} back={paths.home}>
      <p className="m-muted" style={{ margin: '4px 4px 0' }}>
        {t('auth.enterpriseLogin.intro')}
      </p>
      {banner ? (
        <Banner text={banner} tone="error" />
      ) : (
        <Banner text={sentTo ? t('auth.enterpriseLogin.codeSent', { to: sentTo }) : undefined} />
      )}
      <Form
        form={form}
        name="enterprise-login"
        className="m-form"
        requiredMarkStyle="none"
        onFinish={(values) => void signIn(values)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={isSigningIn}>
            {t('auth.enterpriseLogin.signIn')}
          </Button>
        }
      >
        <Form.Item
          name="phone"
          label={t('auth.enterpriseLogin.phone')}
          rules={[
            { required: true, message: fieldMessage('auth.enterpriseLogin.phoneRequired') },
            { pattern: MOBILE_PHONE, message: fieldMessage('auth.enterpriseLogin.phoneInvalid') },
          ]}
        >
          <Input
            type="tel"
            inputMode="numeric"
            autoComplete="tel"
            maxLength={11}
            placeholder={t('auth.enterpriseLogin.phonePlaceholder')}
            clearable
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('auth.enterpriseLogin.code')}
          rules={[
            { required: true, message: fieldMessage('auth.enterpriseLogin.codeRequired') },
            { pattern: SIX_DIGITS, message: fieldMessage('auth.enterpriseLogin.codeInvalid') },
          ]}
          extra={
            <Button
              size="middle"
              color="primary"
              fill="outline"
              disabled={secondsLeft > 0}
              loading={isSending}
              onClick={() => void sendCode()}
            >
              {secondsLeft > 0
                ? t('auth.enterpriseLogin.resendIn', { seconds: secondsLeft })
                : sentTo
                  ? t('auth.enterpriseLogin.resend')
                  : t('auth.enterpriseLogin.getCode')}
            </Button>
          }
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder={t('auth.enterpriseLogin.codePlaceholder')}
          />
        </Form.Item>
      </Form>
      <p className="m-muted" style={{ margin: '0 4px' }}>
        {t('auth.enterpriseLogin.firstTimeHint')}
      </p>
      <p className="m-muted" style={{ margin: '0 4px' }}>
        {t('privacy.signInNote')} <LegalLinks kinds={['privacy_notice', 'terms_of_use']} />
      </p>
      <p className="m-muted m-public-links">
        {t('policies.publicLinks.noSignIn')}{' '}
        <Link to={paths.calculator}>{t('policies.calculator.title')}</Link>
        {' · '}
        <Link to={paths.policyLibrary}>{t('policies.library.title')}</Link>
      </p>
      {devInbox.data ? (
        <p style={{ margin: '0 4px', fontSize: 13 }}>
          <Link to={paths.devInbox}>{t('devInbox.link')}</Link>
        </p>
      ) : null}
    </MobilePage>
  )
}
