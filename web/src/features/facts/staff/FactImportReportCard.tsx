import { Card, Table, Tag } from 'antd'
import { useEffect, useRef } from 'react'
import { useFactText } from '../use-fact-text'
import { sortReportRows } from '../fact-import-template'
import type { FactImportReport, FactImportRow } from '../facts.api'
import { EmptyText } from '../../../ui/staff/EmptyText'

const STATUS_COLORS: Record<FactImportRow['status'], string> = {
  applied: 'green',
  unchanged: 'blue',
  error: 'red',
}

/** What became of each row: applied, unchanged (the same values were there), or refused with each column's problem. */
export function FactImportReportCard({ report }: { report: FactImportReport }) {
  const { t, tx, source } = useFactText()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [report])
  const unchanged = report.rows.filter((r) => r.status === 'unchanged').length
  return (
    <Card
      ref={ref}
      title={
        <h2 className="s-card-title">
          {t('facts.imports.reportOf', { file: report.fileName, source: source(report.source) })}
        </h2>
      }
    >
      <dl className="s-figures-grid" aria-live="polite">
        <div>
          <dt>{t('facts.imports.total')}</dt>
          <dd>{report.rowsTotal}</dd>
        </div>
        <div>
          <dt>{t('facts.imports.statuses.applied')}</dt>
          <dd>{report.rowsApplied - unchanged}</dd>
        </div>
        <div>
          <dt>{t('facts.imports.statuses.unchanged')}</dt>
          <dd>{unchanged}</dd>
        </div>
        <div>
          <dt>{t('facts.imports.statuses.error')}</dt>
          <dd className={report.rowsFailed ? 's-danger-text' : undefined}>{report.rowsFailed}</dd>
        </div>
      </dl>
      <p className="s-small" style={{ margin: '12px 0' }}>
        {report.rowsFailed ? t('facts.imports.fixAndRetry') : t('facts.imports.allDone')}
      </p>
      <Table<FactImportRow>
        size="small"
        rowKey="row"
        dataSource={sortReportRows(report.rows)}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <EmptyText>{t('facts.imports.noRows')}</EmptyText> }}
        columns={[
          { title: t('facts.imports.row'), dataIndex: 'row', width: 80, align: 'right' },
          {
            title: t('facts.imports.result'),
            dataIndex: 'status',
            width: 110,
            render: (status: FactImportRow['status']) => (
              <Tag color={STATUS_COLORS[status]}>{tx(`facts.imports.statuses.${status}`)}</Tag>
            ),
          },
          {
            title: t('facts.imports.uscc'),
            dataIndex: 'uscc',
            width: 200,
            render: (v: string | null) => <span className="s-mono">{v ?? '—'}</span>,
          },
          { title: t('facts.imports.factsInRow'), dataIndex: 'facts', width: 90, align: 'right' },
          {
            title: t('facts.imports.problems'),
            key: 'errors',
            render: (_: unknown, row) =>
              row.errors && Object.keys(row.errors).length ? (
                <ul className="s-error-list">
                  {Object.entries(row.errors).map(([column, message]) => (
                    <li key={column}>
                      <strong>{column}</strong>
                      {t('appeals.import.fieldSeparator')}
                      {message}
                    </li>
                  ))}
                </ul>
              ) : row.status === 'unchanged' ? (
                <span className="s-small">{t('facts.imports.unchangedHint')}</span>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  )
}
