// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/dom'
import { act, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RandomDraw } from '../random-draws.api'
import { DrawActions } from './DrawActions'

// antd and react-i18next are CommonJS packages in the root node_modules, where antd-mobile's peer
// range put a second React; the test runner would load them with that React. Which panels the card
// shows and what a move sends do not depend on them: plain elements with the same props stand in,
// and t() answers its key.
vi.mock('react-i18next', () => ({ useTranslation: () => ({ t: (key: string) => key }) }))
vi.mock('@ant-design/icons', () => ({
  CopyOutlined: () => null,
  DownloadOutlined: () => null,
  ReloadOutlined: () => null,
  UploadOutlined: () => null,
}))
vi.mock('antd', async () => {
  const { createElement: h } = await import('react')
  type Props = Record<string, unknown> & { children?: ReactNode }
  const pass =
    (tag: string) =>
    ({ children }: Props) =>
      h(tag, null, children)
  const form = { setFieldsValue: () => {}, setFields: () => {} }
  const Form = Object.assign(({ children }: Props) => h('form', null, children), {
    Item: ({ children, label }: Props) => h('div', null, label as ReactNode, children),
    useForm: () => [form],
    useWatch: () => undefined,
  })
  const Button = ({ children, onClick, htmlType }: Props) =>
    h('button', { type: (htmlType as string) ?? 'button', onClick }, children)
  // the confirmation answers yes at once
  const Popconfirm = ({ children, onConfirm }: Props) =>
    h('span', { onClickCapture: () => void (onConfirm as () => unknown)() }, children)
  const Card = ({ children, title, ...rest }: Props) =>
    h('section', { 'data-testid': rest['data-testid'] }, h('h2', null, title as ReactNode), children)
  const Typography = {
    Title: ({ children }: Props) => h('h3', null, children),
    Paragraph: pass('p'),
    Text: pass('span'),
  }
  return {
    Alert: ({ title, description }: Props) =>
      h('div', { role: 'alert' }, title as ReactNode, description as ReactNode),
    App: { useApp: () => ({ message: { success: vi.fn(), warning: vi.fn() } }) },
    Button,
    Card,
    Checkbox: pass('label'),
    Form,
    Input: () => h('input'),
    Popconfirm,
    Radio: { Group: () => null },
    Space: pass('div'),
    Typography,
    Upload: pass('span'),
  }
})

const api = vi.hoisted(() => ({
  commit: vi.fn(),
  reveal: vi.fn(),
  freeze: vi.fn(),
  draw: vi.fn(),
  publish: vi.fn(),
}))
vi.mock('../random-draws.api', () => ({ randomDrawsApi: api }))

function aDraw(actions: RandomDraw['actions']): RandomDraw {
  return {
    id: 'draw-1',
    title: '2026 年度食品经营双随机抽查',
    status: 'committing',
    version: 7,
    myPosition: 1,
    parties: [],
    actions,
  } as unknown as RandomDraw
}

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
let root: Root | undefined
function render(ui: ReactNode) {
  const host = document.body.appendChild(document.createElement('div'))
  root = createRoot(host)
  act(() => root!.render(ui))
}
beforeEach(() => Object.values(api).forEach((fn) => fn.mockReset()))
afterEach(() => {
  act(() => root?.unmount())
  document.body.innerHTML = ''
})

const panels = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent)
const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent)
const SUBMITS = ['commit', 'reveal', 'freeze', 'draw', 'publish'].map(
  (action) => `randomDraws.staff.actions.${action}.submit`,
)

describe('the moves a draw page offers', () => {
  it('are none when the server lists none', () => {
    render(<DrawActions draw={aDraw([])} onChanged={() => {}} onConflict={() => {}} />)
    expect(panels()).toEqual([])
    expect(buttons()).toEqual([])
    expect(screen.getByText('randomDraws.staff.actions.none')).toBeTruthy()
  })

  it.each([['commit'], ['reveal'], ['freeze'], ['draw'], ['publish']] as const)(
    'are exactly %s when that is the one the server lists',
    (action) => {
      render(<DrawActions draw={aDraw([action])} onChanged={() => {}} onConflict={() => {}} />)
      expect(panels()).toEqual([`randomDraws.staff.actions.${action}.title`])
      const submit = `randomDraws.staff.actions.${action}.submit`
      expect(buttons()).toContain(submit)
      expect(buttons().filter((b) => SUBMITS.includes(b!))).toEqual([submit])
    },
  )

  it('keep the order of the ceremony whatever order the server lists them in', () => {
    render(<DrawActions draw={aDraw(['publish', 'reveal'])} onChanged={() => {}} onConflict={() => {}} />)
    expect(panels()).toEqual([
      'randomDraws.staff.actions.reveal.title',
      'randomDraws.staff.actions.publish.title',
    ])
  })
})

describe('a move', () => {
  it('sends the version the page was loaded with, and hands the answer back', async () => {
    const answered = { ...aDraw([]), status: 'revealing', version: 8 } as RandomDraw
    api.freeze.mockResolvedValue(answered)
    const onChanged = vi.fn()
    render(<DrawActions draw={aDraw(['freeze'])} onChanged={onChanged} onConflict={() => {}} />)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'randomDraws.staff.actions.freeze.submit' }))
    })
    expect(api.freeze).toHaveBeenCalledWith('draw-1', 7)
    expect(onChanged).toHaveBeenCalledWith(answered)
  })

  it('reloads the draw when someone else moved it first', async () => {
    const { ApiError } = await import('../../../app/api')
    api.publish.mockRejectedValue(new ApiError(409, 'VERSION_CONFLICT', 'changed'))
    const onConflict = vi.fn()
    render(<DrawActions draw={aDraw(['publish'])} onChanged={() => {}} onConflict={onConflict} />)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'randomDraws.staff.actions.publish.submit' }))
    })
    expect(api.publish).toHaveBeenCalledWith('draw-1', 7)
    expect(onConflict).toHaveBeenCalled()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
