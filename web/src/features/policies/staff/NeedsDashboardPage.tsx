import { Alert, Card, Col, Row, Table } from 'antd'
import { useMemo } from 'react'
import { errorMessage } from '../../../app/api'
import { BarChart } from '../../../ui/staff/BarChart'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { policiesApi, type NeedsSummary } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { NeedsTable } from './NeedsTable'
import '../../../ui/staff/policy-pages.css'
import { EmptyText } from '../../../ui/staff/EmptyText'

const OPEN_COLOR = '#d46b08'
const DONE_COLOR = '#0958d9'
type Row = { key: string; name: string; open: number; total: number }

/**
 * `/staff/policy-needs` (企业点菜): what enterprises ask for, by topic and by district — demand for
 * the next policies — with the raw counts, and every need with its answer.
 */
export function NeedsDashboardPage() {
  const { t, topic, language } = usePolicyText()
  const summary = useLoad(() => policiesApi.needsSummary(), [language])
  const byTopic = useMemo(
    () =>
      (summary.data?.byTopic ?? []).map((r) => ({
        key: r.topic,
        name: topic(r.topic),
        open: r.open,
        total: r.total,
      })),
    [summary.data, topic],
  )
  const byDivision = useMemo(
    () =>
      (summary.data?.byDivision ?? []).map((r) => ({
        key: r.divisionCode,
        name: r.divisionName ?? r.divisionCode,
        open: r.open,
        total: r.total,
      })),
    [summary.data],
  )
  return (
    <>
      <PageHeader title={t('policies.staff.needs.title')} subtitle={t('policies.staff.needs.subtitle')} />
      {summary.error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(summary.error, t('errors.loadFailed'))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <DemandCard
            title={t('policies.staff.needs.byTopic')}
            nameTitle={t('policies.needs.topic')}
            rows={byTopic}
            loading={summary.isLoading}
          />
        </Col>
        <Col xs={24} xl={12}>
          <DemandCard
            title={t('policies.staff.needs.byDivision')}
            nameTitle={t('policies.staff.needs.division')}
            rows={byDivision}
            loading={summary.isLoading}
          />
        </Col>
        <Col xs={24}>
          <NeedsTable summary={summary.data as NeedsSummary | undefined} onAnswered={summary.reload} />
        </Col>
      </Row>
    </>
  )
}

function DemandCard({
  title,
  nameTitle,
  rows,
  loading,
}: {
  title: string
  nameTitle: string
  rows: Row[]
  loading: boolean
}) {
  const { t } = usePolicyText()
  const series = useMemo(
    () => [
      { name: t('policies.needStatus.open'), values: rows.map((r) => r.open), color: OPEN_COLOR },
      {
        name: t('policies.staff.needs.handled'),
        values: rows.map((r) => r.total - r.open),
        color: DONE_COLOR,
      },
    ],
    [rows, t],
  )
  const categories = useMemo(() => rows.map((r) => r.name), [rows])
  const total = rows.reduce((sum, r) => sum + r.total, 0)
  return (
    <Card
      title={<h2 className="s-card-title">{title}</h2>}
      extra={t('policies.staff.needs.total', { count: total })}
    >
      {rows.length ? (
        <BarChart
          categories={categories}
          series={series}
          stacked
          label={t('policies.staff.needs.chartLabel', { title })}
          height={Math.max(180, 48 + rows.length * 30)}
        />
      ) : (
        <p className="s-empty">{loading ? t('common.loading') : t('policies.staff.needs.noneYet')}</p>
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        loading={loading}
        locale={{ emptyText: <EmptyText>{t('policies.staff.needs.noneYet')}</EmptyText> }}
        style={{ marginTop: 12 }}
        columns={[
          { title: nameTitle, dataIndex: 'name' },
          { title: t('policies.needStatus.open'), dataIndex: 'open', width: 100, align: 'right' },
          {
            title: t('policies.staff.needs.handled'),
            key: 'handled',
            width: 100,
            align: 'right',
            render: (_: unknown, r) => r.total - r.open,
          },
          { title: t('policies.staff.needs.all'), dataIndex: 'total', width: 90, align: 'right' },
        ]}
      />
    </Card>
  )
}
