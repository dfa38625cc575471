import { Card, Table, Tag } from 'antd'
import { useEffect, useRef } from 'react'
import { Link } from 'react-router'
import { paths } from '../../../app/routes'
import type { ImportReport, ImportRow } from '../appeals.api'
import { importColumnTitle, sortImportRows } from '../import-template'
import { useAppealText } from '../use-appeal-text'

const STATUS_COLORS: Record<ImportRow['status'], string> = { filed: 'green', duplicate: 'blue', error: 'red' }

/** A link that finds the appeal in the task force's pool (the report names numbers, not ids). */
const findAppeal = (number: string) => `${paths.staffAppealQueue}?view=all&q=${encodeURIComponent(number)}`

/** What became of each row of an uploaded batch: filed, already filed before, or refused and why. */
export function ImportReportCard({ fileName, report }: { fileName: string; report: ImportReport }) {
  const { t, tx } = useAppealText()
  const ref = useRef<HTMLDivElement>(null)
  // The report appears below the upload: bring its summary into view once it is there.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start', behavior: 'smooth' })
  }, [report])
  return (
    <Card
      ref={ref}
      title={<h2 className="s-card-title">{t('appeals.import.reportOf', { file: fileName })}</h2>}
    >
      <dl className="s-figures-grid" aria-live="polite">
        <div>
          <dt>{t('appeals.import.total')}</dt>
          <dd>{report.total}</dd>
        </div>
        <div>
          <dt>{t('appeals.import.statuses.filed')}</dt>
          <dd>{report.filed}</dd>
        </div>
        <div>
          <dt>{t('appeals.import.statuses.duplicate')}</dt>
          <dd>{report.duplicates}</dd>
        </div>
        <div>
          <dt>{t('appeals.import.statuses.error')}</dt>
          <dd className={report.failed ? 's-danger-text' : undefined}>{report.failed}</dd>
        </div>
      </dl>
      <p className="s-small" style={{ margin: '12px 0' }}>
        {report.failed ? t('appeals.import.fixAndRetry') : t('appeals.import.allDone')}
      </p>
      <Table<ImportRow>
        size="small"
        rowKey="row"
        dataSource={sortImportRows(report.rows)}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('appeals.import.noRows') }}
        columns={[
          { title: t('appeals.import.row'), dataIndex: 'row', width: 80, align: 'right' },
          {
            title: t('appeals.import.result'),
            dataIndex: 'status',
            width: 110,
            render: (status: ImportRow['status']) => (
              <Tag color={STATUS_COLORS[status]}>{tx(`appeals.import.statuses.${status}`)}</Tag>
            ),
          },
          {
            title: t('appeals.fields.number'),
            dataIndex: 'number',
            width: 170,
            render: (number: string | undefined) =>
              number ? (
                <Link to={findAppeal(number)} className="s-mono">
                  {number}
                </Link>
              ) : (
                '—'
              ),
          },
          {
            title: t('appeals.import.problems'),
            key: 'errors',
            render: (_: unknown, row) =>
              row.errors && Object.keys(row.errors).length ? (
                <ul className="s-error-list">
                  {Object.entries(row.errors).map(([field, message]) => (
                    <li key={field}>
                      <strong>{importColumnTitle(field)}</strong>
                      {t('appeals.import.fieldSeparator')}
                      {message}
                    </li>
                  ))}
                </ul>
              ) : row.status === 'duplicate' ? (
                <span className="s-small">{t('appeals.import.duplicateHint')}</span>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  )
}
