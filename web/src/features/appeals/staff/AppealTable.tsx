import { Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { Link, useNavigate } from 'react-router'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { EmptyList } from '../../../ui/staff/EmptyList'
import type { AppealSummary } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'
import { AppealStatusTag, TierTag } from './AppealStatusTag'

export const TABLE_PAGE_SIZE = 20

/**
 * Appeals as a table for the task force's queues and the departments' inboxes. The number is a link
 * (keyboard and screen readers); a click anywhere on the row opens the case too.
 */
export function AppealTable({
  items,
  total,
  page,
  onPage,
  loading,
  showEnterprise = true,
  empty,
}: {
  items: AppealSummary[]
  total: number
  page: number
  onPage: (page: number) => void
  loading: boolean
  showEnterprise?: boolean
  /** What the list is and why it is empty: a title and a sentence (not a bare "no data"). */
  empty?: { title: string; why: string }
}) {
  const text = useAppealText()
  const { t } = text
  const navigate = useNavigate()

  const columns: ColumnsType<AppealSummary> = [
    {
      title: t('appeals.fields.number'),
      dataIndex: 'number',
      width: 140,
      render: (number: string, appeal) => (
        <Link
          to={paths.staffAppeal(appeal.id)}
          onClick={(event) => event.stopPropagation()}
          className="s-mono s-nowrap"
        >
          {number}
        </Link>
      ),
    },
    // No ellipsis: Chinese titles wrap well, and a cut-off title hides what the case is about.
    { title: t('appeals.fields.title'), dataIndex: 'title', className: 's-col-title' },
    ...(showEnterprise
      ? [{ title: t('appeals.fields.enterpriseName'), dataIndex: 'enterpriseName', width: 170 }]
      : []),
    { title: t('appeals.fields.category'), dataIndex: 'categoryName', width: 120 },
    {
      title: t('appeals.fields.tier'),
      dataIndex: 'tier',
      width: 76,
      render: (_tier, appeal) => <TierTag tier={appeal.tier} />,
    },
    {
      title: t('appeals.fields.status'),
      dataIndex: 'status',
      width: 104,
      render: (_status, appeal) => <AppealStatusTag status={appeal.status} />,
    },
    {
      title: t('appeals.fields.leadDepartment'),
      dataIndex: ['leadDepartment', 'name'],
      width: 150,
      render: (_name, appeal) => appeal.leadDepartment?.name ?? '—',
    },
    {
      title: t('appeals.fields.nearestDue'),
      dataIndex: 'dueAt',
      width: 140,
      render: (_due, appeal) =>
        appeal.dueAt ? (
          <span className={appeal.isOverdue ? 's-overdue' : undefined}>
            {formatDateTime(appeal.dueAt, text.language)}
            {appeal.isOverdue ? (
              <>
                <br />
                <Tag color="red">{t('appeals.overdue')}</Tag>
              </>
            ) : null}
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: t('appeals.fields.returns'),
      dataIndex: 'returnCount',
      width: 96,
      align: 'right',
    },
  ]

  return (
    <Table<AppealSummary>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      size="middle"
      locale={empty ? { emptyText: <EmptyList {...empty} /> } : undefined}
      onRow={(appeal) => ({
        onClick: () => void navigate(paths.staffAppeal(appeal.id)),
        style: { cursor: 'pointer' },
      })}
      pagination={{
        current: page,
        pageSize: TABLE_PAGE_SIZE,
        total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        onChange: onPage,
        showTotal: (count) => t('appeals.queue.total', { count }),
      }}
    />
  )
}
