import type { Feature } from './feature'

let registered: readonly Feature[] = []

/**
 * The listed features, handed over once by the router at start. Pages reach the list through this
 * small module rather than importing app/features.ts, which would pull every feature's entry into
 * the lazy chunks' graph (and split the entry chunk a phone downloads first).
 */
export function registerFeatures(features: readonly Feature[]): void {
  registered = features
}

export function registeredFeatures(): readonly Feature[] {
  return registered
}
