import { describe, expect, it } from 'vitest'
import { meets, visibleSections, withPrefill, type FormDefinition } from './form-logic'

describe('meets', () => {
  it.each([
    [{ properties: { online: { const: true } }, required: ['online'] }, { online: true }, true],
    [{ properties: { online: { const: true } }, required: ['online'] }, { online: false }, false],
    [{ properties: { online: { const: true } }, required: ['online'] }, {}, false],
    [{ properties: { kind: { enum: ['甲', '乙'] } } }, { kind: '乙' }, true],
    [{ properties: { items: { contains: { const: '热食' } } } }, { items: ['冷食', '热食'] }, true],
    [{ properties: { items: { contains: { const: '热食' } } } }, { items: ['冷食'] }, false],
  ])('%j with %j → %s', (condition, data, expected) => expect(meets(condition, data)).toBe(expected))
})

describe('visibleSections', () => {
  const form: FormDefinition = {
    schema: {
      type: 'object',
      properties: { a: { type: 'string' }, online: { type: 'boolean' }, b: { type: 'string' } },
      required: ['a'],
      allOf: [
        {
          if: { properties: { online: { const: true } }, required: ['online'] },
          then: { properties: { platform: { type: 'string' } }, required: ['platform'] },
        },
      ],
    },
    ui: {
      sections: [
        { title: '一', fields: ['a', 'online'] },
        { title: '二', fields: ['b'] },
      ],
    },
  }
  const names = (data: Record<string, unknown>) =>
    visibleSections(form, data).map((s) => s.fields.map((f) => `${f.name}${f.required ? '*' : ''}`))

  it('places a conditional question after its trigger, required, only while it holds', () => {
    expect(names({})).toEqual([['a*', 'online'], ['b']])
    expect(names({ online: true })).toEqual([['a*', 'online', 'platform*'], ['b']])
  })
})

describe('withPrefill', () => {
  it('keeps what was typed and fills only the blanks', () => {
    expect(withPrefill({ name: '自填', phone: '' }, { name: '档案', phone: '139', uscc: 'X' })).toEqual({
      name: '自填',
      phone: '139',
      uscc: 'X',
    })
  })
})
