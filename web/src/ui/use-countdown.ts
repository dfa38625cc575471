import { useCallback, useEffect, useState } from 'react'

/** Seconds left until something may be done again (resending a code); 0 when allowed. */
export function useCountdown(): [number, (seconds: number) => void] {
  const [endsAt, setEndsAt] = useState(0)
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (endsAt <= now) return
    const timer = window.setTimeout(() => setNow(Date.now()), 250)
    return () => window.clearTimeout(timer)
  }, [endsAt, now])

  const start = useCallback((seconds: number) => {
    const current = Date.now()
    setNow(current)
    setEndsAt(current + seconds * 1000)
  }, [])

  return [Math.max(0, Math.ceil((endsAt - now) / 1000)), start]
}
