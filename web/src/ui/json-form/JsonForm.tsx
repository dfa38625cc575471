import { Button, Input, Selector, TextArea } from 'antd-mobile'
import { memo, useEffect, useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  issuesUnder,
  visibleSections,
  type FieldUi,
  type FormData,
  type FormDefinition,
  type JsonSchema,
} from './form-logic'
import './json-form.css'

/**
 * A matter's form on the phone (decision 0044): the sections of a JSON Schema with antd-mobile
 * controls, one hand, 375 px. Each question is a memoised component whose props change only when
 * its own value or message does, so a keystroke re-renders one question, not 75.
 */
type ChangeField = (name: string, value: unknown) => void

export type JsonFormProps = {
  form: FormDefinition
  data: FormData
  /** messages by field path, from the server's validation (the same schema) */
  issues: Record<string, string>
  /** must be stable (useCallback): every question receives it */
  onChange: ChangeField
  /** show only this section (the apply page's steps); all when absent */
  section?: number
}

/** How many questions have rendered: read by the form's test (a keystroke costs one). */
export const fieldRenders = { count: 0 }

export function JsonForm({ form, data, issues, onChange, section }: JsonFormProps) {
  const sections = useMemo(() => visibleSections(form, data), [form, data])
  const shown = section === undefined ? sections : sections.slice(section, section + 1)
  return (
    <div className="jf-form">
      {shown.map((s) => (
        <fieldset key={s.title} className="jf-section">
          {s.title ? <legend className="jf-section-title">{s.title}</legend> : null}
          {s.fields.map((f) => (
            <Field
              key={f.name}
              name={f.name}
              schema={f.schema}
              ui={form.ui[f.name] as FieldUi | undefined}
              value={data[f.name]}
              required={f.required}
              error={issues[f.name]}
              // only a group reads its rows' messages; others get a constant so they stay memoised
              rowIssues={f.schema.type === 'array' && f.schema.items?.type === 'object' ? issues : NO_ISSUES}
              onChange={onChange}
            />
          ))}
        </fieldset>
      ))}
    </div>
  )
}

const NO_ISSUES: Record<string, string> = {}

type FieldProps = {
  name: string
  schema: JsonSchema
  ui: FieldUi | undefined
  value: unknown
  required: boolean
  error: string | undefined
  rowIssues: Record<string, string>
  onChange: ChangeField
}

