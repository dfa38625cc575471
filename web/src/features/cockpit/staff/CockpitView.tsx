import {
  Alert,
  Button,
  Card,
  Col,
  Drawer,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import type { Translate } from '../../../app/i18n'
import { cityToday, formatDateTime, formatYuan, shiftMonth } from '../../../ui/format'
import { BarChart } from '../../../ui/staff/BarChart'
import { useLoad } from '../../../ui/use-load'
import {
  cockpitApi,
  cockpitXlsxUrl,
  type Cockpit,
  type DrillMetric,
  type DrillQuery,
  type FigureKey,
  type Period,
} from '../cockpit.api'
import { DRILL_OF, DRILL_OF_RATE, percentOf, rankBy, RANKING_RATES } from '../cockpit-labels'
import { TrendChart } from './TrendChart'

type Rates = Cockpit['total']['rates']
type RateKey = keyof Rates
type Unit = Cockpit['departments'][number]

function periodOf(months: number): Period {
  const to = cityToday().slice(0, 7)
  return { from: shiftMonth(to, -(months - 1)), to }
}

/** A chart with its numbers a click away: the same figures as an accessible table. */
function ChartCard(props: {
  title: string
  chart: React.ReactNode
  table: React.ReactNode
  extra?: React.ReactNode
}) {
  const { t } = useTranslation()
  const [view, setView] = useState<'chart' | 'table'>('chart')
  return (
    <Card
      title={props.title}
      extra={
        <Space>
          {props.extra}
          <Segmented
            size="small"
            aria-label={t('cockpit.view')}
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { label: t('cockpit.chart'), value: 'chart' },
              { label: t('cockpit.table'), value: 'table' },
            ]}
          />
        </Space>
      }
      style={{ height: '100%' }}
    >
      {view === 'chart' ? props.chart : props.table}
    </Card>
  )
}

/**
 * The cockpit (issue 13 item 8): the latest month's figures as cards, trends and distributions over
 * the period, units ranked with their raw numbers, and behind every number the cases ("why"). The
 * server scopes everything: the bureau sees the city, a department head their own units.
 */
