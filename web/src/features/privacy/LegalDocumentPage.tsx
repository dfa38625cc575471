import { ErrorBlock, Tag } from 'antd-mobile'
import { LEGAL_DOCUMENT_KINDS } from '@shared/legal-documents'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage } from '../../app/api'
import { PageLoading } from '../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../app/routes'
import { formatIsoDate } from '../../ui/format'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { useLoad } from '../../ui/use-load'
import { DocumentText } from './DocumentText'
import { privacyApi, type LegalDocumentKind, type LegalDocumentSummary } from './privacy.api'

const isKind = (value: string | undefined): value is LegalDocumentKind =>
  (LEGAL_DOCUMENT_KINDS as readonly string[]).includes(value ?? '')

/**
 * `/legal/:kind` and `/legal/:kind/versions/:version`: the privacy notice, the terms of use or the staff
 * notice, readable by anyone (from the sign-in page, from 我的, from the consent screen); every earlier
 * version stays readable below it.
 */
export function LegalDocumentPage() {
  const { t } = useTranslation()
  const { kind, version } = useParams()
  const versionNumber = version ? Number(version) : undefined
  const known = isKind(kind) && (versionNumber === undefined || Number.isInteger(versionNumber))
  const document = useLoad(
    () =>
      versionNumber === undefined
        ? privacyApi.currentDocument(kind as LegalDocumentKind)
        : privacyApi.version(kind as LegalDocumentKind, versionNumber),
    [kind, versionNumber],
    known,
  )
  const versions = useLoad(() => privacyApi.versions(kind as LegalDocumentKind), [kind], known)
  const title = document.data?.title ?? (known ? t(`privacy.kind.${kind}`) : t('privacy.document.notFound'))

  return (
    <MobilePage title={title} back>
      {!known || document.error ? (
        <ErrorBlock
          status="empty"
          title={
            known ? errorMessage(document.error, t('errors.loadFailed')) : t('privacy.document.notFound')
          }
        />
      ) : !document.data ? (
        <PageLoading />
      ) : (
        <>
          <section className="m-section">
            <p className="legal-meta">
              {t('privacy.document.versionLine', {
                version: document.data.version,
                date: formatIsoDate(document.data.effectiveOn),
              })}{' '}
              <StatusTag status={document.data.status} />
            </p>
            {document.data.version > 1 ? (
              <div className="legal-changes">
                <strong>{t('privacy.document.changes')}</strong>
                <br />
                {document.data.changeSummary}
              </div>
            ) : null}
            <DocumentText body={document.data.body} />
          </section>
          {versions.data && versions.data.items.length > 1 ? (
            <VersionList
              kind={kind as LegalDocumentKind}
              items={versions.data.items}
              shown={document.data.version}
            />
          ) : null}
        </>
      )}
    </MobilePage>
  )
}

function StatusTag({ status }: { status: LegalDocumentSummary['status'] }) {
  const { t } = useTranslation()
  const color = status === 'current' ? 'success' : status === 'scheduled' ? 'warning' : 'default'
  return (
    <Tag color={color} fill="outline">
      {t(`privacy.status.${status}`)}
    </Tag>
  )
}

function VersionList({
  kind,
  items,
  shown,
}: {
  kind: LegalDocumentKind
  items: LegalDocumentSummary[]
  shown: number
}) {
  const { t } = useTranslation()
  return (
    <section className="m-section" aria-labelledby="versions-title">
      <h2 id="versions-title" className="m-section-title">
        {t('privacy.document.allVersions')}
      </h2>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
        {items.map((item) => (
          <li key={item.version}>
            {item.version === shown ? (
              <strong>
                {t('privacy.document.versionLine', { version: item.version, date: item.effectiveOn })}
              </strong>
            ) : (
              <Link to={paths.legalDocumentVersion(kind, item.version)}>
                {t('privacy.document.versionLine', { version: item.version, date: item.effectiveOn })}
              </Link>
            )}{' '}
            <StatusTag status={item.status} />
            <br />
            <span className="m-muted">{item.changeSummary}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