const Field = memo(function Field(props: FieldProps) {
  // counted after each commit of this question (an effect without dependencies runs once per render)
  useEffect(() => {
    fieldRenders.count++
  })
  const { name, schema, required, error } = props
  const id = useId()
  const errorId = `${id}-error`
  const isGroup = schema.type === 'array' && schema.items?.type === 'object'
  return (
    <div className={`jf-field${error ? ' has-error' : ''}`} data-field={name}>
      <label className="jf-label" htmlFor={isGroup ? undefined : id} id={`${id}-label`}>
        {schema.title ?? name}
        {required ? (
          <span className="jf-required" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      {schema.description ? <div className="jf-description">{schema.description}</div> : null}
      {isGroup ? (
        <Group {...props} labelId={`${id}-label`} />
      ) : (
        <Control {...props} id={id} errorId={error ? errorId : undefined} />
      )}
      {error ? (
        <div className="jf-error" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  )
})

/** Keeps what was typed while it is not yet a number ("12.", "-"), so typing is never fought. */
function toNumber(text: string): unknown {
  if (text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) && !/[.-]$/.test(text) ? n : text
}

function Control({
  name,
  schema,
  ui,
  value,
  required,
  onChange,
  id,
  errorId,
}: FieldProps & { id: string; errorId: string | undefined }) {
  const { t } = useTranslation()
  const aria = {
    'aria-invalid': errorId ? true : undefined,
    'aria-describedby': errorId,
    'aria-required': required,
  }
  // antd-mobile's Input and TextArea put aria props on their wrapper <div>, where aria-required is
  // not allowed (axe: aria-allowed-attr); the field's * and the server's answer say it instead
  const { 'aria-required': _required, ...textAria } = aria
  if (schema.type === 'boolean') {
    return (
      <Selector
        columns={2}
        options={[
          { label: t('jsonForm.yes'), value: 'yes' },
          { label: t('jsonForm.no'), value: 'no' },
        ]}
        value={value === true ? ['yes'] : value === false ? ['no'] : []}
        onChange={(v) => onChange(name, v[0] === undefined ? undefined : v[0] === 'yes')}
        {...aria}
      />
    )
  }
  if (schema.type === 'array' && schema.items?.enum) {
    const options = schema.items.enum.map((v) => ({ label: String(v), value: String(v) }))
    return (
      <Selector
        columns={options.some((o) => o.label.length > 6) ? 1 : 2}
        multiple
        options={options}
        value={Array.isArray(value) ? (value as string[]) : []}
        onChange={(v) => onChange(name, v)}
        {...aria}
      />
    )
  }
  if (schema.enum) {
    const options = schema.enum.map((v) => ({ label: String(v), value: String(v) }))
    return (
      <Selector
        columns={options.some((o) => o.label.length > 6) ? 1 : 2}
        options={options}
        value={value === undefined ? [] : [String(value)]}
        onChange={(v) => onChange(name, v[0])}
        {...aria}
      />
    )
  }
  const text = value === undefined || value === null ? '' : String(value)
  if (ui?.widget === 'textarea' || (schema.maxLength ?? 0) > 500)
    return (
      <TextArea
        id={id}
        value={text}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={schema.maxLength}
        placeholder={ui?.placeholder}
        onChange={(v) => onChange(name, v === '' ? undefined : v)}
        {...textAria}
      />
    )
  const isNumber = schema.type === 'number' || schema.type === 'integer'
  return (
    <Input
      id={id}
      value={text}
      type={schema.format === 'date' ? 'date' : 'text'}
      inputMode={isNumber ? (schema.type === 'integer' ? 'numeric' : 'decimal') : undefined}
      maxLength={schema.maxLength}
      placeholder={ui?.placeholder}
      clearable={!isNumber && schema.format !== 'date'}
      onChange={(v) => onChange(name, isNumber ? toNumber(v) : v === '' ? undefined : v)}
      {...textAria}
    />
  )
}

/** A repeatable group (从业人员, 车辆 …): a card per row with its own questions, add and remove. */
function Group({ name, schema, value, rowIssues, onChange, labelId }: FieldProps & { labelId: string }) {
  const { t } = useTranslation()
  const rows = Array.isArray(value) ? (value as FormData[]) : []
  const item = schema.items ?? {}
  const required = new Set(item.required ?? [])
  const under = issuesUnder(rowIssues, name)
  const setRow = (index: number, row: FormData) =>
    onChange(
      name,
      rows.map((r, i) => (i === index ? row : r)),
    )
  const max = schema.maxItems ?? 50
  return (
    <div role="group" aria-labelledby={labelId} className="jf-group">
      {rows.map((row, index) => (
        <div key={index} className="jf-row">
          <div className="jf-row-head">
            <span>{t('jsonForm.row', { n: index + 1 })}</span>
            <Button
              size="mini"
              fill="none"
              color="danger"
              onClick={() =>
                onChange(
                  name,
                  rows.filter((_, i) => i !== index),
                )
              }
            >
              {t('jsonForm.removeRow')}
            </Button>
          </div>
          {Object.entries(item.properties ?? {}).map(([sub, subSchema]) => (
            <Field
              key={sub}
              name={sub}
              schema={subSchema}
              ui={undefined}
              value={row[sub]}
              required={required.has(sub)}
              error={under[`${name}.${index}.${sub}`]}
              rowIssues={NO_ISSUES}
              onChange={(field, v) => setRow(index, { ...row, [field]: v })}
            />
          ))}
        </div>
      ))}
      {rows.length < max ? (
        <Button
          block
          size="middle"
          fill="outline"
          color="primary"
          onClick={() => onChange(name, [...rows, {}])}
        >
          {t('jsonForm.addRow', { title: schema.title ?? '' })}
        </Button>
      ) : null}
    </div>
  )
}
