/**
 * One merged form for a bundle (一件事一次办: 一表申请). Each member matter version has its form
 * (`form_schema`: `{ schema: <JSON Schema draft-07 object>, ui }`, or `{}` for none); the bundle asks
 * the union of their questions once. The contract (shared with the forms work of issue 12): a property
 * of the same name in two matters is the same question. So:
 *
 * - properties: the union by name; a question two matters ask is asked once, with the stricter of
 *   their bounds (the answer must satisfy both), its title from the first matter that asks it;
 * - required: the union (required by any matter is required);
 * - conditions (`allOf` entries with if/then, or a top-level if/then) are all kept, each once;
 * - the layout hints (`ui`): per-property hints from the first matter giving them, and `order` the
 *   merged order (each member's own order, members in turn);
 * - a question two matters ask in incompatible ways (another type, other choices, another format or
 *   pattern, bounds no answer meets) is a conflict: a bundle with one is refused at publication.
 *
 * Pure: no database, no clock; bundle-forms.test.ts is its table of cases.
 */

export type JsonSchema = { [keyword: string]: unknown }
export type FormSchema = { schema?: JsonSchema; ui?: Record<string, unknown> }

/** A member's form, named by a key (the matter's code) and its name (for people). */
export type FormPart = { key: string; name: string; form: AnyForm }
/** A form as stored: `{ schema, ui }`, or `{}` (or anything else) for none. */
export type AnyForm = FormSchema | Record<string, unknown>

export type ConflictReason = 'type' | 'enum' | 'format' | 'pattern' | 'range'
/** A question two members ask incompatibly: its path (a.b for a nested one) and the members. */
export type FieldConflict = { field: string; parts: string[]; reason: ConflictReason }

export type MergedForm = {
  /** the merged form, `{}` when no member has one */
  form: FormSchema
  conflicts: FieldConflict[]
  /** which members ask each top-level question, in order */
  askedBy: Record<string, string[]>
  /** questions summed over the members (asked one by one) vs in the merged form (asked once) */
  fieldsOneByOne: number
  fieldsMerged: number
}

const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const
const BOUND_PAIRS = [
  ['minimum', 'maximum'],
  ['exclusiveMinimum', 'maximum'],
  ['minimum', 'exclusiveMaximum'],
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
] as const

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v)

/** JSON equality with object keys in any order (schemas come from jsonb, which reorders keys). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`
  return JSON.stringify(v) ?? 'undefined'
}

const typeOf = (s: JsonSchema): string | null => {
  const t = s.type
  if (t === undefined) return null
  return Array.isArray(t) ? [...t].map(String).sort().join('|') : String(t)
}

const choicesOf = (s: JsonSchema): unknown[] | null =>
  Array.isArray(s.enum) ? s.enum : 'const' in s ? [s.const] : null

/** The properties of a form's schema (none for a form-less matter). */
export function formProperties(form: AnyForm): Record<string, JsonSchema> {
  const schema = (form as FormSchema).schema
  if (!isObject(schema) || !isObject(schema.properties)) return {}
  return Object.fromEntries(Object.entries(schema.properties).filter(([, v]) => isObject(v))) as Record<
    string,
    JsonSchema
  >
}

/**
 * One question asked by two members: the schema both answers must meet, or why there is none.
 * `a` is what the earlier members agreed on; `b` the next member's.
 */
