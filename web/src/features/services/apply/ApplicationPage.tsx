import { Slot } from '../../../app/slots'
import { Button, ErrorBlock, Tag } from 'antd-mobile'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../../ui/format'
import type { FormDefinition } from '../../../ui/json-form/form-logic'
import { ReadOnlyForm } from '../../../ui/json-form/ReadOnlyForm'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { APPLICATION_STATE_LABELS } from '../application-labels'
import { DeskCard } from '../mobile/DeskCard'
import { SupplementAnswerCard } from '../mobile/SupplementAnswerCard'
import { ToleranceCommitmentCard } from '../mobile/ToleranceCommitmentCard'
import { servicesApi, type Application } from '../services.api'
import { servicesPaths } from '../services-paths'
import { clockOf } from './application-clock'
import { ApplicationCertificate } from './ApplicationCertificate'
import { ApplicationNotices, ApplicationTimeline } from './ApplicationHistory'
import './apply.css'

/**
 * `/services/applications/:id`: one application — its state and the clock in words, what to do now
 * (补正, 容缺承诺, continue a draft), the certificate an approval issued, the 办不成事 desk when it is
 * blocked, the timeline and every notice, then what was given.
 */
export function ApplicationPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('services.application.title')} back={servicesPaths.mine}>
      <RequireEnterpriseUser>{() => <ApplicationView id={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

const DECISION_NOTICES = ['approval', 'refusal', 'not_accepted']

function ApplicationView({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  // an answer (supplement, commitment) reloads everything: state, timeline and notices move together
  const [round, setRound] = useState(0)
  const loaded = useLoad(
    () =>
      Promise.all([
        servicesApi.application(id),
        servicesApi.form(id),
        servicesApi.timeline(id),
        servicesApi.notices(id),
      ]),
    [id, i18n.language, round],
  )
  const matterId = loaded.data?.[0].status === 'submitted' ? loaded.data[0].matterId : null
  const guide = useLoad(
    () => (matterId ? servicesApi.matter(matterId) : Promise.resolve(null)),
    [matterId, i18n.language],
  )
  if (loaded.error && !loaded.data)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(loaded.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!loaded.data) return <PageLoading />
  const [application, content, timeline, notices] = loaded.data
  const reload = () => setRound((r) => r + 1)
  const answering = application.status === 'supplement_requested' && !application.supplementAnsweredAt
  // the supplement card says its own deadline: the status does not say it twice
  const clock = answering ? null : clockOf(application)
  const instant = timeline.items.some((e) => e.type === 'submit' && e.data.instant === true)
  const decision = [...notices.items].reverse().find((n) => DECISION_NOTICES.includes(n.kind))
  const uploadable = content.materials.filter((m) => m.state !== 'platform' && m.state !== 'certificate')
  return (
    <div className="apply">
      <section className="m-section" aria-label={t('services.application.status')}>
        <h2 className="m-section-title">{application.title}</h2>
        <Tag color={tagColor(application.status)} fill="outline">
          {t(APPLICATION_STATE_LABELS[application.status])}
        </Tag>
        {clock ? (
          <p className="apply-clock" data-testid="application-clock">
            {t(`services.clock.${clock.key}`, { date: clock.date })}
          </p>
        ) : null}
        {instant && application.status === 'approved' ? (
          <Banner tone="info" text={t('services.application.instantApproved')} />
        ) : null}
        {application.status === 'not_accepted' && application.notAcceptedReason ? (
          <Banner
            tone="alert"
            text={t('services.application.notAccepted', {
              reason: application.notAcceptedReason,
              referTo: application.notAcceptedReferTo ?? '—',
            })}
          />
        ) : null}
        <dl className="m-matter-facts">
          <dt>{t('services.application.created')}</dt>
          <dd>{formatDateTime(application.createdAt, i18n.language)}</dd>
          {application.submittedAt ? (
            <>
              <dt>{t('services.application.submitted')}</dt>
              <dd>{formatDateTime(application.submittedAt, i18n.language)}</dd>
            </>
          ) : null}
        </dl>
        {content.editable ? (
          <Button block color="primary" onClick={() => void navigate(servicesPaths.apply(id))}>
            {t(
              application.status === 'draft' ? 'services.application.continue' : 'services.application.edit',
            )}
          </Button>
        ) : null}
      </section>
      {answering ? (
        <SupplementAnswerCard
          application={application}
          materials={uploadable.map((m) => m.name)}
          onAnswered={reload}
        />
      ) : null}
      {application.status === 'accepted' &&
      application.toleranceDueAt &&
      !application.toleranceFulfilledAt &&
      application.toleranceItems.length > 0 ? (
        <SupplementAnswerCard
          kind="tolerance"
          application={application}
          materials={uploadable.map((m) => m.name)}
          onAnswered={reload}
        />
      ) : null}
      {application.status === 'submitted' && guide.data && guide.data.toleranceMaterials.length > 0 ? (
        <ToleranceCommitmentCard
          application={application}
          materials={guide.data.toleranceMaterials}
          onSigned={reload}
        />
      ) : null}
      {application.status === 'approved' ? <ApplicationCertificate applicationId={id} /> : null}
      {application.status === 'approved' ||
      application.status === 'refused' ||
      application.status === 'not_accepted' ? (
        <Slot
          name="case.rating"
          subjectType="application"
          subjectId={id}
          stage="final"
          enterpriseId={application.enterpriseId}
        />
      ) : null}
      <DeskCard key={`${application.status}-${round}`} applicationId={id} />
      <ApplicationTimeline items={timeline.items} />
      <ApplicationNotices items={notices.items} open={decision?.id} />
      {content.form ? (
        <section aria-label={t('services.application.content')}>
          <ReadOnlyForm form={content.form as FormDefinition} data={content.data} />
        </section>
      ) : null}
      {content.materials.length > 0 ? (
        <section className="m-section" aria-label={t('services.application.materials')}>
          <h2 className="m-section-title">{t('services.application.materials')}</h2>
          <ul className="apply-files">
            {content.materials.map((m) => (
              <li key={m.name}>
                <span>{m.name}</span>
                <span className="m-muted">
                  {m.state === 'platform'
                    ? t('services.apply.platform')
                    : m.state === 'certificate'
                      ? t('services.apply.certificate')
                      : m.files.map((f) => f.fileName).join('、') || '—'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}

function tagColor(status: Application['status']) {
  if (status === 'approved') return 'success'
  if (status === 'refused' || status === 'not_accepted' || status === 'terminated') return 'danger'
  if (status === 'supplement_requested') return 'warning'
  return 'primary'
}
