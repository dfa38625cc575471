import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'

export type Loaded<T> = {
  data: T | undefined
  error: unknown
  isLoading: boolean
  /** Load again (after a write elsewhere changed what the server would answer). */
  reload: () => void
  /** Replace the data after a write answered with the new state (no second request). */
  setData: (update: T | ((current: T | undefined) => T)) => void
}

type Settled<T> = { key: string | undefined; data: T | undefined; error: unknown }

/**
 * Loads data for a page and keeps the last answer while a newer one loads; an answer to an older
 * request (fast filter changes) is dropped. `deps` are plain values (ids, filter objects): the load
 * runs again when their JSON changes. Pass `enabled: false` to wait.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList, enabled = true): Loaded<T> {
  const [reloads, setReloads] = useState(0)
  const [settled, setSettled] = useState<Settled<T>>({ key: undefined, data: undefined, error: undefined })
  const requestKey = JSON.stringify([deps, reloads])
  // The latest closure, read when the request starts: the key above decides when that is.
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })

  useEffect(() => {
    if (!enabled) return
    let isCurrent = true
    loadRef.current().then(
      (data) => isCurrent && setSettled({ key: requestKey, data, error: undefined }),
      (error: unknown) => isCurrent && setSettled((last) => ({ key: requestKey, data: last.data, error })),
    )
    return () => {
      isCurrent = false
    }
  }, [requestKey, enabled])

  const reload = useCallback(() => setReloads((n) => n + 1), [])
  const setData = useCallback((update: T | ((current: T | undefined) => T)) => {
    setSettled((last) => ({
      ...last,
      error: undefined,
      data: typeof update === 'function' ? (update as (current: T | undefined) => T)(last.data) : update,
    }))
  }, [])

  return {
    data: settled.data,
    error: settled.error,
    isLoading: enabled && settled.key !== requestKey,
    reload,
    setData,
  }
}
