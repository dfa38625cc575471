import { Button, ErrorBlock } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { formatDateTime } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { ReasonSection } from '../../../ui/mobile/ReasonSection'
import { useLoad } from '../../../ui/use-load'
import { REASON_MAX, REASON_MIN } from '../appeal-form'
import { clockState, currentResolutionClock, isClosedStatus } from '../appeal-labels'
import { appealsApi, type EnterpriseAppeal, type RatingBody } from '../appeals.api'
import { useAppealText } from '../use-appeal-text'
import { AppealStatusTag } from './AppealStatusTag'
import { AppealTimeline } from './AppealTimeline'
import { AttachmentLinks } from './AttachmentLinks'
import { RatingForm } from './RatingForm'
import { Slot } from '../../../app/slots'

/** `/appeals/:id`: where my appeal stands, every step so far, the answers, and what I can do now. */
export function AppealDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('appeals.detail.title')} back={paths.appeals}>
      <RequireEnterpriseUser>{() => <AppealDetailView id={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function AppealDetailView({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const appeal = useLoad(() => appealsApi.getMine(id), [id, i18n.language])
  const [notice, setNotice] = useState<string>()

  if (appeal.error && !appeal.data)
    return (
      <>
        <ErrorBlock
          status="empty"
          title={errorMessage(appeal.error, t('errors.loadFailed'))}
          description={t('appeals.detail.notFoundHint')}
        />
        <div className="m-button-stack m-after-block">
          <Button block size="large" color="primary" onClick={() => void navigate(paths.appeals)}>
            {t('appeals.detail.backToMine')}
          </Button>
        </div>
      </>
    )
  if (!appeal.data) return <PageLoading />
  const data = appeal.data
  const can = (action: string) => data.allowedActions.includes(action)

  const changed = (updated: EnterpriseAppeal, message: string) => {
    appeal.setData(updated)
    setNotice(message)
    window.scrollTo(0, 0)
  }

  return (
    <>
      <Banner tone="info" text={notice} />
      <Summary appeal={data} />
      <Slot name="appeal.problemClasses" appealId={data.id} />

      {data.replies.length ? (
        <section className="m-section" aria-labelledby="replies-title">
          <h2 id="replies-title" className="m-section-title">
            {t('appeals.detail.replies')}
          </h2>
          {data.replies.map((reply) => (
            <article
              key={reply.id}
              className="m-reply"
              aria-label={t('appeals.detail.replyFrom', { department: reply.departmentName })}
            >
              <p className="m-muted" style={{ margin: 0 }}>
                {reply.departmentName} · {formatDateTime(reply.writtenAt, i18n.language)}
                {reply.cycle > 1 ? ` · ${t('appeals.detail.round', { cycle: reply.cycle })}` : ''}
              </p>
              <p className="m-prewrap" style={{ margin: '6px 0 0' }}>
                {reply.body}
              </p>
              <AttachmentLinks attachments={reply.attachments} label={t('appeals.detail.replyAttachments')} />
            </article>
          ))}
        </section>
      ) : null}

      {can('confirm') ? (
        <section className="m-section" aria-labelledby="rating-title">
          <h2 id="rating-title" className="m-section-title">
            {t('appeals.rating.title')}
          </h2>
          <p className="m-muted" style={{ marginTop: 0 }}>
            {t('appeals.rating.intro')}
          </p>
          <RatingForm
            name="rating"
            submitText={t('appeals.rating.submit')}
            warnReopen
            onSubmit={async (body: RatingBody) => {
              const updated = await appealsApi.rate(data.id, body)
              changed(
                updated,
                updated.status === 'closed'
                  ? t('appeals.rating.thanksClosed')
                  : t('appeals.rating.thanksReopened'),
              )
            }}
          />
        </section>
      ) : null}

      <section className="m-section" aria-labelledby="body-title">
        <h2 id="body-title" className="m-section-title">
          {t('appeals.fields.body')}
        </h2>
        {data.applicationId ? (
          <p className="m-muted" style={{ marginTop: 0 }}>
            {t('appeals.fromApplication', { id: data.applicationId })}
          </p>
        ) : null}
        <p className="m-prewrap" style={{ margin: 0 }}>
          {data.body}
        </p>
        <AttachmentLinks attachments={data.attachments} label={t('appeals.fields.attachments')} />
      </section>

      <section className="m-section" aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="m-section-title">
          {t('appeals.detail.timeline')}
        </h2>
        <AppealTimeline events={data.timeline} />
      </section>

      {can('withdraw') ? (
        <WithdrawSection
          appealId={data.id}
          onDone={(updated) => changed(updated, t('appeals.withdraw.done'))}
        />
      ) : null}

      {data.allowedActions.includes('answer_return_visit') ? <ReturnVisitSection appealId={data.id} /> : null}
    </>
  )
}

function Summary({ appeal }: { appeal: EnterpriseAppeal }) {
  const { t } = useTranslation()
  const text = useAppealText()
  const clock = currentResolutionClock(appeal.clocks)
  const state = clock ? clockState(clock) : undefined
  const isLate = state === 'overdue' || state === 'missed'
  const lastRating = appeal.ratings.at(-1)

  return (
    <section className="m-section" aria-labelledby="appeal-title">
      <div className="m-appeal-card-head">
        <span className="m-muted">{appeal.number}</span>
        <AppealStatusTag status={appeal.status} />
      </div>
      <h2 id="appeal-title" className="m-section-title" style={{ marginTop: 6 }}>
        {appeal.title}
      </h2>
      <dl className="m-kv">
        <dt>{t('appeals.fields.category')}</dt>
        <dd>{appeal.categoryName}</dd>
        <dt>{t('appeals.fields.enterpriseName')}</dt>
        <dd>{appeal.enterpriseName}</dd>
        <dt>{t('appeals.fields.department')}</dt>
        <dd>{appeal.leadDepartment?.name ?? t('appeals.detail.notDispatched')}</dd>
        <dt>{t('appeals.fields.createdAt')}</dt>
        <dd>{formatDateTime(appeal.createdAt, text.language)}</dd>
        <dt>{t('appeals.fields.resolutionDue')}</dt>
        <dd>
          {clock?.dueAt
            ? formatDateTime(clock.dueAt, text.language)
            : clock?.stoppedAt
              ? t('appeals.detail.stoppedAt', { at: formatDateTime(clock.stoppedAt, text.language) })
              : t('appeals.detail.noDeadlineYet')}
          {isLate ? (
            <>
              {' '}
              <strong className="m-overdue">{t('appeals.overdue')}</strong>
            </>
          ) : state === 'paused' ? (
            <span className="m-muted"> {t('appeals.clockStates.paused')}</span>
          ) : state === 'met' ? (
            <span className="m-success-text"> {t('appeals.clockStates.met')}</span>
          ) : null}
        </dd>
        {appeal.statusReason && isClosedStatus(appeal.status) ? (
          <>
            <dt>{t('appeals.fields.statusReason')}</dt>
            <dd>{appeal.statusReason}</dd>
          </>
        ) : null}
        {lastRating ? (
          <>
            <dt>{t('appeals.fields.myRating')}</dt>
            <dd>
              {lastRating.solved ? t('appeals.solvedYes') : t('appeals.solvedNo')}
              {lastRating.level ? ` · ${text.level(lastRating.level)}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

function WithdrawSection({
  appealId,
  onDone,
}: {
  appealId: string
  onDone: (updated: EnterpriseAppeal) => void
}) {
  const { t } = useTranslation()
  return (
    <ReasonSection
      name="withdraw"
      title={t('appeals.withdraw.title')}
      intro={t('appeals.withdraw.intro')}
      openLabel={t('appeals.withdraw.open')}
      reasonLabel={t('appeals.withdraw.reason')}
      placeholder={t('appeals.withdraw.reasonPlaceholder')}
      confirmLabel={t('appeals.withdraw.confirm')}
      minLength={REASON_MIN}
      maxLength={REASON_MAX}
      onSubmit={async (reason) => onDone(await appealsApi.withdraw(appealId, { reason }))}
    />
  )
}

/**
 * The return-visit survey, offered while a visit waits for this enterprise (allowedActions has
 * answer_return_visit); a visit answered meanwhile elsewhere (404) is said plainly.
 */
function ReturnVisitSection({ appealId }: { appealId: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<'closed' | 'open' | 'none' | 'done'>('closed')

  return (
    <section className="m-section" aria-labelledby="visit-title">
      <h2 id="visit-title" className="m-section-title">
        {t('appeals.returnVisit.title')}
      </h2>
      {state === 'done' ? (
        <p role="status" style={{ margin: 0 }}>
          {t('appeals.returnVisit.thanks')}
        </p>
      ) : state === 'none' ? (
        <p role="status" className="m-muted" style={{ margin: 0 }}>
          {t('appeals.returnVisit.nonePending')}
        </p>
      ) : state === 'open' ? (
        <RatingForm
          name="return-visit"
          submitText={t('appeals.returnVisit.submit')}
          warnReopen={false}
          onSubmit={async (body) => {
            try {
              await appealsApi.answerReturnVisit(appealId, body)
              setState('done')
            } catch (error) {
              if (isApiError(error, 'NOT_FOUND')) setState('none')
              else throw error
            }
          }}
        />
      ) : (
        <>
          <p className="m-muted" style={{ marginTop: 0 }}>
            {t('appeals.returnVisit.intro')}
          </p>
          <Button block size="large" color="primary" fill="outline" onClick={() => setState('open')}>
            {t('appeals.returnVisit.open')}
          </Button>
        </>
      )}
    </section>
  )
}
