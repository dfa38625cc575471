import { useEffect, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { chunkLoads } from './chunk-loads'

/** Shown only when a load takes longer than this: a quick page change should not flash a bar. */
export const CHUNK_PROGRESS_DELAY_MS = 300

/**
 * A thin bar along the top of the screen while the next page's code is on its way, over whatever
 * page is showing (it takes no clicks and keeps the page as it is). No UI library: entry chunk.
 */
export function ChunkProgress() {
  const { t } = useTranslation()
  const loading = useSyncExternalStore(chunkLoads.subscribe, chunkLoads.spell)
  // the spell of loading whose delay has passed; a later spell waits its own delay
  const [due, setDue] = useState(0)
  useEffect(() => {
    if (!loading) return
    const timer = window.setTimeout(() => setDue(loading), CHUNK_PROGRESS_DELAY_MS)
    return () => window.clearTimeout(timer)
  }, [loading])
  const isShown = loading !== 0 && due === loading
  return isShown ? (
    <div className="chunk-progress" role="progressbar" aria-label={t('common.loading')} />
  ) : null
}
