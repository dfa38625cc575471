import { App, Button, Descriptions, Popconfirm, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import type { Translate } from '../../../app/i18n'
import { formatValue } from '../benchmark-format'
import { benchmarksApi, type CityValue, type IndicatorRow } from '../benchmarks.api'
import { MonthlyChart } from './MonthlyChart'

/** One indicator opened: its definition, where our value comes from, the cities' values, the months. */
export function BenchmarkDetail(props: { row: IndicatorRow; canEdit: boolean; onChanged: () => void }) {
  const { t } = useTranslation()
  const tx = t as unknown as Translate
  const { message } = App.useApp()
  const { row } = props
  const unit = tx(`benchmarks.unit.${row.unit}`)
  const sourceLine = (s: CityValue['source']) =>
    t('benchmarks.sourceLine', { organisation: s.organisation, document: s.document, date: s.date })
  const months = row.months.filter((m) => m.value !== null)

  const remove = async (id: string) => {
    try {
      await benchmarksApi.deleteCityValue(id)
      void message.success(t('benchmarks.form.deleted'))
      props.onChanged()
    } catch (error) {
      void message.error(errorMessage(error, t('benchmarks.form.failed')))
    }
  }

  return (
    <div>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('benchmarks.detail.formula')}>
          {row.formula}（{tx(`benchmarks.better.${row.better}`)}）
        </Descriptions.Item>
        {row.oursParts ? (
          <Descriptions.Item label={t('benchmarks.detail.parts')}>
            {row.oursParts.numerator} / {row.oursParts.denominator}
          </Descriptions.Item>
        ) : null}
        {row.oursEntry ? (
          <Descriptions.Item label={t('benchmarks.detail.source')}>
            {sourceLine(row.oursEntry.source)}
            {row.oursEntry.source.note ? ` · ${row.oursEntry.source.note}` : ''}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('benchmarks.detail.previousYear')}>
          {formatValue(row.previousYear, row.unit, unit)}
        </Descriptions.Item>
        {row.note ? (
          <Descriptions.Item label={t('benchmarks.detail.whereFrom')}>{row.note}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={4} style={{ fontSize: 14 }}>
        {t('benchmarks.detail.cities')}
      </Typography.Title>
      <Table<CityValue>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={row.cities}
        locale={{ emptyText: t('benchmarks.detail.noCities') }}
        columns={[
          { title: t('benchmarks.city'), dataIndex: 'city', key: 'city', width: 100 },
          { title: t('benchmarks.cityYear'), dataIndex: 'year', key: 'year', width: 80 },
          {
            title: t('benchmarks.value'),
            key: 'value',
            width: 140,
            render: (_: unknown, c) => (
              <>
                {formatValue(c.value, row.unit, unit)}{' '}
                {c.isDemo ? <Tag color="orange">{t('benchmarks.demo')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('benchmarks.detail.source'),
            key: 'source',
            render: (_: unknown, c) => sourceLine(c.source),
          },
          ...(props.canEdit
            ? [
                {
                  title: t('benchmarks.columns.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, c: CityValue) => (
                    <Popconfirm
                      title={t('benchmarks.form.deleteConfirm')}
                      onConfirm={() => void remove(c.id)}
                    >
                      <Button size="small" danger>
                        {t('benchmarks.form.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={4} style={{ fontSize: 14, marginTop: 16 }}>
        {t('benchmarks.detail.months')}
      </Typography.Title>
      {months.length ? (
        <MonthlyChart
          label={t('benchmarks.detail.chartLabel', { name: row.name })}
          months={row.months.map((m) => m.month)}
          ours={{ name: t('benchmarks.columns.ours'), values: row.months.map((m) => m.value) }}
          best={row.best ? { name: `${row.best.city} ${row.best.year}`, value: row.best.value } : null}
        />
      ) : null}
      {months.length ? (
        <Typography.Paragraph>
          {months.map((m) => `${m.month}: ${formatValue(m.value, row.unit, unit)}`).join('；')}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('benchmarks.detail.noMonths')}</Typography.Text>
      )}
    </div>
  )
}
