import { Alert, Button, Card, DatePicker, Empty, Form, Space, Table, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { cityToday, formatDateTime } from '../../../ui/format'
import { useLoad } from '../../../ui/use-load'
import { appealsApi, type WithdrawalGroup } from '../appeals.api'
import { dayAfter, thisMonth } from '../figures'
import { useAppealText } from '../use-appeal-text'
import { fieldMessage } from '../../../ui/field-message'

type Withdrawal = WithdrawalGroup['appeals'][number]

/**
 * The withdrawals of a period by the department that held each appeal, every one with its reason:
 * a department pressing enterprises to withdraw would improve its rates, so withdrawals are listed
 * for audit instead of disappearing (docs/METRICS.md).
 */
export function WithdrawalsTab() {
  const { t, language } = useAppealText()
  const [period, setPeriod] = useState(() => thisMonth(cityToday()))
  const withdrawals = useLoad(
    () => appealsApi.withdrawals(period.from, dayAfter(period.to)),
    [period, language],
  )
  const groups = withdrawals.data?.items ?? []
  const total = groups.reduce((sum, group) => sum + group.count, 0)

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Form
          layout="inline"
          name="withdrawals-period"
          initialValues={{ range: [dayjs(period.from), dayjs(period.to)] }}
          onFinish={({ range }: { range: [Dayjs, Dayjs] }) =>
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
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t('appeals.withdrawals.why')}
        </Typography.Paragraph>
      </Card>
      {withdrawals.error ? (
        <Alert type="error" showIcon title={errorMessage(withdrawals.error, t('errors.loadFailed'))} />
      ) : null}
      {withdrawals.data && !groups.length ? (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('appeals.withdrawals.none', { from: period.from, to: period.to })}
          />
        </Card>
      ) : null}
      {!withdrawals.data && !withdrawals.error ? <Card loading /> : null}
      {groups.length ? (
        <Typography.Text strong>
          {t('appeals.withdrawals.total', { count: total, from: period.from, to: period.to })}
        </Typography.Text>
      ) : null}
      {groups.map((group) => (
        <Card
          key={group.departmentId ?? group.departmentName}
          title={
            <h2 className="s-card-title">
              {t('appeals.withdrawals.groupTitle', { department: group.departmentName, count: group.count })}
            </h2>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Table<Withdrawal>
            className="s-flush-table"
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={group.appeals}
            columns={[
              {
                title: t('appeals.fields.number'),
                dataIndex: 'number',
                width: 170,
                render: (number: string, row) => (
                  <Link to={paths.staffAppeal(row.id)} className="s-mono s-nowrap">
                    {number}
                  </Link>
                ),
              },
              { title: t('appeals.fields.title'), dataIndex: 'title' },
              {
                title: t('appeals.withdrawals.reason'),
                dataIndex: 'reason',
                render: (reason: string | null) => reason ?? '—',
              },
              {
                title: t('appeals.withdrawals.at'),
                dataIndex: 'at',
                width: 160,
                render: (at: string) => <span className="s-nowrap">{formatDateTime(at, language)}</span>,
              },
            ]}
          />
        </Card>
      ))}
    </Space>
  )
}
