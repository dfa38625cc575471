import { Button, ErrorBlock, ProgressBar, Toast } from 'antd-mobile'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import {
  visibleSections,
  withPrefill,
  type FormData,
  type FormDefinition,
} from '../../../ui/json-form/form-logic'
import { JsonForm } from '../../../ui/json-form/JsonForm'
import { ReadOnlyForm } from '../../../ui/json-form/ReadOnlyForm'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { servicesApi, type ApplicationFormView } from '../services.api'
import { servicesPaths } from '../services-paths'
import { MaterialsStep } from './MaterialsStep'
import './apply.css'

/** How long typing must stop before the draft is saved. */
const SAVE_AFTER_MS = 800

/** `/services/applications/:id/apply`: the form in steps, the materials, a last look, submit. */
export function ApplyPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('services.apply.title')} back={servicesPaths.mine}>
      <RequireEnterpriseUser>{() => <Apply id={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function Apply({ id }: { id: string }) {
  const { t } = useTranslation()
  const loaded = useLoad(() => servicesApi.form(id), [id])
  if (loaded.error && !loaded.data)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(loaded.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!loaded.data) return <PageLoading />
  if (!loaded.data.editable) return <NotEditable id={id} />
  return <ApplyForm view={loaded.data} />
}

function NotEditable({ id }: { id: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <div className="m-section">
      <p style={{ marginTop: 0 }}>{t('services.apply.notEditable')}</p>
      <Button block color="primary" onClick={() => void navigate(servicesPaths.application(id))}>
        {t('services.application.title')}
      </Button>
    </div>
  )
}

type SaveState = { status: 'idle' | 'saving' | 'saved' | 'failed'; at?: string }

const isBlank = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

function ApplyForm({ view }: { view: ApplicationFormView }) {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const id = view.applicationId
  const form = view.form as FormDefinition | null
  const prefilled = useMemo(() => withPrefill(view.data, view.prefill.values), [view])
  const [data, setData] = useState<FormData>(prefilled)
  const [issues, setIssues] = useState<Record<string, string>>(view.issues)
  const [materials, setMaterials] = useState(view.materials)
  const [reusable, setReusable] = useState(view.reusable)
  const [step, setStep] = useState(0)
  const [save, setSave] = useState<SaveState>({
    status: view.savedAt ? 'saved' : 'idle',
    at: view.savedAt ?? undefined,
  })
  const [submitting, setSubmitting] = useState(false)
  // what the submission check said: kept for the fields still empty, dropped as they are filled
  const submitIssues = useRef<Record<string, string>>({})

  const change = useCallback((name: string, value: unknown) => setData((d) => ({ ...d, [name]: value })), [])

  // Autosave a moment after typing stops; the prefilled values are saved the first time too.
  const latest = useRef(data)
  const isFirst = useRef(true)
  useEffect(() => {
    latest.current = data
    if (isFirst.current) {
      isFirst.current = false
      if (JSON.stringify(prefilled) === JSON.stringify(view.data)) return
    }
    const timer = setTimeout(() => void saveNow(), SAVE_AFTER_MS)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saveNow reads the latest data through a ref
  }, [data])

  const saveNow = useCallback(async () => {
    const sent = latest.current
    setSave((s) => ({ ...s, status: 'saving' }))
    try {
      const saved = await servicesApi.saveForm(id, sent)
      const kept = Object.fromEntries(
        Object.entries(submitIssues.current).filter(([path]) => isBlank(sent[path.split('.')[0]!])),
      )
      setIssues({ ...kept, ...saved.issues })
      setSave({ status: 'saved', at: saved.savedAt })
    } catch {
      setSave((s) => ({ ...s, status: 'failed' }))
    }
  }, [id])

  const sections = useMemo(() => (form ? visibleSections(form, data) : []), [form, data])
  const steps = [
    ...sections.map((s) => ({ kind: 'form' as const, title: s.title })),
    ...(materials.length > 0 ? [{ kind: 'materials' as const, title: t('services.apply.materials') }] : []),
    { kind: 'confirm' as const, title: t('services.apply.confirm') },
  ]
  const current = steps[Math.min(step, steps.length - 1)]!
  const go = (to: number) => {
    setStep(to)
    window.scrollTo?.({ top: 0 })
  }

  const refreshMaterials = useCallback(async () => {
    const fresh = await servicesApi.form(id)
    setMaterials(fresh.materials)
    setReusable(fresh.reusable)
  }, [id])

  const submit = async () => {
    setSubmitting(true)
    try {
      await saveNow()
      await servicesApi.submit(id)
      void navigate(servicesPaths.application(id), { replace: true })
    } catch (error) {
      if (isApiError(error, 'APPLICATION_INCOMPLETE')) {
        submitIssues.current = error.fields
        setIssues((current) => ({ ...current, ...error.fields }))
        Toast.show({ content: t('services.apply.incomplete', { count: Object.keys(error.fields).length }) })
        go(firstStepWithIssue(error.fields))
      } else {
        Toast.show({ content: errorMessage(error, t('errors.generic')) })
      }
    } finally {
      setSubmitting(false)
    }
  }

  const firstStepWithIssue = (fields: Record<string, string>) => {
    const names = Object.keys(fields).map((p) => p.split('.')[0]!)
    const formStep = sections.findIndex((s) => s.fields.some((f) => names.includes(f.name)))
    if (formStep >= 0) return formStep
    const materialsStep = steps.findIndex((s) => s.kind === 'materials')
    return materialsStep >= 0 && names.includes('materials') ? materialsStep : step
  }

  const savedText =
    save.status === 'saving'
      ? t('services.apply.saving')
      : save.status === 'failed'
        ? t('services.apply.saveFailed')
        : save.at
          ? t('services.apply.saved', {
              time: new Date(save.at).toLocaleTimeString(i18n.language, {
                hour: '2-digit',
                minute: '2-digit',
              }),
            })
          : ''

  return (
    <div className="apply">
      <div className="apply-head">
        <div className="apply-title">{view.title}</div>
        <div className="apply-progress-line">
          <span>
            {t('services.apply.step', { n: step + 1, total: steps.length })} · {current.title}
          </span>
          <span className={`apply-saved${save.status === 'failed' ? ' is-failed' : ''}`} role="status">
            {savedText}
          </span>
        </div>
        <ProgressBar percent={((step + 1) / steps.length) * 100} />
      </div>

      {current.kind === 'form' && form ? (
        <JsonForm form={form} data={data} issues={issues} onChange={change} section={step} />
      ) : null}
      {current.kind === 'materials' ? (
        <MaterialsStep
          applicationId={id}
          materials={materials}
          reusable={reusable}
          issues={issues}
          onChanged={refreshMaterials}
        />
      ) : null}
      {current.kind === 'confirm' ? (
        <div className="apply-confirm">
          <p className="m-muted">{form ? t('services.apply.confirmHint') : t('services.apply.noForm')}</p>
          {form ? <ReadOnlyForm form={form} data={data} /> : null}
          {Object.keys(issues).length > 0 ? (
            <p className="apply-issues" role="alert">
              {t('services.apply.incomplete', { count: Object.keys(issues).length })}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="apply-actions">
        {step > 0 ? (
          <Button size="large" onClick={() => go(step - 1)}>
            {t('services.apply.prev')}
          </Button>
        ) : null}
        {current.kind === 'confirm' ? (
          <Button size="large" color="primary" loading={submitting} onClick={() => void submit()}>
            {t('services.apply.submit')}
          </Button>
        ) : (
          <Button size="large" color="primary" onClick={() => go(step + 1)}>
            {t('services.apply.next')}
          </Button>
        )}
      </div>
    </div>
  )
}
