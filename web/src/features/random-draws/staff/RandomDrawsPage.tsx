import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { errorMessage } from '../../../app/api'
import { paths } from '../../../app/routes'
import { hasStaffRole, useSession } from '../../../app/session'
import { cityDateOf, formatDateTime } from '../../../ui/format'
import { EmptyText } from '../../../ui/staff/EmptyText'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { publicationSettingsAccess } from '../draw-rules'
import { DRAW_STATUS_COLORS, randomDrawsApi, type RandomDrawSummary } from '../random-draws.api'
import { PublicationDeadlineCard } from './PublicationDeadlineCard'

/**
 * `/staff/random-draws`: the draws the caller may read (the bureau: all; a body: its own; a party:
 * the draws it takes part in), newest first, with the step each stands at and the caller's part;
 * below them the publication deadline, which the administrator changes here.
 */
export function RandomDrawsPage() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const { me } = useSession()
  const canOpen = hasStaffRole(me, 'dispatcher', 'bureau_leader', 'department_head')
  const deadlineAccess = publicationSettingsAccess(me?.kind === 'staff' ? me.roles.map((g) => g.role) : [])
  const draws = useLoad(() => randomDrawsApi.list(), [i18n.language])

  const columns: ColumnsType<RandomDrawSummary> = [
    {
      title: t('randomDraws.staff.columns.title'),
      dataIndex: 'title',
      render: (title: string, row) => <Link to={paths.staffRandomDraw(row.id)}>{title}</Link>,
    },
    { title: t('randomDraws.staff.columns.body'), dataIndex: 'departmentName', width: 180 },
    {
      title: t('randomDraws.staff.columns.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: RandomDrawSummary['status']) => (
        <Tag color={DRAW_STATUS_COLORS[status]}>{t(`randomDraws.staff.steps.${status}`)}</Tag>
      ),
    },
    {
      title: t('randomDraws.staff.columns.myPosition'),
      dataIndex: 'myPosition',
      width: 100,
      render: (n: number | null) =>
        n === null ? t('randomDraws.staff.notParty') : t('randomDraws.staff.partyN', { n }),
    },
    {
      title: t('randomDraws.staff.columns.targets'),
      dataIndex: 'targetCount',
      width: 90,
      align: 'right',
    },
    {
      title: t('randomDraws.staff.columns.openedAt'),
      dataIndex: 'openedAt',
      width: 160,
      render: (at: string) => <span className="s-nowrap">{formatDateTime(at, i18n.language)}</span>,
    },
    {
      title: t('randomDraws.staff.columns.publish'),
      key: 'publish',
      width: 150,
      render: (_: unknown, row) =>
        row.publishedAt
          ? t('randomDraws.staff.publishedOn', { date: cityDateOf(new Date(row.publishedAt)) })
          : row.publishDueAt
            ? t('randomDraws.staff.publishDue', { date: cityDateOf(new Date(row.publishDueAt)) })
            : '—',
    },
  ]

  return (
    <>
      <PageHeader
        title={t('randomDraws.staff.title')}
        subtitle={t('randomDraws.staff.subtitle')}
        extra={
          canOpen ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(paths.staffNewRandomDraw)}
            >
              {t('randomDraws.staff.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        {draws.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(draws.error, t('errors.loadFailed'))}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Table<RandomDrawSummary>
          rowKey="id"
          columns={columns}
          dataSource={draws.data?.items ?? []}
          loading={draws.isLoading}
          size="middle"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 860 }}
          locale={{ emptyText: <EmptyText>{t('randomDraws.staff.empty')}</EmptyText> }}
        />
      </Card>
      {deadlineAccess === 'none' ? null : (
        <div style={{ marginTop: 16 }}>
          <PublicationDeadlineCard canChange={deadlineAccess === 'change'} />
        </div>
      )}
    </>
  )
}
