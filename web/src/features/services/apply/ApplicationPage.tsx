import { Button, ErrorBlock, Tag } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../../ui/format'
import type { FormDefinition } from '../../../ui/json-form/form-logic'
import { ReadOnlyForm } from '../../../ui/json-form/ReadOnlyForm'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { APPLICATION_STATE_LABELS } from '../application-labels'
import { servicesApi } from '../services.api'
import { servicesPaths } from '../services-paths'
import './apply.css'

/**
 * `/services/applications/:id`: one application — its state and dates, what was given, its
 * materials. The review and intake work add the timeline, the notices, supplements and 容缺 here.
 */
export function ApplicationPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('services.application.title')} back={servicesPaths.mine}>
      <RequireEnterpriseUser>{() => <Application id={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function Application({ id }: { id: string }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const loaded = useLoad(
    () => Promise.all([servicesApi.application(id), servicesApi.form(id)]),
    [id, i18n.language],
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
  const [application, content] = loaded.data
  return (
    <div className="apply">
      <section className="m-section" aria-label={t('services.application.status')}>
        <h2 className="m-section-title">{application.title}</h2>
        <Tag color={application.status === 'approved' ? 'success' : 'primary'} fill="outline">
          {t(APPLICATION_STATE_LABELS[application.status])}
        </Tag>
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
            {t('services.application.continue')}
          </Button>
        ) : (
          <p className="m-muted">{t('services.application.timelineLater')}</p>
        )}
      </section>
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
