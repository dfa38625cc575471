import { Button, ErrorBlock, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../api'
import { enterprisesApi, referenceApi } from '../shared-api/enterprises'
import { useInbox } from '../../features/notifications/inbox-store'
import { LinkCard } from '../../ui/mobile/LinkCard'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { useLoad } from '../../ui/use-load'
import { paths } from '../routes'
import { useSession, type Me } from '../session'
import {
  AppealIcon,
  BuildingIcon,
  CalculatorIcon,
  GuideIcon,
  InboxIcon,
  PayoutIcon,
  PolicyIcon,
  StarIcon,
} from './icons'
import { PageLoading } from './RequireEnterpriseUser'

/** `/`: what 营商通 is for the public; my enterprises and unread messages once signed in. */
export function HomePage() {
  const { t } = useTranslation()
  const { me } = useSession()
  return (
    <MobilePage title={t('app.name')}>
      {me === undefined ? (
        <PageLoading />
      ) : me?.kind === 'enterprise' ? (
        <SignedInHome me={me} />
      ) : (
        <PublicHome isStaff={me?.kind === 'staff'} />
      )}
    </MobilePage>
  )
}

function PublicHome({ isStaff }: { isStaff: boolean }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const city = useLoad(() => referenceApi.city(), [])
  return (
    <>
      <section className="m-hero" aria-labelledby="hero-title">
        <h2 id="hero-title" className="m-hero-title">
          {t('home.heroTitle')}
        </h2>
        <p>{t('home.heroText', { bureau: city.data?.bureauName ?? t('home.bureauFallback') })}</p>
        {isStaff ? (
          <Button block size="large" onClick={() => void navigate(paths.staffHome)}>
            {t('home.goToConsole')}
          </Button>
        ) : (
          <Button block size="large" onClick={() => void navigate(paths.login)}>
            {t('home.signInCta')}
          </Button>
        )}
      </section>
      <nav aria-label={t('policies.publicLinks.title')}>
        <LinkCard
          to={paths.calculator}
          icon={<CalculatorIcon size={28} />}
          title={t('policies.calculator.title')}
        >
          <span className="m-muted">{t('policies.publicLinks.calculatorText')}</span>
        </LinkCard>
        <LinkCard
          to={paths.policyLibrary}
          icon={<PolicyIcon size={28} />}
          title={t('policies.library.title')}
        >
          <span className="m-muted">{t('policies.publicLinks.libraryText')}</span>
        </LinkCard>
        <LinkCard to={paths.matters} icon={<GuideIcon size={28} />} title={t('services.catalogue.title')}>
          <span className="m-muted">{t('services.catalogue.homeText')}</span>
        </LinkCard>
        <LinkCard
          to="/ratings/statistics"
          icon={<StarIcon size={28} />}
          title={t('ratings.statistics.title')}
        >
          <span className="m-muted">{t('ratings.home.statisticsText')}</span>
        </LinkCard>
      </nav>
      <section className="m-section" aria-labelledby="features-title">
        <h2 id="features-title" className="m-section-title">
          {t('home.featuresTitle')}
        </h2>
        <ul className="m-feature-list">
          {(['appeals', 'services', 'policies', 'ratings'] as const).map((key) => (
            <li key={key}>
              <strong>{t(`home.features.${key}.title`)}</strong>
              <span className="m-muted">{t(`home.features.${key}.text`)}</span>
            </li>
          ))}
        </ul>
      </section>
      {isStaff ? null : (
        <section className="m-section">
          <p className="m-muted" style={{ margin: 0 }}>
            {t('home.staffHint')} <Link to={paths.staffLogin}>{t('home.staffLoginLink')}</Link>
          </p>
        </section>
      )}
    </>
  )
}

function SignedInHome({ me }: { me: Me }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { unreadCount, items } = useInbox()
  const mine = useLoad(() => enterprisesApi.listMine(), [me.id])

  return (
    <>
      <section className="m-section" aria-labelledby="greeting">
        <h2 id="greeting" className="m-section-title">
          {t('home.greeting', { name: me.displayName })}
        </h2>
        <p className="m-muted" style={{ margin: 0 }}>
          {t('home.signedInAs', { phone: me.phone ?? '' })}
        </p>
      </section>

      <LinkCard to={paths.policies} icon={<PolicyIcon size={28} />} title={t('policies.home.card')}>
        <span className="m-muted">{t('policies.home.cardText')}</span>
      </LinkCard>

      <LinkCard to={paths.claims} icon={<PayoutIcon size={28} />} title={t('benefits.mine.title')}>
        <span className="m-muted">{t('benefits.home.cardText')}</span>
      </LinkCard>

      <LinkCard to={paths.appeals} icon={<AppealIcon size={28} />} title={t('home.appealsCard')}>
        <span className="m-muted">{t('home.appealsCardText')}</span>
      </LinkCard>

      <LinkCard to={paths.matters} icon={<GuideIcon size={28} />} title={t('services.catalogue.title')}>
        <span className="m-muted">{t('services.catalogue.homeText')}</span>
      </LinkCard>

      <LinkCard to="/ratings" icon={<StarIcon size={28} />} title={t('ratings.toRate.title')}>
        <span className="m-muted">{t('ratings.home.cardText')}</span>
      </LinkCard>

      <LinkCard to="/commitments" icon={<PayoutIcon size={28} />} title={t('commitments.home.card')}>
        <span className="m-muted">{t('commitments.home.cardText')}</span>
      </LinkCard>

      <LinkCard to="/inspections" icon={<BuildingIcon size={28} />} title={t('inspections.home.card')}>
        <span className="m-muted">{t('inspections.home.cardText')}</span>
      </LinkCard>

      <LinkCard to={paths.inbox} icon={<InboxIcon size={28} />} title={t('home.inboxCard')}>
        <span className="m-muted">
          {items === undefined ? t('common.loading') : t('home.unreadCount', { count: unreadCount })}
        </span>
      </LinkCard>

      <section aria-labelledby="my-enterprises">
        <h2 id="my-enterprises" className="m-section-title" style={{ padding: '4px 4px 0' }}>
          {t('home.myEnterprises')}
        </h2>
        {mine.error ? (
          <ErrorBlock
            status="default"
            title={errorMessage(mine.error, t('errors.loadFailed'))}
            description=""
          />
        ) : mine.data === undefined ? (
          <PageLoading />
        ) : mine.data.items.length === 0 ? (
          <div className="m-section">
            <p className="m-muted" style={{ marginTop: 0 }}>
              {t('home.noEnterprises')}
            </p>
          </div>
        ) : (
          <div>
            {mine.data.items.map((enterprise) => (
              <LinkCard
                key={enterprise.id}
                to={paths.enterprise(enterprise.id)}
                icon={<BuildingIcon size={28} />}
                title={enterprise.name}
              >
                <span className="m-muted">{enterprise.uscc}</span>{' '}
                {enterprise.myRole ? (
                  <Tag color="primary" fill="outline">
                    {t(`enterprise.memberRoles.${enterprise.myRole}`)}
                  </Tag>
                ) : null}
              </LinkCard>
            ))}
          </div>
        )}
      </section>

      <Button
        color="primary"
        block
        size="large"
        style={{ marginTop: 16 }}
        onClick={() => void navigate(paths.registerEnterprise)}
      >
        {t('home.registerEnterprise')}
      </Button>
    </>
  )
}
