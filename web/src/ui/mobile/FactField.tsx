import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { factLabel, type FactDraft } from '../fact-input'
import type { FactDefinition } from '../../app/shared-api/facts'
import { FactInput, type IndustryGroup, type Option } from './FactInput'

type Props = {
  def: FactDefinition
  draft: FactDraft
  onChange: (draft: FactDraft) => void
  error?: string
  /** what the platform holds now (value, source, period), under the input */
  status?: ReactNode
  highlighted?: boolean
  divisions?: Option[]
  industries?: IndustryGroup[]
}

/** A fact's row in a generated form: its name and description, the input, what is on file, the problem. */
export function FactField({
  def,
  draft,
  onChange,
  error,
  status,
  highlighted,
  divisions,
  industries,
}: Props) {
  const { i18n } = useTranslation()
  const id = `fact-${def.key}`
  const description = i18n.language === 'en' ? def.descriptionEn : def.descriptionZh
  const describedBy = [description ? `${id}-desc` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return (
    <div
      className={`m-fact-field${error ? ' has-error' : ''}${highlighted ? ' is-highlighted' : ''}`}
      data-fact={def.key}
    >
      <label className="m-fact-label" htmlFor={id} id={`${id}-label`}>
        {factLabel(def, i18n.language)}
      </label>
      {description ? (
        <p className="m-fact-desc" id={`${id}-desc`}>
          {description}
        </p>
      ) : null}
      <FactInput
        def={def}
        draft={draft}
        onChange={onChange}
        id={id}
        describedBy={describedBy || undefined}
        divisions={divisions}
        industries={industries}
      />
      {status ? <div className="m-fact-status">{status}</div> : null}
      {error ? (
        <p className="m-error-text m-fact-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  )
}
