import { Button, ErrorBlock, List, ProgressBar, Tag, Toast } from 'antd-mobile'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ApiError, errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { bundlePaths, bundlesApi, type BundleApplication } from '../bundles.api'
import { SchemaFields } from './SchemaFields'
import '../public/bundles.css'

const AUTOSAVE_MS = 1200

/** The combined status's colour: done green, needs attention red, in progress blue. */
const STATUS_COLORS = {
  draft: 'default',
  in_progress: 'primary',
  needs_attention: 'danger',
  done: 'success',
} as const satisfies Record<BundleApplication['status'], string>

/**
 * `/bundle-applications/:id`: while a draft, the one merged form (autosaved) and one submit; then
 * the combined status with each part's department, state and clock, and the result pack.
 */
export function BundleApplicationPage() {
  const { t } = useTranslation()
  return (
    <MobilePage title={t('services.bundles.application')} back={bundlePaths.mine}>
      <RequireEnterpriseUser>{() => <Loader />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function Loader() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const [application, setApplication] = useState<BundleApplication>()
  const [error, setError] = useState<unknown>()
  useEffect(() => {
    bundlesApi.application(id).then(setApplication, setError)
  }, [id])
  if (error)
    return <ErrorBlock status="default" title={errorMessage(error, t('errors.loadFailed'))} description="" />
  if (!application) return <PageLoading />
  return application.status === 'draft' ? (
    <DraftForm application={application} onSubmitted={setApplication} />
  ) : (
    <Status application={application} />
  )
}

function DraftForm({
  application,
  onSubmitted,
}: {
  application: BundleApplication
  onSubmitted: (a: BundleApplication) => void
}) {
  const { t, i18n } = useTranslation()
  const [values, setValues] = useState<Record<string, unknown>>(application.formData)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [savedAt, setSavedAt] = useState(application.savedAt)
  const [isSubmitting, setSubmitting] = useState(false)
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined)
  // what the next autosave sends: the newest answers, whatever render the timer fired from
  const latest = useRef(application.formData)

  const save = useCallback(async () => {
    clearTimeout(pending.current)
    const saved = await bundlesApi.save(application.id, latest.current)
    setSavedAt(saved.savedAt)
  }, [application.id])

  const change = (name: string, value: unknown) => {
    const next = { ...latest.current }
    if (value === undefined) delete next[name]
    else next[name] = value
    latest.current = next
    setValues(next)
    clearTimeout(pending.current)
    pending.current = setTimeout(() => void save().catch(() => undefined), AUTOSAVE_MS)
  }
  useEffect(() => () => clearTimeout(pending.current), [])

  const submit = async () => {
    setSubmitting(true)
    try {
      await save()
      const submitted = await bundlesApi.submit(application.id)
      Toast.show({ content: t('services.bundles.submitted'), icon: 'success' })
      onSubmitted(submitted)
    } catch (e) {
      setErrors(e instanceof ApiError ? e.fields : {})
      Toast.show({ content: errorMessage(e, t('errors.loadFailed')), icon: 'fail' })
    } finally {
      setSubmitting(false)
    }
  }

  const hasForm = Object.keys(application.form).length > 0
  return (
    <>
      <section className="m-section">
        <h2 className="m-section-title">{application.bundleName}</h2>
        <p className="m-muted">
          {t('services.bundles.formIntro', {
            count: application.parts.length,
            days: application.promisedLimitDays,
          })}
        </p>
        {hasForm ? (
          <SchemaFields form={application.form} values={values} errors={errors} onChange={change} />
        ) : (
          <p>{t('services.bundles.noForm')}</p>
        )}
        {Object.entries(errors)
          .filter(([k]) => k.startsWith('parts.'))
          .map(([k, message]) => (
            <p key={k} className="m-schema-error" role="alert">
              {message}
            </p>
          ))}
        <p className="m-muted m-bundle-sub" aria-live="polite">
          {t('services.bundles.savedAt', { at: formatDateTime(savedAt, i18n.language) })}
        </p>
      </section>
      <div className="m-bundle-actions">
        <Button block color="primary" size="large" loading={isSubmitting} onClick={() => void submit()}>
          {t('services.bundles.submit')}
        </Button>
      </div>
    </>
  )
}

function Status({ application }: { application: BundleApplication }) {
  const { t, i18n } = useTranslation()
  const { counts } = application
  const download = async () => {
    const pack = await bundlesApi.results(application.id)
    const blob = new Blob([JSON.stringify(pack, null, 2)], { type: 'application/json' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = `${application.bundleName}-${application.id.slice(0, 8)}.json`
    a.click()
    URL.revokeObjectURL(url)
  }
  return (
    <>
      <section className="m-section">
        <div className="m-bundle-status">
          <h2 className="m-section-title">{application.bundleName}</h2>
          <Tag color={STATUS_COLORS[application.status]}>
            {t(`services.bundles.status.${application.status}`)}
          </Tag>
        </div>
        <ProgressBar percent={counts.total ? (counts.approved / counts.total) * 100 : 0} />
        <p className="m-muted">
          {t('services.bundles.counts', {
            approved: counts.approved,
            inProgress: counts.inProgress,
            needsAttention: counts.needsAttention,
          })}
        </p>
        {application.promisedDueAt ? (
          <p>
            {t('services.bundles.promisedDue', {
              at: formatDateTime(application.promisedDueAt, i18n.language),
            })}
          </p>
        ) : null}
      </section>
      <section className="m-section" aria-label={t('services.bundles.parts')}>
        <h2 className="m-section-title">{t('services.bundles.parts')}</h2>
        <List>
          {application.parts.map((p) => (
            <List.Item
              key={p.applicationId}
              description={
                <>
                  {p.departmentName}
                  {p.dueAt
                    ? ` · ${t('services.bundles.dueAt', { at: formatDateTime(p.dueAt, i18n.language) })}`
                    : ''}
                </>
              }
              extra={t(`services.bundles.partStates.${p.status}`)}
            >
              {p.matterName}
            </List.Item>
          ))}
        </List>
      </section>
      <div className="m-bundle-actions">
        <Button block size="large" onClick={() => void download()}>
          {t('services.bundles.downloadPack')}
        </Button>
      </div>
    </>
  )
}
