import { Button, ErrorBlock, Tabs } from 'antd-mobile'
import { useMemo } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { ChevronIcon } from '../../../app/enterprise/icons'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { benefitsApi } from '../../../app/shared-api/benefits'
import { isActiveClaim } from '../../../ui/claim-status'
import { enterprisesApi } from '../../../app/shared-api/enterprises'
import { policiesApi, type MatchOutcome, type MatchView } from '../policies.api'
import { isNewPush } from '../seen-pushes'
import { usePolicyText } from '../use-policy-text'
import { MatchCard } from './MatchCard'
import '../../../ui/mobile/policy-pages.css'

const OUTCOMES: readonly MatchOutcome[] = ['eligible', 'undetermined', 'ineligible']
const isOutcome = (value: string | null): value is MatchOutcome =>
  !!value && (OUTCOMES as readonly string[]).includes(value)

/** `/enterprises/:id/policies`: every item in force for this enterprise, by outcome. */
export function MyPoliciesPage() {
  const { t } = usePolicyText()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('policies.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <MyPolicies enterpriseId={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyPolicies({ enterpriseId }: { enterpriseId: string }) {
  const { t, tx, language } = usePolicyText()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const data = useLoad(async () => {
    const [matches, mine, claims] = await Promise.all([
      policiesApi.matches(enterpriseId),
      enterprisesApi.listMine(),
      benefitsApi.myClaims(enterpriseId, { limit: 100, offset: 0 }),
    ])
    return { matches, mine: mine.items, claims: claims.items }
  }, [enterpriseId, language])
  const requested = params.get('outcome')
  const counts = data.data?.matches.counts
  // Open on the first tab that has something in it, unless the URL says which.
  const tab: MatchOutcome = isOutcome(requested)
    ? requested
    : (OUTCOMES.find((o) => (counts?.[o] ?? 0) > 0) ?? 'eligible')
  const items = data.data?.matches.items
  const byOutcome = useMemo(() => {
    const groups: Record<MatchOutcome, MatchView[]> = { eligible: [], undetermined: [], ineligible: [] }
    for (const m of items ?? []) groups[m.explanation.outcome].push(m)
    return groups
  }, [items])

  if (data.error)
    return (
      <ErrorBlock status="default" title={errorMessage(data.error, t('errors.loadFailed'))} description="" />
    )
  if (!data.data) return <PageLoading />
  const { matches, mine, claims } = data.data
  // The item an enterprise already consented to or applied for says so in the list.
  const claimOf = new Map(claims.filter((c) => isActiveClaim(c.status)).map((c) => [c.itemId, c.status]))
  const enterprise = mine.find((e) => e.id === enterpriseId)
  const total = matches.items.length

  return (
    <>
      <section className="m-section" aria-labelledby="policies-enterprise">
        <h2 id="policies-enterprise" className="m-section-title">
          {enterprise?.name ?? t('policies.mine.title')}
        </h2>
        <dl className="m-count-tiles">
          {OUTCOMES.map((o) => (
            <div key={o} className={`m-count-tile is-${o}`}>
              <dt>{tx(`policies.mine.tiles.${o}`)}</dt>
              <dd>{matches.counts[o]}</dd>
            </div>
          ))}
        </dl>
        <div className="m-head-links">
          <Link to={paths.enterpriseClaims(enterpriseId)} className="m-text-link">
            {t('benefits.mine.title')}
          </Link>
          {mine.length > 1 ? (
            <Link to={paths.policies} className="m-text-link">
              {t('policies.mine.switchEnterprise')}
            </Link>
          ) : null}
        </div>
      </section>

      {total === 0 ? (
        <div className="m-section">
          <ErrorBlock
            status="empty"
            title={t('policies.mine.noneInForce')}
            description={t('policies.mine.noneInForceHint')}
          />
          <Button block size="large" onClick={() => void navigate(paths.policyLibrary)}>
            {t('policies.library.title')}
          </Button>
        </div>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ outcome: key }, { replace: true })}
          className="m-outcome-tabs"
        >
          {OUTCOMES.map((o) => (
            <Tabs.Tab key={o} title={tx(`policies.mine.tabs.${o}`, { count: matches.counts[o] })}>
              {o === 'undetermined' && byOutcome[o].length ? (
                <p className="m-muted m-tab-hint">{t('policies.mine.undeterminedHint')}</p>
              ) : null}
              {byOutcome[o].length === 0 ? (
                <p className="m-muted m-tab-hint">{tx(`policies.mine.empty.${o}`)}</p>
              ) : (
                <ul className="m-plain-list" aria-label={tx(`policies.mine.tiles.${o}`)}>
                  {byOutcome[o].map((m) => (
                    <li key={m.item.id}>
                      <MatchCard
                        match={m}
                        to={paths.enterprisePolicy(enterpriseId, m.item.id)}
                        isNew={isNewPush(m)}
                        claimStatus={claimOf.get(m.item.id)}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </Tabs.Tab>
          ))}
        </Tabs>
      )}

      <nav aria-label={t('policies.mine.more')}>
        <Link to={paths.enterpriseClaims(enterpriseId)} className="m-link-card">
          <span className="m-link-card-body">
            <span className="m-link-card-title">{t('benefits.mine.title')}</span>
            <br />
            <span className="m-muted">{t('policies.mine.claimsLink')}</span>
          </span>
          <ChevronIcon />
        </Link>
        <Link to={paths.enterpriseFacts(enterpriseId)} className="m-link-card">
          <span className="m-link-card-body">
            <span className="m-link-card-title">{t('facts.mine.title')}</span>
            <br />
            <span className="m-muted">{t('policies.mine.factsLink')}</span>
          </span>
          <ChevronIcon />
        </Link>
        <Link to={paths.enterpriseNeeds(enterpriseId)} className="m-link-card">
          <span className="m-link-card-body">
            <span className="m-link-card-title">{t('policies.needs.title')}</span>
            <br />
            <span className="m-muted">{t('policies.mine.needsLink')}</span>
          </span>
          <ChevronIcon />
        </Link>
        <Link to={paths.calculator} className="m-link-card">
          <span className="m-link-card-body">
            <span className="m-link-card-title">{t('policies.calculator.title')}</span>
            <br />
            <span className="m-muted">{t('policies.mine.calculatorLink')}</span>
          </span>
          <ChevronIcon />
        </Link>
      </nav>
    </>
  )
}
