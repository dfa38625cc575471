/**
 * The renderer's side of a matter's form (`{ schema: <JSON Schema draft-07>, ui }`, decision 0044):
 * which questions show for the answers so far, in which section, and which are required. The
 * server validates with ajv against the same schema; here nothing is compiled (the app's CSP allows
 * no eval), so `if` conditions are read in the subset the forms use: `const`, `enum`, and
 * `contains: { const }` on a property.
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
  contains?: JsonSchema
  format?: string
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  maxLength?: number
  allOf?: { if?: JsonSchema; then?: JsonSchema; else?: JsonSchema }[]
  'x-prefill'?: string
}
export type FieldUi = { widget?: 'textarea' | 'radio'; placeholder?: string }
export type FormUi = { sections?: { title: string; fields: string[] }[] } & Record<string, unknown>
export type FormDefinition = { schema: JsonSchema; ui: FormUi }
export type FormData = Record<string, unknown>

export type VisibleField = { name: string; schema: JsonSchema; required: boolean }
export type VisibleSection = { title: string; fields: VisibleField[] }

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/** Whether data meets an `if` schema (the subset above; anything else is not met). */
export function meets(condition: JsonSchema, data: FormData): boolean {
  for (const name of condition.required ?? []) if (isEmpty(data[name])) return false
  for (const [name, test] of Object.entries(condition.properties ?? {})) {
    const value = data[name]
    if (value === undefined) continue // absent: only `required` above can fail it, as in JSON Schema
    if ('const' in test && value !== test.const) return false
    if (test.enum && !test.enum.includes(value)) return false
    if (test.contains && 'const' in test.contains) {
      if (!Array.isArray(value) || !value.includes(test.contains.const)) return false
    }
  }
  return true
}

/** The branches of the root's allOf that hold now: their properties show, their required apply. */
function activeBranches(schema: JsonSchema, data: FormData) {
  const branches: { trigger: string | null; then: JsonSchema }[] = []
  for (const rule of schema.allOf ?? []) {
    if (!rule.if) continue
    const holds = meets(rule.if, data)
    const branch = holds ? rule.then : rule.else
    if (branch) branches.push({ trigger: Object.keys(rule.if.properties ?? {})[0] ?? null, then: branch })
  }
  return branches
}

/**
 * The sections to show with their fields for the answers so far: the ui's sections (or one with
 * every property), each conditional question placed right after the question that triggers it.
 */
export function visibleSections(form: FormDefinition, data: FormData, untitled = ''): VisibleSection[] {
  const { schema, ui } = form
  const properties = schema.properties ?? {}
  const required = new Set(schema.required ?? [])
  const branches = activeBranches(schema, data)
  for (const b of branches) for (const name of b.then.required ?? []) required.add(name)

  const sections = ui.sections?.length ? ui.sections : [{ title: untitled, fields: Object.keys(properties) }]
  const placed = new Set(sections.flatMap((s) => s.fields))
  return sections.map((section) => {
    const fields: VisibleField[] = []
    for (const name of section.fields) {
      const own = properties[name]
      if (own) fields.push({ name, schema: own, required: required.has(name) })
      for (const b of branches) {
        if (b.trigger !== name) continue
        for (const [extra, extraSchema] of Object.entries(b.then.properties ?? {}))
          if (!placed.has(extra))
            fields.push({ name: extra, schema: extraSchema, required: required.has(extra) })
      }
    }
    return { title: section.title, fields }
  })
}

/** The saved answers over the prefilled ones: what the applicant typed always wins. */
export function withPrefill(data: FormData, prefill: FormData): FormData {
  const merged: FormData = { ...data }
  for (const [name, value] of Object.entries(prefill)) if (isEmpty(merged[name])) merged[name] = value
  return merged
}

/** The issues of one field and of the rows under it (`staff.0.name`), for a group to show. */
export function issuesUnder(issues: Record<string, string>, name: string): Record<string, string> {
  const under: Record<string, string> = {}
  for (const [path, message] of Object.entries(issues)) if (path.startsWith(`${name}.`)) under[path] = message
  return under
}

/** A value as text, for the read-only view (the console's, the confirm step's). */
export function displayValue(schema: JsonSchema, value: unknown, yes: string, no: string): string {
  if (value === undefined || value === null || value === '') return '—'
  if (typeof value === 'boolean') return value ? yes : no
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? '' : String(v))).join('、')
  if (schema.type === 'number' || schema.type === 'integer') return String(value)
  return String(value)
}
