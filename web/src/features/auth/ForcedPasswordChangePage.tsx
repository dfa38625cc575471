import { Button, Card, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate } from 'react-router'
import { paths } from '../../app/routes'
import { useSession } from '../../app/session'
import { FullPageSpin } from '../../ui/staff/FullPageSpin'
import { LanguageSelect } from '../../ui/staff/LanguageSelect'
import { useDocumentTitle } from '../../ui/use-document-title'
import { ChangePasswordForm } from './ChangePasswordForm'

/**
 * `/staff/change-password`: a new account (or one an admin reset) must replace its one-time
 * password before the console opens; the server refuses everything else until then.
 */
export function ForcedPasswordChangePage() {
  const { t } = useTranslation()
  const { me, refresh, signOut } = useSession()
  const navigate = useNavigate()
  useDocumentTitle(t('auth.password.forcedTitle'))

  if (me === undefined) return <FullPageSpin label={t('common.loading')} />
  if (!me || me.kind !== 'staff') return <Navigate to={paths.staffLogin} replace />
  if (!me.mustChangePassword) return <Navigate to={paths.staffHome} replace />

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
            {t('auth.password.forcedTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('auth.password.forcedIntro', { name: me.displayName })}
          </Typography.Paragraph>
          <ChangePasswordForm
            submitLabel={t('auth.password.submitAndContinue')}
            onChanged={() => {
              void refresh().then(() => navigate(paths.staffHome, { replace: true }))
            }}
          />
        </Card>
        <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16 }}>
          <Button
            type="link"
            onClick={() => {
              void signOut().finally(() => navigate(paths.staffLogin, { replace: true }))
            }}
          >
            {t('account.signOut')}
          </Button>
        </Typography.Paragraph>
      </main>
    </div>
  )
}
