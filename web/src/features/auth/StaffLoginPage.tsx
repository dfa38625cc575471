import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { errorMessage } from '../../app/api'
import { paths, safeNextPath } from '../../app/routes'
import { useSession } from '../../app/session'
import { FullPageSpin } from '../../ui/staff/FullPageSpin'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { LanguageSelect } from '../../ui/staff/LanguageSelect'
import { useDocumentTitle } from '../../ui/use-document-title'
import { authApi, SIX_DIGITS, type SignInResult } from './auth.api'
import { fieldMessage } from '../../ui/field-message'

type PasswordValues = { username: string; password: string }
type CodeValues = { code: string }

/** `/staff/login`: username and password, then an authenticator code when the account has one. */
export function StaffLoginPage() {
  const { t } = useTranslation()
  const { me, setMe } = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [passwordForm] = Form.useForm<PasswordValues>()
  const [codeForm] = Form.useForm<CodeValues>()
  const [challenge, setChallenge] = useState<string>()
  const [banner, setBanner] = useState<string>()
  const [isBusy, setBusy] = useState(false)
  const next = safeNextPath(params.get('next'), paths.staffHome)
  useDocumentTitle(t('auth.staffLogin.title'))

  if (me === undefined) return <FullPageSpin label={t('common.loading')} />
  if (me?.kind === 'staff') {
    return <Navigate to={me.mustChangePassword ? paths.staffChangePassword : next} replace />
  }

  const finish = (result: SignInResult) => {
    if (result.status === 'second_factor_required') {
      setChallenge(result.challenge)
      return
    }
    setMe(result.user)
    void navigate(result.user.mustChangePassword ? paths.staffChangePassword : next, { replace: true })
  }

  const signIn = async (values: PasswordValues) => {
    setBanner(undefined)
    setBusy(true)
    try {
      finish(await authApi.signInStaff(values.username.trim(), values.password))
    } catch (error) {
      setBanner(
        showApiErrorOnForm(
          passwordForm,
          error,
          ['username', 'password'],
          errorMessage(error, t('errors.generic')),
        ),
      )
    } finally {
      setBusy(false)
    }
  }

  const verify = async (values: CodeValues) => {
    if (!challenge) return
    setBanner(undefined)
    setBusy(true)
    try {
      finish(await authApi.completeSecondFactor(challenge, values.code.trim()))
    } catch (error) {
      setBanner(
        showApiErrorOnForm(codeForm, error, ['code'], errorMessage(error, t('errors.generic')), {
          INVALID_SECOND_FACTOR: 'code',
        }),
      )
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="s-auth-page">
      <header className="s-auth-header">
        <span className="s-auth-brand">
          <span className="s-brand-mark" aria-hidden="true">
            营
          </span>
          {t('app.consoleName')}
        </span>
        <LanguageSelect />
      </header>
      <main id="main" className="s-auth-card">
        <Card>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {t('auth.staffLogin.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('auth.staffLogin.intro')}</Typography.Paragraph>
          {banner ? (
            <Alert type="error" title={banner} showIcon role="alert" style={{ marginBottom: 16 }} />
          ) : null}
          {challenge ? (
            <Form
              form={codeForm}
              name="staff-second-factor"
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => void verify(v)}
            >
              <Typography.Paragraph>{t('auth.staffLogin.secondFactorIntro')}</Typography.Paragraph>
              <Form.Item
                name="code"
                label={t('auth.staffLogin.totpCode')}
                rules={[
                  { required: true, message: fieldMessage('fields.required') },
                  { pattern: SIX_DIGITS, message: fieldMessage('auth.staffLogin.totpInvalid') },
                ]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                  size="large"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={isBusy}>
                {t('auth.staffLogin.verify')}
              </Button>
              <Button
                type="link"
                block
                style={{ marginTop: 8 }}
                onClick={() => {
                  setChallenge(undefined)
                  setBanner(undefined)
                }}
              >
                {t('auth.staffLogin.backToPassword')}
              </Button>
            </Form>
          ) : (
            <Form
              form={passwordForm}
              name="staff-login"
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => void signIn(v)}
            >
              <Form.Item
                name="username"
                label={t('auth.staffLogin.username')}
                rules={[{ required: true, message: fieldMessage('fields.required') }]}
              >
                <Input autoComplete="username" size="large" autoCapitalize="none" spellCheck={false} />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('auth.staffLogin.password')}
                rules={[{ required: true, message: fieldMessage('fields.required') }]}
              >
                <Input.Password autoComplete="current-password" size="large" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={isBusy}>
                {t('auth.staffLogin.signIn')}
              </Button>
            </Form>
          )}
        </Card>
        <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to={paths.home}>{t('auth.staffLogin.enterpriseLink')}</Link>
        </Typography.Paragraph>
      </main>
    </div>
  )
}
