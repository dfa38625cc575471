import fc from 'fast-check'
import {
  encodeHostile,
  hostileKey,
  hostileText,
  hostileValue,
  spoiled,
  textOf,
  type Parameter,
  type Schema,
  type SchemaValues,
} from './hostile-values'

/**
 * Whole requests for the hostile-input test, per operation of the OpenAPI document: valid path, query
 * and body from its schemas, then one of them made hostile; odd JSON and malformed multipart bodies.
 */
export type Operation = {
  method: string
  path: string
  parameters: Parameter[]
  json?: Schema
  multipart: boolean
}
export type Body =
  { kind: 'none' } | { kind: 'text'; text: string; contentType: string } | { kind: 'form'; form: FormData }
export type HostileRequest = { path: string; query: string; body: Body }

const DEEP_JSON = `${'['.repeat(50_000)}${']'.repeat(50_000)}`
const ODD_JSON_TEXTS = [
  DEEP_JSON,
  `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`,
  '[]',
  '"text"',
  '42',
  'null',
  '{"a":1,',
  '',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '\u0000',
  '{"\\u0000":"\\ud800"}',
  '{"a":"\\udfff"}',
]

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
const fileBytes = fc.oneof(
  fc.constant(PNG),
  fc.constant(new TextEncoder().encode('%PDF-1.4\n%\u0000\n')),
  fc.constant(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
  fc.constant(new TextEncoder().encode('统一社会信用代码,诉求类别,标题,诉求内容\n\u0000,tax,\ud800x,<b>\n')),
  fc.uint8Array({ maxLength: 64 }),
)
const fileName = fc.oneof(fc.constantFrom('a.png', 'batch.csv', 'x.xlsx'), hostileText)
const validForm = fc
  .tuple(fileBytes, fileName, fc.option(fc.tuple(hostileKey, hostileText)))
  .map(([bytes, name, extra]) => {
    const form = new FormData()
    form.set('file', new File([bytes], name))
    if (extra) form.set(extra[0], extra[1])
    return { kind: 'form', form } as Body
  })
const part = (name: string, content: string, fileNameText = 'a.png') =>
  `--b\r\nContent-Disposition: form-data; name="${name}"; filename="${fileNameText}"\r\nContent-Type: image/png\r\n\r\n${content}`
const malformedMultipart = fc.constantFrom<Body>(
  { kind: 'text', contentType: 'multipart/form-data', text: 'no boundary here' },
  {
    kind: 'text',
    contentType: 'multipart/form-data; boundary=b',
    text: part('file', 'truncated, never closed'),
  },
  {
    kind: 'text',
    contentType: 'multipart/form-data; boundary=b',
    text: `${part('file', 'x')}\r\n--other--\r\n`,
  },
  { kind: 'text', contentType: 'multipart/form-data; boundary=', text: '--\r\n\r\n--' },
  { kind: 'text', contentType: 'multipart/form-data; boundary=b', text: '' },
  { kind: 'text', contentType: 'multipart/form-data; boundary=b', text: '{"file": "json in disguise"}' },
  {
    kind: 'text',
    contentType: 'multipart/form-data; boundary=b',
    text: `${part('fi\u0000le', 'x', 'a\u0000.png')}\r\n--b--\r\n`,
  },
  {
    kind: 'text',
    contentType: 'multipart/form-data; boundary=b',
    text: `${part('file', 'x', '%00.png')}\r\n--b--\r\n`,
  },
  { kind: 'text', contentType: 'application/json', text: '{"file": "\\u0000"}' },
)

export class Requests {
  constructor(
    private readonly values: SchemaValues,
    private readonly pathValues: Record<string, string[]>,
  ) {}

  forOperation(op: Operation): fc.Arbitrary<HostileRequest> {
    const pathParams = op.parameters.filter((p) => p.in === 'path')
    const queryParams = op.parameters.filter((p) => p.in === 'query')
    // Where the hostile value goes: the path, the query (a hostile unknown field counts) or the body.
    const surfaces = [
      ...(pathParams.length ? (['path'] as const) : []),
      'query' as const,
      ...(op.method !== 'get' ? (['body', 'body'] as const) : []),
    ]
    const params = (hostile: boolean) =>
      fc.tuple(fc.constant(''), ...pathParams.map((p) => this.pathParam(p, hostile))).map((v) => v.slice(1))
    return fc
      .record({
        surface: fc.constantFrom(...surfaces),
        params: params(false),
        hostileParams: params(true),
        query: this.query(queryParams),
        body: this.body(op),
      })
      .map(({ surface, params, hostileParams, query, body }) => {
        const chosen = surface === 'path' ? hostileParams : params
        let path = op.path
        pathParams.forEach((p, i) => {
          path = path.replace(`{${p.name}}`, encodeHostile(textOf(chosen[i])))
        })
        return {
          path,
          query: surface === 'query' ? query.hostile : query.valid,
          body: surface === 'body' ? body.hostile : body.valid,
        }
      })
  }

  private pathParam(p: Parameter, hostile: boolean): fc.Arbitrary<string> {
    if (hostile)
      return fc
        .oneof(spoiled(this.pathParam(p, false)).map(textOf), hostileText)
        .filter((s) => s.length > 0 && s.length < 2000)
    const known =
      this.pathValues[p.name] ??
      (this.values.resolve(p.schema).format === 'uuid' ? this.pathValues.id : undefined)
    const generated = this.values.arbitrary(p.schema, p.name).map(String)
    return known?.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, generated)
      : generated
  }

  private query(params: Parameter[]): fc.Arbitrary<{ valid: string; hostile: string }> {
    const entries = params.map((p) =>
      fc.record({
        valid: p.required
          ? this.values.arbitrary(p.schema, p.name)
          : fc.option(this.values.arbitrary(p.schema, p.name), { nil: undefined }),
        hostile: fc.oneof(
          { weight: 3, arbitrary: spoiled(this.values.arbitrary(p.schema, p.name)) },
          { weight: 1, arbitrary: hostileText },
        ),
      }),
    )
    return fc
      .tuple(
        fc.tuple(...entries, fc.constant({ valid: undefined, hostile: undefined })),
        fc.option(fc.tuple(hostileKey, hostileText)),
      )
      .map(([values, unknown]) => {
        const encode = (pairs: [string, unknown][]) =>
          pairs
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${encodeHostile(k)}=${encodeHostile(textOf(v))}`)
            .join('&')
        const valid = params.map((p, i) => [p.name, values[i]!.valid] as [string, unknown])
        const hostile = params.map((p, i) => [p.name, values[i]!.hostile] as [string, unknown])
        if (unknown) hostile.push(unknown)
        return { valid: encode(valid), hostile: encode(hostile) }
      })
  }

  private body(op: Operation): fc.Arbitrary<{ valid: Body; hostile: Body }> {
    const none = fc.constant<Body>({ kind: 'none' })
    if (op.method === 'get' || op.method === 'head') return fc.record({ valid: none, hostile: none })
    if (op.multipart) return fc.record({ valid: validForm, hostile: fc.oneof(validForm, malformedMultipart) })
    if (!op.json) return fc.record({ valid: none, hostile: fc.constantFrom(...ODD_JSON_TEXTS).map(jsonText) })
    const valid = this.values.arbitrary(op.json)
    const withUnknownKeys = fc
      .tuple(valid, fc.dictionary(hostileKey, hostileValue, { minKeys: 1, maxKeys: 3 }))
      .map(([v, extra]) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...extra, ...v } : extra))
    return fc.record({
      valid: valid.map((v) => jsonText(JSON.stringify(v))),
      hostile: fc.oneof(
        { weight: 7, arbitrary: spoiled(valid).map((v) => jsonText(JSON.stringify(v))) },
        { weight: 2, arbitrary: withUnknownKeys.map((v) => jsonText(JSON.stringify(v))) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_JSON_TEXTS).map(jsonText) },
      ),
    })
  }
}

const jsonText = (text: string): Body => ({ kind: 'text', text, contentType: 'application/json' })