export function CockpitView() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as Translate
  const [months, setMonths] = useState(6)
  const period = useMemo(() => periodOf(months), [months])
  const loaded = useLoad(() => cockpitApi.read(period), [period, i18n.language])
  const [drill, setDrill] = useState<(DrillQuery & { title: string }) | null>(null)
  const [rankKey, setRankKey] = useState<RateKey>('onTimeRate')
  const data = loaded.data
  const figure = (k: FigureKey | 'appealsOverdue' | 'supervisionOpen') => tx(`cockpit.figure.${k}`)
  const rateName = (k: RateKey) => tx(`cockpit.rate.${k}`)

  const openDrill = (
    metric: DrillMetric,
    scope: { month?: string; departmentId?: string | null },
    title: string,
  ) =>
    setDrill({
      metric,
      title,
      ...(metric === 'appealsOverdue' || metric === 'supervisionOpen'
        ? {}
        : scope.month
          ? { month: scope.month }
          : { from: period.from, to: period.to }),
      ...(scope.departmentId !== undefined ? { departmentId: scope.departmentId ?? 'none' } : {}),
    } as DrillQuery & { title: string })

  /** A count that opens its cases when it has a list. */
  const count = (
    key: FigureKey | 'appealsOverdue' | 'supervisionOpen',
    value: number,
    scope: { month?: string; departmentId?: string | null } = {},
  ) => {
    const metric = DRILL_OF[key]
    if (!metric || value === 0) return value
    return (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={() => openDrill(metric, scope, figure(key))}
      >
        {value}
      </Button>
    )
  }

  /** A rate with its two numbers; its misses are a click away where they have a list. */
  const rateCell = (
    key: RateKey,
    rates: Rates,
    scope: { month?: string; departmentId?: string | null } = {},
  ) => {
    const r = rates[key]
    const metric = DRILL_OF_RATE[key]
    const text = `${percentOf(r.value)} (${r.numerator}/${r.denominator})`
    if (!metric || r.denominator === 0) return text
    return (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        onClick={() => openDrill(metric, scope, rateName(key))}
      >
        {text}
      </Button>
    )
  }

  if (loaded.error)
    return <Alert type="error" showIcon title={errorMessage(loaded.error, t('cockpit.loadFailed'))} />
  if (!data) return <Card loading />

  const latest = data.trend[data.trend.length - 1]!
  const distribution = ([5, 4, 3, 2, 1] as const).map((level) => ({
    level,
    value: data.total.figures[`ratingsLevel${level}` as FigureKey],
  }))
  const ranked = rankBy(data.departments, rankKey, RANKING_RATES.find(([k]) => k === rankKey)?.[1] ?? true)
  const unitName = (u: Unit) => u.departmentName ?? t('cockpit.noDepartment')

  const cards: { key: string; title: string; value: React.ReactNode; foot?: React.ReactNode }[] = [
    {
      key: 'dispatched',
      title: figure('appealsDispatched'),
      value: count('appealsDispatched', latest.figures.appealsDispatched, { month: latest.month }),
    },
    {
      key: 'response',
      title: rateName('responseRate'),
      value: rateCell('responseRate', latest.rates, { month: latest.month }),
    },
    {
      key: 'onTime',
      title: rateName('onTimeRate'),
      value: rateCell('onTimeRate', latest.rates, { month: latest.month }),
    },
    {
      key: 'satisfaction',
      title: rateName('satisfactionRate'),
      value: rateCell('satisfactionRate', latest.rates, { month: latest.month }),
    },
    {
      key: 'overdue',
      title: figure('appealsOverdue'),
      value: count('appealsOverdue', data.total.now.appealsOverdue),
    },
    {
      key: 'supervision',
      title: figure('supervisionOpen'),
      value: count('supervisionOpen', data.total.now.supervisionOpen),
      foot: t('cockpit.escalatedOpen', { count: data.total.now.supervisionEscalatedOpen }),
    },
    {
      key: 'received',
      title: figure('applicationsReceived'),
      value: count('applicationsReceived', latest.figures.applicationsReceived, { month: latest.month }),
    },
    {
      key: 'deemed',
      title: figure('applicationsDeemedAccepted'),
      value: count('applicationsDeemedAccepted', latest.figures.applicationsDeemedAccepted, {
        month: latest.month,
      }),
    },
    { key: 'instant', title: rateName('instantRate'), value: rateCell('instantRate', latest.rates) },
    { key: 'zeroVisit', title: rateName('zeroVisitRate'), value: rateCell('zeroVisitRate', latest.rates) },
    {
      key: 'payouts',
      title: figure('benefitPayoutAmount'),
      value: formatYuan(latest.figures.benefitPayoutAmount, i18n.language),
      foot: t('cockpit.payoutsFoot', {
        payouts: latest.figures.benefitPayouts,
        pushes: latest.figures.benefitPushes,
      }),
    },
    {
      key: 'ratings',
      title: rateName('ratingSatisfaction'),
      value: rateCell('ratingSatisfaction', latest.rates, { month: latest.month }),
      foot: (
        <>
          {t('cockpit.ratingsApart')}{' '}
          {count('ratingsDefault', latest.figures.ratingsDefault, { month: latest.month })} /{' '}
          {count('ratingsExcluded', latest.figures.ratingsExcluded, { month: latest.month })} ·{' '}
          {figure('ratingsBad')} {count('ratingsBad', latest.figures.ratingsBad, { month: latest.month })}
        </>
      ),
    },
  ]

  const trendColumns: ColumnsType<Cockpit['trend'][number]> = [
    { title: t('cockpit.month'), dataIndex: 'month', fixed: 'left' },
    ...(
      [
        'appealsDispatched',
        'applicationsReceived',
        'applicationsDecided',
        'ratingsGiven',
        'ratingsBad',
      ] as const
    ).map((k) => ({
      title: figure(k),
      key: k,
      align: 'right' as const,
      render: (_: unknown, m: Cockpit['trend'][number]) => count(k, m.figures[k], { month: m.month }),
    })),
    ...(['responseRate', 'onTimeRate', 'satisfactionRate', 'instantRate'] as const).map((k) => ({
      title: rateName(k),
      key: k,
      align: 'right' as const,
      render: (_: unknown, m: Cockpit['trend'][number]) => rateCell(k, m.rates, { month: m.month }),
    })),
  ]

  const unitColumns: ColumnsType<Unit> = [
    { title: t('cockpit.rank'), key: 'rank', width: 56, render: (_, __, i) => i + 1 },
    { title: t('cockpit.department'), key: 'name', render: (_, u) => unitName(u) },
    {
      title: rateName(rankKey),
      key: 'rate',
      align: 'right',
      render: (_, u) => rateCell(rankKey, u.rates, { departmentId: u.departmentId }),
    },
    {
      title: figure('appealsDispatched'),
      key: 'dispatched',
      align: 'right',
      render: (_, u) =>
        count('appealsDispatched', u.figures.appealsDispatched, { departmentId: u.departmentId }),
    },
    {
      title: figure('appealsOverdue'),
      key: 'overdue',
      align: 'right',
      render: (_, u) => count('appealsOverdue', u.now.appealsOverdue, { departmentId: u.departmentId }),
    },
    {
      title: figure('applicationsReceived'),
      key: 'received',
      align: 'right',
      render: (_, u) =>
        count('applicationsReceived', u.figures.applicationsReceived, { departmentId: u.departmentId }),
    },
    {
      title: figure('ratingsBad'),
      key: 'bad',
      align: 'right',
      render: (_, u) => count('ratingsBad', u.figures.ratingsBad, { departmentId: u.departmentId }),
    },
    {
      title: figure('supervisionOpen'),
      key: 'supervision',
      align: 'right',
      render: (_, u) => count('supervisionOpen', u.now.supervisionOpen, { departmentId: u.departmentId }),
    },
  ]

  return (
    <div className="cockpit">
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('cockpit.period')}
          value={months}
          onChange={(v) => setMonths(Number(v))}
          options={[3, 6, 12].map((n) => ({ label: t('cockpit.lastMonths', { count: n }), value: n }))}
        />
        <Typography.Text type="secondary">
          {t('cockpit.periodText', { from: data.from, to: data.to })} ·{' '}
          {data.scope === 'city' ? t('cockpit.scopeCity') : t('cockpit.scopeDepartments')}
        </Typography.Text>
        <Button href={cockpitXlsxUrl(period)}>{t('cockpit.export')}</Button>
        <Link to="/open-data">{t('cockpit.openData')}</Link>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('cockpit.latest', { month: latest.month })}
      </Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={8} xl={4}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic
                title={c.title}
                valueRender={() => <span style={{ fontSize: 20 }}>{c.value}</span>}
              />
              {c.foot ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.foot}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('cockpit.trendCounts')}
            chart={
              <TrendChart
                label={t('cockpit.trendCounts')}
                months={data.months}
                series={[
                  {
                    name: figure('appealsDispatched'),
                    values: data.trend.map((m) => m.figures.appealsDispatched),
                    color: '#1677ff',
                  },
                  {
                    name: figure('applicationsReceived'),
                    values: data.trend.map((m) => m.figures.applicationsReceived),
                    color: '#52c41a',
                  },
                  {
                    name: figure('ratingsGiven'),
                    values: data.trend.map((m) => m.figures.ratingsGiven),
                    color: '#faad14',
                  },
                  {
                    name: figure('ratingsBad'),
                    values: data.trend.map((m) => m.figures.ratingsBad),
                    color: '#ff4d4f',
                  },
                ]}
              />
            }
            table={
              <Table
                size="small"
                rowKey="month"
                pagination={false}
                scroll={{ x: true }}
                columns={trendColumns}
                dataSource={data.trend}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('cockpit.trendRates')}
            chart={
              <TrendChart
                percent
                label={t('cockpit.trendRates')}
                months={data.months}
                series={(
                  [
                    ['responseRate', '#1677ff'],
                    ['onTimeRate', '#13c2c2'],
                    ['satisfactionRate', '#52c41a'],
                    ['instantRate', '#722ed1'],
                    ['ratingSatisfaction', '#faad14'],
                  ] as const
                ).map(([k, color]) => ({
                  name: rateName(k),
                  values: data.trend.map((m) => m.rates[k].value),
                  color,
                }))}
              />
            }
            table={
              <Table
                size="small"
                rowKey="month"
                pagination={false}
                scroll={{ x: true }}
                columns={trendColumns}
                dataSource={data.trend}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('cockpit.distribution')}
            chart={
              <>
                <BarChart
                  label={t('cockpit.distribution')}
                  height={220}
                  categories={distribution.map((d) => figure(`ratingsLevel${d.level}` as FigureKey))}
                  series={[
                    {
                      name: figure('ratingsGiven'),
                      values: distribution.map((d) => d.value),
                      color: '#1677ff',
                    },
                  ]}
                />
                <Typography.Text type="secondary">
                  {t('cockpit.distributionFoot', {
                    given: data.total.figures.ratingsGiven,
                    defaults: data.total.figures.ratingsDefault,
                    excluded: data.total.figures.ratingsExcluded,
                  })}
                </Typography.Text>
              </>
            }
            table={
              <Table
                size="small"
                rowKey="level"
                pagination={false}
                dataSource={distribution}
                columns={[
                  {
                    title: t('cockpit.level'),
                    key: 'l',
                    render: (_, d) => figure(`ratingsLevel${d.level}` as FigureKey),
                  },
                  { title: figure('ratingsGiven'), dataIndex: 'value', align: 'right' },
                ]}
              />
            }
          />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard
            title={t('cockpit.ranking')}
            extra={
              <Select
                size="small"
                aria-label={t('cockpit.rankBy')}
                value={rankKey}
                onChange={setRankKey}
                style={{ width: 140 }}
                options={RANKING_RATES.map(([k]) => ({ value: k, label: rateName(k) }))}
              />
            }
            chart={
              <BarChart
                label={t('cockpit.ranking')}
                height={Math.max(200, ranked.length * 32 + 40)}
                categories={ranked.map(unitName)}
                series={[
                  {
                    name: rateName(rankKey),
                    values: ranked.map((u) => Math.round((u.rates[rankKey].value ?? 0) * 1000) / 10),
                    color: '#1677ff',
                  },
                ]}
              />
            }
            table={
              <Table
                size="small"
                rowKey={(u) => u.departmentId ?? 'none'}
                pagination={false}
                scroll={{ x: true }}
                columns={unitColumns}
                dataSource={ranked}
              />
            }
          />
        </Col>
        {data.problemClasses ? (
          <Col xs={24}>
            <Card title={t('cockpit.problemClasses')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={data.problemClasses}
                columns={[
                  { title: t('cockpit.problemClass'), dataIndex: 'title' },
                  { title: figure('appealsDispatched'), dataIndex: 'appeals', align: 'right' },
                ]}
              />
            </Card>
          </Col>
        ) : null}
      </Row>
      <Card title={t('cockpit.departments')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey={(u) => u.departmentId ?? 'none'}
          pagination={false}
          scroll={{ x: true }}
          columns={unitColumns}
          dataSource={data.departments}
        />
      </Card>
      <DrillDrawer query={drill} onClose={() => setDrill(null)} />
    </div>
  )
}

