import { Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { Link, useNavigate } from 'react-router'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { EmptyList } from '../../../ui/staff/EmptyList'
import type { ClaimSummary } from '../benefits.api'
import { splitMinutes } from '../claim-rules'
import { useBenefitText } from '../use-benefit-text'
import { ClaimStatusTag, ModeTag } from './ClaimStatusTag'

export const CLAIMS_PAGE_SIZE = 20

/** Claims as a table for the department's workbench; the number is a link, the whole row opens the claim. */
export function ClaimTable({
  items,
  total,
  page,
  onPage,
  loading,
  empty,
}: {
  items: ClaimSummary[]
  total: number
  page: number
  onPage: (page: number) => void
  loading: boolean
  empty: { title: string; why: string }
}) {
  const text = useBenefitText()
  const { t } = text
  const navigate = useNavigate()
  const columns: ColumnsType<ClaimSummary> = [
    {
      title: t('benefits.fields.number'),
      dataIndex: 'number',
      width: 170,
      render: (number: string, claim) => (
        <>
          <Link
            to={paths.staffClaim(claim.id)}
            onClick={(event) => event.stopPropagation()}
            className="s-mono s-nowrap"
          >
            {number}
          </Link>
          <div className="s-small s-muted">
            {t('benefits.staff.createdOn', { at: formatDateTime(claim.createdAt, text.language) })}
          </div>
        </>
      ),
    },
    {
      title: t('benefits.fields.item'),
      dataIndex: 'itemTitle',
      className: 's-col-title',
      render: (title: string, claim) => (
        <>
          <div>{title}</div>
          <div className="s-small s-muted">{claim.policyTitle}</div>
        </>
      ),
    },
    { title: t('benefits.fields.enterprise'), dataIndex: 'enterpriseName', width: 180 },
    {
      title: t('benefits.fields.mode'),
      dataIndex: 'mode',
      width: 110,
      render: (mode: string) => <ModeTag mode={mode} />,
    },
    {
      title: t('benefits.fields.status'),
      dataIndex: 'status',
      width: 110,
      render: (_s, claim) => <ClaimStatusTag status={claim.status} />,
    },
    {
      title: t('benefits.fields.amount'),
      key: 'amount',
      width: 120,
      align: 'right',
      render: (_v, claim) => text.money(claim.payout?.amount ?? claim.approvedAmount ?? claim.expectedAmount),
    },
    {
      title: t('benefits.fields.dueAt'),
      dataIndex: 'dueAt',
      width: 150,
      render: (_due, claim) =>
        claim.dueAt ? (
          <span className={claim.isOverdue ? 's-overdue' : undefined}>
            {formatDateTime(claim.dueAt, text.language)}
            {claim.isOverdue ? (
              <>
                <br />
                <Tag color="red">{t('benefits.detail.overdue')}</Tag>
              </>
            ) : null}
          </span>
        ) : claim.remainingMinutes !== null ? (
          <span className="s-small">
            {t('benefits.staff.pausedLeft', splitMinutes(claim.remainingMinutes))}
          </span>
        ) : (
          '—'
        ),
    },
  ]
  return (
    // A wide table scrolls inside its card (antd's own scroll adds an aria-hidden measure row axe refuses).
    <div className="s-table-scroll">
      <Table<ClaimSummary>
        style={{ minWidth: 1000 }}
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={loading}
        size="middle"
        locale={{ emptyText: <EmptyList {...empty} /> }}
        onRow={(claim) => ({
          onClick: () => void navigate(paths.staffClaim(claim.id)),
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize: CLAIMS_PAGE_SIZE,
          total,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: onPage,
          showTotal: (count) => t('benefits.staff.total', { count }),
        }}
      />
    </div>
  )
}
