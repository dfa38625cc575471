import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { SlotProps } from '../../../app/slot-types'
import { CockpitView } from './CockpitView'

/** The staff home of the bureau leadership is the cockpit (the `staffHome.top` slot); others see nothing here. */
export function CockpitHome({ me }: SlotProps['staffHome.top']) {
  const { t } = useTranslation()
  if (!me.roles.some((grant) => grant.role === 'bureau_leader')) return null
  return (
    <section aria-labelledby="home-cockpit" style={{ marginBottom: 24 }}>
      <Typography.Title id="home-cockpit" level={2} style={{ fontSize: 18 }}>
        {t('cockpit.title')}
      </Typography.Title>
      <CockpitView />
    </section>
  )
}
