import { Alert, Button, Card, Input, Tabs } from 'antd'
import { TabLabel } from '../../../ui/staff/TabLabel'
import { useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { appealsApi, QUEUE_VIEWS, type QueueView } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'
import { AppealTable, TABLE_PAGE_SIZE } from './AppealTable'

const isQueueView = (value: string | null): value is QueueView =>
  !!value && (QUEUE_VIEWS as readonly string[]).includes(value)

/**
 * `/staff/appeals/queue`: the task force's pool — triage, dispatched, returned, arbitration, overdue,
 * extension requests, everything open, everything. Bureau leaders and admins read it. The view,
 * search and page live in the URL, so "back" from a case returns to the same list.
 */
export function AppealQueuePage() {
  const { t, tx, language } = useAppealText()
  const { me } = useSession()
  const [params, setParams] = useSearchParams()
  const view: QueueView = isQueueView(params.get('view')) ? (params.get('view') as QueueView) : 'triage'
  const q = params.get('q') ?? ''
  const page = Math.max(1, Number(params.get('page')) || 1)
  const isDispatcher = hasStaffRole(me, 'dispatcher')

  const list = useLoad(
    () =>
      appealsApi.queue({
        view,
        q: q || undefined,
        limit: TABLE_PAGE_SIZE,
        offset: (page - 1) * TABLE_PAGE_SIZE,
      }),
    [view, q, page, language],
  )

  // Each tab says how many it lists: counted again when the list changes (an action elsewhere).
  const counts = useLoad(() => appealsApi.queueCounts(), [list.data?.total, view])

  const go = (next: { view?: QueueView; q?: string; page?: number }) => {
    const merged = { view, q, page: 1, ...next }
    const search = new URLSearchParams()
    search.set('view', merged.view)
    if (merged.q) search.set('q', merged.q)
    if (merged.page > 1) search.set('page', String(merged.page))
    setParams(search)
  }

  return (
    <>
      <PageHeader
        title={t('appeals.queue.title')}
        subtitle={isDispatcher ? t('appeals.queue.subtitle') : t('appeals.queue.subtitleReadOnly')}
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => go({ view: key as QueueView })}
          items={QUEUE_VIEWS.map((key) => ({
            key,
            label: <TabLabel label={tx(`appeals.queue.views.${key}`)} count={counts.data?.[key]} />,
          }))}
        />
        <div className="s-toolbar">
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            aria-label={t('appeals.queue.search')}
            placeholder={t('appeals.queue.searchPlaceholder')}
            enterButton={t('common.search')}
            onSearch={(value) => go({ q: value.trim() })}
            style={{ maxWidth: 420 }}
          />
        </div>
        {list.error ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(list.error, t('errors.loadFailed'))}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {q && view !== 'all' && list.data && list.data.total === 0 ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('appeals.queue.noneInView', { view: tx(`appeals.queue.views.${view}`) })}
            action={
              <Button size="small" onClick={() => go({ view: 'all', q })}>
                {t('appeals.queue.searchAll')}
              </Button>
            }
          />
        ) : null}
        <AppealTable
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={page}
          onPage={(next) => go({ page: next })}
          loading={list.isLoading}
          empty={
            q
              ? {
                  title: t('appeals.queue.empty.searchTitle', { q }),
                  why: t('appeals.queue.empty.searchWhy'),
                }
              : { title: tx(`appeals.queue.empty.${view}.title`), why: tx(`appeals.queue.empty.${view}.why`) }
          }
        />
      </Card>
    </>
  )
}