export function mergeQuestion(
  path: string,
  a: JsonSchema,
  b: JsonSchema,
): { schema: JsonSchema } | { conflict: { field: string; reason: ConflictReason } } {
  const conflict = (reason: ConflictReason, field = path) => ({ conflict: { field, reason } })
  if (typeOf(a) !== typeOf(b)) return conflict('type')
  const merged: JsonSchema = { ...b, ...a }

  const ca = choicesOf(a)
  const cb = choicesOf(b)
  if (ca && cb && !sameJson([...ca].map(canonical).sort(), [...cb].map(canonical).sort()))
    return conflict('enum')
  for (const key of ['format', 'pattern'] as const)
    if (a[key] !== undefined && b[key] !== undefined && a[key] !== b[key])
      return conflict(key === 'format' ? 'format' : 'pattern')

  for (const key of LOWER_BOUNDS)
    if (typeof a[key] === 'number' && typeof b[key] === 'number') merged[key] = Math.max(a[key], b[key])
  for (const key of UPPER_BOUNDS)
    if (typeof a[key] === 'number' && typeof b[key] === 'number') merged[key] = Math.min(a[key], b[key])
  for (const [low, high] of BOUND_PAIRS) {
    const lo = merged[low]
    const hi = merged[high]
    if (typeof lo === 'number' && typeof hi === 'number') {
      const empty = low.startsWith('exclusive') || high.startsWith('exclusive') ? lo >= hi : lo > hi
      if (empty) return conflict('range')
    }
  }

  // a group of questions (an object) or a repeatable group (an array of objects): merged the same way
  if (isObject(a.properties) || isObject(b.properties)) {
    const inner = mergeObjects(path, [a, b])
    if ('conflict' in inner) return inner
    Object.assign(merged, inner.schema)
  }
  if (isObject(a.items) && isObject(b.items)) {
    const items = mergeQuestion(`${path}[]`, a.items, b.items)
    if ('conflict' in items) return items
    merged.items = items.schema
  }
  return { schema: merged }
}

function mergeObjects(
  path: string,
  schemas: JsonSchema[],
): { schema: JsonSchema } | { conflict: { field: string; reason: ConflictReason } } {
  const properties: Record<string, JsonSchema> = {}
  const required: string[] = []
  for (const s of schemas) {
    const props = isObject(s.properties) ? s.properties : {}
    for (const [name, raw] of Object.entries(props)) {
      if (!isObject(raw)) continue
      const existing = properties[name]
      if (!existing) properties[name] = raw
      else {
        const merged = mergeQuestion(`${path}.${name}`, existing, raw)
        if ('conflict' in merged) return merged
        properties[name] = merged.schema
      }
    }
    if (Array.isArray(s.required))
      for (const r of s.required) if (typeof r === 'string' && !required.includes(r)) required.push(r)
  }
  return { schema: { properties, ...(required.length ? { required } : {}) } }
}

/** The conditions of a schema: its allOf entries, and a top-level if/then/else as one more. */
function conditionsOf(schema: JsonSchema): unknown[] {
  const all = Array.isArray(schema.allOf) ? [...schema.allOf] : []
  if (schema.if !== undefined) {
    const own: JsonSchema = { if: schema.if }
    if (schema.then !== undefined) own.then = schema.then
    if (schema.else !== undefined) own.else = schema.else
    all.push(own)
  }
  return all
}

const isOrderKey = (key: string, value: unknown) =>
  /order$/i.test(key) && Array.isArray(value) && value.every((v) => typeof v === 'string')

/**
 * A form's questions in its own order: its layout's `order` (or `ui:order`) first, then the rest.
 */
function orderedNames(form: AnyForm, props: Record<string, JsonSchema>): string[] {
  const ui = (form as FormSchema).ui
  const order = isObject(ui) ? (ui.order ?? ui['ui:order']) : undefined
  const listed = Array.isArray(order)
    ? order.filter((n): n is string => typeof n === 'string' && n in props)
    : []
  return [...new Set([...listed, ...Object.keys(props)])]
}

type Section = { title: string; fields: string[] }

/**
 * The renderer shows a form by its layout's sections when it has them, so the merged layout must
 * hold every member's sections, or the second member's questions would never show: a section of
 * the same title is one section (its fields added), a question already placed is not placed again,
 * and a member without sections brings its questions in a section named after it.
 */
