/*
 * The page chunks on their way. A navigation is a React transition: the page being left stays on
 * screen, still answering, until the next page's chunk has arrived — on a slow phone network a tap
 * seems to do nothing. Counting the loads lets a thin bar say "coming" while the page stays mounted
 * (showing a Suspense fallback instead mounted a page afresh when a URL change met a part still
 * loading lazily, and a notice on it was lost — decision 0067).
 */
type Listener = () => void

let pending = 0
/** Counts the spells of loading (from none on the way to some): a bar is shown per spell. */
let spell = 0
const listeners = new Set<Listener>()

// A lazy component's load starts while React renders it: listeners hear of it after that render.
const notify = () => queueMicrotask(() => listeners.forEach((listener) => listener()))

/** Counts a chunk load while it is on its way (resolved or failed, it stops counting). */
export function trackChunkLoad<T>(load: Promise<T>): Promise<T> {
  if (pending++ === 0) spell++
  notify()
  return load.finally(() => {
    pending--
    notify()
  })
}

export const chunkLoads = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
  /** The spell of loading under way, 0 when nothing is on its way. */
  spell: (): number => (pending > 0 ? spell : 0),
}
