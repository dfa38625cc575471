import { describe, expect, it } from 'vitest'
import { mergeForms, mergeQuestion, restrictToForm, type FormPart, type JsonSchema } from './bundle-forms'

const part = (key: string, schema: JsonSchema | null, ui: Record<string, unknown> = {}): FormPart => ({
  key,
  name: key,
  form: schema === null ? {} : { schema: { type: 'object', ...schema }, ui },
})

const name = { type: 'string', title: '企业名称', maxLength: 100 }

describe('merging two askings of one question', () => {
  it.each<[string, JsonSchema, JsonSchema, JsonSchema | string]>([
    ['same question: kept', name, name, name],
    [
      'the stricter bounds win',
      { type: 'string', maxLength: 100 },
      { type: 'string', maxLength: 50, minLength: 2 },
      { type: 'string', maxLength: 50, minLength: 2 },
    ],
    [
      'numbers: the narrower range',
      { type: 'integer', minimum: 1 },
      { type: 'integer', minimum: 3, maximum: 10 },
      { type: 'integer', minimum: 3, maximum: 10 },
    ],
    [
      'the first title leads',
      { type: 'string', title: '甲' },
      { type: 'string', title: '乙' },
      { type: 'string', title: '甲' },
    ],
    [
      'free text and a choice: the choice',
      { type: 'string' },
      { type: 'string', enum: ['a', 'b'] },
      { type: 'string', enum: ['a', 'b'] },
    ],
    [
      'the same choices in another order',
      { type: 'string', enum: ['a', 'b'] },
      { type: 'string', enum: ['b', 'a'] },
      { type: 'string', enum: ['a', 'b'] },
    ],
    [
      'one has a format',
      { type: 'string' },
      { type: 'string', format: 'date' },
      { type: 'string', format: 'date' },
    ],
    ['another type', { type: 'string' }, { type: 'integer' }, 'type'],
    ['a type against none', { type: 'string' }, { title: '无类型' }, 'type'],
    ['other choices', { type: 'string', enum: ['a', 'b'] }, { type: 'string', enum: ['a', 'c'] }, 'enum'],
    ['another format', { type: 'string', format: 'date' }, { type: 'string', format: 'email' }, 'format'],
    [
      'another pattern',
      { type: 'string', pattern: '^\\d+$' },
      { type: 'string', pattern: '^[A-Z]+$' },
      'pattern',
    ],
    ['bounds no answer meets', { type: 'integer', minimum: 10 }, { type: 'integer', maximum: 5 }, 'range'],
    [
      'exclusive bounds that meet',
      { type: 'number', exclusiveMinimum: 5 },
      { type: 'number', maximum: 5 },
      'range',
    ],
    [
      'a group: questions joined, required joined',
      { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
      { type: 'object', properties: { b: { type: 'integer' } }, required: ['b'] },
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' } }, required: ['a', 'b'] },
    ],
    [
      'a group with a clash inside',
      { type: 'object', properties: { a: { type: 'string' } } },
      { type: 'object', properties: { a: { type: 'boolean' } } },
      'type',
    ],
    [
      'a repeatable group: its items merged',
      { type: 'array', items: { type: 'object', properties: { n: { type: 'string' } } } },
      { type: 'array', items: { type: 'object', properties: { share: { type: 'number' } } }, minItems: 1 },
      {
        type: 'array',
        items: { type: 'object', properties: { n: { type: 'string' }, share: { type: 'number' } } },
        minItems: 1,
      },
    ],
  ])('%s', (_case, a, b, expected) => {
    const merged = mergeQuestion('q', a, b)
    if (typeof expected === 'string') expect(merged).toMatchObject({ conflict: { reason: expected } })
    else expect(merged).toEqual({ schema: expected })
  })

  it('names the nested question that clashes', () => {
    const merged = mergeQuestion(
      'shareholders',
      { type: 'array', items: { type: 'object', properties: { id: { type: 'string' } } } },
      { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } },
    )
    expect(merged).toEqual({ conflict: { field: 'shareholders[].id', reason: 'type' } })
  })
})

