import { Button, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { ChevronIcon } from '../../../app/enterprise/icons'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { ModeTag } from '../../../ui/mobile/ModeTag'
import { benefitsApi, type ClaimDetail } from '../benefits.api'
import { useBenefitText } from '../use-benefit-text'
import { ClaimStatusTag } from '../../../ui/mobile/ClaimStatusTag'
import '../../../ui/mobile/policy-pages.css'
import './benefits-mobile.css'

const PAGE_SIZE = 20

/** `/enterprises/:id/claims` (我的兑现): every consent and application of the enterprise, newest first. */
export function MyClaimsPage() {
  const { t } = useBenefitText()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('benefits.mine.title')} back={paths.enterprisePolicies(id)}>
      <RequireEnterpriseUser>{() => <MyClaims enterpriseId={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyClaims({ enterpriseId }: { enterpriseId: string }) {
  const { t, language } = useBenefitText()
  const navigate = useNavigate()
  const first = useLoad(
    () => benefitsApi.myClaims(enterpriseId, { limit: PAGE_SIZE, offset: 0 }),
    [enterpriseId, language],
  )
  const [more, setMore] = useState<ClaimDetail[]>([])
  const [isLoadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()

  if (first.error)
    return (
      <ErrorBlock status="default" title={errorMessage(first.error, t('errors.loadFailed'))} description="" />
    )
  if (!first.data) return <PageLoading />
  const items = [...first.data.items, ...more]
  const total = first.data.total

  const loadMore = async () => {
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await benefitsApi.myClaims(enterpriseId, { limit: PAGE_SIZE, offset: items.length })
      setMore((current) => [...current, ...page.items])
    } catch (error) {
      setMoreError(errorMessage(error, t('errors.loadFailed')))
    } finally {
      setLoadingMore(false)
    }
  }

  if (items.length === 0)
    return (
      <div className="m-section">
        <ErrorBlock
          status="empty"
          title={t('benefits.mine.empty')}
          description={t('benefits.mine.emptyHint')}
        />
        <Button
          block
          size="large"
          color="primary"
          onClick={() => void navigate(paths.enterprisePolicies(enterpriseId))}
        >
          {t('benefits.mine.toPolicies')}
        </Button>
      </div>
    )

  return (
    <>
      <p className="m-muted" style={{ margin: '0 4px' }}>
        {t('benefits.mine.count', { count: total })}
      </p>
      <ul className="m-plain-list" aria-label={t('benefits.mine.title')}>
        {items.map((claim) => (
          <li key={claim.id}>
            <ClaimCard enterpriseId={enterpriseId} claim={claim} />
          </li>
        ))}
      </ul>
      <Banner tone="error" text={moreError} />
      {items.length < total ? (
        <Button block size="large" loading={isLoadingMore} onClick={() => void loadMore()}>
          {t('benefits.mine.loadMore')}
        </Button>
      ) : null}
    </>
  )
}

function ClaimCard({ enterpriseId, claim }: { enterpriseId: string; claim: ClaimDetail }) {
  const text = useBenefitText()
  const { t } = text
  const money = claim.payout
    ? t('benefits.mine.paid', { amount: text.money(claim.payout.amount), paidOn: claim.payout.paidOn })
    : claim.approvedAmount !== null
      ? t('benefits.mine.approved', { amount: text.money(claim.approvedAmount) })
      : claim.expectedAmount !== null
        ? t('benefits.mine.expected', { amount: text.money(claim.expectedAmount) })
        : null
  return (
    <Link to={paths.enterpriseClaim(enterpriseId, claim.id)} className="m-link-card m-appeal-card">
      <span className="m-link-card-body">
        <span className="m-appeal-card-head">
          <span className="m-muted m-claim-number">{claim.number}</span>
          <ClaimStatusTag status={claim.status} />
        </span>
        <span className="m-link-card-title m-appeal-card-title">{claim.itemTitle}</span>
        <span className="m-muted">{claim.policyTitle}</span>
        <span className="m-match-card-foot">
          <ModeTag mode={claim.mode} />
          {money ? <span className={claim.payout ? 'm-claim-paid' : 'm-match-amount'}>{money}</span> : null}
        </span>
        {claim.status === 'supplement_requested' ? (
          <span className="m-match-missing">{t('benefits.mine.needsSupplement')}</span>
        ) : claim.dueAt ? (
          <span className={claim.isOverdue ? 'm-overdue' : 'm-muted'}>
            {t('benefits.detail.dueBy', { due: formatDateTime(claim.dueAt, text.language) })}
          </span>
        ) : null}
      </span>
      <ChevronIcon />
    </Link>
  )
}
