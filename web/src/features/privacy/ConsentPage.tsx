import { Button, Dialog, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router'
import { errorMessage, isApiError } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { loginPathFor, paths, safeNextPath } from '../../app/routes'
import { useSession } from '../../app/session'
import { formatIsoDate } from '../../ui/format'
import { Banner } from '../../ui/mobile/Banner'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { useLoad } from '../../ui/use-load'
import { DocumentText } from './DocumentText'
import { privacyApi, type PendingDocument } from './privacy.api'

/**
 * `/consent`: before anything else, a signed-in enterprise user reads the current privacy notice and
 * terms of use (each in its own scrollable box; after an update, what changed first) and accepts them,
 * or declines and is signed out. The server refuses everything else until then (CONSENT_REQUIRED).
 */
export function ConsentPage() {
  const { t } = useTranslation()
  const { me } = useSession()
  const location = useLocation()
  const [params] = useSearchParams()
  const next = safeNextPath(params.get('next'), paths.home)

  if (me === undefined) return <PageLoading />
  if (me === null) return <Navigate to={loginPathFor(location.pathname, location.search)} replace />
  if (me.kind === 'staff') return <Navigate to={`${paths.staffConsent}${location.search}`} replace />
  if (me.pendingConsents.length === 0) return <Navigate to={next} replace />
  return (
    <MobilePage title={t('privacy.consent.title')}>
      <ConsentForm next={next} />
    </MobilePage>
  )
}

function ConsentForm({ next }: { next: string }) {
  const { t } = useTranslation()
  const { refresh, signOut } = useSession()
  const navigate = useNavigate()
  const status = useLoad(() => privacyApi.status(), [])
  const [banner, setBanner] = useState<string>()
  const [isBusy, setBusy] = useState(false)

  if (status.error)
    return <ErrorBlock status="default" title={errorMessage(status.error, t('errors.loadFailed'))} />
  if (!status.data) return <PageLoading />
  const pending = status.data.pending
  const isUpdate = pending.some((d) => d.previouslyAcceptedVersion !== null)

  const accept = async () => {
    setBanner(undefined)
    setBusy(true)
    try {
      await privacyApi.accept(pending.map((d) => ({ kind: d.kind, version: d.version })))
      await refresh()
      void navigate(next, { replace: true })
    } catch (error) {
      // A newer version took effect while the page was open: show it.
      if (isApiError(error, 'LEGAL_DOCUMENT_OUTDATED')) status.reload()
      setBanner(errorMessage(error, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }

  const decline = async () => {
    const confirmed = await Dialog.confirm({
      content: t('privacy.consent.declineConfirm'),
      confirmText: t('privacy.consent.declineAndSignOut'),
      cancelText: t('privacy.consent.backToReading'),
    })
    if (!confirmed) return
    await signOut().catch(() => undefined)
    void navigate(paths.home, { replace: true })
  }

  return (
    <>
      <section className="m-section">
        <p style={{ margin: 0 }}>
          {isUpdate ? t('privacy.consent.introUpdate') : t('privacy.consent.intro')}
        </p>
      </section>
      {pending.map((document) => (
        <PendingDocumentSection key={document.kind} document={document} />
      ))}
      <Banner tone="error" text={banner} />
      <section className="m-section legal-actions" aria-label={t('privacy.consent.actions')}>
        <p className="m-muted" style={{ margin: 0 }}>
          {t('privacy.consent.acceptMeans', {
            documents: pending.map((d) => `《${d.title}》`).join(t('privacy.consent.and')),
          })}
        </p>
        <Button block color="primary" size="large" loading={isBusy} onClick={() => void accept()}>
          {t('privacy.consent.accept')}
        </Button>
        <Button block size="large" onClick={() => void decline()}>
          {t('privacy.consent.decline')}
        </Button>
        <p className="m-muted" style={{ margin: 0 }}>
          {t('privacy.consent.declineHint')}{' '}
          <Link to={paths.policyLibrary}>{t('policies.library.title')}</Link>
        </p>
      </section>
    </>
  )
}

function PendingDocumentSection({ document }: { document: PendingDocument }) {
  const { t } = useTranslation()
  const titleId = `doc-${document.kind}`
  return (
    <section className="m-section" aria-labelledby={titleId}>
      <h2 id={titleId} className="m-section-title">
        {document.title}
      </h2>
      <p className="legal-meta">
        {t('privacy.document.versionLine', {
          version: document.version,
          date: formatIsoDate(document.effectiveOn),
        })}
      </p>
      {document.previouslyAcceptedVersion !== null ? (
        <div className="legal-changes">
          <strong>
            {t('privacy.consent.changedSince', { version: document.previouslyAcceptedVersion })}
          </strong>
          <br />
          {document.changeSummary}
        </div>
      ) : null}
      {/* Its own scroll area: focusable so a keyboard can scroll it, named for a screen reader. */}
      <div
        className="legal-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('privacy.document.fullText', { document: document.title })}
      >
        <DocumentText body={document.body} baseLevel={3} />
      </div>
      <p style={{ margin: '8px 0 0', fontSize: 14 }}>
        <Link to={paths.legalDocument(document.kind)}>{t('privacy.document.openFullHere')}</Link>
      </p>
    </section>
  )
}
