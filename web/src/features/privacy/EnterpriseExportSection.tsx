import { Button } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/api'
import { Banner } from '../../ui/mobile/Banner'
import { downloadFile } from './download'
import { enterpriseDataPath, type ExportFormat } from './privacy.api'
import './privacy.css'

/**
 * On the enterprise's page, for its managers: download everything the platform holds about the
 * enterprise (PIPL art. 45), as Excel (one sheet per kind) or JSON.
 */
export function EnterpriseExportSection({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<ExportFormat>()
  const [error, setError] = useState<string>()

  const download = async (format: ExportFormat) => {
    setError(undefined)
    setBusy(format)
    try {
      await downloadFile(enterpriseDataPath(enterpriseId), { format })
    } catch (caught) {
      setError(errorMessage(caught, t('errors.generic')))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <section className="m-section" aria-labelledby="enterprise-export-title">
      <h2 id="enterprise-export-title" className="m-section-title">
        {t('privacy.enterpriseExport.title')}
      </h2>
      <p className="m-muted" style={{ margin: '0 0 10px' }}>
        {t('privacy.enterpriseExport.text')}
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
    </section>
  )
}
