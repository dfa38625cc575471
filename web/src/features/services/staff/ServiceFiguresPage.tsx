import { Alert, Card, DatePicker, Segmented, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { cityToday, formatDateTime, formatPercent } from '../../../ui/format'
import { BarChart } from '../../../ui/staff/BarChart'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { servicesApi, type FiguresPeriod, type ServicesFiguresRow } from '../services.api'

type By = FiguresPeriod['by']
const dash = (value: number | null) => (value === null ? '—' : String(value))

/**
 * `/staff/services/figures`: the services figures of docs/METRICS.md per month and department, matter
 * or city. A late completeness check (deemed accepted) is a failure: its count opens the page, in red,
 * with the applications listed. The bureau sees every department, a department head their own.
 */
export function ServiceFiguresPage() {
  const { t, i18n } = useTranslation()
  const month = cityToday().slice(0, 7)
  const [period, setPeriod] = useState<FiguresPeriod>({ from: month, to: month, by: 'department' })
  const figures = useLoad(() => servicesApi.figures(period), [period, i18n.language])
  const rows = figures.data?.rows ?? []
  const late = figures.data?.deemedAcceptedApplications ?? []
  const deemed = rows.reduce((sum, r) => sum + r.deemedAccepted, 0)

  const nameOf = (r: ServicesFiguresRow) =>
    period.by === 'city'
      ? t('services.figures.city')
      : period.by === 'matter'
        ? (r.matterName ?? '—')
        : (r.departmentName ?? '—')
  const chart = useMemo(() => {
    const decided = rows.filter((r) => r.usedDaysMean !== null)
    return {
      // one month: the names alone (the month is in the picker)
      categories: decided.map((r) => (period.from === period.to ? nameOf(r) : `${r.month} ${nameOf(r)}`)),
      series: [
        {
          name: t('services.figures.chartUsed'),
          values: decided.map((r) => r.usedDaysMean ?? 0),
          color: '#1677ff',
        },
        {
          name: t('services.figures.chartPromised'),
          values: decided.map((r) => r.promisedDaysMean ?? 0),
          color: '#52c41a',
        },
        {
          name: t('services.figures.chartStatutory'),
          values: decided.map((r) => r.statutoryDaysMean ?? 0),
          color: '#bfbfbf',
        },
      ],
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, i18n.language])

  const columns: ColumnsType<ServicesFiguresRow> = [
    { title: t('services.figures.month'), dataIndex: 'month', fixed: 'left', width: 90 },
    {
      title: period.by === 'matter' ? t('services.figures.matter') : t('services.figures.department'),
      key: 'name',
      fixed: 'left',
      width: 180,
      render: (_, r) =>
        period.by === 'matter' ? (
          <>
            {r.matterName ?? '—'}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {r.departmentName}
            </Typography.Text>
          </>
        ) : (
          nameOf(r)
        ),
    },
    { title: t('services.figures.received'), dataIndex: 'received', align: 'right' },
    {
      title: t('services.figures.deemedAccepted'),
      dataIndex: 'deemedAccepted',
      align: 'right',
      render: (v: number) =>
        v > 0 ? (
          <Typography.Text type="danger" strong>
            {v}
          </Typography.Text>
        ) : (
          v
        ),
    },
    {
      title: t('services.figures.supplements'),
      dataIndex: 'supplementsPerApplication',
      align: 'right',
      render: dash,
    },
    {
      // closed by the sweep, not by a decision: an unanswered supplement, materials never brought
      title: t('services.figures.closedByClock'),
      key: 'closedByClock',
      align: 'right',
      render: (_, r) => `${r.deemedWithdrawn} / ${r.terminated}`,
    },
    { title: t('services.figures.finished'), dataIndex: 'finished', align: 'right' },
    {
      title: t('services.figures.approvedRefused'),
      key: 'ar',
      align: 'right',
      render: (_, r) => `${r.approved} / ${r.refused}`,
    },
    {
      title: t('services.figures.usedDays'),
      key: 'used',
      align: 'right',
      render: (_, r) => `${dash(r.usedDaysMean)} / ${dash(r.usedDaysMedian)} / ${dash(r.usedDaysP90)}`,
    },
    {
      title: t('services.figures.limits'),
      key: 'limits',
      align: 'right',
      render: (_, r) => `${dash(r.promisedDaysMean)} / ${dash(r.statutoryDaysMean)}`,
    },
    ...(
      [
        ['earlyRate', 'finishedEarly', 'withDecisionClock'],
        ['zeroVisitRate', 'zeroVisit', 'finished'],
        ['instantRate', 'instant', 'finished'],
        ['platformSupplyRate', 'materialsSuppliedByPlatform', 'materialsAsked'],
      ] as const
    ).map(([rate, numerator, denominator]) => ({
      title: t(`services.figures.${rate}`),
      key: rate,
      align: 'right' as const,
      render: (_: unknown, r: ServicesFiguresRow) => (
        <>
          {formatPercent(r[rate])}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r[numerator]}/{r[denominator]}
          </Typography.Text>
        </>
      ),
    })),
    { title: t('services.figures.pastPromised'), dataIndex: 'pastPromised', align: 'right' },
    { title: t('services.figures.pastStatutory'), dataIndex: 'pastStatutory', align: 'right' },
  ]

  return (
    <>
      <PageHeader title={t('services.figures.title')} subtitle={t('services.figures.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Space wrap size={16}>
            <span>
              {t('services.figures.period')}{' '}
              <DatePicker.RangePicker
                picker="month"
                allowClear={false}
                aria-label={t('services.figures.period')}
                value={[dayjs(`${period.from}-01`), dayjs(`${period.to}-01`)]}
                onChange={(range) =>
                  range?.[0] &&
                  range[1] &&
                  setPeriod({ ...period, from: range[0].format('YYYY-MM'), to: range[1].format('YYYY-MM') })
                }
              />
            </span>
            <Segmented<By>
              aria-label={t('services.figures.by')}
              value={period.by}
              onChange={(by) => setPeriod({ ...period, by })}
              options={[
                { value: 'department', label: t('services.figures.byDepartment') },
                { value: 'matter', label: t('services.figures.byMatter') },
                { value: 'city', label: t('services.figures.byCity') },
              ]}
            />
          </Space>
        </Card>
        {figures.error ? (
          <Alert type="error" showIcon title={errorMessage(figures.error, t('errors.loadFailed'))} />
        ) : null}
        {figures.data ? (
          <>
            {deemed > 0 ? (
              <Alert
                type="error"
                showIcon
                title={t('services.figures.deemedAcceptedAlert', { count: deemed })}
                description={
                  <ul className="s-deemed-list" aria-label={t('services.figures.deemedAcceptedList')}>
                    {late.map((a) => (
                      <li key={a.id}>
                        {a.title} · {a.matterName ?? '—'} · {a.departmentName ?? '—'} ·{' '}
                        {t('services.figures.receivedAt')} {formatDateTime(a.receivedAt, i18n.language)} ·{' '}
                        {t('services.figures.completenessDueAt')}{' '}
                        {formatDateTime(a.completenessDueAt, i18n.language)}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert type="success" showIcon title={t('services.figures.deemedAcceptedNone')} />
            )}
            <Card title={<h2 className="s-card-title">{t('services.figures.chartTitle')}</h2>}>
              {chart.categories.length ? (
                <BarChart
                  categories={chart.categories}
                  series={chart.series}
                  label={t('services.figures.chartTitle')}
                  height={Math.max(200, chart.categories.length * 64)}
                />
              ) : (
                <Typography.Text type="secondary">{t('services.figures.empty')}</Typography.Text>
              )}
            </Card>
            <Card styles={{ body: { padding: 0 } }}>
              <Table
                rowKey={(r) => `${r.month} ${r.departmentId} ${r.matterId}`}
                columns={columns}
                dataSource={rows}
                loading={figures.isLoading}
                pagination={false}
                scroll={{ x: 'max-content' }}
                size="middle"
                locale={{ emptyText: t('services.figures.empty') }}
              />
            </Card>
            <Typography.Paragraph type="secondary">{t('services.figures.formulas')}</Typography.Paragraph>
          </>
        ) : !figures.error ? (
          <Card loading />
        ) : null}
      </Space>
    </>
  )
}
