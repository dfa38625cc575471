import { Card, Col, List, Row, Statistic, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { SlotProps } from '../../../app/slot-types'
import type { Translate } from '../../../app/i18n'
import { cityToday } from '../../../ui/format'
import { useLoad } from '../../../ui/use-load'
import { formatRelative, formatValue, furthestBehind } from '../benchmark-format'
import { benchmarksApi } from '../benchmarks.api'

/**
 * The benchmark card on the bureau leader's home, under the cockpit (the `staffHome.top` slot): how
 * many indicators are behind the best city and which way they moved, and the three furthest behind.
 */
export function BenchmarksHomeCard({ me }: SlotProps['staffHome.top']) {
  const isLeader = me.roles.some((grant) => grant.role === 'bureau_leader')
  if (!isLeader) return null
  return <LeaderCard />
}

function LeaderCard() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as Translate
  const year = Number(cityToday().slice(0, 4))
  const loaded = useLoad(() => benchmarksApi.read(year), [year, i18n.language])
  const data = loaded.data
  if (loaded.error) return null
  const furthest = data ? furthestBehind(data.indicators, 3) : []
  return (
    <Card
      loading={!data}
      title={t('benchmarks.home.title', { year })}
      extra={<Link to="/staff/benchmarks">{t('benchmarks.home.more')}</Link>}
      style={{ marginBottom: 24 }}
    >
      {data ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
            {(['behind', 'leading', 'improving', 'worsening'] as const).map((key) => (
              <Col key={key} xs={12} md={6}>
                <Statistic
                  title={tx(`benchmarks.summary.${key}`)}
                  value={data.summary[key]}
                  suffix={key === 'behind' || key === 'leading' ? `/ ${data.summary.compared}` : undefined}
                />
              </Col>
            ))}
          </Row>
          <List
            size="small"
            header={t('benchmarks.home.furthest')}
            locale={{ emptyText: t('benchmarks.home.nothing') }}
            dataSource={furthest}
            renderItem={(row) => {
              const unit = tx(`benchmarks.unit.${row.unit}`)
              return (
                <List.Item>
                  <span>{row.name}</span>
                  <span>
                    {formatValue(row.ours, row.unit, unit)} ↔ {row.best!.city}{' '}
                    {formatValue(row.best!.value, row.unit, unit)}{' '}
                    <Tag color="red">
                      {tx('benchmarks.standing.behind')} {formatRelative(row.gap!.relative)}
                    </Tag>
                    {row.best!.isDemo ? <Tag color="orange">{t('benchmarks.demo')}</Tag> : null}
                  </span>
                </List.Item>
              )
            }}
          />
        </>
      ) : null}
    </Card>
  )
}
