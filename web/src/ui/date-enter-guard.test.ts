import { describe, expect, it } from 'vitest'
import { isDateField, shouldCancelEnter, type TargetLike } from './date-enter-guard'

const input = (type: string, inPicker = false): TargetLike => ({
  tagName: 'INPUT',
  type,
  closest: (selector: string) => (inPicker && selector.includes('.ant-picker') ? {} : null),
})

describe('Enter in a date field', () => {
  it.each([
    ['a native date input', input('date'), true],
    ['a native date-time input', input('datetime-local'), true],
    ["antd's DatePicker input", input('text', true), true],
    ['a text input', input('text'), false],
    ['a phone input', input('tel'), false],
    ['a textarea', { tagName: 'TEXTAREA' }, false],
    ['a button', { tagName: 'BUTTON', type: 'submit' }, false],
    ['nothing', null, false],
  ])('%s is a date field: %s', (_name, target, expected) => {
    expect(isDateField(target)).toBe(expected)
  })

  it('cancels only Enter, and not while an input method is composing', () => {
    expect(shouldCancelEnter({ key: 'Enter', target: input('date') })).toBe(true)
    expect(shouldCancelEnter({ key: 'Enter', target: input('text', true) })).toBe(true)
    expect(shouldCancelEnter({ key: 'Tab', target: input('date') })).toBe(false)
    expect(shouldCancelEnter({ key: 'Enter', target: input('text') })).toBe(false)
    expect(shouldCancelEnter({ key: 'Enter', target: input('date'), isComposing: true })).toBe(false)
  })
})
