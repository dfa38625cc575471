import { Card, ErrorBlock, ProgressBar, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatIsoDate } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { actionPlansApi, type PublicPlanTaskStatus } from '../action-plans.api'
import './action-plan.css'

const STATUS_COLORS: Record<PublicPlanTaskStatus, string> = {
  not_started: 'default',
  in_progress: 'primary',
  under_review: 'warning',
  done: 'success',
}

/**
 * `/action-plan`: the action plan's progress for anyone, no sign-in — areas, tasks, owner units,
 * deadlines, status and progress (the server's allow-list: no notes, no evidence). Phone first.
 */
export function ActionPlanPage() {
  const { t, i18n } = useTranslation()
  const plan = useLoad(() => actionPlansApi.publicPlan(), [i18n.language])
  const data = plan.data
  return (
    <MobilePage title={t('actionPlans.public.title')} back={paths.home}>
      <p className="m-plan-intro">{t('actionPlans.public.intro')}</p>
      {plan.error ? (
        <ErrorBlock
          status="default"
          title={errorMessage(plan.error, t('errors.loadFailed'))}
          description=""
        />
      ) : !data ? (
        <PageLoading />
      ) : data.totals.tasks === 0 ? (
        <ErrorBlock status="empty" title={t('actionPlans.public.empty')} description="" />
      ) : (
        <>
          <p className="m-plan-totals">
            {t('actionPlans.public.totals', data.totals)}
            <span className="m-plan-asof">
              {' '}
              · {t('actionPlans.public.asOf', { date: formatIsoDate(data.asOf) })}
            </span>
          </p>
          {data.areas
            .filter((area) => area.tasks.length > 0)
            .map((area) => (
              <section key={area.id} className="m-plan-area" aria-labelledby={`area-${area.id}`}>
                <h2 id={`area-${area.id}`} className="m-plan-area-name">
                  {area.name}
                </h2>
                {area.summary ? <p className="m-plan-area-summary">{area.summary}</p> : null}
                {area.tasks.map((task) => (
                  <Card key={task.id} className="m-plan-card" data-task-id={task.id}>
                    <h3 className="m-plan-task-title">{task.title}</h3>
                    <div className="m-plan-tags">
                      <Tag color={STATUS_COLORS[task.status]}>
                        {t(`actionPlans.public.statuses.${task.status}`)}
                      </Tag>
                      {task.overdue ? <Tag color="danger">{t('actionPlans.public.overdue')}</Tag> : null}
                    </div>
                    <ProgressBar percent={task.progress} text className="m-plan-progress" />
                    <div className="m-plan-meta">
                      <span>{t('actionPlans.public.owner', { owner: task.ownerName })}</span>
                      <span>{t('actionPlans.public.deadline', { date: formatIsoDate(task.deadline) })}</span>
                    </div>
                    <p className="m-plan-text">
                      {t('actionPlans.public.expected', { text: task.expectedOutput })}
                    </p>
                  </Card>
                ))}
              </section>
            ))}
        </>
      )}
      <p className="m-plan-footnote">{t('actionPlans.public.footnote')}</p>
    </MobilePage>
  )
}
