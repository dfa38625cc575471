import { Button, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatBytes, formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { ReasonSection } from '../../../ui/mobile/ReasonSection'
import { useLoad } from '../../../ui/use-load'
import { benefitsApi, materialUrl, type ClaimDetail } from '../benefits.api'
import { openSupplementRequest } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'
import { ClaimRatingForm } from './ClaimRatingForm'
import { ClaimSummarySection } from './ClaimSummarySection'
import { ClaimTimeline } from './ClaimTimeline'
import { ResubmitForm } from './ResubmitForm'
import '../../../ui/mobile/policy-pages.css'
import './benefits-mobile.css'

/** `/enterprises/:id/claims/:claimId`: one consent or application, every step, and what I can do now. */
export function ClaimDetailPage() {
  const { t } = useBenefitText()
  const { id = '', claimId = '' } = useParams()
  return (
    <MobilePage title={t('benefits.detail.title')} back={paths.enterpriseClaims(id)}>
      <RequireEnterpriseUser>{() => <ClaimView enterpriseId={id} claimId={claimId} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function ClaimView({ enterpriseId, claimId }: { enterpriseId: string; claimId: string }) {
  const text = useBenefitText()
  const { t } = text
  const navigate = useNavigate()
  const location = useLocation()
  const claim = useLoad(
    () => benefitsApi.myClaim(enterpriseId, claimId),
    [enterpriseId, claimId, text.language],
  )
  // The receipt of a submit that just landed here, or the answer to an action on this page.
  const [notice, setNotice] = useState<string | undefined>(
    () => (location.state as { notice?: string } | null)?.notice,
  )

  if (claim.error && !claim.data)
    return (
      <>
        <ErrorBlock
          status="empty"
          title={errorMessage(claim.error, t('errors.loadFailed'))}
          description={t('benefits.detail.notFoundHint')}
        />
        <div className="m-button-stack m-after-block">
          <Button block size="large" onClick={() => void navigate(paths.enterpriseClaims(enterpriseId))}>
            {t('benefits.detail.backToMine')}
          </Button>
        </div>
      </>
    )
  if (!claim.data) return <PageLoading />
  const data = claim.data
  const can = (action: string) => data.allowedActions.includes(action)
  const supplement = openSupplementRequest(data)

  const changed = (updated: ClaimDetail, message: string) => {
    claim.setData(updated)
    setNotice(message)
    window.scrollTo(0, 0)
  }

  return (
    <>
      <Banner tone="info" text={notice} />
      <ClaimSummarySection claim={data} />

      {supplement && can('resubmit') ? (
        <section className="m-section m-requested" aria-labelledby="supplement-title">
          <h2 id="supplement-title" className="m-section-title">
            {t('benefits.resubmit.title')}
          </h2>
          <p className="m-muted" style={{ margin: 0 }}>
            {t('benefits.resubmit.askedAt', { at: formatDateTime(supplement.at, text.language) })}
          </p>
          {supplement.note ? <p className="m-timeline-note">{supplement.note}</p> : null}
          <ResubmitForm
            claim={data}
            mustReupload={supplement.materialKeys}
            onSubmit={async (body) =>
              changed(await benefitsApi.resubmit(enterpriseId, data.id, body), t('benefits.resubmit.done'))
            }
          />
        </section>
      ) : null}

      {can('rate') ? (
        <section className="m-section" aria-labelledby="rating-title">
          <h2 id="rating-title" className="m-section-title">
            {t('benefits.rating.title')}
          </h2>
          <p className="m-muted" style={{ marginTop: 0 }}>
            {t(data.status === 'paid' ? 'benefits.rating.introPaid' : 'benefits.rating.introRejected')}
          </p>
          <ClaimRatingForm
            onSubmit={async (body) =>
              changed(await benefitsApi.rate(enterpriseId, data.id, body), t('benefits.rating.thanks'))
            }
          />
        </section>
      ) : null}

      {data.materials.length ? <MaterialsSection claim={data} /> : null}

      <section className="m-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="m-section-title">
          {t('benefits.detail.timeline')}
        </h2>
        <ClaimTimeline events={data.timeline} />
        <Link to={paths.enterprisePolicy(enterpriseId, data.itemId)} className="m-text-link">
          {t('benefits.detail.explanationLink')}
        </Link>
      </section>

      {can('withdraw') ? (
        <ReasonSection
          name="withdraw-claim"
          title={t('benefits.withdraw.title')}
          intro={t(
            data.mode === 'no_application' ? 'benefits.withdraw.introConsent' : 'benefits.withdraw.intro',
          )}
          openLabel={t('benefits.withdraw.open')}
          reasonLabel={t('benefits.withdraw.reason')}
          placeholder={t('benefits.withdraw.reasonPlaceholder')}
          confirmLabel={t('benefits.withdraw.confirm')}
          minLength={2}
          maxLength={500}
          onSubmit={async (reason) =>
            changed(
              await benefitsApi.withdraw(enterpriseId, data.id, { reason }),
              t('benefits.withdraw.done'),
            )
          }
        />
      ) : null}
    </>
  )
}

/** The files sent with the application, the current ones first (a resubmission replaces earlier ones). */
function MaterialsSection({ claim }: { claim: ClaimDetail }) {
  const { t } = useBenefitText()
  const names = new Map(claim.requiredMaterials.map((m) => [m.key, m.name]))
  const files = [...claim.materials].sort((a, b) => Number(a.isSuperseded) - Number(b.isSuperseded))
  return (
    <section className="m-section" aria-labelledby="materials-title">
      <h2 id="materials-title" className="m-section-title">
        {t('benefits.detail.materials')}
      </h2>
      <ul className="m-file-links">
        {files.map((file) => (
          <li key={file.id} className={file.isSuperseded ? 'm-superseded' : undefined}>
            <span className="m-muted">{names.get(file.key) ?? file.key} · </span>
            <a href={materialUrl(file.id)} download={file.fileName}>
              {file.fileName}
            </a>
            <span className="m-muted">
              {' '}
              {formatBytes(file.sizeBytes)}
              {file.isSuperseded ? ` · ${t('benefits.detail.superseded')}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
