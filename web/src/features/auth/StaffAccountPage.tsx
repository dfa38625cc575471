import { App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../app/api'
import { paths } from '../../app/routes'
import { useSession } from '../../app/session'
import { showApiErrorOnForm } from '../../ui/form-errors'
import { PageHeader } from '../../ui/staff/PageHeader'
import { authApi, SIX_DIGITS, type TotpSetup } from './auth.api'
import { ChangePasswordForm } from './ChangePasswordForm'
import { Slot } from '../../app/slots'
import { fieldMessage } from '../../ui/field-message'

/**
 * `/staff/account`: change password, authenticator app on/off, sign out here or everywhere, the staff
 * privacy notice and a copy of one's own data.
 */
export function StaffAccountPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  if (!me) return null
  return (
    <>
      <PageHeader title={t('staff.account.title')} subtitle={`${me.displayName} · ${me.username ?? ''}`} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <PasswordCard />
        </Col>
        <Col xs={24} xl={12}>
          <TotpCard isEnabled={me.totpEnabled} />
          <SessionsCard />
          <Slot name="staffAccount.privacy" />
        </Col>
      </Row>
    </>
  )
}

function PasswordCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return (
    <Card title={<h2 className="s-card-title">{t('staff.account.passwordTitle')}</h2>}>
      <ChangePasswordForm onChanged={() => void message.success(t('staff.account.passwordChanged'))} />
    </Card>
  )
}

function TotpCard({ isEnabled }: { isEnabled: boolean }) {
  const { t } = useTranslation()
  const { refresh } = useSession()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ code: string }>()
  const [setup, setSetup] = useState<TotpSetup>()
  const [error, setError] = useState<string>()
  const [isBusy, setBusy] = useState(false)

  const run = async (action: () => Promise<void>) => {
    setError(undefined)
    setBusy(true)
    try {
      await action()
    } catch (caught) {
      const text = showApiErrorOnForm(form, caught, ['code'], errorMessage(caught, t('errors.generic')), {
        INVALID_SECOND_FACTOR: 'code',
      })
      if (text) setError(text)
    } finally {
      setBusy(false)
    }
  }

  const start = () =>
    run(async () => {
      setSetup(await authApi.startTotpSetup())
    })

  const confirm = ({ code }: { code: string }) =>
    run(async () => {
      if (isEnabled) await authApi.disableTotp(code.trim())
      else await authApi.enableTotp(code.trim())
      form.resetFields()
      setSetup(undefined)
      await refresh()
      void message.success(isEnabled ? t('staff.account.totpDisabled') : t('staff.account.totpEnabled'))
    })

  const codeForm = (submitLabel: string, danger: boolean) => (
    <Form
      form={form}
      name="totp"
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void confirm(values)}
    >
      <Form.Item
        name="code"
        label={t('auth.staffLogin.totpCode')}
        rules={[
          { required: true, message: fieldMessage('fields.required') },
          { pattern: SIX_DIGITS, message: fieldMessage('auth.staffLogin.totpInvalid') },
        ]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ maxWidth: 200 }} />
      </Form.Item>
      <Button type="primary" danger={danger} htmlType="submit" loading={isBusy}>
        {submitLabel}
      </Button>
    </Form>
  )

  return (
    <Card
      title={<h2 className="s-card-title">{t('staff.account.totpTitle')}</h2>}
      extra={
        isEnabled ? (
          <Tag color="green">{t('staff.account.totpOn')}</Tag>
        ) : (
          <Tag>{t('staff.account.totpOff')}</Tag>
        )
      }
      style={{ marginBottom: 16 }}
    >
      {error ? (
        <Typography.Paragraph type="danger" role="alert">
          {error}
        </Typography.Paragraph>
      ) : null}
      {isEnabled ? (
        <>
          <Typography.Paragraph>{t('staff.account.totpDisableIntro')}</Typography.Paragraph>
          {codeForm(t('staff.account.totpDisable'), true)}
        </>
      ) : setup ? (
        <>
          <Typography.Paragraph>{t('staff.account.totpScan')}</Typography.Paragraph>
          <Space align="start" wrap size="large">
            {/* An <img> rather than inline markup: the server's SVG cannot run anything from there. */}
            <img
              className="s-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
              alt={t('staff.account.totpQrAlt')}
            />
            <Descriptions column={1} size="small" style={{ maxWidth: 360 }}>
              <Descriptions.Item label={t('staff.account.totpSecret')}>
                <Typography.Text copyable className="s-mono">
                  {setup.secret}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Space>
          <div style={{ marginTop: 16 }}>{codeForm(t('staff.account.totpConfirm'), false)}</div>
        </>
      ) : (
        <>
          <Typography.Paragraph>{t('staff.account.totpIntro')}</Typography.Paragraph>
          <Button type="primary" onClick={() => void start()} loading={isBusy}>
            {t('staff.account.totpStart')}
          </Button>
        </>
      )}
    </Card>
  )
}

function SessionsCard() {
  const { t } = useTranslation()
  const { signOut } = useSession()
  const { modal } = App.useApp()
  const navigate = useNavigate()

  const leave = (everywhere: boolean) =>
    void signOut({ everywhere }).finally(() => navigate(paths.staffLogin, { replace: true }))

  return (
    <Card title={<h2 className="s-card-title">{t('account.sessions')}</h2>}>
      <Typography.Paragraph>{t('staff.account.sessionsIntro')}</Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => leave(false)}>{t('account.signOut')}</Button>
        <Button
          danger
          onClick={() =>
            modal.confirm({
              title: t('account.signOutEverywhere'),
              content: t('account.confirmSignOutEverywhere'),
              okText: t('account.signOutEverywhere'),
              cancelText: t('common.cancel'),
              okButtonProps: { danger: true },
              onOk: () => leave(true),
            })
          }
        >
          {t('account.signOutEverywhere')}
        </Button>
      </Space>
    </Card>
  )
}
