/** The pure half of the placeholder form renderer (SchemaFields.tsx): order and what is required now. */
export type Schema = { [keyword: string]: unknown }
export type Values = Record<string, unknown>

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The questions in the form's order (`ui.order`, then the rest). */
export function orderedQuestions(form: Schema): [string, Schema][] {
  const schema = isObject(form.schema) ? form.schema : {}
  const properties = isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {}
  const ui = isObject(form.ui) ? form.ui : {}
  const order = Array.isArray(ui.order) ? (ui.order as string[]) : []
  const names = [...new Set([...order.filter((n) => n in properties), ...Object.keys(properties)])]
  return names.map((n) => [n, properties[n]!])
}

/** Required now: `required`, and the `then.required` of each condition whose `if` consts hold. */
export function requiredNow(schema: Schema, values: Values): Set<string> {
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
  const conditions = Array.isArray(schema.allOf) ? (schema.allOf as Schema[]) : []
  for (const c of conditions) {
    const test =
      isObject(c.if) && isObject(c.if.properties) ? (c.if.properties as Record<string, Schema>) : {}
    const holds = Object.entries(test).every(
      ([name, rule]) => !('const' in rule) || values[name] === rule.const,
    )
    const then = isObject(c.then) && Array.isArray(c.then.required) ? (c.then.required as string[]) : []
    if (holds && Object.keys(test).length) for (const r of then) required.add(r)
  }
  return required
}
