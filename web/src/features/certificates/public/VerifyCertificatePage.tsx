import { ErrorBlock, List, Result } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { certificatesApi } from '../certificates.api'
import { VERDICTS } from '../verdicts'
import '../mobile/certificates.css'

/** `/certificates/verify?p=<payload>` (电子证照核验): where a certificate's QR code leads; no sign-in. */
export function VerifyCertificatePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const payload = params.get('p')
  return (
    <MobilePage title={t('certificates.verify.title')} back={paths.home}>
      {payload ? (
        <VerifyResult payload={payload} />
      ) : (
        <div className="m-section">
          <p className="m-muted">{t('certificates.verify.missing')}</p>
        </div>
      )}
    </MobilePage>
  )
}

function VerifyResult({ payload }: { payload: string }) {
  const { t } = useTranslation()
  const loaded = useLoad(() => certificatesApi.verify(payload), [payload])
  if (loaded.error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(loaded.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!loaded.data) return <PageLoading />
  const { result, certificate, statusReason, checkedOn } = loaded.data
  const verdict = VERDICTS[result]
  return (
    <>
      <div className={`cert-verdict cert-verdict-is-${verdict.tone}`}>
        <Result
          status={verdict.tone}
          title={<span data-verdict={result}>{t(verdict.label)}</span>}
          description={t('certificates.verify.checkedOn', { date: checkedOn })}
        />
      </div>
      <p className={`cert-verdict-meaning cert-verdict-${verdict.tone}`} role="status">
        {t(verdict.meaning)}
      </p>
      {certificate && (
        <List header={certificate.title}>
          {statusReason && <List.Item extra={statusReason}>{t('certificates.verify.reason')}</List.Item>}
          <List.Item extra={certificate.holderName}>{t('certificates.verify.holder')}</List.Item>
          <List.Item extra={certificate.holderUscc}>{t('certificates.verify.uscc')}</List.Item>
          <List.Item extra={certificate.number}>{t('certificates.verify.number')}</List.Item>
          <List.Item extra={certificate.issuer}>{t('certificates.verify.issuer')}</List.Item>
          <List.Item extra={certificate.issuedOn}>{t('certificates.verify.issuedOn')}</List.Item>
          <List.Item extra={certificate.validUntil}>{t('certificates.verify.validUntil')}</List.Item>
        </List>
      )}
      <div className="m-section">
        <p className="m-muted">{t('certificates.verify.offline')}</p>
      </div>
    </>
  )
}