describe('the merged form of a bundle', () => {
  const registration = part(
    'REG',
    {
      properties: {
        enterpriseName: name,
        address: { type: 'string' },
        capital: { type: 'number', minimum: 0 },
      },
      required: ['enterpriseName', 'address'],
      allOf: [{ if: { properties: { capital: { minimum: 1000 } } }, then: { required: ['address'] } }],
    },
    { order: ['enterpriseName', 'address', 'capital'], address: { widget: 'textarea' } },
  )
  const seal = part(
    'SEAL',
    {
      properties: { enterpriseName: { ...name, maxLength: 60 }, sealCount: { type: 'integer', minimum: 1 } },
      required: ['enterpriseName', 'sealCount'],
    },
    { order: ['sealCount', 'enterpriseName'] },
  )
  const tax = part('TAX', {
    properties: { enterpriseName: name, hasInvoices: { type: 'boolean' }, invoiceCount: { type: 'integer' } },
    if: { properties: { hasInvoices: { const: true } } },
    then: { required: ['invoiceCount'] },
  })

  it('asks a question two matters ask once, with both bounds, and keeps every condition', () => {
    const merged = mergeForms([registration, seal, tax, part('NOTICE', null)])
    expect(merged.conflicts).toEqual([])
    const schema = merged.form.schema!
    expect(Object.keys(schema.properties as object)).toEqual([
      'enterpriseName',
      'address',
      'capital',
      'sealCount',
      'hasInvoices',
      'invoiceCount',
    ])
    expect((schema.properties as Record<string, JsonSchema>).enterpriseName).toEqual({
      ...name,
      maxLength: 60,
    })
    expect(schema.required).toEqual(['enterpriseName', 'address', 'sealCount'])
    expect(schema.allOf).toEqual([
      { if: { properties: { capital: { minimum: 1000 } } }, then: { required: ['address'] } },
      { if: { properties: { hasInvoices: { const: true } } }, then: { required: ['invoiceCount'] } },
    ])
    expect(merged.form.ui).toEqual({
      order: ['enterpriseName', 'address', 'capital', 'sealCount', 'hasInvoices', 'invoiceCount'],
      address: { widget: 'textarea' },
    })
    expect(merged.askedBy.enterpriseName).toEqual(['REG', 'SEAL', 'TAX'])
    expect([merged.fieldsOneByOne, merged.fieldsMerged]).toEqual([8, 6])
  })

  it('asks the questions in each form’s own order (a stored schema’s keys are not)', () => {
    const a = part(
      'A',
      { properties: { zz: { type: 'string' }, aa: { type: 'string' } } },
      { 'ui:order': ['zz', 'aa'] },
    )
    const b = part(
      'B',
      { properties: { yy: { type: 'string' }, aa: { type: 'string' }, bb: { type: 'string' } } },
      { order: ['bb', 'aa'] },
    )
    const merged = mergeForms([a, b])
    expect(Object.keys(merged.form.schema!.properties as object)).toEqual(['zz', 'aa', 'bb', 'yy'])
    expect(merged.form.ui!.order).toEqual(['zz', 'aa', 'bb', 'yy'])
  })

  it('keeps one copy of a condition two matters share', () => {
    const condition = { if: { properties: { a: { const: true } } }, then: { required: ['b'] } }
    const a = part('A', { properties: { a: { type: 'boolean' }, b: { type: 'string' } }, allOf: [condition] })
    const b = part('B', { properties: { a: { type: 'boolean' }, b: { type: 'string' } }, allOf: [condition] })
    expect(mergeForms([a, b]).form.schema!.allOf).toEqual([condition])
  })

  it('lists each conflicting question with every matter that asks it', () => {
    const merged = mergeForms([
      part('A', { properties: { employees: { type: 'integer' } } }),
      part('B', { properties: { employees: { type: 'string' } } }),
      part('C', { properties: { employees: { type: 'boolean' } } }),
    ])
    expect(merged.conflicts).toEqual([{ field: 'employees', reason: 'type', parts: ['A', 'B', 'C'] }])
  })

  it('is no form when no member has one', () => {
    expect(mergeForms([part('A', null), part('B', null)])).toMatchObject({ form: {}, fieldsMerged: 0 })
  })

  it('gives each matter only the answers to its own questions', () => {
    const data = { enterpriseName: '大连某某有限公司', sealCount: 2, address: '中山区', stray: 'x' }
    expect(restrictToForm(data, seal.form)).toEqual({ enterpriseName: '大连某某有限公司', sealCount: 2 })
    expect(restrictToForm(data, {})).toEqual({})
  })

  it.each<[string, FormPart[], { title: string; fields: string[] }[] | undefined]>([
    [
      'sections of the same title are one; a question placed once',
      [
        part(
          'A',
          { properties: { n: {}, a: {} } },
          {
            sections: [
              { title: '申请人', fields: ['n'] },
              { title: '甲', fields: ['a'] },
            ],
          },
        ),
        part(
          'B',
          { properties: { n: {}, b: {} } },
          {
            sections: [
              { title: '申请人', fields: ['n'] },
              { title: '乙', fields: ['b'] },
            ],
          },
        ),
      ],
      [
        { title: '申请人', fields: ['n'] },
        { title: '甲', fields: ['a'] },
        { title: '乙', fields: ['b'] },
      ],
    ],
    [
      'a member without sections brings its questions under its name',
      [
        part('A', { properties: { n: {}, a: {} } }, { sections: [{ title: '申请人', fields: ['n', 'a'] }] }),
        part('B', { properties: { n: {}, b: {} } }),
      ],
      [
        { title: '申请人', fields: ['n', 'a'] },
        { title: 'B', fields: ['b'] },
      ],
    ],
    [
      'a question no section lists goes to the last section',
      [part('A', { properties: { n: {}, a: {} } }, { sections: [{ title: '申请人', fields: ['n'] }] })],
      [{ title: '申请人', fields: ['n', 'a'] }],
    ],
    [
      'no member lays out sections: none',
      [part('A', { properties: { a: {} } }), part('B', { properties: { b: {} } })],
      undefined,
    ],
  ])('lays out the sections: %s', (_, parts, sections) => {
    expect(mergeForms(parts).form.ui!.sections).toEqual(sections)
  })
})
