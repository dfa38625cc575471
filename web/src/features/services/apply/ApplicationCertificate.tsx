import { Card } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { API_BASE } from '../../../app/api'
import { paths } from '../../../app/routes'
import { useLoad } from '../../../ui/use-load'
import { servicesApi } from '../services.api'

/**
 * The e-certificate an approval issued: its number and validity, the QR anyone scans to verify it
 * (the server draws it, as on the certificates page: decision 0048), the PDF, the verify page and
 * the enterprise's list.
 */
export function ApplicationCertificate({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => servicesApi.myCertificates(), [i18n.language])
  const certificate = loaded.data?.items.find((c) => c.applicationId === applicationId)
  if (!certificate) return null
  const link = paths.verifyCertificate(certificate.payload)
  return (
    <Card className="apply-certificate" title={t('services.application.certificate')}>
      <p>{certificate.title}</p>
      <dl className="m-matter-facts">
        <dt>{t('services.application.certificateNumber')}</dt>
        <dd>{certificate.number}</dd>
        <dt>{t('services.application.certificateValid')}</dt>
        <dd>{`${certificate.issuedOn} — ${certificate.validUntil}`}</dd>
      </dl>
      <img
        className="apply-certificate-qr"
        src={`${API_BASE}/certificates/${certificate.id}/qr.svg`}
        alt={t('services.application.certificateQr')}
      />
      <div className="apply-certificate-links">
        <a href={`${API_BASE}/certificates/${certificate.id}/pdf`} download>
          {t('services.application.certificatePdf')}
        </a>
        <Link to={link}>{t('services.application.verify')}</Link>
        <Link to={paths.certificates}>{t('services.application.allCertificates')}</Link>
      </div>
    </Card>
  )
}
