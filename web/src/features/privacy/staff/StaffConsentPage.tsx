import { Alert, Button, Card, Result, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { paths, safeNextPath } from '../../../app/routes'
import { useSession } from '../../../app/session'
import { FullPageSpin } from '../../../ui/staff/FullPageSpin'
import { LanguageSelect } from '../../../ui/staff/LanguageSelect'
import { useDocumentTitle } from '../../../ui/use-document-title'
import { useLoad } from '../../../ui/use-load'
import { DocumentText } from '../DocumentText'
import { privacyApi } from '../privacy.api'

/**
 * `/staff/consent`: before the console opens, a member of staff reads the staff privacy notice and
 * confirms they have taken note of it (their data is processed for HR management and their duties, not
 * on consent: they acknowledge, they do not "agree"). The server refuses the rest until then.
 */
export function StaffConsentPage() {
  const { t } = useTranslation()
  const { me, signOut } = useSession()
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const next = safeNextPath(params.get('next'), paths.staffHome)
  useDocumentTitle(t('privacy.staffConsent.title'))

  if (me === undefined) return <FullPageSpin label={t('common.loading')} />
  if (!me) return <Navigate to={paths.staffLogin} replace />
  if (me.kind !== 'staff') return <Navigate to={paths.consent} replace />
  if (me.mustChangePassword) return <Navigate to={paths.staffChangePassword} replace />
  if (me.pendingConsents.length === 0) return <Navigate to={next} replace />

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
      <main id="main" className="s-auth-card" style={{ maxWidth: 760 }}>
        <Card>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {t('privacy.staffConsent.title')}
          </Typography.Title>
          <Acknowledge next={next} />
        </Card>
        <Typography.Paragraph style={{ textAlign: 'center', marginTop: 16 }}>
          <Button
            type="link"
            onClick={() => void signOut().finally(() => navigate(paths.staffLogin, { replace: true }))}
          >
            {t('account.signOut')}
          </Button>
        </Typography.Paragraph>
      </main>
    </div>
  )
}

function Acknowledge({ next }: { next: string }) {
  const { t } = useTranslation()
  const { refresh } = useSession()
  const navigate = useNavigate()
  const status = useLoad(() => privacyApi.status(), [])
  const [error, setError] = useState<string>()
  const [isBusy, setBusy] = useState(false)

  if (status.error)
    return <Result status="warning" title={errorMessage(status.error, t('errors.loadFailed'))} />
  if (!status.data) return <FullPageSpin label={t('common.loading')} inline />
  const pending = status.data.pending

  const acknowledge = async () => {
    setError(undefined)
    setBusy(true)
    try {
      await privacyApi.accept(pending.map((d) => ({ kind: d.kind, version: d.version })))
      await refresh()
      void navigate(next, { replace: true })
    } catch (caught) {
      if (isApiError(caught, 'LEGAL_DOCUMENT_OUTDATED')) status.reload()
      setError(errorMessage(caught, t('errors.generic')))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('privacy.staffConsent.intro')}
      </Typography.Paragraph>
      {pending.map((document) => (
        <section key={document.kind} aria-labelledby={`doc-${document.kind}`}>
          <Typography.Title level={2} id={`doc-${document.kind}`} style={{ fontSize: 17 }}>
            {document.title}
          </Typography.Title>
          <p className="legal-meta">
            {t('privacy.document.versionLine', { version: document.version, date: document.effectiveOn })}
          </p>
          {document.previouslyAcceptedVersion !== null ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('privacy.consent.changedSince', { version: document.previouslyAcceptedVersion })}
              description={document.changeSummary}
            />
          ) : null}
          <div
            className="legal-scroll"
            style={{ maxHeight: '52vh' }}
            tabIndex={0}
            role="region"
            aria-label={t('privacy.document.fullText', { document: document.title })}
          >
            <DocumentText body={document.body} baseLevel={3} />
          </div>
          <Typography.Paragraph style={{ marginTop: 8 }}>
            <Link to={paths.legalDocument(document.kind)} target="_blank">
              {t('privacy.document.openFull')}
            </Link>
          </Typography.Paragraph>
        </section>
      ))}
      {error ? <Alert type="error" showIcon message={error} /> : null}
      <Button type="primary" size="large" block loading={isBusy} onClick={() => void acknowledge()}>
        {t('privacy.staffConsent.acknowledge')}
      </Button>
    </Space>
  )
}
