import { Alert, Button, Card, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { useLoad } from '../../../ui/use-load'
import { downloadFile } from '../download'
import { myDataPath, privacyApi, type ExportFormat } from '../privacy.api'

/** 我的账号 → 个人信息: the staff notice, when it was acknowledged, and a copy of one's own account data. */
export function StaffPrivacyCard() {
  const { t, i18n } = useTranslation()
  const status = useLoad(() => privacyApi.status(), [])
  const [busy, setBusy] = useState<ExportFormat>()
  const [error, setError] = useState<string>()
  const acknowledged = status.data?.records.find((r) => r.kind === 'staff_notice' && r.withdrawnAt === null)

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

  return (
    <Card title={<h2 className="s-card-title">{t('privacy.mine.title')}</h2>} style={{ marginTop: 16 }}>
      <Typography.Paragraph>
        <Link to={paths.legalDocument('staff_notice')} target="_blank">
          {t('privacy.kind.staff_notice')}
        </Link>
        {acknowledged ? (
          <Typography.Text type="secondary">
            {' '}
            {t('privacy.mine.acknowledged', {
              version: acknowledged.version,
              at: formatDateTime(acknowledged.acceptedAt, i18n.language),
            })}
          </Typography.Text>
        ) : null}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('privacy.mine.downloadTextStaff')}</Typography.Paragraph>
      <Space wrap>
        <Button loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
          {t('privacy.download.xlsx')}
        </Button>
        <Button loading={busy === 'json'} onClick={() => void download('json')}>
          {t('privacy.download.json')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} /> : null}
    </Card>
  )
}
