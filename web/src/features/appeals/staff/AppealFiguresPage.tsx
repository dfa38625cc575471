import { DownloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, DatePicker, Form, Space, Table, Tabs, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { cityToday } from '../../../ui/format'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { appealsApi, rankingXlsxUrl, type FiguresRow } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'
import { FormulasHelp } from './FormulasHelp'
import { RatingBar } from '../../../ui/staff/RatingBar'
import { WithdrawalsTab } from './WithdrawalsTab'
import { formatPercent, formatScore, monthOf, RATE_KEYS, dayAfter, thisMonth, type RateKey } from '../figures'
import { fieldMessage } from '../../../ui/field-message'

const TABS = ['figures', 'ranking', 'withdrawals'] as const
type Tab = (typeof TABS)[number]
const isTab = (value: string | null): value is Tab => !!value && (TABS as readonly string[]).includes(value)

/**
 * `/staff/appeals/figures`: the three rates and the other published measures, for the city and per
 * department over a period, each with the counts behind it; the monthly department ranking with
 * its Excel export; and the withdrawals for audit. Formulas: docs/METRICS.md, shown in the page.
 */
export function AppealFiguresPage() {
  const { t } = useAppealText()
  const [params, setParams] = useSearchParams()
  const requested = params.get('tab')
  const tab: Tab = isTab(requested) ? requested : 'figures'
  return (
    <>
      <PageHeader title={t('appeals.figures.title')} subtitle={t('appeals.figures.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'figures' ? {} : { tab: key })}
        destroyOnHidden
        items={[
          { key: 'figures', label: t('appeals.figures.tabFigures'), children: <FiguresTab /> },
          { key: 'ranking', label: t('appeals.figures.tabRanking'), children: <RankingTab /> },
          { key: 'withdrawals', label: t('appeals.figures.tabWithdrawals'), children: <WithdrawalsTab /> },
        ]}
      />
    </>
  )
}

function notLiveYet(error: unknown) {
  return isApiError(error, 'NOT_FOUND') || (isApiError(error, 'VALIDATION_FAILED') && 'id' in error.fields)
}

function FiguresTab() {
  const { t, language } = useAppealText()
  // Picked and shown inclusive; the API's end is exclusive.
  const [period, setPeriod] = useState(() => thisMonth(cityToday()))
  const figures = useLoad(
    async () => ({ period, ...(await appealsApi.figures(period.from, dayAfter(period.to))) }),
    [period, language],
  )
  const [form] = Form.useForm<{ range: [Dayjs, Dayjs] }>()

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Form
          form={form}
          layout="inline"
          name="figures-period"
          initialValues={{ range: [dayjs(period.from), dayjs(period.to)] }}
          onFinish={({ range }) =>
            setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })
          }
          style={{ rowGap: 12 }}
        >
          <Form.Item
            name="range"
            label={t('appeals.figures.period')}
            rules={[{ required: true, message: fieldMessage('fields.required') }]}
          >
            <DatePicker.RangePicker allowClear={false} aria-label={t('appeals.figures.period')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {figures.error ? (
        <Alert
          type={notLiveYet(figures.error) ? 'warning' : 'error'}
          showIcon
          title={
            notLiveYet(figures.error)
              ? t('appeals.figures.notAvailable')
              : errorMessage(figures.error, t('errors.loadFailed'))
          }
        />
      ) : null}
      {figures.data ? (
        <>
          <Card
            title={
              <h2 className="s-card-title">
                {t('appeals.figures.city', {
                  from: figures.data.period.from,
                  to: figures.data.period.to,
                })}
              </h2>
            }
          >
            <CitySummary row={figures.data.city} />
            <Typography.Paragraph type="secondary" style={{ margin: '12px 0' }}>
              {t('appeals.figures.weights', {
                response: formatPercent(figures.data.weights.response),
                resolution: formatPercent(figures.data.weights.resolution),
                satisfaction: formatPercent(figures.data.weights.satisfaction),
              })}
            </Typography.Paragraph>
            <FormulasHelp weights={figures.data.weights} />
          </Card>
          <Card
            title={<h2 className="s-card-title">{t('appeals.figures.departments')}</h2>}
            styles={{ body: { padding: 0 } }}
          >
            <FiguresTable rows={figures.data.departments} loading={figures.isLoading} />
          </Card>
        </>
      ) : !figures.error ? (
        <Card loading />
      ) : null}
    </Space>
  )
}

function CitySummary({ row }: { row: FiguresRow }) {
  const { t, tx } = useAppealText()
  return (
    <>
      <dl className="s-figures-grid">
        <div>
          <dt>{t('appeals.figures.dispatched')}</dt>
          <dd>{row.dispatched}</dd>
        </div>
        {RATE_KEYS.map((key) => (
          <div key={key}>
            <dt>{tx(`appeals.figures.rates.${key}`)}</dt>
            <dd>
              {formatPercent(row[key].value)}
              <span className="s-raw">
                ({row[key].numerator}/{row[key].denominator})
              </span>
            </dd>
          </div>
        ))}
        <div>
          <dt>{t('appeals.figures.withdrawn')}</dt>
          <dd>{row.withdrawn}</dd>
        </div>
        <div>
          <dt>{t('appeals.figures.score')}</dt>
          <dd>{formatScore(row.score)}</dd>
        </div>
      </dl>
      <div className="s-city-ratings">
        <h3 className="s-subtitle">{t('appeals.figures.ratings')}</h3>
        <RatingBar ratings={row.ratings} wide />
      </div>
    </>
  )
}

function RateCell({ row, rateKey }: { row: FiguresRow; rateKey: RateKey }) {
  const rate = row[rateKey]
  return (
    <span className="s-rate-cell">
      {formatPercent(rate.value)}
      <span className="s-raw">
        ({rate.numerator}/{rate.denominator})
      </span>
    </span>
  )
}

function FiguresTable({ rows, loading, ranked }: { rows: FiguresRow[]; loading: boolean; ranked?: boolean }) {
  const { t, tx } = useAppealText()
  const columns: ColumnsType<FiguresRow & { rank: number }> = [
    ...(ranked
      ? [{ title: t('appeals.figures.rank'), dataIndex: 'rank', width: 60, align: 'right' as const }]
      : []),
    { title: t('appeals.figures.department'), dataIndex: 'departmentName', width: 190 },
    ...(ranked
      ? [
          {
            title: t('appeals.figures.score'),
            dataIndex: 'score',
            width: 96,
            align: 'right' as const,
            render: (score: number | null) => <strong>{formatScore(score)}</strong>,
          },
        ]
      : []),
    { title: t('appeals.figures.dispatched'), dataIndex: 'dispatched', width: 84, align: 'right' },
    ...RATE_KEYS.map((key) => ({
      title: tx(`appeals.figures.ratesShort.${key}`),
      key,
      render: (_: unknown, row: FiguresRow) => <RateCell row={row} rateKey={key} />,
    })),
    {
      title: t('appeals.figures.ratings'),
      key: 'ratings',
      width: 170,
      render: (_: unknown, row: FiguresRow) => <RatingBar ratings={row.ratings} />,
    },
    { title: t('appeals.figures.withdrawnShort'), dataIndex: 'withdrawn', width: 84, align: 'right' },
    ...(ranked
      ? []
      : [
          {
            title: t('appeals.figures.score'),
            dataIndex: 'score',
            width: 96,
            align: 'right' as const,
            render: (score: number | null) => formatScore(score),
          },
        ]),
  ]
  return (
    <Table<FiguresRow & { rank: number }>
      className="s-figures-table s-flush-table"
      rowKey={(row) => row.departmentId ?? row.departmentName}
      columns={columns}
      dataSource={rows.map((row, index) => ({ ...row, rank: index + 1 }))}
      loading={loading}
      size="small"
      pagination={false}
      locale={{ emptyText: t('appeals.figures.empty') }}
    />
  )
}

function RankingTab() {
  const { t, language } = useAppealText()
  const [month, setMonth] = useState(() => monthOf(cityToday()))
  const ranking = useLoad(() => appealsApi.ranking(month), [month, language])
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space wrap size={16} align="center">
          <label className="s-inline-field">
            <span>{t('appeals.figures.month')}</span>
            <DatePicker
              picker="month"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              onChange={(value) => value && setMonth(value.format('YYYY-MM'))}
              disabledDate={(date) => date.isAfter(dayjs(cityToday()), 'month')}
              aria-label={t('appeals.figures.month')}
            />
          </label>
          <Button icon={<DownloadOutlined aria-hidden="true" />} href={rankingXlsxUrl(month)} download>
            {t('appeals.figures.export')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t('appeals.figures.rankingHelp')}
        </Typography.Paragraph>
        <div style={{ marginTop: 12 }}>
          <FormulasHelp weights={ranking.data?.weights} />
        </div>
      </Card>
      {ranking.error ? (
        <Alert
          type={notLiveYet(ranking.error) ? 'warning' : 'error'}
          showIcon
          title={
            notLiveYet(ranking.error)
              ? t('appeals.figures.notAvailable')
              : errorMessage(ranking.error, t('errors.loadFailed'))
          }
        />
      ) : null}
      <Card
        title={<h2 className="s-card-title">{t('appeals.figures.rankingOf', { month })}</h2>}
        styles={{ body: { padding: 0 } }}
      >
        <FiguresTable rows={ranking.data?.rows ?? []} loading={ranking.isLoading} ranked />
      </Card>
    </Space>
  )
}
