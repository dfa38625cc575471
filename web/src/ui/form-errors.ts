import { ApiError } from '../app/api'

/**
 * Turns the server's `fields: { "dotted.path": message }` into what antd and antd-mobile forms show
 * under each field. Pure, so both form libraries and the unit tests share it.
 */
export type NamePath = (string | number)[]
export type FieldErrorEntry = { name: NamePath; errors: string[] }

/** 'roles.0.role' → ['roles', 0, 'role'] (list indexes become numbers, as Form.List names them). */
export function toNamePath(dotted: string): NamePath {
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}

/**
 * Splits server field messages into those a form can show under one of its fields (the first
 * segment names a field it renders) and the rest, which belong above the form.
 */
export function splitFieldErrors(
  fields: Record<string, string>,
  formFields: readonly string[],
): { fieldErrors: FieldErrorEntry[]; otherMessages: string[] } {
  const fieldErrors: FieldErrorEntry[] = []
  const otherMessages: string[] = []
  for (const [path, message] of Object.entries(fields)) {
    const name = toNamePath(path)
    if (formFields.includes(String(name[0]))) fieldErrors.push({ name, errors: [message] })
    else otherMessages.push(message)
  }
  return { fieldErrors, otherMessages }
}

// antd and antd-mobile type setFields' name paths from each form's own values; the server's paths
// are only known at run time, so any form's setFields is accepted here.
type FormLike = { setFields: (fields: never) => void }

/**
 * Shows a failed submit on the form: field messages under their fields, and returns the text for
 * the banner above the form (the server's summary, plus messages for fields the form lacks).
 * Codes that mean one field (e.g. a taken username) can be pointed at it with `codeToField`.
 */
export function showApiErrorOnForm(
  form: FormLike,
  error: unknown,
  formFields: readonly string[],
  fallback: string,
  codeToField: Record<string, string> = {},
): string | undefined {
  if (!(error instanceof ApiError)) return fallback
  const { fieldErrors, otherMessages } = splitFieldErrors(error.fields, formFields)
  const codeField = codeToField[error.code]
  if (codeField && formFields.includes(codeField)) {
    fieldErrors.push({ name: [codeField], errors: [error.message] })
  }
  form.setFields(fieldErrors as never)
  if (codeField) return undefined
  if (fieldErrors.length && !otherMessages.length) return error.message
  return [error.message, ...otherMessages].join(' ')
}

/**
 * The same error with the messages for entries of a tags field ('recognisedNames.3') gathered under
 * the field itself, each naming its entry (「城管」：…): a tags input has no place per entry.
 */
export function foldListErrors(error: unknown, field: string, values: readonly string[]): unknown {
  if (!(error instanceof ApiError)) return error
  const fields: Record<string, string> = {}
  const folded: string[] = []
  for (const [path, message] of Object.entries(error.fields)) {
    const index = path.startsWith(`${field}.`) ? Number(path.slice(field.length + 1)) : NaN
    if (Number.isInteger(index)) folded.push(`「${values[index] ?? index + 1}」${message}`)
    else fields[path] = message
  }
  if (folded.length === 0) return error
  fields[field] = [fields[field], ...folded].filter(Boolean).join('；')
  return new ApiError(error.status, error.code, error.message, fields)
}
