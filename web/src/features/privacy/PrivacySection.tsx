import { Button, Dialog, Toast } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { errorMessage } from '../../app/api'
import { paths } from '../../app/routes'
import { useSession, type Me } from '../../app/session'
import { formatDateTime } from '../../ui/format'
import { Banner } from '../../ui/mobile/Banner'
import { LegalLinks } from '../../ui/mobile/LegalLinks'
import { useLoad } from '../../ui/use-load'
import { downloadFile } from './download'
import { myDataPath, privacyApi, type ExportFormat, type LegalDocumentKind } from './privacy.api'
import './privacy.css'

/**
 * 我的 → 隐私与数据: the documents, what I accepted and when, a copy of my data, and withdrawing my
 * consent (enterprise users; it signs out everywhere and the app asks again next time).
 */
export function PrivacySection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation()
  const { setMe } = useSession()
  const navigate = useNavigate()
  const status = useLoad(() => privacyApi.status(), [])
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<string>()
  const kinds: LegalDocumentKind[] =
    me.kind === 'staff' ? ['staff_notice'] : ['privacy_notice', 'terms_of_use']

  const download = async (format: ExportFormat) => {
    setError(undefined)
    setBusy(format)
    try {
      await downloadFile(myDataPath, { format })
    } catch (caught) {
      setError(errorMessage(caught, t('errors.generic')))
    } finally {
      setBusy(undefined)
    }
  }

  const withdraw = async () => {
    const confirmed = await Dialog.confirm({
      title: t('privacy.withdraw.confirmTitle'),
      content: t('privacy.withdraw.confirmText'),
      confirmText: t('privacy.withdraw.confirm'),
      cancelText: t('common.cancel'),
    })
    if (!confirmed) return
    setError(undefined)
    try {
      await privacyApi.withdraw()
      setMe(null)
      Toast.show({ content: t('privacy.withdraw.done') })
      void navigate(paths.home, { replace: true })
    } catch (caught) {
      setError(errorMessage(caught, t('errors.generic')))
    }
  }

  // The newest live acceptance of each document (records come newest first).
  const live = (status.data?.records ?? []).filter(
    (r, i, all) =>
      r.withdrawnAt === null && all.findIndex((o) => o.kind === r.kind && o.withdrawnAt === null) === i,
  )
  return (
    <section className="m-section" aria-labelledby="privacy-title">
      <h2 id="privacy-title" className="m-section-title">
        {t('privacy.mine.title')}
      </h2>
      <LegalLinks kinds={kinds} />
      {live.length ? (
        <ul className="m-muted" style={{ margin: '10px 0 0', paddingLeft: '1.2em' }}>
          {live.map((r) => (
            <li key={`${r.kind}-${r.version}`}>
              {t('privacy.mine.accepted', {
                document: r.title,
                version: r.version,
                at: formatDateTime(r.acceptedAt, i18n.language),
              })}
            </li>
          ))}
        </ul>
      ) : null}

      <h3 className="m-section-title" style={{ marginTop: 16, fontSize: 15 }}>
        {t('privacy.mine.downloadTitle')}
      </h3>
      <p className="m-muted" style={{ margin: '0 0 8px' }}>
        {me.kind === 'staff' ? t('privacy.mine.downloadTextStaff') : t('privacy.mine.downloadText')}
      </p>
      <div className="legal-actions">
        <Button block loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
          {t('privacy.download.xlsx')}
        </Button>
        <Button block loading={busy === 'json'} onClick={() => void download('json')}>
          {t('privacy.download.json')}
        </Button>
      </div>
      <Banner tone="error" text={error} />

      {status.data?.mayWithdraw ? (
        <>
          <h3 className="m-section-title" style={{ marginTop: 16, fontSize: 15 }}>
            {t('privacy.withdraw.title')}
          </h3>
          <p className="m-muted" style={{ margin: '0 0 8px' }}>
            {t('privacy.withdraw.text')}
          </p>
          <Button block color="danger" fill="outline" onClick={() => void withdraw()}>
            {t('privacy.withdraw.button')}
          </Button>
          <p className="m-muted" style={{ margin: '8px 0 0' }}>
            {t('privacy.withdraw.closeAccount')}
          </p>
        </>
      ) : null}
    </section>
  )
}
