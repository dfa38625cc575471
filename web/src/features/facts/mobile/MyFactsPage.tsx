import { Button, ErrorBlock, Toast } from 'antd-mobile'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { errorMessage, isApiError } from '../../../app/api'
import { PageLoading, RequireEnterpriseUser } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { cityToday } from '../../../ui/format'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { NativeSelect } from '../../../ui/mobile/native-controls'
import { scrollToFirstError } from '../../../ui/mobile/scroll-to-error'
import { useLoad } from '../../../ui/use-load'
import { enterprisesApi } from '../../../app/shared-api/enterprises'
import {
  declarationErrorsByKey,
  defaultFiscalYear,
  factLabel,
  fiscalYears,
  isDeclarable,
  parseDraft,
  sameValue,
  type FactDraft,
} from '../../../ui/fact-input'
import { baselineDrafts, requestedKeys } from '../fact-sheet'
import { factsApi, type Declaration, type FactDefinition, type FactSheet } from '../facts.api'
import { FactField } from '../../../ui/mobile/FactField'
import { FactStatus } from './FactStatus'
import '../../../ui/mobile/policy-pages.css'

/** `/enterprises/:id/facts` (企业信息·申报数据): the enterprise declares what policies ask about. */
export function MyFactsPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <MobilePage title={t('facts.mine.title')} back={paths.enterprisePolicies(id)}>
      <RequireEnterpriseUser>{() => <MyFacts enterpriseId={id} />}</RequireEnterpriseUser>
    </MobilePage>
  )
}

function MyFacts({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation()
  const loaded = useLoad(async () => {
    const [definitions, sheet, history, enterprise] = await Promise.all([
      factsApi.definitions(),
      factsApi.sheet(enterpriseId),
      factsApi.history(enterpriseId),
      enterprisesApi.get(enterpriseId),
    ])
    return { definitions: definitions.items, sheet, history: history.items, enterprise }
  }, [enterpriseId])
  if (loaded.error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(loaded.error, t('errors.loadFailed'))}
        description=""
      />
    )
  if (!loaded.data) return <PageLoading />
  return (
    <FactsForm
      {...loaded.data}
      enterpriseId={enterpriseId}
      canEdit={!!loaded.data.enterprise.myRole}
      onSaved={loaded.reload}
    />
  )
}

type FormProps = {
  enterpriseId: string
  enterprise: { name: string }
  definitions: FactDefinition[]
  sheet: FactSheet
  history: Awaited<ReturnType<typeof factsApi.history>>['items']
  canEdit: boolean
  onSaved: () => void
}

