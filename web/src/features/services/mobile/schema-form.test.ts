import { describe, expect, it } from 'vitest'
import { orderedQuestions, requiredNow } from './schema-form'

const form = {
  schema: {
    type: 'object',
    properties: { b: { type: 'string' }, a: { type: 'boolean' }, c: { type: 'string' } },
    required: ['b'],
    allOf: [{ if: { properties: { a: { const: true } } }, then: { required: ['c'] } }],
  },
  ui: { order: ['a', 'c', 'gone'] },
}

describe('the placeholder form renderer', () => {
  it('asks in the layout’s order, then the rest', () => {
    expect(orderedQuestions(form).map(([name]) => name)).toEqual(['a', 'c', 'b'])
    expect(orderedQuestions({})).toEqual([])
  })

  it.each([
    [{}, ['b']],
    [{ a: false }, ['b']],
    [{ a: true }, ['b', 'c']],
  ])('with %o requires %o', (values, required) => {
    expect([...requiredNow(form.schema, values)]).toEqual(required)
  })
})
