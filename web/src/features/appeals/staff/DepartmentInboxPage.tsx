import { Alert, Card, Tabs } from 'antd'
import { TabLabel } from '../../../ui/staff/TabLabel'
import { useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { appealsApi, type InboxView } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'
import { AppealTable, TABLE_PAGE_SIZE } from './AppealTable'

/**
 * `/staff/appeals/inbox` (handler, department head): what my department holds, nearest deadline
 * first. Department heads also get the replies waiting for their approval.
 */
export function DepartmentInboxPage() {
  const { t, tx, language } = useAppealText()
  const { me } = useSession()
  const [params, setParams] = useSearchParams()
  const isHead = hasStaffRole(me, 'department_head')
  const views: InboxView[] = isHead ? ['open', 'approvals', 'closed'] : ['open', 'closed']
  const requested = params.get('view') as InboxView | null
  const view: InboxView = requested && views.includes(requested) ? requested : 'open'
  const page = Math.max(1, Number(params.get('page')) || 1)

  const list = useLoad(
    () => appealsApi.inbox({ view, limit: TABLE_PAGE_SIZE, offset: (page - 1) * TABLE_PAGE_SIZE }),
    [view, page, language],
  )

  const counts = useLoad(() => appealsApi.inboxCounts(), [list.data?.total, view])

  const go = (next: { view?: InboxView; page?: number }) => {
    const search = new URLSearchParams()
    search.set('view', next.view ?? view)
    if (next.page && next.page > 1) search.set('page', String(next.page))
    setParams(search)
  }

  return (
    <>
      <PageHeader
        title={t('appeals.inbox.title')}
        subtitle={
          me?.department ? t('appeals.inbox.subtitle', { department: me.department.name }) : undefined
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => go({ view: key as InboxView })}
          items={views.map((key) => ({
            key,
            label: <TabLabel label={tx(`appeals.inbox.views.${key}`)} count={counts.data?.[key]} />,
          }))}
        />
        {list.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(list.error, t('errors.loadFailed'))}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <AppealTable
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={page}
          onPage={(next) => go({ page: next })}
          loading={list.isLoading}
          empty={{
            title: tx(`appeals.inbox.empty.${view}.title`),
            why: tx(`appeals.inbox.empty.${view}.why`),
          }}
        />
      </Card>
    </>
  )
}
