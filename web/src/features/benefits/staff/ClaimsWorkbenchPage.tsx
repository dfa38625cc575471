import { Alert, Card, Tabs } from 'antd'
import { TabLabel } from '../../../ui/staff/TabLabel'
import { useSearchParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { hasStaffRole, useSession } from '../../../app/session'
import { PageHeader } from '../../../ui/staff/PageHeader'
import { useLoad } from '../../../ui/use-load'
import { benefitsApi, CLAIM_VIEWS, type ClaimView } from '../benefits.api'
import { useBenefitText } from '../use-benefit-text'
import { CLAIMS_PAGE_SIZE, ClaimTable } from './ClaimTable'
import '../../../ui/staff/policy-pages.css'
import './benefits-staff.css'

const isView = (value: string | null): value is ClaimView =>
  !!value && (CLAIM_VIEWS as readonly string[]).includes(value)

/**
 * `/staff/benefits/claims`: the paying department's claims — applications to review (nearest
 * deadline first), the overdue ones, those waiting for a supplement, approved ones to pay, consents
 * waiting for the payout list, closed ones. The bureau reads every department's. View and page in
 * the URL, so "back" from a claim returns to the same list.
 */
export function ClaimsWorkbenchPage() {
  const { t, tx, language } = useBenefitText()
  const { me } = useSession()
  const [params, setParams] = useSearchParams()
  const view: ClaimView = isView(params.get('view')) ? (params.get('view') as ClaimView) : 'review'
  const page = Math.max(1, Number(params.get('page')) || 1)
  const isDepartment = hasStaffRole(me, 'handler', 'department_head')
  const list = useLoad(
    () => benefitsApi.claims({ view, limit: CLAIMS_PAGE_SIZE, offset: (page - 1) * CLAIMS_PAGE_SIZE }),
    [view, page, language],
  )
  const counts = useLoad(() => benefitsApi.claimCounts(), [list.data?.total, view])
  const go = (next: { view?: ClaimView; page?: number }) => {
    const merged = { view, page: 1, ...next }
    const search = new URLSearchParams({ view: merged.view })
    if (merged.page > 1) search.set('page', String(merged.page))
    setParams(search)
  }
  return (
    <>
      <PageHeader
        title={t('benefits.staff.claimsTitle')}
        subtitle={
          isDepartment ? t('benefits.staff.claimsSubtitle') : t('benefits.staff.claimsSubtitleBureau')
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view}
          onChange={(key) => go({ view: key as ClaimView })}
          items={CLAIM_VIEWS.map((key) => ({
            key,
            label: <TabLabel label={tx(`benefits.staff.views.${key}`)} count={counts.data?.[key]} />,
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
        <ClaimTable
          items={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={page}
          onPage={(next) => go({ page: next })}
          loading={list.isLoading}
          empty={{
            title: tx(`benefits.staff.empty.${view}.title`),
            why: tx(`benefits.staff.empty.${view}.why`),
          }}
        />
      </Card>
    </>
  )
}
