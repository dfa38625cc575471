import { Button, Input, Selector, Switch } from 'antd-mobile'
import { useTranslation } from 'react-i18next'
import { orderedQuestions, requiredNow } from './schema-form'

/**
 * A minimal renderer of a JSON Schema form (`{ schema, ui }`) on the phone: text, numbers, dates,
 * yes/no, one or several choices, and repeatable groups; the required mark follows `required` and
 * the simple conditions (`allOf` if/then on a `const`). A placeholder: the forms work of issue 12
 * brings the real renderer, which replaces this one where the bundle page uses it. The server
 * checks every answer anyway (each part's form on submission).
 */
type Schema = { [keyword: string]: unknown }
type Values = Record<string, unknown>

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v)

export function SchemaFields({
  form,
  values,
  errors,
  onChange,
}: {
  form: Schema
  values: Values
  errors: Record<string, string>
  onChange: (name: string, value: unknown) => void
}) {
  const schema = isObject(form.schema) ? form.schema : {}
  const required = requiredNow(schema, values)
  return (
    <div className="m-schema-fields">
      {orderedQuestions(form).map(([name, question]) => (
        <Field
          key={name}
          name={name}
          question={question}
          value={values[name]}
          isRequired={required.has(name)}
          error={errors[name] ?? errors[`formData.${name}`]}
          onChange={(value) => onChange(name, value)}
        />
      ))}
    </div>
  )
}

function Field({
  name,
  question,
  value,
  isRequired,
  error,
  onChange,
}: {
  name: string
  question: Schema
  value: unknown
  isRequired: boolean
  error: string | undefined
  onChange: (value: unknown) => void
}) {
  const title = typeof question.title === 'string' ? question.title : name
  const id = `field-${name}`
  return (
    <div className="m-schema-field" data-field={name}>
      <label htmlFor={id} className="m-schema-label">
        {title}
        {isRequired ? <span className="m-schema-required"> *</span> : null}
      </label>
      <Control id={id} question={question} value={value} onChange={onChange} />
      {error ? (
        <div className="m-schema-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  )
}

function Control({
  id,
  question,
  value,
  onChange,
}: {
  id: string
  question: Schema
  value: unknown
  onChange: (value: unknown) => void
}) {
  const { t } = useTranslation()
  const type = question.type
  const choices = Array.isArray(question.enum) ? (question.enum as string[]) : null
  if (type === 'boolean')
    return <Switch checked={value === true} onChange={(checked) => onChange(checked)} aria-labelledby={id} />
  if (choices)
    return (
      <Selector
        columns={1}
        options={choices.map((c) => ({ label: c, value: c }))}
        value={typeof value === 'string' ? [value] : []}
        onChange={(v) => onChange(v[0])}
      />
    )
  if (type === 'array' && isObject(question.items) && Array.isArray(question.items.enum)) {
    const options = question.items.enum as string[]
    return (
      <Selector
        multiple
        columns={2}
        options={options.map((c) => ({ label: c, value: c }))}
        value={Array.isArray(value) ? (value as string[]) : []}
        onChange={(v) => onChange(v)}
      />
    )
  }
  if (type === 'array' && isObject(question.items) && question.items.type === 'object') {
    const items = Array.isArray(value) ? (value as Values[]) : []
    const inner = { schema: question.items, ui: {} }
    return (
      <div className="m-schema-group">
        {items.map((item, i) => (
          <fieldset key={i} className="m-schema-group-item">
            <legend>
              {t('services.bundles.groupItem', { n: i + 1 })}{' '}
              <Button size="mini" fill="none" onClick={() => onChange(items.filter((_, k) => k !== i))}>
                {t('services.bundles.removeItem')}
              </Button>
            </legend>
            <SchemaFields
              form={inner}
              values={item}
              errors={{}}
              onChange={(n, v) => onChange(items.map((it, k) => (k === i ? { ...it, [n]: v } : it)))}
            />
          </fieldset>
        ))}
        <Button size="small" onClick={() => onChange([...items, {}])}>
          {t('services.bundles.addItem')}
        </Button>
      </div>
    )
  }
  const isNumber = type === 'number' || type === 'integer'
  return (
    <Input
      id={id}
      type={isNumber ? 'number' : question.format === 'date' ? 'date' : 'text'}
      inputMode={isNumber ? 'decimal' : undefined}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(text) => {
        if (!isNumber) return onChange(text === '' ? undefined : text)
        const n = Number(text)
        onChange(text === '' || Number.isNaN(n) ? undefined : n)
      }}
      clearable
    />
  )
}