function mergeSections(into: Section[], partUi: unknown, partName: string, names: readonly string[]) {
  const placed = new Set(into.flatMap((s) => s.fields))
  const own = isObject(partUi) && Array.isArray(partUi.sections) ? partUi.sections : []
  for (const raw of own) {
    if (!isObject(raw) || typeof raw.title !== 'string' || !Array.isArray(raw.fields)) continue
    const fields = raw.fields.filter((f): f is string => typeof f === 'string' && !placed.has(f))
    fields.forEach((f) => placed.add(f))
    const known = into.find((s) => s.title === raw.title)
    if (known) known.fields.push(...fields)
    else into.push({ title: raw.title, fields })
  }
  if (own.length === 0) into.push({ title: partName, fields: names.filter((n) => !placed.has(n)) })
}

/** Every question in some section: those no section placed go to the last one; empty sections dropped. */
function placeEveryQuestion(sections: Section[], names: readonly string[]): Section[] {
  const placed = new Set(sections.flatMap((s) => s.fields))
  const rest = names.filter((n) => !placed.has(n))
  const last = sections[sections.length - 1]!
  last.fields.push(...rest)
  return sections.filter((s) => s.fields.length > 0)
}

/** Merges the members' forms in member order (the first member's wording leads). */
export function mergeForms(parts: readonly FormPart[]): MergedForm {
  const properties: Record<string, JsonSchema> = {}
  const askedBy: Record<string, string[]> = {}
  const required: string[] = []
  const conditions: unknown[] = []
  const ui: Record<string, unknown> = {}
  const conflicts: FieldConflict[] = []
  const sections: Section[] = []
  let fieldsOneByOne = 0
  let anyForm = false

  for (const part of parts) {
    const schema = (part.form as FormSchema).schema
    if (!isObject(schema)) continue
    anyForm = true
    const props = formProperties(part.form)
    fieldsOneByOne += Object.keys(props).length
    for (const name of orderedNames(part.form, props)) {
      const question = props[name]!
      const existing = properties[name]
      if (!existing) {
        properties[name] = question
        askedBy[name] = [part.key]
        continue
      }
      askedBy[name]!.push(part.key)
      const merged = mergeQuestion(name, existing, question)
      if ('conflict' in merged) {
        const { field, reason } = merged.conflict
        const known = conflicts.find((c) => c.field === field)
        if (known) known.parts.push(part.key)
        else conflicts.push({ field, reason, parts: [...askedBy[name]!] })
      } else properties[name] = merged.schema
    }
    if (Array.isArray(schema.required))
      for (const r of schema.required) if (typeof r === 'string' && !required.includes(r)) required.push(r)
    for (const c of conditionsOf(schema)) if (!conditions.some((k) => sameJson(k, c))) conditions.push(c)

    const partUi = (part.form as FormSchema).ui
    if (isObject(partUi))
      for (const [key, value] of Object.entries(partUi)) {
        // the order and the sections are the merged ones (below); per-property hints: the first member's
        if (!isOrderKey(key, value) && key !== 'sections' && !(key in ui)) ui[key] = value
      }
    mergeSections(sections, partUi, part.name, orderedNames(part.form, props))
  }

  if (!anyForm) return { form: {}, conflicts, askedBy, fieldsOneByOne: 0, fieldsMerged: 0 }
  // the stored schema's key order is not the form's (jsonb reorders keys): say it in the layout
  ui.order = Object.keys(properties)
  // only when a member laid out sections: otherwise the renderer's one section in `order` is the form
  if (
    parts.some(
      (p) => isObject((p.form as FormSchema).ui) && Array.isArray((p.form as FormSchema).ui!.sections),
    )
  )
    ui.sections = placeEveryQuestion(sections, Object.keys(properties))
  const schema: JsonSchema = { type: 'object', properties }
  if (required.length) schema.required = required
  if (conditions.length) schema.allOf = conditions
  return {
    form: { schema, ui },
    conflicts,
    askedBy,
    fieldsOneByOne,
    fieldsMerged: Object.keys(properties).length,
  }
}

/** What one member receives of the merged answers: the questions its own form asks, and no others. */
export function restrictToForm(data: Record<string, unknown>, form: AnyForm): Record<string, unknown> {
  const names = Object.keys(formProperties(form))
  return Object.fromEntries(names.filter((n) => Object.hasOwn(data, n)).map((n) => [n, data[n]]))
}
