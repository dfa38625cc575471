import { lazy, type ComponentType } from 'react'
import { trackChunkLoad } from './chunk-loads'

/**
 * React.lazy for modules with named exports: every page module stays a plain module with a named
 * component, and the router decides what is split off.
 */
export function lazyNamed<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
) {
  return lazy(async () => ({ default: (await trackChunkLoad(load()))[name] }))
}
