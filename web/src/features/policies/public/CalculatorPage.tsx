import { Button, DotLoading, ErrorBlock, Tabs } from 'antd-mobile'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isApiError } from '../../../app/api'
import { PageLoading } from '../../../app/enterprise/RequireEnterpriseUser'
import { paths } from '../../../app/routes'
import { Banner } from '../../../ui/mobile/Banner'
import { MobilePage } from '../../../ui/mobile/MobilePage'
import { useLoad } from '../../../ui/use-load'
import { referenceApi } from '../../../app/shared-api/enterprises'
import {
  calculatorErrorsByKey,
  draftOf,
  isCalculatorInput,
  parseDraft,
  type FactDraft,
} from '../../../ui/fact-input'
import type { FactDefinition, RawFactValue } from '../../../app/shared-api/facts'
import { factsApi } from '../../../app/shared-api/facts'
import { FactField } from '../../../ui/mobile/FactField'
import type { IndustryGroup } from '../../../ui/mobile/FactInput'
import { policiesApi, type MatchList } from '../policies.api'
import { usePolicyText } from '../use-policy-text'
import { CalculatorResults } from './CalculatorResults'
import '../../../ui/mobile/policy-pages.css'

const CALCULATE_DEBOUNCE_MS = 400

/** `/calculator` (政策计算器): anyone types in facts and sees every item's outcome as they type. */
export function CalculatorPage() {
  const { t } = usePolicyText()
  const { i18n } = useTranslation()
  const reference = useLoad(async () => {
    const [definitions, divisions, industries] = await Promise.all([
      factsApi.definitions(),
      referenceApi.divisions(),
      referenceApi.industries(),
    ])
    return {
      definitions: definitions.items.filter(isCalculatorInput),
      divisions: divisions.items.map((d) => ({ value: d.code, label: d.name })),
      industries: industries.items,
    }
  }, [i18n.language])
  return (
    <MobilePage title={t('policies.calculator.title')} back={paths.policyLibrary}>
      {reference.error ? (
        <ErrorBlock
          status="default"
          title={errorMessage(reference.error, t('errors.loadFailed'))}
          description=""
        />
      ) : !reference.data ? (
        <PageLoading />
      ) : (
        <Calculator {...reference.data} />
      )}
    </MobilePage>
  )
}

type Answer = { result?: MatchList; error?: string; fieldErrors: Record<string, string> }

function Calculator({
  definitions,
  divisions,
  industries,
}: {
  definitions: FactDefinition[]
  divisions: { value: string; label: string }[]
  industries: IndustryGroup[]
}) {
  const { t, tx, language } = usePolicyText()
  const [drafts, setDrafts] = useState<Record<string, FactDraft>>(() =>
    Object.fromEntries(definitions.map((d) => [d.key, draftOf(d, undefined)])),
  )
  const [tab, setTab] = useState<'facts' | 'results'>('facts')
  const [answer, setAnswer] = useState<Answer>({ fieldErrors: {} })
  const [isCalculating, setCalculating] = useState(false)

  // What can be sent now, and what the browser already knows is wrong (a half-typed number).
  const { facts, localErrors } = useMemo(() => {
    const facts: Record<string, RawFactValue> = {}
    const localErrors: Record<string, string> = {}
    for (const def of definitions) {
      const parsed = parseDraft(def, drafts[def.key]!)
      if (!parsed.ok) localErrors[def.key] = tx(`facts.input.problems.${parsed.problem}`)
      else if (parsed.value !== null) facts[def.key] = parsed.value
    }
    return { facts, localErrors }
  }, [definitions, drafts, tx])
  const factsKey = JSON.stringify(facts)

  useEffect(() => {
    const controller = new AbortController()
    const timer = window.setTimeout(() => {
      setCalculating(true)
      policiesApi
        .calculate(JSON.parse(factsKey) as Record<string, RawFactValue>, controller.signal)
        .then(
          (result) => setAnswer({ result, fieldErrors: {} }),
          (error: unknown) => {
            if (controller.signal.aborted) return
            setAnswer((last) => ({
              result: last.result,
              error: errorMessage(error, t('errors.generic')),
              fieldErrors: isApiError(error, 'VALIDATION_FAILED') ? calculatorErrorsByKey(error.fields) : {},
            }))
          },
        )
        .finally(() => {
          if (!controller.signal.aborted) setCalculating(false)
        })
    }, CALCULATE_DEBOUNCE_MS)
    return () => {
      controller.abort()
      window.clearTimeout(timer)
    }
    // The language is in the request headers: a switch asks again for sentences in it.
  }, [factsKey, language, t])

  const entered = Object.keys(facts).length
  const counts = answer.result?.counts
  const groups = [
    { key: 'profile', defs: definitions.filter((d) => d.isProfileField) },
    { key: 'periodic', defs: definitions.filter((d) => !d.isProfileField && d.isPeriodic) },
    { key: 'other', defs: definitions.filter((d) => !d.isProfileField && !d.isPeriodic) },
  ] as const

  return (
    <>
      <button type="button" className="m-calc-summary" onClick={() => setTab('results')} aria-live="polite">
        <span>
          {counts ? t('policies.calculator.summary', counts) : t('policies.calculator.calculating')}
        </span>
        {isCalculating ? (
          <DotLoading color="primary" />
        ) : (
          <span className="m-muted">{t('policies.calculator.seeResults')}</span>
        )}
      </button>
      <Tabs activeKey={tab} onChange={(key) => setTab(key as 'facts' | 'results')} className="m-calc-tabs">
        {/* Each tab counts what it lists: every field (and how many are filled), every item in force. */}
        <Tabs.Tab
          key="facts"
          title={t('policies.calculator.factsTab', { entered, count: definitions.length })}
        >
          <p className="m-muted m-tab-hint">{t('policies.calculator.intro')}</p>
          {groups.map((group) =>
            group.defs.length ? (
              <section key={group.key} className="m-section" aria-labelledby={`calc-${group.key}`}>
                <h2 id={`calc-${group.key}`} className="m-section-title">
                  {tx(`policies.calculator.groups.${group.key}`)}
                </h2>
                {group.defs.map((def) => (
                  <FactField
                    key={def.key}
                    def={def}
                    draft={drafts[def.key]!}
                    onChange={(draft) => setDrafts((current) => ({ ...current, [def.key]: draft }))}
                    error={localErrors[def.key] ?? answer.fieldErrors[def.key]}
                    divisions={divisions}
                    industries={industries}
                  />
                ))}
              </section>
            ) : null,
          )}
          <div className="m-sticky-actions">
            <Button
              block
              color="primary"
              size="large"
              onClick={() => {
                setTab('results')
                window.scrollTo(0, 0)
              }}
            >
              {t('policies.calculator.seeResults')}
            </Button>
          </div>
        </Tabs.Tab>
        <Tabs.Tab
          key="results"
          title={t('policies.calculator.resultsTab', { count: answer.result?.items.length ?? 0 })}
        >
          <Banner tone="error" text={answer.error} />
          {answer.result ? (
            <CalculatorResults
              result={answer.result}
              onEditFacts={(keys) => {
                setTab('facts')
                // After the tab renders: bring the first missing fact's input into view.
                window.setTimeout(() => {
                  const field = document.querySelector<HTMLElement>(`[data-fact="${keys[0] ?? ''}"]`)
                  field?.scrollIntoView({ block: 'center', behavior: 'smooth' })
                  field?.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true })
                }, 50)
              }}
            />
          ) : (
            <PageLoading />
          )}
        </Tabs.Tab>
      </Tabs>
    </>
  )
}
