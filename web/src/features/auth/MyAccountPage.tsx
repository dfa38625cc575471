import { Button, Dialog, Tag } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../app/routes'
import { useSession, type Me } from '../../app/session'
import { Banner } from '../../ui/mobile/Banner'
import { LanguageSwitch } from '../../ui/mobile/LanguageSwitch'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { LegalLinks } from '../../ui/mobile/LegalLinks'
import { Slot } from '../../app/slots'

/**
 * `/me`: who I am, privacy and my data (the documents, what I accepted, a copy of my data, withdrawing
 * consent), language, sign out here or everywhere. Visitors get the documents, the language switch and a
 * way in.
 */
export function MyAccountPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  return (
    <MobilePage title={t('account.title')}>
      {me === undefined ? <PageLoading /> : me === null ? <SignedOut /> : <SignedIn me={me} />}
      <section className="m-section" aria-labelledby="language-title">
        <h2 id="language-title" className="m-section-title">
          {t('common.language')}
        </h2>
        <LanguageSwitch />
      </section>
    </MobilePage>
  )
}

function SignedOut() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <section className="m-section">
      <p style={{ marginTop: 0 }}>{t('account.signedOut')}</p>
      <Button block color="primary" size="large" onClick={() => void navigate(paths.login)}>
        {t('home.signInCta')}
      </Button>
      <p className="m-muted" style={{ margin: '12px 0 0' }}>
        <LegalLinks kinds={['privacy_notice', 'terms_of_use']} />
      </p>
    </section>
  )
}

function SignedIn({ me }: { me: Me }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { signOut } = useSession()
  const [error, setError] = useState<string>()

  const leave = async (everywhere: boolean) => {
    if (everywhere) {
      const confirmed = await Dialog.confirm({
        content: t('account.confirmSignOutEverywhere'),
        confirmText: t('account.signOutEverywhere'),
        cancelText: t('common.cancel'),
      })
      if (!confirmed) return
    }
    try {
      await signOut({ everywhere })
      void navigate(paths.home, { replace: true })
    } catch (caught) {
      setError(errorMessage(caught, t('errors.generic')))
    }
  }

  return (
    <>
      <section className="m-section" aria-labelledby="who-title">
        <h2 id="who-title" className="m-section-title">
          {me.displayName}
        </h2>
        <dl className="m-kv">
          <dt>{t('account.kind')}</dt>
          <dd>{me.kind === 'staff' ? t('account.kindStaff') : t('account.kindEnterprise')}</dd>
          {me.phone ? (
            <>
              <dt>{t('auth.enterpriseLogin.phone')}</dt>
              <dd>{me.phone}</dd>
            </>
          ) : null}
          {me.username ? (
            <>
              <dt>{t('auth.staffLogin.username')}</dt>
              <dd>{me.username}</dd>
            </>
          ) : null}
        </dl>
        {me.kind === 'staff' ? (
          <p style={{ marginBottom: 0 }}>
            <Link to={paths.staffHome}>{t('home.goToConsole')}</Link>
          </p>
        ) : null}
      </section>

      {me.kind === 'enterprise' ? (
        <section className="m-section" aria-labelledby="my-enterprises-title">
          <h2 id="my-enterprises-title" className="m-section-title">
            {t('home.myEnterprises')}
          </h2>
          {me.enterprises.length ? (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 10 }}>
              {me.enterprises.map((membership) => (
                <li key={membership.enterpriseId}>
                  <Link to={paths.enterprise(membership.enterpriseId)}>{membership.name}</Link>{' '}
                  <Tag color="primary" fill="outline">
                    {t(`enterprise.memberRoles.${membership.role}`)}
                  </Tag>
                </li>
              ))}
            </ul>
          ) : (
            <p className="m-muted" style={{ margin: 0 }}>
              {t('home.noEnterprises')}
            </p>
          )}
        </section>
      ) : null}

      <Slot name="account.privacy" me={me} />
      <Banner tone="error" text={error} />
      <section className="m-section m-button-stack" aria-label={t('account.sessions')}>
        <Button block size="large" onClick={() => void leave(false)}>
          {t('account.signOut')}
        </Button>
        <Button block size="large" color="danger" fill="outline" onClick={() => void leave(true)}>
          {t('account.signOutEverywhere')}
        </Button>
      </section>
    </>
  )
}
