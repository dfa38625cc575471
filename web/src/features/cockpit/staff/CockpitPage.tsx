import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { CockpitView } from './CockpitView'

/** `/staff/cockpit`: the cockpit (the bureau: the city; a department head: their own units). */
export function CockpitPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('cockpit.title')} subtitle={t('cockpit.subtitle')} />
      <CockpitView />
    </>
  )
}
