import { Button, Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { PageHeader } from '../../ui/staff/PageHeader'
import { paths } from '../routes'

export function StaffNotFoundPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <Result
        status="404"
        subTitle={t('notFound.text')}
        extra={
          <Button type="primary" onClick={() => void navigate(paths.staffHome)}>
            {t('notFound.staffHome')}
          </Button>
        }
      />
    </>
  )
}
