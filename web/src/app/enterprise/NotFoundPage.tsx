import { Button, ErrorBlock } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { MobilePage } from '../../ui/mobile/MobilePage'
import { paths } from '../routes'

export function NotFoundPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <MobilePage title={t('notFound.title')} back={paths.home}>
      <ErrorBlock status="empty" title={t('notFound.title')} description={t('notFound.text')} />
      <div className="m-button-stack m-after-block">
        <Button block size="large" color="primary" onClick={() => void navigate(paths.home)}>
          {t('notFound.home')}
        </Button>
      </div>
    </MobilePage>
  )
}
