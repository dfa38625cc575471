import { Checkbox, Input } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { NativeDateInput, NativeSelect } from '../../../ui/mobile/native-controls'
import { cityToday } from '../../../ui/format'
import { unitLabel, type FactDraft, type MoneyUnit } from '../fact-input'
import type { FactDefinition } from '../facts.api'

export type Option = { value: string; label: string }

type Props = {
  def: FactDefinition
  draft: FactDraft
  onChange: (draft: FactDraft) => void
  /** the id the label points at */
  id: string
  describedBy?: string
  /** division codes to choose from (the city's districts) */
  divisions?: Option[]
}

/**
 * One fact's input, chosen by its type: numbers with their unit (money in 元 or 万元, ratios in %),
 * yes/no, a date, one choice, several tags, an industry code or a district. Phones get their own
 * number pad, wheel and calendar.
 */
export function FactInput({ def, draft, onChange, id, describedBy, divisions = [] }: Props) {
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

  if (draft.kind === 'tags')
    return (
      <Checkbox.Group
        value={draft.value}
        onChange={(value) => onChange({ kind: 'tags', value: value as string[] })}
      >
        <div className="m-choice-group" id={id} role="group" aria-labelledby={`${id}-label`}>
          {(def.values ?? []).map((v) => (
            <Checkbox key={v.code} value={v.code}>
              {valueLabel(v)}
            </Checkbox>
          ))}
        </div>
      </Checkbox.Group>
    )

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
    default:
      // industry codes (GB/T 4754): C3911, F51 …
      return (
        <Input
          id={id}
          aria-describedby={describedBy}
          value={draft.value}
          placeholder={def.type === 'industry' ? t('facts.input.industryPlaceholder') : ''}
          onChange={(value) => setText(def.type === 'industry' ? value.toUpperCase() : value)}
        />
      )
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
