// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../app/api'
import { useFormSubmit } from './use-form-submit'

vi.mock('react-i18next', () => ({ useTranslation: () => ({ t: (key: string) => key }) }))

/** What a create form's submit shows: nothing while it goes well, the server's refusal where it belongs. */
type Seen = ReturnType<typeof useFormSubmit<{ title: string }>>

async function run(
  send: () => Promise<void>,
  errors: Parameters<typeof useFormSubmit>[2] = { fields: ['title'] },
) {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  const setFields = vi.fn()
  const states: Seen[] = []
  function Probe() {
    states.push(useFormSubmit<{ title: string }>({ setFields }, send, errors))
    return null
  }
  const root = createRoot(document.createElement('div'))
  await act(async () => root.render(<Probe />))
  await act(async () => states.at(-1)!.submit({ title: 'x' }))
  act(() => root.unmount())
  return { states, setFields }
}

describe('useFormSubmit', () => {
  it('is saving while it sends and leaves no banner when the send succeeds', async () => {
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
    let finish = () => {}
    const sent = new Promise<void>((resolve) => (finish = resolve))
    const states: Seen[] = []
    function Probe() {
      states.push(
        useFormSubmit<{ title: string }>({ setFields: () => {} }, () => sent, { fields: ['title'] }),
      )
      return null
    }
    const root = createRoot(document.createElement('div'))
    await act(async () => root.render(<Probe />))
    await act(async () => states.at(-1)!.submit({ title: 'x' }))
    expect(states.at(-1)!.saving).toBe(true)
    await act(async () => {
      finish()
      await sent
    })
    expect(states.at(-1)).toMatchObject({ saving: false, banner: undefined })
    act(() => root.unmount())
  })

  it('puts a field the server names under it, the rest in the banner', async () => {
    const { states, setFields } = await run(() =>
      Promise.reject(
        new ApiError(400, 'VALIDATION_FAILED', '请检查', { title: '必填', other: '另一个问题' }),
      ),
    )
    expect(setFields).toHaveBeenCalledWith([{ name: ['title'], errors: ['必填'] }])
    expect(states.at(-1)!.banner).toContain('请检查')
    expect(states.at(-1)!.saving).toBe(false)
  })

  it('sends a code that belongs to a field there, with no banner', async () => {
    const { states, setFields } = await run(
      () => Promise.reject(new ApiError(409, 'TITLE_TAKEN', '名称已用')),
      { fields: ['title'], codeToField: { TITLE_TAKEN: 'title' } },
    )
    expect(setFields).toHaveBeenCalledWith([{ name: ['title'], errors: ['名称已用'] }])
    expect(states.at(-1)!.banner).toBeUndefined()
  })

  it('renames the server fields first, and says something generic for a failure that is not an answer', async () => {
    const renamed = await run(
      () => Promise.reject(new ApiError(400, 'VALIDATION_FAILED', '请检查', { name: '必填' })),
      {
        fields: ['title'],
        renameFields: (e) =>
          new ApiError(400, 'VALIDATION_FAILED', '请检查', { title: (e as ApiError).fields.name! }),
      },
    )
    expect(renamed.setFields).toHaveBeenCalledWith([{ name: ['title'], errors: ['必填'] }])
    const broken = await run(() => Promise.reject(new TypeError('Failed to fetch')))
    expect(broken.states.at(-1)!.banner).toBeTruthy()
  })
})
