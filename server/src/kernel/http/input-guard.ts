import type { Context } from 'hono'
import { hasUnstorableCharacters } from '../../shared/storable-text'
import { addFieldError, AppError, type FieldErrors } from '../errors'
import { translate } from '../i18n'
import type { AppEnv } from './app-env'
import { isJsonMediaType } from './media-type'

/**
 * Input no route should have to think about, refused once for every route before any of them reads
 * it: text PostgreSQL cannot keep (a NUL, half a surrogate pair) anywhere in the path, the query, a
 * JSON body (keys too) or a form (field names, values, file names); JSON nested deeper than any
 * contract goes; the key __proto__, which would swap an object's prototype where a map is read; and a
 * body that is not the JSON or multipart it says it is. Schemas then judge what is left. Headers need
 * no pass: HTTP cannot carry NUL or surrogates in them.
 * Refuses: VALIDATION_FAILED (every bad field named), INVALID_JSON, INVALID_MULTIPART.
 */
export const MAX_JSON_DEPTH = 32
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const FORM_TYPES = new Set(['multipart/form-data', 'application/x-www-form-urlencoded'])
const FORBIDDEN_KEY = '__proto__'

/**
 * The guard as a step of the API gate (api-gate.ts), given the body's media type the gate read:
 * nothing to await for a read without a body, so a GET pays no promise for it.
 */
export function guardInput(c: Context<AppEnv>, type: string): Promise<void> | void {
  const fields: FieldErrors = {}
  checkPath(c, fields)
  checkQuery(c, fields)
  if (BODY_METHODS.has(c.req.method)) {
    if (isJsonMediaType(type)) return readJson(c).then((body) => finish(checkJson(body, fields)))
    if (FORM_TYPES.has(type)) return readForm(c).then((form) => finish(checkForm(form, fields)))
  }
  finish(fields)
}

function finish(fields: FieldErrors): void {
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields })
}

function refuse(fields: FieldErrors, name: string, key: string, params?: Record<string, string | number>) {
  addFieldError(fields, name, translate(key, params))
}

function checkPath(c: Context<AppEnv>, fields: FieldErrors): void {
  // The raw path: before the query and the fragment. Without an escape it holds nothing to decode,
  // and no URL object need be built for it (decision 0066: a sizeable part of a small request).
  const url = c.req.url
  const start = url.indexOf('/', url.indexOf('//') + 2)
  const end = url.search(/[?#]/)
  const pathname = start < 0 ? '/' : url.slice(start, end < 0 ? undefined : end)
  if (!pathname.includes('%')) {
    if (hasUnstorableCharacters(pathname)) refuse(fields, 'path', 'fields.unstorableCharacters')
    return
  }
  for (const segment of pathname.split('/')) {
    let decoded: string
    try {
      decoded = decodeURIComponent(segment)
    } catch {
      continue // malformed escapes reach the routes as they are: plain text
    }
    if (hasUnstorableCharacters(decoded)) return refuse(fields, 'path', 'fields.unstorableCharacters')
  }
}

function checkQuery(c: Context<AppEnv>, fields: FieldErrors): void {
  const url = c.req.url
  const start = url.indexOf('?')
  if (start < 0) return
  // Without an escape the raw query decodes to the characters it holds: nothing to parse when none
  // of them is refused (the parse is most of a small read's guard).
  const raw = url.slice(start + 1)
  if (!raw.includes('%') && !raw.includes(FORBIDDEN_KEY) && !hasUnstorableCharacters(raw)) return
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (name === FORBIDDEN_KEY) refuse(fields, name, 'fields.forbiddenName')
    else if (hasUnstorableCharacters(name) || values.some(hasUnstorableCharacters))
      refuse(fields, name, 'fields.unstorableCharacters')
  }
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  // Cached by Hono: the route's validator reads the same text.
  const text = await c.req.text()
  if (!text.trim()) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new AppError('INVALID_JSON')
  }
  // The validator asks c.req.json() next. Hono would answer it from the cached text through a new
  // web Response (a second parse, through web streams: a large share of a small POST's CPU); hand
  // it this parse instead. Nothing here or in a schema mutates it.
  c.req.bodyCache.json = Promise.resolve(parsed)
  return parsed
}

/** Walks the value without recursion, so no depth of nesting can exhaust the stack. */
function checkJson(body: unknown, fields: FieldErrors): FieldErrors {
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }]
  const nameOf = (path: string) => path || 'body'
  while (pending.length) {
    const { value, path, depth } = pending.pop()!
    if (typeof value === 'string') {
      if (hasUnstorableCharacters(value)) refuse(fields, nameOf(path), 'fields.unstorableCharacters')
      continue
    }
    if (value === null || typeof value !== 'object') continue
    if (depth >= MAX_JSON_DEPTH) {
      refuse(fields, nameOf(path), 'fields.tooDeep', { max: MAX_JSON_DEPTH })
      continue
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key
      if (key === FORBIDDEN_KEY) refuse(fields, childPath, 'fields.forbiddenName')
      else if (hasUnstorableCharacters(key)) refuse(fields, childPath, 'fields.unstorableCharacters')
      else pending.push({ value: child, path: childPath, depth: depth + 1 })
    }
  }
  return fields
}

async function readForm(c: Context<AppEnv>): Promise<FormData> {
  try {
    // Cached by Hono: the route's validator reads the same form.
    return await c.req.formData()
  } catch {
    throw new AppError('INVALID_MULTIPART')
  }
}

function checkForm(form: FormData, fields: FieldErrors): FieldErrors {
  for (const [name, value] of form) {
    const text = typeof value === 'string' ? value : value.name
    if (name === FORBIDDEN_KEY) refuse(fields, name, 'fields.forbiddenName')
    else if (hasUnstorableCharacters(name) || hasUnstorableCharacters(text))
      refuse(fields, name, 'fields.unstorableCharacters')
  }
  return fields
}
