import { Alert, Card, Col, Row, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, errorMessage } from '../api'
import { useLoad } from '../../ui/use-load'

type WorkItem = { key: string; count: number; path: string }

/** Things that need someone now, shown in red when there are any (the rest are neutral counts). */
const URGENT = new Set([
  'appeals.overdue',
  'appeals.departmentOverdue',
  'benefits.overdue',
  'supervision.open',
  'reports.overdue',
])

/**
 * What waits for me and my department, first on the console's home: each count is the length of the
 * list it opens (GET /worklist), so the number and the list agree.
 */
export function WorklistCard() {
  const { t } = useTranslation()
  const tx = t as unknown as (key: string) => string
  const work = useLoad(() => api.get<{ items: WorkItem[] }>('/worklist'), [])
  if (work.error)
    return <Alert type="error" showIcon title={errorMessage(work.error, t('errors.loadFailed'))} />
  const items = work.data?.items ?? []
  return (
    <Card
      title={<h2 className="s-card-title">{t('staff.work.title')}</h2>}
      loading={!work.data}
      style={{ marginBottom: 16 }}
    >
      {items.length === 0 ? (
        <span className="s-empty">{t('staff.work.nothing')}</span>
      ) : (
        <Row gutter={[16, 16]}>
          {items.map((item) => (
            <Col key={item.key} xs={12} md={8} xl={6}>
              <Link
                to={item.path}
                className="s-work-item"
                aria-label={`${tx(`staff.work.${item.key}`)} ${item.count}`}
              >
                <Statistic
                  title={tx(`staff.work.${item.key}`)}
                  value={item.count}
                  styles={{
                    content: { color: item.count > 0 && URGENT.has(item.key) ? '#cf1322' : undefined },
                  }}
                />
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  )
}
