import fc from 'fast-check'

/**
 * Values for the hostile-input test: hostile ones (NUL, half surrogate pairs, impossible dates, markup,
 * huge text, wrong types, prototype keys), valid ones generated from an operation's JSON schemas, and
 * a valid value with one place spoiled — so a request gets past validation into the services.
 */
export type Schema = {
  $ref?: string
  type?: string | string[]
  format?: string
  pattern?: string
  enum?: unknown[]
  const?: unknown
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  items?: Schema
  minItems?: number
  maxItems?: number
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  propertyNames?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  allOf?: Schema[]
}
export type Parameter = {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: Schema
}

// ----- hostile values -----

export const LONE_HIGH = '\ud800'
export const LONE_LOW = '\udfff'
const HOSTILE_TEXTS = [
  '\u0000',
  'abc\u0000def',
  LONE_HIGH,
  `x${LONE_LOW}y`,
  `${LONE_LOW}${LONE_HIGH}`,
  '0000-00-00',
  '9999-99-99',
  '2026-02-30',
  '2025-02-29',
  '0001-01-01',
  '9999-12-31',
  '2026-02-30T00:00:00Z',
  '0000-00-00T00:00:00+08:00',
  '9999-12-31T23:59:59Z',
  '2026-13',
  '',
  ' ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  '../../../../etc/passwd',
  '%00',
  '%',
  '%ZZ',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'file:///etc/passwd',
  'http://',
  '\u202e\u0007\u001b[31m',
  '𠮷𠮷𠮷',
  'NaN',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
  'constructor',
  'x'.repeat(5_000),
  '营'.repeat(70_000),
]
const withInserted = (inserted: string) =>
  fc.tuple(fc.string({ maxLength: 20 }), fc.nat()).map(([s, i]) => {
    const at = i % (s.length + 1)
    return s.slice(0, at) + inserted + s.slice(at)
  })
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 2, arbitrary: withInserted('\u0000') },
  { weight: 2, arbitrary: withInserted(LONE_HIGH) },
  { weight: 1, arbitrary: withInserted(LONE_LOW) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
)
const PROTO_OBJECT = JSON.parse('{"__proto__": {"isAdmin": true, "roles": ["admin"]}}') as unknown
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      0,
      -1,
      0.5,
      1e308,
      -1e308,
      2 ** 53 + 2,
      [],
      {},
      [[[[]]]],
      PROTO_OBJECT,
      { constructor: { prototype: { isAdmin: true } } },
      Array.from({ length: 300 }, () => 'x'),
    ),
  },
  { weight: 1, arbitrary: fc.dictionary(hostileText, hostileText, { maxKeys: 3 }) },
)
/** Names for fields the API does not know: long, with markup, control characters and broken text. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    'k\u0000ey',
    `k${LONE_HIGH}`,
    'a'.repeat(500),
    '\u001b[2J\r\nSet-Cookie: x=1',
    '" onmouseover="alert(1)',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
)

// ----- valid values from the operation's schemas -----

const SAFE_CHARS = [...'营商环境企业诉求测试材料说明abcdefXYZ0123456789 ']

function textOfLength(min: number, max: number): fc.Arbitrary<string> {
  const hi = Math.max(min, Math.min(max, min + 24))
  return fc
    .array(fc.constantFrom(...SAFE_CHARS), { minLength: Math.max(min, 1), maxLength: hi })
    .map((chars) => {
      const text = chars.join('').trim()
      return text.length >= min ? text : text.padEnd(min, '营')
    })
}

export class SchemaValues {
  constructor(
    private readonly components: Record<string, Schema>,
    private readonly known: Record<string, string[]>,
  ) {}

  resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema
    const name = schema.$ref.split('/').pop()!
    return this.resolve(this.components[name] ?? {})
  }

  arbitrary(raw: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw)
    if (depth > 6) return fc.constant(null)
    const known = this.known[name]
    if (known?.length && (schema.type === 'string' || schema.format === 'uuid'))
      return fc.constantFrom(...known)
    return this.plain(schema, name, depth)
  }

  private plain(schema: Schema, name: string, depth: number): fc.Arbitrary<unknown> {
    const alternatives = schema.anyOf ?? schema.oneOf
    if (alternatives?.length) return fc.oneof(...alternatives.map((s) => this.arbitrary(s, name, depth + 1)))
    if (schema.allOf?.length) return this.arbitrary(schema.allOf[0]!, name, depth + 1)
    if (schema.const !== undefined) return fc.constant(schema.const)
    if (schema.enum?.length) return fc.constantFrom(...schema.enum)
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
    if (types.length > 1)
      return fc.oneof(...types.map((type) => this.plain({ ...schema, type }, name, depth)))
    switch (types[0]) {
      case 'null':
        return fc.constant(null)
      case 'boolean':
        return fc.boolean()
      case 'integer': {
        const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1) + 1
        const max = Math.max(min, schema.maximum ?? min + 1000)
        return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) })
      }
      case 'number': {
        const min = schema.minimum ?? schema.exclusiveMinimum ?? 0
        const max = Math.max(min, schema.maximum ?? min + 1000)
        return fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((n) => n / 100)
      }
      case 'array': {
        const min = schema.minItems ?? 0
        return fc.array(this.arbitrary(schema.items ?? {}, name, depth + 1), {
          minLength: min,
          maxLength: Math.min(schema.maxItems ?? min + 2, min + 2),
        })
      }
      case 'object':
        return this.object(schema, depth)
      case 'string':
        return this.string(schema)
      default:
        return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean())
    }
  }

  private object(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const properties = schema.properties ?? {}
    const required = new Set(schema.required ?? [])
    const record = fc.record(
      Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, this.arbitrary(s, key, depth + 1)]),
      ),
      { requiredKeys: [...required].filter((k) => k in properties) },
    )
    const extra = schema.additionalProperties
    if (typeof extra !== 'object') return record
    const keys = schema.propertyNames ? this.string(schema.propertyNames) : fc.constantFrom('a', 'b', 'note')
    return fc
      .tuple(record, fc.dictionary(keys, this.arbitrary(extra, '', depth + 1), { maxKeys: 2 }))
      .map(([fixed, more]) => ({ ...more, ...fixed }))
  }

  private string(schema: Schema): fc.Arbitrary<string> {
    const min = schema.minLength ?? 0
    const max = schema.maxLength ?? 60
    switch (schema.format) {
      case 'uuid':
        return fc.uuid()
      case 'date-time':
        return fc
          .date({
            min: new Date('2024-01-01T00:00:00Z'),
            max: new Date('2027-12-31T00:00:00Z'),
            noInvalidDate: true,
          })
          .map((d) => d.toISOString())
      case 'email':
        return fc.constantFrom('a@example.com', 'someone@dalian.gov.cn')
      case 'uri':
        return fc.constantFrom('https://www.gov.cn/zhengce/a.html', 'http://example.com/p?x=1')
      case 'binary':
        return fc.string({ maxLength: 10 })
    }
    if (schema.pattern) {
      // zod writes some flags after a slash: ^…$/u
      const match = /^(.*)\/([a-z]+)$/.exec(schema.pattern)
      // (fast-check cannot generate for /i: lower case matches it too)
      const regex = match ? new RegExp(match[1]!, match[2]!.replace('i', '')) : new RegExp(schema.pattern)
      // Only the schema's own bounds: a pattern may ask for more than the 60 plain text gets (a 64-digit digest).
      const most = schema.maxLength ?? Infinity
      return fc.stringMatching(regex, { size: 'xsmall' }).filter((s) => s.length >= min && s.length <= most)
    }
    return textOfLength(min, max)
  }
}

/** Every place in a JSON value, so one can be replaced; string leaves first in line. */
function placesIn(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path)
  if (Array.isArray(value)) value.forEach((v, i) => placesIn(v, [...path, i], out))
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placesIn(v, [...path, k], out)
  return out
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<any>((v, key) => v?.[key], value)
}

function replacedAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement
  const [head, ...rest] = path
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) }
  copy[head!] = replacedAt(copy[head!], rest, replacement)
  return copy
}

/**
 * What a hostile client does to a value that would pass: slips a NUL or half a surrogate pair into
 * it (so every other rule still holds), or swaps it for something else entirely.
 */
const spoil = fc
  .record({ how: fc.nat({ max: 9 }), at: fc.nat(), other: hostileValue })
  .map(({ how, at, other }) => (original: unknown): unknown => {
    if (typeof original !== 'string' || how >= 6) return other
    const i = at % (original.length + 1)
    const inserted = how < 3 ? '\u0000' : how < 5 ? LONE_HIGH : LONE_LOW
    return original.slice(0, i) + inserted + original.slice(i)
  })

/** A valid value with one place spoiled, a string when there is one. */
export function spoiled(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), fc.boolean(), spoil).map(([v, i, preferText, damage]) => {
    const places = placesIn(v)
    const texts = places.filter((p) => typeof valueAt(v, p) === 'string')
    const pool = preferText && texts.length ? texts : places
    const place = pool[i % pool.length]!
    return replacedAt(v, place, damage(valueAt(v, place)))
  })
}

/** A value as it goes into a URL: text as it is, anything else as its JSON. */
export const textOf = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))

/** Percent-encoding that keeps a lone surrogate as the WTF-8 bytes a hostile client would send. */
export function encodeHostile(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    const isHigh = unit >= 0xd800 && unit <= 0xdbff
    const next = text.charCodeAt(i + 1)
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2))
      i++
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('')
    } else out += encodeURIComponent(text[i]!)
  }
  return out
}
