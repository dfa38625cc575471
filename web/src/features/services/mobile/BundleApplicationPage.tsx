import { Button, Dialog, ErrorBlock, List, ProgressBar, Tag, Toast } from 'antd-mobile'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ApiError, errorMessage } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { formatDateTime } from '../../../ui/format'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { bundlePaths, bundlesApi, type BundleApplication } from '../bundles.api'
import { JsonForm } from '../../../ui/json-form/JsonForm'
import { withPrefill, type FormData, type FormDefinition } from '../../../ui/json-form/form-logic'
import { BundleMaterials } from './BundleMaterials'
import '../public/bundles.css'

const AUTOSAVE_MS = 1200

/** The combined status's colour: done green, needs attention red, in progress blue. */
const STATUS_COLORS = {
  draft: 'default',
  in_progress: 'primary',
  needs_attention: 'danger',
  done: 'success',
  withdrawn: 'default',
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
    <DraftForm application={application} onChanged={setApplication} />
  ) : (
    <Status application={application} onChanged={setApplication} />
  )
}

function DraftForm({
  application,
  onChanged,
}: {
  application: BundleApplication
  onChanged: (a: BundleApplication) => void
}) {
  const { t, i18n } = useTranslation()
  const form = hasSchema(application.form) ? (application.form as FormDefinition) : null
  const prefilled = useMemo(
    () => withPrefill(application.formData, application.prefill.values),
    // the prefill is read once, when the draft is opened on this page
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [application.id],
  )
  const [data, setData] = useState<FormData>(prefilled)
  const [issues, setIssues] = useState<Record<string, string>>({})
  const [materials, setMaterials] = useState(application.materials)
  const [savedAt, setSavedAt] = useState(application.savedAt)
  const [isSubmitting, setSubmitting] = useState(false)

  const change = useCallback((name: string, value: unknown) => {
    setData((d) => {
      const next = { ...d }
      if (value === undefined) delete next[name]
      else next[name] = value
      return next
    })
    // an answer given clears its message; the next submission checks again
    setIssues((current) => {
      if (!(name in current)) return current
      const rest = { ...current }
      delete rest[name]
      return rest
    })
  }, [])

  // Autosave a moment after typing stops, as a single application's form; prefilled values the first time too.
  const latest = useRef(data)
  const isFirst = useRef(true)
  const save = useCallback(async () => {
    const saved = await bundlesApi.save(application.id, latest.current)
    setSavedAt(saved.savedAt)
  }, [application.id])
  useEffect(() => {
    latest.current = data
    if (isFirst.current) {
      isFirst.current = false
      if (JSON.stringify(prefilled) === JSON.stringify(application.formData)) return
    }
    const timer = setTimeout(() => void save().catch(() => undefined), AUTOSAVE_MS)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- save reads the latest answers through a ref
  }, [data])

  const refreshMaterials = useCallback(async () => {
    setMaterials((await bundlesApi.application(application.id)).materials)
  }, [application.id])

  const submit = async () => {
    setSubmitting(true)
    try {
      await save()
      const submitted = await bundlesApi.submit(application.id)
      Toast.show({ content: t('services.bundles.submitted'), icon: 'success' })
      onChanged(submitted)
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields : {}
      setIssues(fields)
      const count = Object.keys(fields).length
      Toast.show({
        content:
          count > 0 ? t('services.bundles.incomplete', { count }) : errorMessage(e, t('errors.generic')),
        icon: 'fail',
      })
    } finally {
      setSubmitting(false)
    }
  }

  const refusals = Object.entries(issues).filter(([k]) => k.startsWith('parts.'))
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
        {form ? null : <p>{t('services.bundles.noForm')}</p>}
        <p className="m-muted m-bundle-sub" aria-live="polite">
          {t('services.bundles.savedAt', { at: formatDateTime(savedAt, i18n.language) })}
        </p>
      </section>
      {form ? <JsonForm form={form} data={data} issues={issues} onChange={change} /> : null}
      {materials.length > 0 ? (
        <BundleMaterials
          applicationId={application.id}
          materials={materials}
          issues={issues}
          onChanged={refreshMaterials}
        />
      ) : null}
      {refusals.length > 0 ? (
        <section className="m-section" role="alert">
          <p className="m-schema-error">{t('services.bundles.partsRefused')}</p>
          {refusals.map(([k, message]) => (
            <p key={k} className="m-schema-error">
              {message}
            </p>
          ))}
        </section>
      ) : null}
      <div className="m-bundle-actions">
        <Button block color="primary" size="large" loading={isSubmitting} onClick={() => void submit()}>
          {t('services.bundles.submit')}
        </Button>
      </div>
    </>
  )
}

const hasSchema = (form: Record<string, unknown>) => typeof form.schema === 'object' && form.schema !== null

/** Parts not yet decided: the bundle's withdrawal withdraws them (a decided part keeps its decision). */
const CLOSED = new Set(['approved', 'refused', 'not_accepted', 'withdrawn', 'terminated'])

function Status({
  application,
  onChanged,
}: {
  application: BundleApplication
  onChanged: (a: BundleApplication) => void
}) {
  const { t, i18n } = useTranslation()
  const { counts } = application
  const canWithdraw = application.parts.some((p) => !CLOSED.has(p.status))
  const withdraw = async () => {
    if (!(await Dialog.confirm({ content: t('services.bundles.withdrawConfirm') }))) return
    try {
      onChanged(await bundlesApi.withdraw(application.id))
      Toast.show({ content: t('services.bundles.withdrawn'), icon: 'success' })
    } catch (e) {
      Toast.show({ content: errorMessage(e, t('errors.generic')), icon: 'fail' })
    }
  }
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
        {canWithdraw ? (
          <Button block size="large" color="danger" fill="outline" onClick={() => void withdraw()}>
            {t('services.bundles.withdraw')}
          </Button>
        ) : null}
      </div>
    </>
  )
}
