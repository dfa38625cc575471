import { Card } from 'antd-mobile'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../../app/routes'
import { useLoad } from '../../../ui/use-load'
import { servicesApi } from '../services.api'

/**
 * The e-certificate an approval issued: its number and validity, the QR anyone scans to verify it
 * (drawn here, an image: the CSP allows data: images), the verify page and the enterprise's list.
 */
export function ApplicationCertificate({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => servicesApi.myCertificates(), [i18n.language])
  const certificate = loaded.data?.items.find((c) => c.applicationId === applicationId)
  const [qr, setQr] = useState<string>()
  const link = certificate ? paths.verifyCertificate(certificate.payload) : undefined
  useEffect(() => {
    if (!link) return
    let live = true
    void QRCode.toDataURL(`${window.location.origin}${link}`, { margin: 1, width: 200 }).then((url) => {
      if (live) setQr(url)
    })
    return () => {
      live = false
    }
  }, [link])
  if (!certificate || !link) return null
  return (
    <Card className="apply-certificate" title={t('services.application.certificate')}>
      <p>{certificate.title}</p>
      <dl className="m-matter-facts">
        <dt>{t('services.application.certificateNumber')}</dt>
        <dd>{certificate.number}</dd>
        <dt>{t('services.application.certificateValid')}</dt>
        <dd>{`${certificate.issuedOn} — ${certificate.validUntil}`}</dd>
      </dl>
      {qr ? (
        <img className="apply-certificate-qr" src={qr} alt={t('services.application.certificateQr')} />
      ) : null}
      <div className="apply-certificate-links">
        <Link to={link}>{t('services.application.verify')}</Link>
        <Link to={paths.certificates}>{t('services.application.allCertificates')}</Link>
      </div>
    </Card>
  )
}
