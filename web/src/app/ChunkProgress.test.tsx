// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { chunkLoads, trackChunkLoad } from './chunk-loads'
import { CHUNK_PROGRESS_DELAY_MS, ChunkProgress } from './ChunkProgress'

// react-i18next would load a second React in the test runner (DrawActions.test.tsx): t() answers its key.
vi.mock('react-i18next', () => ({ useTranslation: () => ({ t: (key: string) => key }) }))
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function deferred() {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('chunk loads', () => {
  it('counts each load while it is on its way, whether it arrives or fails', async () => {
    const heard = vi.fn()
    const stop = chunkLoads.subscribe(heard)
    const a = deferred()
    const b = deferred()
    const first = trackChunkLoad(a.promise)
    const second = trackChunkLoad(b.promise).catch((error: Error) => error.message)
    const spell = chunkLoads.spell()
    expect(spell).toBeGreaterThan(0)
    a.resolve()
    await first
    // one still on its way: the same spell
    expect(chunkLoads.spell()).toBe(spell)
    b.reject(new Error('chunk failed'))
    // the failure still reaches the page (its error boundary), and the load stops counting
    expect(await second).toBe('chunk failed')
    expect(chunkLoads.spell()).toBe(0)
    await Promise.resolve()
    expect(heard).toHaveBeenCalled()
    stop()
  })
})

describe('ChunkProgress', () => {
  let root: Root
  let host: HTMLElement
  beforeEach(() => {
    vi.useFakeTimers()
    host = document.createElement('div')
    document.body.append(host)
    root = createRoot(host)
  })
  afterEach(() => {
    act(() => root.unmount())
    host.remove()
    vi.useRealTimers()
  })

  const bar = () => host.querySelector('[role="progressbar"]')

  it('shows a bar only for a load slower than the delay, and takes it away when it arrives', async () => {
    act(() => root.render(<ChunkProgress />))
    const quick = deferred()
    await act(async () => {
      void trackChunkLoad(quick.promise)
      await Promise.resolve()
    })
    await act(async () => {
      vi.advanceTimersByTime(CHUNK_PROGRESS_DELAY_MS - 50)
      quick.resolve()
      await quick.promise
    })
    await act(async () => vi.advanceTimersByTime(1000))
    expect(bar()).toBeNull()

    const slow = deferred()
    await act(async () => {
      void trackChunkLoad(slow.promise)
      await Promise.resolve()
    })
    await act(async () => vi.advanceTimersByTime(CHUNK_PROGRESS_DELAY_MS))
    expect(bar()?.getAttribute('aria-label')).toBe('common.loading')
    await act(async () => {
      slow.resolve()
      await slow.promise
    })
    expect(bar()).toBeNull()

    // the next load waits its own delay: no bar the moment it starts
    const next = deferred()
    await act(async () => {
      void trackChunkLoad(next.promise)
      await Promise.resolve()
    })
    expect(bar()).toBeNull()
    await act(async () => vi.advanceTimersByTime(CHUNK_PROGRESS_DELAY_MS))
    expect(bar()).not.toBeNull()
    await act(async () => {
      next.resolve()
      await next.promise
    })
  })
})
