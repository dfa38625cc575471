import { Button, Card, Popup, Tag, Toast } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { LoadedList } from '../../../ui/mobile/LoadedList'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { certificatePdfUrl, certificateQrUrl, shareVerifyLink, verifyLink } from '../certificate-links'
import { certificatesApi, type Certificate } from '../certificates.api'
import './certificates.css'

/** Every status's label and tag colour: adding a status to the contract fails the type check until it has one. */
const STATES = {
  active: { label: 'certificates.states.active', color: 'success' },
  suspended: { label: 'certificates.states.suspended', color: 'warning' },
  revoked: { label: 'certificates.states.revoked', color: 'danger' },
  expired: { label: 'certificates.states.expired', color: 'default' },
} as const satisfies Record<Certificate['status'], { label: string; color: string }>

/**
 * `/certificates`: the e-certificates of the user's enterprises, newest first, each with its status,
 * its QR code to show (the verify URL with the signed payload), its PDF and a link to share.
 */
export function MyCertificatesPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('certificates.mine.title')} back={paths.home}>
      <RequireEnterpriseUser>{() => <MyCertificates />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyCertificates() {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(() => certificatesApi.mine(), [i18n.language])
  const [shown, setShown] = useState<Certificate | null>(null)
  return (
    <>
      <LoadedList loaded={loaded} empty={t('certificates.mine.empty')}>
        {(items) => (
          <div className="cert-list">
            {items.map((item) => (
              <CertificateCard key={item.id} certificate={item} onShowQr={() => setShown(item)} />
            ))}
          </div>
        )}
      </LoadedList>
      <Popup visible={shown !== null} onMaskClick={() => setShown(null)} onClose={() => setShown(null)}>
        {shown && <QrSheet certificate={shown} onClose={() => setShown(null)} />}
      </Popup>
    </>
  )
}

function CertificateCard({ certificate, onShowQr }: { certificate: Certificate; onShowQr: () => void }) {
  const { t } = useTranslation()
  const state = STATES[certificate.status]
  const share = async () => {
    const link = verifyLink(window.location.origin, certificate.payload)
    const outcome = await shareVerifyLink(certificate.title, link, navigator)
    if (outcome === 'copied') Toast.show({ icon: 'success', content: t('certificates.mine.copied') })
    if (outcome === 'failed')
      Toast.show({ content: `${t('certificates.mine.shareFailed')} ${link}`, duration: 6000 })
  }
  return (
    <Card
      className="cert-card"
      title={<span className="cert-card-title">{certificate.title}</span>}
      extra={
        <Tag color={state.color} fill="outline">
          {t(state.label)}
        </Tag>
      }
    >
      <p className="cert-holder">{certificate.holderName}</p>
      <p className="m-muted cert-line">
        {t('certificates.mine.number')} {certificate.number}
      </p>
      <p className="m-muted cert-line">
        {certificate.issuer} · {t('certificates.mine.validUntil', { date: certificate.validUntil })}
      </p>
      <div className="cert-actions">
        <Button size="small" color="primary" onClick={onShowQr}>
          {t('certificates.mine.showQr')}
        </Button>
        <a className="cert-action-link" href={certificatePdfUrl(certificate.id)} download>
          {t('certificates.mine.download')}
        </a>
        <Button size="small" onClick={() => void share()}>
          {t('certificates.mine.share')}
        </Button>
      </div>
    </Card>
  )
}

function QrSheet({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="cert-qr-sheet">
      <h2 className="cert-qr-title">{certificate.title}</h2>
      <p className="m-muted">{certificate.holderName}</p>
      <img
        className="cert-qr"
        src={certificateQrUrl(certificate.id)}
        alt={t('certificates.mine.qrAlt', { title: certificate.title })}
        width={240}
        height={240}
      />
      <p className="m-muted">{t('certificates.mine.qrHint')}</p>
      <Button block onClick={onClose}>
        {t('certificates.mine.close')}
      </Button>
    </div>
  )
}
