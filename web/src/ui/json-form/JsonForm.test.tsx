// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/dom'
import { act, useCallback, useState, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FormDefinition, JsonSchema } from './form-logic'
import { fieldRenders, JsonForm } from './JsonForm'

// antd-mobile and react-i18next are CommonJS packages in the root node_modules, where antd-mobile's
// peer range put a second React; the test runner would load them with that React. The form's work
// (which questions, in which order, one render per keystroke) does not depend on them: plain
// controls with the same props stand in, and t() answers its key.
vi.mock('react-i18next', () => ({ useTranslation: () => ({ t: (key: string) => key }) }))
vi.mock('antd-mobile', async () => {
  const { createElement: h } = await import('react')
  type Props = Record<string, unknown> & { onChange?: (v: unknown) => void; children?: unknown }
  const text = ({ onChange, autoSize: _a, clearable: _c, ...rest }: Props) =>
    h('input', { ...rest, onChange: (e: { target: { value: string } }) => onChange?.(e.target.value) })
  const Selector = ({ options, value, multiple, onChange }: Props) =>
    h(
      'div',
      null,
      (options as { label: string; value: string }[]).map((o) =>
        h(
          'button',
          {
            key: o.value,
            type: 'button',
            'aria-pressed': (value as string[]).includes(o.value),
            onClick: () =>
              onChange?.(
                multiple
                  ? (value as string[]).includes(o.value)
                    ? (value as string[]).filter((v) => v !== o.value)
                    : [...(value as string[]), o.value]
                  : [o.value],
              ),
          },
          o.label,
        ),
      ),
    )
  const Button = ({ onClick, children }: Props) =>
    h('button', { type: 'button', onClick }, children as string)
  return { Input: text, TextArea: text, Selector, Button }
})

/**
 * A 75-question form stays responsive (issue 12 item 2): rendered whole, typed into, and each
 * keystroke re-renders the one question typed in — counted, never timed.
 */
function bigForm(): FormDefinition {
  const properties: Record<string, JsonSchema> = {}
  for (let i = 1; i <= 70; i++) properties[`q${i}`] = { type: 'string', title: `问题 ${i}`, maxLength: 100 }
  properties.area = { type: 'number', title: '面积（平方米）', minimum: 1 }
  properties.kind = { type: 'string', title: '类别', enum: ['甲', '乙'] }
  properties.online = { type: 'boolean', title: '是否网络经营' }
  properties.items = { type: 'array', title: '经营项目', items: { type: 'string', enum: ['热食', '冷食'] } }
  properties.staff = {
    type: 'array',
    title: '从业人员',
    items: { type: 'object', properties: { name: { type: 'string', title: '姓名' } }, required: ['name'] },
  }
  return {
    schema: {
      type: 'object',
      properties,
      required: ['q1', 'area'],
      allOf: [
        {
          if: { properties: { online: { const: true } }, required: ['online'] },
          then: { properties: { platform: { type: 'string', title: '平台名称' } }, required: ['platform'] },
        },
      ],
    },
    ui: {
      sections: [
        { title: '第一部分', fields: Object.keys(properties).slice(0, 40) },
        { title: '第二部分', fields: Object.keys(properties).slice(40) },
      ],
    },
  }
}

const ISSUES = { q2: '必填' }

function Harness({ form, initial = {} }: { form: FormDefinition; initial?: Record<string, unknown> }) {
  const [data, setData] = useState<Record<string, unknown>>(initial)
  const change = useCallback((name: string, value: unknown) => setData((d) => ({ ...d, [name]: value })), [])
  return (
    <>
      <JsonForm form={form} data={data} issues={ISSUES} onChange={change} />
      <output data-testid="data">{JSON.stringify(data)}</output>
    </>
  )
}

const data = () => JSON.parse(screen.getByTestId('data').textContent ?? '{}') as Record<string, unknown>
const input = (label: string) => screen.getByLabelText(new RegExp(`^${label}\\*?$`)) as HTMLInputElement

// React's own root and act (Testing Library's React binding would load the second React that sits
// in the root node_modules); the queries and events are Testing Library's DOM ones.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
let root: Root | undefined
function render(ui: ReactNode) {
  const host = document.body.appendChild(document.createElement('div'))
  root = createRoot(host)
  act(() => root!.render(ui))
}
const type = (element: Element, value: string) =>
  act(() => void fireEvent.change(element, { target: { value } }))
afterEach(() => {
  act(() => root?.unmount())
  document.body.innerHTML = ''
})

describe('JsonForm', () => {
  it('renders 75 questions and a keystroke re-renders only the one typed in', () => {
    const form = bigForm()
    fieldRenders.count = 0
    render(<Harness form={form} />)
    expect(fieldRenders.count).toBe(75)
    expect(document.querySelectorAll('[data-field]')).toHaveLength(75)

    fieldRenders.count = 0
    type(input('问题 37'), '大连')
    expect(data()).toMatchObject({ q37: '大连' })
    expect(fieldRenders.count).toBe(1)

    for (const [i, text] of [
      [1, '甲'],
      [2, '乙'],
      [70, '丙'],
    ] as const)
      type(input(`问题 ${i}`), text)
    type(input('面积（平方米）'), '12.5')
    expect(data()).toMatchObject({ q1: '甲', q2: '乙', q70: '丙', area: 12.5 })
    expect(screen.getByRole('alert').textContent).toBe('必填')
  })

  it('shows a conditional question when its condition holds, right after its trigger', () => {
    render(<Harness form={bigForm()} />)
    expect(screen.queryByLabelText(/^平台名称/)).toBeNull()
    act(() => screen.getAllByText('jsonForm.yes')[0]!.click())
    expect(data()).toMatchObject({ online: true })
    const fields = [...document.querySelectorAll('[data-field]')].map((e) => e.getAttribute('data-field'))
    expect(fields[fields.indexOf('online') + 1]).toBe('platform')
  })

  it('adds and removes rows of a repeatable group', () => {
    render(<Harness form={bigForm()} />)
    act(() => screen.getByText('jsonForm.addRow').click())
    act(() => screen.getByText('jsonForm.addRow').click())
    const names = screen.getAllByLabelText(/^姓名/) as HTMLInputElement[]
    type(names[1]!, '赵四')
    expect(data().staff).toEqual([{}, { name: '赵四' }])
    act(() => screen.getAllByText('jsonForm.removeRow')[0]!.click())
    expect(data().staff).toEqual([{ name: '赵四' }])
  })
})