function FactsForm({ enterpriseId, enterprise, definitions, sheet, history, canEdit, onSaved }: FormProps) {
  const { t, i18n } = useTranslation()
  const [params, setParams] = useSearchParams()
  const today = cityToday()
  const [period, setPeriod] = useState(() => defaultFiscalYear(today))
  const [edits, setEdits] = useState<Record<string, FactDraft>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [banner, setBanner] = useState<string>()
  const [isSaving, setSaving] = useState(false)

  const declarable = useMemo(() => definitions.filter(isDeclarable), [definitions])
  const baseline = useMemo(() => baselineDrafts(definitions, history, period), [definitions, history, period])
  const requested = requestedKeys(params.get('keys'), definitions)
  const requestedHere = requested.filter((k) => declarable.some((d) => d.key === k))
  const elsewhere = requested
    .map((k) => definitions.find((d) => d.key === k)!)
    .filter((d) => !isDeclarable(d))
  const byKey = new Map(sheet.facts.map((f) => [f.key, f]))

  const changePeriod = (next: string) => {
    // A year's drafts belong to that year: switching starts from what was declared for the new one.
    setEdits((current) =>
      Object.fromEntries(
        Object.entries(current).filter(([key]) => !declarable.find((d) => d.key === key)?.isPeriodic),
      ),
    )
    setErrors({})
    setPeriod(next)
  }

  const save = async () => {
    setBanner(undefined)
    const clientErrors: Record<string, string> = {}
    const facts: Declaration[] = []
    for (const def of declarable) {
      const draft = edits[def.key]
      if (!draft) continue
      const parsed = parseDraft(def, draft)
      if (!parsed.ok) {
        clientErrors[def.key] = t(`facts.input.problems.${parsed.problem}`)
        continue
      }
      const before = parseDraft(def, baseline[def.key]!)
      if (before.ok && sameValue(before.value, parsed.value)) continue
      facts.push({ key: def.key, ...(def.isPeriodic ? { period } : {}), value: parsed.value })
    }
    setErrors(clientErrors)
    if (Object.keys(clientErrors).length) {
      setBanner(t('facts.mine.fixProblems'))
      scrollToFirstError()
      return
    }
    if (!facts.length) {
      setBanner(t('facts.mine.nothingChanged'))
      return
    }
    setSaving(true)
    try {
      const answer = await factsApi.declare(enterpriseId, facts)
      Toast.show({ icon: 'success', content: t('facts.mine.saved', { count: answer.changed }) })
      setEdits({})
      if (params.get('keys')) setParams({}, { replace: true })
      onSaved()
    } catch (error) {
      if (isApiError(error, 'VALIDATION_FAILED')) {
        const mapped = declarationErrorsByKey(
          error.fields,
          facts.map((f) => f.key),
        )
        setErrors(mapped.byKey)
        setBanner([error.message, ...mapped.other].join(' '))
      } else setBanner(errorMessage(error, t('errors.generic')))
      scrollToFirstError()
    } finally {
      setSaving(false)
    }
  }

  const field = (def: FactDefinition, highlighted = false) => (
    <FactField
      key={def.key}
      def={def}
      draft={edits[def.key] ?? baseline[def.key]!}
      onChange={(draft) => {
        setEdits((current) => ({ ...current, [def.key]: draft }))
        setErrors(({ [def.key]: _gone, ...rest }) => rest)
      }}
      error={errors[def.key]}
      highlighted={highlighted}
      status={<FactStatus def={def} fact={byKey.get(def.key)} />}
    />
  )
  const periodic = declarable.filter((d) => d.isPeriodic && !requestedHere.includes(d.key))
  const others = declarable.filter((d) => !d.isPeriodic && !requestedHere.includes(d.key))

  return (
    <>
      <section className="m-section" aria-labelledby="facts-enterprise">
        <h2 id="facts-enterprise" className="m-section-title">
          {enterprise.name}
        </h2>
        <p className="m-muted" style={{ margin: 0 }}>
          {t('facts.mine.intro')}
        </p>
        <p className="m-muted" style={{ margin: '8px 0 0' }}>
          {t('facts.mine.profileHint')}{' '}
          <Link to={paths.enterprise(enterpriseId)}>{t('facts.mine.profileLink')}</Link>
        </p>
      </section>
      {canEdit ? null : <Banner tone="alert" text={t('facts.mine.readOnly')} />}
      <Banner tone="error" text={banner} />

      <section className="m-section m-period-row">
        <label htmlFor="fact-period" className="m-fact-label">
          {t('facts.mine.period')}
        </label>
        <NativeSelect
          id="fact-period"
          value={period}
          onChange={changePeriod}
          placeholder={t('facts.mine.period')}
          options={fiscalYears(today).map((y) => ({
            value: y,
            label: t('facts.periodValue', { period: y }),
          }))}
        />
        <p className="m-muted" style={{ margin: '6px 0 0' }}>
          {t('facts.mine.periodHint')}
        </p>
      </section>

      {requestedHere.length || elsewhere.length ? (
        <section className="m-section m-requested" aria-labelledby="facts-requested">
          <h2 id="facts-requested" className="m-section-title">
            {t('facts.mine.requestedTitle')}
          </h2>
          <p className="m-muted" style={{ marginTop: 0 }}>
            {t('facts.mine.requestedText')}
          </p>
          {requestedHere.map((k) =>
            field(
              declarable.find((d) => d.key === k)!,
              true,
            ),
          )}
          {elsewhere.length ? (
            <p className="m-muted">
              {t('facts.mine.requestedElsewhere', {
                facts: elsewhere.map((d) => factLabel(d, i18n.language)).join(t('policies.listSeparator')),
              })}{' '}
              <Link to={paths.enterprise(enterpriseId)}>{t('facts.mine.profileLink')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      {periodic.length ? (
        <section className="m-section" aria-labelledby="facts-periodic">
          <h2 id="facts-periodic" className="m-section-title">
            {t('facts.mine.periodicTitle', { period })}
          </h2>
          {periodic.map((d) => field(d))}
        </section>
      ) : null}
      {others.length ? (
        <section className="m-section" aria-labelledby="facts-other">
          <h2 id="facts-other" className="m-section-title">
            {t('facts.mine.otherTitle')}
          </h2>
          {others.map((d) => field(d))}
        </section>
      ) : null}

      {canEdit ? (
        <div className="m-sticky-actions">
          <Button block color="primary" size="large" loading={isSaving} onClick={() => void save()}>
            {t('facts.mine.save')}
          </Button>
        </div>
      ) : null}
    </>
  )
}
