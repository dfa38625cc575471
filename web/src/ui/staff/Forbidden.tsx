import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { PageHeader } from './PageHeader'

/** Shown in place of a console page the user's roles cannot use. */
export function Forbidden() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('staff.forbidden.title')} />
      <Result status="403" subTitle={t('staff.forbidden.text')} />
    </>
  )
}
