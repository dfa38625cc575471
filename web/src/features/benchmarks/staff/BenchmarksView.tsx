import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Switch,
  Table,
  Tag,
  Tooltip,
} from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import type { Translate } from '../../../app/i18n'
import { cityToday } from '../../../ui/format'
import { BarChart } from '../../../ui/staff/BarChart'
import { useLoad } from '../../../ui/use-load'
import { formatChange, formatRelative, formatValue } from '../benchmark-format'
import { benchmarksApi, type IndicatorRow } from '../benchmarks.api'
import { BenchmarkDetail } from './BenchmarkDetail'
import { BenchmarkEntryModal, type PendingForm } from './BenchmarkForms'

const STANDING_COLORS = { leading: 'green', level: 'blue', behind: 'red' } as const
const DIRECTION_COLORS = { improving: 'green', flat: 'default', worsening: 'red' } as const

/**
 * The benchmarks of a year (issue 14 item 7): a table by indicator — ours, the best city, the gap,
 * the trend — or the gaps as a chart; each row opens to its definition, sources, cities and months.
 * The bureau leader and the admin enter values from here (the server says who may: `canEdit`).
 */
export function BenchmarksView() {
  const { t, i18n } = useTranslation()
  const tx = t as unknown as Translate
  const thisYear = Number(cityToday().slice(0, 4))
  const [year, setYear] = useState(thisYear)
  const [view, setView] = useState<'table' | 'chart'>('table')
  const [pending, setPending] = useState<PendingForm | null>(null)
  // 44 indicators in one table read badly: narrowed to one national first-level indicator, or to the behind ones
  const [national, setNational] = useState<string | null>(null)
  const [behindOnly, setBehindOnly] = useState(false)
  const loaded = useLoad(() => benchmarksApi.read(year), [year, i18n.language])
  const data = loaded.data

  if (loaded.error)
    return <Alert type="error" showIcon title={errorMessage(loaded.error, t('benchmarks.loadFailed'))} />
  if (!data) return <Card loading />

  const unitOf = (row: IndicatorRow) => tx(`benchmarks.unit.${row.unit}`)
  const columns: ColumnsType<IndicatorRow> = [
    {
      title: t('benchmarks.columns.indicator'),
      key: 'indicator',
      width: 200,
      render: (_: unknown, row) => (
        <Space direction="vertical" size={0}>
          <Tooltip title={row.formula}>
            <span>{row.name}</span>
          </Tooltip>
          <Tag color={row.kind === 'computed' ? 'geekblue' : 'default'}>
            {tx(`benchmarks.kind.${row.kind}`)}
          </Tag>
        </Space>
      ),
    },
    {
      title: t('benchmarks.columns.national'),
      key: 'national',
      width: 130,
      render: (_: unknown, row) => row.national.name,
    },
    {
      title: t('benchmarks.columns.bready'),
      key: 'bready',
      width: 150,
      render: (_: unknown, row) => (row.bready ? `${row.bready.topicName} · ${row.bready.pillarName}` : '—'),
    },
    {
      title: t('benchmarks.columns.ours'),
      key: 'ours',
      width: 140,
      render: (_: unknown, row) => (
        <Space direction="vertical" size={0}>
          <strong>{formatValue(row.ours, row.unit, unitOf(row))}</strong>
          {row.oursEntry && row.oursEntry.year !== data.year ? (
            <span style={{ color: '#595959', fontSize: 12 }}>
              {t('benchmarks.enteredYear', { year: row.oursEntry.year })}
            </span>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('benchmarks.columns.best'),
      key: 'best',
      width: 170,
      render: (_: unknown, row) =>
        row.best ? (
          <Space direction="vertical" size={0}>
            <span>
              {row.best.city} {row.best.year}: {formatValue(row.best.value, row.unit, unitOf(row))}
            </span>
            {row.best.isDemo ? <Tag color="orange">{t('benchmarks.demo')}</Tag> : null}
          </Space>
        ) : (
          <span style={{ color: '#595959' }}>{t('benchmarks.noBest')}</span>
        ),
    },
    {
      title: t('benchmarks.columns.gap'),
      key: 'gap',
      width: 150,
      render: (_: unknown, row) =>
        row.gap ? (
          <Tag color={STANDING_COLORS[row.gap.standing]}>
            {tx(`benchmarks.standing.${row.gap.standing}`)}
            {row.gap.standing === 'level'
              ? ''
              : ` ${formatValue(Math.abs(row.gap.absolute), row.unit, unitOf(row))} (${formatRelative(row.gap.relative)})`}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      title: t('benchmarks.columns.trend'),
      key: 'trend',
      width: 110,
      render: (_: unknown, row) =>
        row.trend ? (
          <Tag color={DIRECTION_COLORS[row.trend.direction]}>
            {tx(`benchmarks.direction.${row.trend.direction}`)} {formatChange(row.trend.change)}
          </Tag>
        ) : (
          '—'
        ),
    },
    ...(data.canEdit
      ? [
          {
            title: t('benchmarks.columns.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, row: IndicatorRow) => (
              <Space direction="vertical" size={4}>
                {row.kind === 'entered' ? (
                  <Button size="small" onClick={() => setPending({ kind: 'ours', row, year: data.year })}>
                    {t('benchmarks.enterOurs')}
                  </Button>
                ) : null}
                <Button size="small" onClick={() => setPending({ kind: 'city', row, year: data.year })}>
                  {t('benchmarks.addCity')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ]

  const shown = data.indicators.filter(
    (i) => (!national || i.national.key === national) && (!behindOnly || i.gap?.standing === 'behind'),
  )
  const compared = shown.filter((i) => i.gap && i.gap.relative !== null)
  const stats = [
    ['compared', data.summary.compared],
    ['behind', data.summary.behind],
    ['leading', data.summary.leading],
    ['improving', data.summary.improving],
    ['worsening', data.summary.worsening],
  ] as const

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <span>{t('benchmarks.year')}</span>
        <Select
          aria-label={t('benchmarks.year')}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={Array.from({ length: 6 }, (_, i) => ({
            value: thisYear - i,
            label: String(thisYear - i),
          }))}
        />
      </Space>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map(([key, value]) => (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={tx(`benchmarks.summary.${key}`)} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={t('benchmarks.indicators')}
        style={{ marginBottom: 16 }}
        extra={
          <Segmented
            size="small"
            aria-label={t('benchmarks.view')}
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { label: t('benchmarks.table'), value: 'table' },
              { label: t('benchmarks.chart'), value: 'chart' },
            ]}
          />
        }
      >
        <Space style={{ marginBottom: 12 }} wrap>
          <Select
            aria-label={t('benchmarks.filter.national')}
            placeholder={t('benchmarks.filter.allNational')}
            allowClear
            showSearch
            optionFilterProp="label"
            value={national}
            onChange={(v) => setNational(v ?? null)}
            style={{ minWidth: 220 }}
            options={data.national
              .filter((n) => n.indicators > 0)
              .map((n) => ({ value: n.key, label: `${n.name}（${n.indicators}）` }))}
          />
          <Space size={6}>
            <Switch
              size="small"
              checked={behindOnly}
              onChange={setBehindOnly}
              aria-label={t('benchmarks.filter.behindOnly')}
            />
            <span>{t('benchmarks.filter.behindOnly')}</span>
          </Space>
          <span aria-live="polite">
            {t('benchmarks.filter.count', { shown: shown.length, total: data.indicators.length })}
          </span>
        </Space>
        {view === 'table' ? (
          <Table<IndicatorRow>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 1200 }}
            dataSource={shown}
            columns={columns}
            expandable={{
              expandedRowRender: (row) => (
                <BenchmarkDetail row={row} canEdit={data.canEdit} onChanged={loaded.reload} />
              ),
            }}
          />
        ) : (
          <BarChart
            label={t('benchmarks.chartLabel')}
            height={Math.max(160, compared.length * 36 + 40)}
            categories={compared.map((i) => i.name)}
            series={[
              {
                name: t('benchmarks.gapSeries'),
                values: compared.map((i) => Math.round((i.gap!.relative ?? 0) * 1000) / 10),
                color: '#cf1322',
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('benchmarks.coverage.title')} size="small">
        <Space wrap>
          {data.national.map((n) => (
            <Tag key={n.key} color={n.indicators ? 'blue' : 'default'}>
              {n.name} {n.indicators ? `× ${n.indicators}` : `（${t('benchmarks.coverage.none')}）`}
            </Tag>
          ))}
        </Space>
      </Card>
      {pending ? (
        <BenchmarkEntryModal
          key={`${pending.kind}:${pending.row.key}`}
          pending={pending}
          onClose={() => setPending(null)}
          onSaved={() => {
            setPending(null)
            loaded.reload()
          }}
        />
      ) : null}
    </>
  )
}
