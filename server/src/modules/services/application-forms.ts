import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import localizeZh from 'ajv-i18n/localize/zh'
import type { Locale } from '../../kernel/context'

/**
 * A matter version's form (docs/decisions/0044): `{ schema: <JSON Schema draft-07>, ui: {...} }`,
 * or `{}` when the matter asks nothing. The server validates with ajv against the very schema the
 * phone renders, so what the page accepts and what the server accepts cannot drift apart.
 *
 * The subset the renderers understand (web/src/ui/json-form):
 *   root: type object, properties, required, allOf: [{ if: { properties: { k: { const | enum } } }, then: { properties?, required? } }]
 *   property: string (minLength, maxLength, pattern, format date | email, enum), integer | number
 *   (minimum, maximum), boolean, array of objects (a repeatable group), array of enum strings
 *   (several choices); `title`, `description`, and `x-prefill` naming a source of the enterprise's
 *   data (enterprise.name, enterprise.uscc, enterprise.address, …, facts.<key>).
 *   ui: { sections?: [{ title, fields }], <property>: { widget?: 'textarea' | 'radio', placeholder?, enumNames? } }
 */
export type JsonSchema = {
  type?: string
  title?: string
  description?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  allOf?: { if?: JsonSchema; then?: JsonSchema; else?: JsonSchema }[]
  minItems?: number
  maxItems?: number
  'x-prefill'?: string
  [keyword: string]: unknown
}
export type FormUi = {
  sections?: { title: string; fields: string[] }[]
  [property: string]: unknown
}
export type FormDefinition = { schema: JsonSchema; ui: FormUi }

/** A form's problems by field path (`staff.0.name`): what the one error shape lists. */
export type FormIssues = Record<string, string>

/** The form of a version's `form_schema` column, or null when the matter asks nothing. */
export function readFormDefinition(column: unknown): FormDefinition | null {
  if (!column || typeof column !== 'object') return null
  const { schema, ui } = column as { schema?: unknown; ui?: unknown }
  if (!schema || typeof schema !== 'object') return null
  return { schema: schema as JsonSchema, ui: ui && typeof ui === 'object' ? (ui as FormUi) : {} }
}

// allErrors: every bad field at once (一次性告知 for the form too). strict off: authored schemas
// carry annotations (x-prefill) ajv does not know; checkFormSchema validates the schema itself.
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv, ['date', 'email', 'time', 'date-time', 'uri'])

// Versions are immutable once published and there are few of them: compile each schema once. The
// key is the schema's text because every read of a jsonb column is a new object.
const compiled = new Map<string, ValidateFunction>()
const MAX_COMPILED = 500

function validatorFor(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema)
  let validate = compiled.get(key)
  if (!validate) {
    if (compiled.size >= MAX_COMPILED) compiled.clear()
    validate = ajv.compile(schema)
    compiled.set(key, validate)
  }
  return validate
}

/** Whether a schema is one ajv can compile (the catalogue's editor asks before saving a draft). */
export function checkFormSchema(schema: unknown): string | null {
  if (!schema || typeof schema !== 'object') return 'schema must be an object'
  if (!ajv.validateSchema(schema as object)) return ajv.errorsText(ajv.errors)
  try {
    validatorFor(schema as JsonSchema)
    return null
  } catch (e) {
    return (e as Error).message
  }
}

function pathOf(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1)
  if (error.keyword === 'required') parts.push(String(error.params.missingProperty))
  return parts.map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')).join('.') || '_form'
}

const REQUIRED: Record<Locale, string> = { 'zh-CN': '必填', en: 'Required' }
// A pattern means nothing to the applicant: say the value is not in the expected form.
const BAD_FORMAT: Record<Locale, string> = { 'zh-CN': '格式不正确', en: 'Not in the expected form' }

/**
 * Validates form data against a form. `strict` is the submission's check (every required field);
 * a draft is checked without `required` (partly filled is allowed) so the page can mark a wrong
 * value early. Answers every bad field with one message each (the first ajv gave for it).
 */
export function validateForm(
  form: FormDefinition | null,
  data: Record<string, unknown>,
  options: { strict: boolean; locale: Locale },
): FormIssues {
  if (!form) return {}
  const validate = validatorFor(form.schema)
  if (validate(data)) return {}
  const errors = (validate.errors ?? []).filter(
    // `if` only says "the then-branch failed", and the then-branch's own error is listed too
    (e) => e.keyword !== 'if' && (options.strict || e.keyword !== 'required'),
  )
  if (options.locale === 'zh-CN') localizeZh(errors)
  const issues: FormIssues = {}
  for (const error of errors) {
    const path = pathOf(error)
    if (path in issues) continue
    issues[path] =
      error.keyword === 'required'
        ? REQUIRED[options.locale]
        : error.keyword === 'pattern'
          ? BAD_FORMAT[options.locale]
          : (error.message ?? 'invalid')
  }
  return issues
}

/** The enterprise's data a form may prefill from, by the name an `x-prefill` hint uses. */
export type PrefillSources = Record<string, unknown>

/**
 * The values a form's `x-prefill` hints name (top-level properties and those of conditional
 * branches), from the enterprise's profile and facts; a source with no value gives nothing.
 */
export function prefillValues(form: FormDefinition | null, sources: PrefillSources) {
  const values: Record<string, unknown> = {}
  const from: Record<string, string> = {}
  if (!form) return { values, from }
  const visit = (properties: Record<string, JsonSchema> | undefined) => {
    for (const [name, property] of Object.entries(properties ?? {})) {
      const source = property['x-prefill']
      if (typeof source !== 'string') continue
      const value = sources[source]
      if (value === undefined || value === null || value === '') continue
      values[name] = value
      from[name] = source
    }
  }
  visit(form.schema.properties)
  for (const branch of form.schema.allOf ?? []) {
    visit(branch.then?.properties)
    visit(branch.else?.properties)
  }
  return { values, from }
}
