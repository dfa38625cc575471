import { Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { paths } from '../../../app/routes'
import type { ProblemClass } from '../problem-classes.api'

type Case = ProblemClass['cases'][number]

/** The cases of a proposal or a class: an appeal links to its page; a bad rating shows its comment. */
export function CasesTable({
  cases,
  selected,
  onSelect,
}: {
  cases: Case[]
  selected?: string[]
  onSelect?: (ids: string[]) => void
}) {
  const { t } = useTranslation()
  const columns: ColumnsType<Case> = [
    {
      title: t('problemClasses.fields.source'),
      dataIndex: 'source',
      width: 90,
      render: (source: Case['source']) => (
        <Tag color={source === 'rating' ? 'red' : 'blue'}>{t(`problemClasses.sources.${source}`)}</Tag>
      ),
    },
    {
      title: t('problemClasses.fields.title'),
      key: 'title',
      render: (_: unknown, row) => (
        <>
          {row.appealId ? (
            <Link
              to={paths.staffAppeal(row.appealId)}
              className="s-mono s-nowrap"
              style={{ marginInlineEnd: 8 }}
            >
              {row.appealNumber}
            </Link>
          ) : null}
          {row.title}
        </>
      ),
    },
    {
      title: t('problemClasses.fields.department'),
      dataIndex: 'departmentName',
      width: 180,
      render: (name: string | null) => name ?? '—',
    },
  ]
  return (
    <Table<Case>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={cases}
      pagination={cases.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      {...(onSelect && {
        rowSelection: { selectedRowKeys: selected ?? [], onChange: (keys) => onSelect(keys as string[]) },
      })}
    />
  )
}
