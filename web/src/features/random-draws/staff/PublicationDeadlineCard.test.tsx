// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/dom'
import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PublicationDeadlineCard } from './PublicationDeadlineCard'

// As in DrawActions.test.tsx: antd and react-i18next load a second React in the test runner, so
// plain elements with the same props stand in for them, and t() answers its key (with the days).
// The form stand-in submits its initial values with what the number field holds.
vi.mock('react-i18next', () => ({
  useTranslation: () => ({
    t: (key: string, params?: { days?: number }) => (params?.days ? `${key}:${params.days}` : key),
  }),
}))
const ui = vi.hoisted(() => ({ success: vi.fn(), warning: vi.fn(), setFields: vi.fn() }))
vi.mock('antd', async () => {
  const { createElement: h, useRef } = await import('react')
  type Props = Record<string, unknown> & { children?: ReactNode }
  const Form = Object.assign(
    ({ children, onFinish, initialValues }: Props) => {
      const ref = useRef<HTMLFormElement>(null)
      const onSubmit = (event: Event) => {
        event.preventDefault()
        const input = ref.current!.querySelector('input')!
        ;(onFinish as (v: unknown) => void)({
          ...(initialValues as object),
          publishWithinWorkingDays: Number(input.value),
        })
      }
      return h('form', { ref, onSubmit }, children)
    },
    {
      Item: ({ children, label }: Props) => h('div', null, label as ReactNode, children),
      useForm: () => [{ setFields: ui.setFields }],
    },
  )
  return {
    Alert: ({ title }: Props) => h('div', { role: 'alert' }, title as ReactNode),
    App: { useApp: () => ({ message: { success: ui.success }, modal: { warning: ui.warning } }) },
    Button: ({ children, htmlType }: Props) =>
      h('button', { type: (htmlType as string) ?? 'button' }, children),
    Card: ({ children, title, loading }: Props) =>
      h('section', null, title as ReactNode, loading ? h('p', null, 'loading') : children),
    Form,
    InputNumber: ({ min, max }: Props) =>
      h('input', { type: 'number', min, max, defaultValue: '20', 'aria-label': 'days' }),
    Typography: { Paragraph: ({ children }: Props) => h('p', null, children) },
  }
})

const api = vi.hoisted(() => ({ settings: vi.fn(), saveSettings: vi.fn() }))
vi.mock('../random-draws.api', () => ({ randomDrawsApi: api }))

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
let root: Root | undefined
async function render(ui: ReactNode) {
  const host = document.body.appendChild(document.createElement('div'))
  root = createRoot(host)
  await act(async () => root!.render(ui))
}
beforeEach(() => {
  Object.values(api).forEach((fn) => fn.mockReset())
  Object.values(ui).forEach((fn) => fn.mockReset())
  api.settings.mockResolvedValue({ publishWithinWorkingDays: 20, version: 3 })
})
afterEach(() => {
  act(() => root?.unmount())
  document.body.innerHTML = ''
})

const save = async () => {
  await act(async () => {
    fireEvent.submit(document.querySelector('form')!)
  })
}

describe('the publication deadline card', () => {
  it('shows a reader the deadline as a sentence, with no field and no button', async () => {
    await render(<PublicationDeadlineCard canChange={false} />)
    expect(screen.getByText('randomDraws.staff.settings.readOnly:20')).toBeTruthy()
    expect(document.querySelector('input')).toBeNull()
    expect(screen.queryAllByRole('button')).toEqual([])
    expect(api.saveSettings).not.toHaveBeenCalled()
  })

  it('lets the administrator change it, sending the version read', async () => {
    api.saveSettings.mockResolvedValue({ publishWithinWorkingDays: 15, version: 4 })
    await render(<PublicationDeadlineCard canChange />)
    const field = screen.getByLabelText('days') as HTMLInputElement
    expect([field.min, field.max]).toEqual(['1', '60'])
    fireEvent.change(field, { target: { value: '15' } })
    await save()
    expect(api.saveSettings).toHaveBeenCalledWith({ version: 3, publishWithinWorkingDays: 15 })
    expect(ui.success).toHaveBeenCalledWith('randomDraws.staff.settings.saved')
  })

  it('asks to reload when someone else changed it first, and shows no error banner', async () => {
    const { ApiError } = await import('../../../app/api')
    api.saveSettings.mockRejectedValue(new ApiError(409, 'VERSION_CONFLICT', '数据已被他人修改'))
    await render(<PublicationDeadlineCard canChange />)
    await save()
    expect(ui.warning).toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it("puts the server's message for the field under the field", async () => {
    const { ApiError } = await import('../../../app/api')
    api.saveSettings.mockRejectedValue(
      new ApiError(400, 'VALIDATION_FAILED', '请检查填写的内容', { publishWithinWorkingDays: '不能大于 60' }),
    )
    await render(<PublicationDeadlineCard canChange />)
    await save()
    expect(ui.setFields).toHaveBeenCalledWith([
      { name: ['publishWithinWorkingDays'], errors: ['不能大于 60'] },
    ])
    expect(screen.getByRole('alert').textContent).toBe('请检查填写的内容')
  })
})