/** "Why": the cases behind a number, as the server lists them for this reader. */
function DrillDrawer({
  query,
  onClose,
}: {
  query: (DrillQuery & { title: string }) | null
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as Translate
  const [offset, setOffset] = useState(0)
  const { title, ...request } = query ?? { title: '' }
  const cases = useLoad(
    () => cockpitApi.cases({ ...(request as DrillQuery), offset }),
    [JSON.stringify(request), offset],
    !!query,
  )
  const where = query?.month ?? (query?.from ? `${query.from} – ${query.to}` : t('cockpit.now'))
  return (
    <Drawer
      open={!!query}
      onClose={() => {
        setOffset(0)
        onClose()
      }}
      size="large"
      title={t('cockpit.drillTitle', { title, where })}
    >
      {cases.error ? (
        <Alert type="error" showIcon title={errorMessage(cases.error, t('cockpit.loadFailed'))} />
      ) : null}
      <Table
        size="small"
        loading={cases.isLoading}
        rowKey={(c) => `${c.kind}:${c.id}`}
        dataSource={cases.data?.items ?? []}
        pagination={{
          pageSize: 50,
          total: cases.data?.total ?? 0,
          current: offset / 50 + 1,
          onChange: (page) => setOffset((page - 1) * 50),
          showTotal: (total) => t('cockpit.total', { count: total }),
        }}
        columns={[
          { title: t('cockpit.kind'), key: 'kind', render: (_, c) => tx(`cockpit.kinds.${c.kind}`) },
          {
            title: t('cockpit.case'),
            key: 'case',
            render: (_, c) => {
              const href =
                c.kind === 'appeal'
                  ? `/staff/appeals/${c.id}`
                  : c.kind === 'application'
                    ? `/staff/services/applications/${c.id}`
                    : c.kind === 'supervision_case'
                      ? '/staff/supervision'
                      : null
              const label = [c.number, c.title].filter(Boolean).join(' ') || '—'
              return href ? <Link to={href}>{label}</Link> : label
            },
          },
          {
            title: t('cockpit.department'),
            dataIndex: 'departmentName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('cockpit.at'),
            dataIndex: 'at',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          {
            title: t('cockpit.level'),
            dataIndex: 'level',
            render: (v: number | null) => (v === null ? '—' : v),
          },
        ]}
      />
    </Drawer>
  )
}
