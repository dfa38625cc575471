import { Button, Card, ErrorBlock, List } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { cityToday, formatPercent } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { servicesApi, type ServicesFiguresRow } from '../services.api'
import './statistics.css'

/** One month earlier or later: 'YYYY-MM'. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/**
 * `/statistics/services`: the public statistics of online services for one month, on a phone — the
 * city's figures as big numbers, then each department. Aggregates only: no application, no enterprise.
 */
export function ServiceStatisticsPage() {
  const { t, i18n } = useTranslation()
  const current = cityToday().slice(0, 7)
  const [month, setMonth] = useState(current)
  const loaded = useLoad(async () => {
    const [city, departments] = await Promise.all([
      servicesApi.statistics({ from: month, to: month, by: 'city' }),
      servicesApi.statistics({ from: month, to: month, by: 'department' }),
    ])
    return { city: city.rows[0], departments: departments.rows }
  }, [month, i18n.language])

  return (
    <MobilePage title={t('services.statistics.title')} back={paths.home}>
      <p className="m-stats-intro">{t('services.statistics.intro')}</p>
      <div className="m-stats-month" role="group" aria-label={t('services.statistics.month')}>
        <Button size="small" onClick={() => setMonth(shiftMonth(month, -1))}>
          {t('services.statistics.previous')}
        </Button>
        <strong aria-live="polite">{month}</strong>
        <Button size="small" disabled={month >= current} onClick={() => setMonth(shiftMonth(month, 1))}>
          {t('services.statistics.next')}
        </Button>
      </div>
      {loaded.error ? (
        <ErrorBlock
          status="default"
          title={errorMessage(loaded.error, t('errors.loadFailed'))}
          description=""
        />
      ) : !loaded.data ? (
        <PageLoading />
      ) : !loaded.data.city ? (
        <ErrorBlock status="empty" title={t('services.statistics.empty')} description="" />
      ) : (
        <>
          <CityFigures row={loaded.data.city} />
          <h2 className="m-stats-heading">{t('services.statistics.departments')}</h2>
          <List>
            {loaded.data.departments.map((r) => (
              <List.Item
                key={r.departmentId}
                description={`${t('services.statistics.zeroVisitRate')} ${formatPercent(r.zeroVisitRate)} · ${t('services.statistics.earlyRate')} ${formatPercent(r.earlyRate)}`}
                extra={`${r.finished} / ${r.received}`}
              >
                {r.departmentName}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </MobilePage>
  )
}

function CityFigures({ row }: { row: ServicesFiguresRow }) {
  const { t } = useTranslation()
  const figures: [string, string][] = [
    [t('services.statistics.received'), String(row.received)],
    [t('services.statistics.finished'), String(row.finished)],
    [t('services.statistics.usedDays'), row.usedDaysMean === null ? '—' : String(row.usedDaysMean)],
    [t('services.statistics.promisedBelowStatutory'), formatPercent(row.promisedBelowStatutory)],
    [t('services.statistics.zeroVisitRate'), formatPercent(row.zeroVisitRate)],
    [t('services.statistics.instantRate'), formatPercent(row.instantRate)],
    [t('services.statistics.earlyRate'), formatPercent(row.earlyRate)],
    [t('services.statistics.platformSupplyRate'), formatPercent(row.platformSupplyRate)],
    [
      t('services.statistics.supplements'),
      row.supplementsPerApplication === null ? '—' : String(row.supplementsPerApplication),
    ],
  ]
  return (
    <Card className="m-stats-card">
      <dl className="m-stats-grid">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dd>{value}</dd>
            <dt>{label}</dt>
          </div>
        ))}
      </dl>
      <p className={row.deemedAccepted > 0 ? 'm-stats-failure' : 'm-stats-ok'}>
        {t('services.statistics.deemedAccepted')}: {row.deemedAccepted}
      </p>
    </Card>
  )
}
