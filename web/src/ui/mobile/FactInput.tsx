import { Input } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { NativeDateInput, NativeSelect } from './native-controls'
import { cityToday } from '../format'
import { unitLabel, type FactDraft, type MoneyUnit } from '../fact-input'
import type { FactDefinition } from '../../app/shared-api/facts'

export type Option = { value: string; label: string }
/** GB/T 4754 sections with their divisions, for the industry picker. */
export type IndustryGroup = { code: string; name: string; divisions: { code: string; name: string }[] }

type Props = {
  def: FactDefinition
  draft: FactDraft
  onChange: (draft: FactDraft) => void
  /** the id the label points at */
  id: string
  describedBy?: string
  /** division codes to choose from (the city's districts) */
  divisions?: Option[]
  /** industries to choose from; without them the code is typed */
  industries?: IndustryGroup[]
}

/**
 * One fact's input, chosen by its type: numbers with their unit (money in 元 or 万元, ratios in %),
 * yes/no, a date, one choice, several tags, an industry code or a district. Phones get their own
 * number pad, wheel and calendar.
 */
export function FactInput({ def, draft, onChange, id, describedBy, divisions = [], industries }: Props) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const valueLabel = (v: { zh: string; en: string }) => (language === 'en' ? v.en : v.zh)

  if (draft.kind === 'number') {
    const unit = unitLabel(def, language)
    return (
      <div className="m-number-row">
        <Input
          id={id}
          aria-describedby={describedBy}
          value={draft.text}
          inputMode={def.type === 'integer' ? 'numeric' : 'decimal'}
          placeholder={t('facts.input.numberPlaceholder')}
          onChange={(text) => onChange({ ...draft, text })}
        />
        {def.type === 'money' ? (
          <MoneyUnitToggle
            unit={draft.unit ?? 'yuan'}
            onChange={(next) => onChange({ ...draft, unit: next })}
            label={t('facts.input.unitOf', { name: language === 'en' ? def.labelEn : def.labelZh })}
          />
        ) : unit ? (
          <span className="m-number-unit">{unit}</span>
        ) : null}
      </div>
    )
  }

  if (draft.kind === 'boolean')
    return (
      <div
        className="m-segmented"
        role="group"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
      >
        {[true, false].map((value) => (
          <button
            key={String(value)}
            id={value ? id : undefined}
            type="button"
            className="m-segment"
            aria-pressed={draft.value === value}
            onClick={() => onChange({ kind: 'boolean', value: draft.value === value ? undefined : value })}
          >
            {value ? t('facts.input.yes') : t('facts.input.no')}
          </button>
        ))}
      </div>
    )

  if (draft.kind === 'tags') {
    const toggle = (code: string) =>
      onChange({
        kind: 'tags',
        value: draft.value.includes(code) ? draft.value.filter((c) => c !== code) : [...draft.value, code],
      })
    return (
      <div
        className="m-chips"
        id={id}
        role="group"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
      >
        {(def.values ?? []).map((v) => (
          <button
            key={v.code}
            type="button"
            className="m-chip"
            aria-pressed={draft.value.includes(v.code)}
            onClick={() => toggle(v.code)}
          >
            {valueLabel(v)}
          </button>
        ))}
      </div>
    )
  }

  const setText = (value: string) => onChange({ kind: 'text', value })
  switch (def.type) {
    case 'date':
      return <NativeDateInput id={id} value={draft.value} onChange={setText} max={cityToday()} />
    case 'enum':
      return (
        <NativeSelect
          id={id}
          value={draft.value}
          onChange={setText}
          placeholder={t('facts.input.choose')}
          options={[
            ...(def.values ?? []).map((v) => ({ value: v.code, label: valueLabel(v) })),
            ...(draft.value ? [{ value: '', label: t('facts.input.clear') }] : []),
          ]}
        />
      )
    case 'division':
      return (
        <NativeSelect
          id={id}
          value={draft.value}
          onChange={setText}
          placeholder={t('facts.input.choose')}
          options={[...divisions, ...(draft.value ? [{ value: '', label: t('facts.input.clear') }] : [])]}
        />
      )
    case 'industry':
      if (industries?.length)
        return (
          <select
            id={id}
            className="m-native-select"
            value={draft.value}
            aria-describedby={describedBy}
            onChange={(event) => setText(event.target.value)}
          >
            <option value="">{draft.value ? t('facts.input.clear') : t('facts.input.choose')}</option>
            {industries.map((section) => (
              <optgroup key={section.code} label={`${section.code} ${section.name}`}>
                {section.divisions.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.code} {d.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )
      return (
        <Input
          id={id}
          aria-describedby={describedBy}
          value={draft.value}
          placeholder={t('facts.input.industryPlaceholder')}
          onChange={(value) => setText(value.toUpperCase())}
        />
      )
    default:
      return <Input id={id} aria-describedby={describedBy} value={draft.value} onChange={setText} />
  }
}

function MoneyUnitToggle({
  unit,
  onChange,
  label,
}: {
  unit: MoneyUnit
  onChange: (unit: MoneyUnit) => void
  label: string
}) {
  const { t } = useTranslation()
  return (
    <div className="m-segmented is-compact" role="group" aria-label={label}>
      {(['yuan', 'wan'] as const).map((u) => (
        <button
          key={u}
          type="button"
          className="m-segment"
          aria-pressed={unit === u}
          onClick={() => onChange(u)}
        >
          {u === 'wan' ? t('facts.input.wanYuan') : t('facts.input.yuan')}
        </button>
      ))}
    </div>
  )
}
